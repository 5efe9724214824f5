/**
 * The limits-watch alert (one message per episode, edited in place), its thread replies, and the
 * `/sflimits who` answer.
 */

import { type Lang, messages } from '../i18n';
import { ACTIONS, WATCH_BLOCKS, WATCH_SNOOZE } from '../slack/ids';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import type { WatchEpisodeRecord, WatchLevel, WatchSilenceRecord } from '../store/types';
import { duration, span, zonedTime } from '../watch/time';
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
  /** The watch channel's language. */
  readonly lang: Lang;
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

export const pct = (p: number) => `${p.toFixed(p < 10 ? 1 : 0)}%`;

export function isWatchDetail(value: unknown): value is WatchDetail {
  const d = value as Partial<WatchDetail> | null;
  return d !== null && typeof d === 'object' && typeof d.percent === 'number' && typeof d.max === 'number';
}

/** The episode's message: headline, projection, who acknowledged / snoozed / muted, and the buttons. */
export function buildWatchAlert(episode: WatchEpisodeRecord, detail: WatchDetail, c: AlertContext): MessagePayload {
  const t = messages(c.lang);
  const w = t.watch;
  const n = t.common.number;
  const limit = escapeMrkdwn(episode.limitKey);
  const org = escapeMrkdwn(episode.org);
  const resolved = episode.status === 'resolved';
  const level = episode.level;
  const usage = w.usage(n(detail.used), n(detail.max), n(detail.remaining));
  let headline: string;
  let text: string;
  if (resolved) {
    text = w.resolved(episode.limitKey, episode.org, pct(detail.percent), w.levels[detail.peak]);
    headline = `:white_check_mark: ${escapeMrkdwn(text)} (${usage})`;
  } else if (episode.belowCount > 0) {
    text = w.backUnder(episode.limitKey, pct(detail.percent));
    headline = `:arrow_down: ${w.backUnderHeadline(limit, org, escapeMrkdwn(text), usage)}`;
  } else if (level === 'projected' && detail.projection !== undefined) {
    const inAbout = duration(detail.projection.msLeft, t);
    text = w.projected(episode.limitKey, episode.org, inAbout);
    headline = `${ICON[level]} ${w.projectedHeadline(limit, org, pct(detail.percent), inAbout, usage)}`;
  } else {
    text = w.opened(episode.limitKey, episode.org, pct(detail.percent), w.levels[level]);
    headline = `${ICON[level]} ${w.openedHeadline(limit, org, pct(detail.percent), w.levels[level], usage)}`;
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
          `${escapeMrkdwn(w.projection(episode.limitKey, duration(p.msLeft, t), zonedTime(p.exhaustAt, c.timezone, c.now, c.lang)))}\n_${escapeMrkdwn(w.confidence(confidenceWord(w.confidenceLevels, p.confidence), p.samples, span(p.spanMs, t)))}_`,
          LIMITS.sectionText,
        ),
      },
    });
  }
  const state: string[] = [];
  if (episode.ackedBy !== undefined && episode.ackedAt !== undefined)
    state.push(w.acknowledged(episode.ackedBy, zonedTime(episode.ackedAt, c.timezone, c.now, c.lang)));
  if (c.silence?.kind === 'mute') state.push(w.muted(c.silence.byUser));
  else if (c.silence?.kind === 'snooze' && c.silence.until !== undefined && c.silence.until > c.now)
    state.push(w.snoozed(c.silence.byUser, zonedTime(c.silence.until, c.timezone, c.now, c.lang)));
  state.push(
    w.footer(
      t.common.interval(c.intervalSeconds),
      c.warnPercent,
      c.criticalPercent,
      zonedTime(detail.takenAt, c.timezone, c.now, c.lang),
    ),
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
                text: { type: 'plain_text' as const, text: w.acknowledge },
                value: episode.id,
              },
            ]
          : []),
        {
          type: 'static_select',
          action_id: ACTIONS.watchSnooze,
          placeholder: { type: 'plain_text', text: w.snooze },
          options: [
            { text: { type: 'plain_text', text: w.snooze1h }, value: `${WATCH_SNOOZE.oneHour}|${episode.id}` },
            { text: { type: 'plain_text', text: w.snooze4h }, value: `${WATCH_SNOOZE.fourHours}|${episode.id}` },
            {
              text: { type: 'plain_text', text: w.snoozeTomorrow },
              value: `${WATCH_SNOOZE.tomorrow}|${episode.id}`,
            },
          ],
        },
        {
          type: 'button',
          action_id: ACTIONS.watchMute,
          text: { type: 'plain_text', text: w.mute },
          value: episode.id,
          confirm: {
            title: { type: 'plain_text', text: w.muteConfirmTitle },
            text: {
              type: 'plain_text',
              text: w.muteConfirm(episode.limitKey, episode.org),
            },
            confirm: { type: 'plain_text', text: w.muteConfirmButton },
            deny: { type: 'plain_text', text: t.common.cancel },
          },
        },
        ...(who
          ? [
              {
                type: 'button' as const,
                action_id: ACTIONS.watchWho,
                text: { type: 'plain_text' as const, text: w.who },
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
          text: { type: 'plain_text', text: w.who },
          value: episode.id,
        },
      ],
    });
  }
  blocks.push(...buttons);
  return { text: clip(text, LIMITS.fallbackText), blocks };
}

/** The thread reply when an episode gets worse. */
export function buildWatchWorse(limitKey: string, level: WatchLevel, detail: WatchDetail, lang: Lang): MessagePayload {
  const w = messages(lang).watch;
  // "now in the critical band at 93%", "now exhausted at 100%".
  const text = w.worse(limitKey, w.worseState[level], pct(detail.percent));
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

/** The projection's confidence in the reader's words; unknown values are shown as stored. */
function confidenceWord(words: Readonly<Record<'low' | 'medium' | 'high', string>>, confidence: string): string {
  return confidence === 'low' || confidence === 'medium' || confidence === 'high' ? words[confidence] : confidence;
}
