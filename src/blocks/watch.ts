/**
 * The limits-watch alert (one message per episode, edited in place), its thread replies, and the
 * `/sflimits who` answer.
 */
import { ACTIONS, WATCH_BLOCKS, WATCH_SNOOZE } from '../slack/ids';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import type { WatchEpisodeRecord, WatchLevel, WatchSilenceRecord } from '../store/types';
import { MSG } from '../user-messages';
import { aboutDuration, zonedTime } from '../watch/time';
import { type KnownBlock, LIMITS, type MessagePayload } from './types';

/** What an alert shows, stored with the episode so any replica (or a button) can redraw it. */
export interface WatchDetail {
  readonly percent: number;
  readonly used: number;
  readonly max: number;
  readonly remaining: number;
  readonly takenAt: number;
  /** The worst level seen in this episode. */
  readonly peak: WatchLevel;
  readonly projection?:
    | {
        readonly exhaustAt: number;
        readonly msLeft: number;
        readonly confidence: string;
        readonly samples: number;
        readonly spanMs: number;
      }
    | undefined;
}

export interface AlertContext {
  readonly timezone: string;
  readonly now: number;
  readonly intervalSeconds: number;
  readonly warnPercent: number;
  readonly criticalPercent: number;
  readonly silence: WatchSilenceRecord | undefined;
}

const ICON: Record<WatchLevel, string> = {
  projected: ':hourglass_flowing_sand:',
  warning: ':large_yellow_circle:',
  critical: ':red_circle:',
  exhausted: ':rotating_light:',
};

const LEVEL_TEXT: Record<WatchLevel, string> = {
  projected: 'projected to run out within the horizon',
  warning: 'warning band',
  critical: 'critical band',
  exhausted: 'exhausted',
};

const n = (v: number) => v.toLocaleString('en-US');
export const pct = (p: number) => `${p.toFixed(p < 10 ? 1 : 0)}%`;

export function isWatchDetail(value: unknown): value is WatchDetail {
  const d = value as Partial<WatchDetail> | null;
  return d !== null && typeof d === 'object' && typeof d.percent === 'number' && typeof d.max === 'number';
}

/** The episode's message: headline, projection, who acknowledged / snoozed / muted, and the buttons. */
export function buildWatchAlert(episode: WatchEpisodeRecord, detail: WatchDetail, c: AlertContext): MessagePayload {
  const limit = escapeMrkdwn(episode.limitKey);
  const org = escapeMrkdwn(episode.org);
  const resolved = episode.status === 'resolved';
  const level = episode.level;
  const usage = `${n(detail.used)} of ${n(detail.max)} used, ${n(detail.remaining)} left`;
  let headline: string;
  let text: string;
  if (resolved) {
    text = MSG.watchResolved(episode.limitKey, episode.org, pct(detail.percent), LEVEL_TEXT[detail.peak]);
    headline = `:white_check_mark: ${escapeMrkdwn(text)} (${usage})`;
  } else if (episode.belowCount > 0) {
    text = MSG.watchBackUnder(episode.limitKey, pct(detail.percent));
    headline = `:arrow_down: *${limit}* in \`${org}\`: ${escapeMrkdwn(text)} (${usage})`;
  } else if (level === 'projected' && detail.projection !== undefined) {
    text = MSG.watchProjected(episode.limitKey, episode.org, aboutDuration(detail.projection.msLeft));
    headline = `${ICON[level]} *${limit}* in \`${org}\` is at *${pct(detail.percent)}* and on course to run out in ${aboutDuration(detail.projection.msLeft)} (${usage}).`;
  } else {
    text = MSG.watchOpened(episode.limitKey, episode.org, pct(detail.percent), LEVEL_TEXT[level]);
    headline = `${ICON[level]} *${limit}* in \`${org}\` is at *${pct(detail.percent)}*: ${LEVEL_TEXT[level]} (${usage}).`;
  }
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: WATCH_BLOCKS.headline,
      text: { type: 'mrkdwn', text: clip(headline, LIMITS.sectionText) },
    },
  ];
  const p = detail.projection;
  if (!resolved && p !== undefined && p.msLeft > 0) {
    blocks.push({
      type: 'section',
      block_id: WATCH_BLOCKS.projection,
      text: {
        type: 'mrkdwn',
        text: clip(
          `${escapeMrkdwn(MSG.watchProjection(episode.limitKey, aboutDuration(p.msLeft), zonedTime(p.exhaustAt, c.timezone, c.now)))}\n_${escapeMrkdwn(MSG.watchConfidence(p.confidence, p.samples, aboutDuration(p.spanMs).replace(/^about /, '')))}_`,
          LIMITS.sectionText,
        ),
      },
    });
  }
  const state: string[] = [];
  if (episode.ackedBy !== undefined && episode.ackedAt !== undefined)
    state.push(MSG.watchAcknowledged(episode.ackedBy, zonedTime(episode.ackedAt, c.timezone, c.now)));
  if (c.silence?.kind === 'mute') state.push(MSG.watchMuted(c.silence.byUser));
  else if (c.silence?.kind === 'snooze' && c.silence.until !== undefined && c.silence.until > c.now)
    state.push(MSG.watchSnoozed(c.silence.byUser, zonedTime(c.silence.until, c.timezone, c.now)));
  const minutes = c.intervalSeconds % 60 === 0 ? `${c.intervalSeconds / 60} min` : `${c.intervalSeconds} s`;
  state.push(
    `${MSG.watchFooter(minutes, c.warnPercent, c.criticalPercent)} Snapshot ${zonedTime(detail.takenAt, c.timezone, c.now)}.`,
  );
  blocks.push({
    type: 'context',
    block_id: WATCH_BLOCKS.state,
    elements: state.slice(0, LIMITS.contextElements).map((s) => ({ type: 'mrkdwn' as const, text: clip(s, 2000) })),
  });
  const buttons: KnownBlock[] = [];
  const who = episode.limitKey === 'DailyApiRequests';
  if (!resolved) {
    buttons.push({
      type: 'actions',
      block_id: WATCH_BLOCKS.actions,
      elements: [
        ...(episode.ackedBy === undefined
          ? [
              {
                type: 'button' as const,
                action_id: ACTIONS.watchAcknowledge,
                style: 'primary' as const,
                text: { type: 'plain_text' as const, text: 'Acknowledge' },
                value: episode.id,
              },
            ]
          : []),
        {
          type: 'static_select',
          action_id: ACTIONS.watchSnooze,
          placeholder: { type: 'plain_text', text: 'Snooze' },
          options: [
            { text: { type: 'plain_text', text: 'Snooze 1 h' }, value: `${WATCH_SNOOZE.oneHour}|${episode.id}` },
            { text: { type: 'plain_text', text: 'Snooze 4 h' }, value: `${WATCH_SNOOZE.fourHours}|${episode.id}` },
            {
              text: { type: 'plain_text', text: 'Snooze until tomorrow 08:00' },
              value: `${WATCH_SNOOZE.tomorrow}|${episode.id}`,
            },
          ],
        },
        {
          type: 'button',
          action_id: ACTIONS.watchMute,
          text: { type: 'plain_text', text: 'Mute this limit' },
          value: episode.id,
          confirm: {
            title: { type: 'plain_text', text: 'Mute this limit?' },
            text: {
              type: 'plain_text',
              text: MSG.inline.muteConfirm(episode.limitKey, episode.org),
            },
            confirm: { type: 'plain_text', text: 'Mute' },
            deny: { type: 'plain_text', text: 'Cancel' },
          },
        },
        ...(who
          ? [
              {
                type: 'button' as const,
                action_id: ACTIONS.watchWho,
                text: { type: 'plain_text' as const, text: 'Who is using it?' },
                value: episode.id,
              },
            ]
          : []),
      ],
    });
  } else if (who) {
    buttons.push({
      type: 'actions',
      block_id: WATCH_BLOCKS.actions,
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.watchWho,
          text: { type: 'plain_text', text: 'Who is using it?' },
          value: episode.id,
        },
      ],
    });
  }
  blocks.push(...buttons);
  return { text: clip(text, LIMITS.fallbackText), blocks };
}

/** The thread reply when an episode gets worse. */
export function buildWatchWorse(limitKey: string, level: WatchLevel, detail: WatchDetail): MessagePayload {
  // "now in the critical band at 93%", "now exhausted at 100%".
  const state = level === 'exhausted' || level === 'projected' ? LEVEL_TEXT[level] : `in the ${LEVEL_TEXT[level]}`;
  const text = MSG.watchWorse(limitKey, state, pct(detail.percent));
  return {
    text,
    blocks: [
      {
        type: 'section',
        block_id: 'watch_worse',
        text: { type: 'mrkdwn', text: `${ICON[level]} ${escapeMrkdwn(text)}` },
      },
    ],
  };
}
