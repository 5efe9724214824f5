import type { FamilyInfo } from '../knowledge/types';
import type { LimitRow } from '../salesforce/limits';
import { ACTIONS } from '../slack/ids';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import type { EscalationRecord, WatchEpisodeRecord, WatchSilenceRecord } from '../store/types';
import { MSG } from '../user-messages';
import { rowText } from './limits';
import { type HomeView, type KnownBlock, LIMITS } from './types';

export interface HomeWatchOrg {
  readonly org: string;
  /** Undefined when the org is not watched. */
  readonly channelId: string | undefined;
  readonly intervalSeconds: number;
  readonly episodes: readonly WatchEpisodeRecord[];
  readonly silences: readonly WatchSilenceRecord[];
  /** DailyApiRequests over the last 24 h, one character an hour; undefined without snapshots. */
  readonly sparkline: string | undefined;
  readonly latestPercent: number | undefined;
}

export interface HomeModel {
  readonly families: readonly FamilyInfo[];
  readonly entries: number;
  readonly org:
    | { readonly name: string; readonly takenAt: number | undefined; readonly headline: readonly LimitRow[] }
    | undefined;
  readonly escalations: readonly EscalationRecord[];
  /** Per linked org: the limits watch's state and a DailyApiRequests sparkline. */
  readonly watch?: readonly HomeWatchOrg[] | undefined;
  readonly storageTrouble: boolean;
}

/** App Home: what the bot does, how to use it, its knowledge, the org's last limits, your escalations. */
export function buildHome(model: HomeModel): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: 'home_title', text: { type: 'plain_text', text: 'Salesforce API Assistant' } },
    section(
      'home_intro',
      'I explain Salesforce API errors pasted in channels I am in: what the error means, likely causes, what to do, whether to retry, and the official documentation. I stay quiet on ordinary chat.',
    ),
    section(
      'home_howto',
      [
        '*How to use me*',
        '• Paste an error (REST body, SOAP fault, Bulk job error, OAuth error, Apex exception, CLI output or stack trace) in a channel I am in: I answer in the thread.',
        '• On any message, including old ones and thread replies: *⋯ → Diagnose this error* answers you privately.',
        '• Mention me in a thread to diagnose its first message, or ask me a question such as "where do I see API usage?".',
        "• `/sflimits [org] [filter|all] [refresh]` shows the linked org's live limits.",
        '• `/sfassist mode auto|mentions|off` sets how chatty I am in a channel; `/sfassist bots on|off` whether I answer other bots.',
        '• *Escalate to Salesforce Support* collects exactly what Support asks for and hands over a complete case.',
      ].join('\n'),
    ),
    {
      type: 'actions',
      block_id: 'home_actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.openChannelSettings,
          text: { type: 'plain_text', text: 'Channel settings' },
        },
        {
          type: 'button',
          action_id: ACTIONS.escalate,
          text: { type: 'plain_text', text: 'Escalate to Salesforce Support' },
          value: '{}',
        },
        { type: 'button', action_id: ACTIONS.refreshHome, text: { type: 'plain_text', text: 'Refresh' } },
      ],
    },
    { type: 'divider', block_id: 'home_div1' },
    section(
      'home_kb',
      `*Knowledge base*: ${model.entries} entries\n${model.families
        .map((f) => `\`${escapeMrkdwn(f.family)}\` ${f.size}`)
        .join(' · ')}`,
    ),
    { type: 'divider', block_id: 'home_div2' },
    section('home_org', orgText(model.org)),
    ...watchBlocks(model.watch ?? []),
    { type: 'divider', block_id: 'home_div3' },
    section('home_escalations', escalationsText(model.escalations)),
  ];
  if (model.storageTrouble) {
    blocks.push({
      type: 'context',
      block_id: 'home_storage',
      elements: [
        {
          type: 'mrkdwn',
          text: MSG.inline.homeStorageTrouble,
        },
      ],
    });
  }
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

function section(blockId: string, text: string): KnownBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}

function orgText(org: HomeModel['org']): string {
  if (org === undefined)
    return '*Linked org*: none configured. Set `SF_INSTANCE_URL` and `SF_ACCESS_TOKEN` (or an OAuth mode) to enable `/sflimits`.';
  if (org.takenAt === undefined)
    return `*Linked org*: \`${escapeMrkdwn(org.name)}\`. No limits snapshot yet: run \`/sflimits\`.`;
  // The same row as /sflimits shows, so "not available" and over-consumption read the same here.
  const rows = org.headline.map(rowText).join('\n');
  return `*Linked org*: \`${escapeMrkdwn(org.name)}\` · last limits snapshot <!date^${Math.floor(org.takenAt / 1000)}^{date_short_pretty} {time}|${new Date(org.takenAt).toISOString()}>\n${rows}`;
}

/** Per org: where alerts go, what is open, snoozed or muted (with Unmute), and the sparkline. */
function watchBlocks(orgs: readonly HomeWatchOrg[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  orgs.slice(0, 10).forEach((w, i) => {
    const org = `\`${escapeMrkdwn(w.org)}\``;
    const lines: string[] = [];
    if (w.channelId === undefined) {
      lines.push(
        `*Limits watch for ${org}*: off. Set \`LIMITS_WATCH_CHANNEL_ID\` to get alerts before an allocation runs out.`,
      );
    } else {
      const every = w.intervalSeconds % 60 === 0 ? `${w.intervalSeconds / 60} min` : `${w.intervalSeconds} s`;
      lines.push(`*Limits watch for ${org}*: alerts in <#${w.channelId}>, checked every ${every}.`);
      if (w.episodes.length === 0) lines.push('No open alerts.');
      for (const e of w.episodes.slice(0, 10)) {
        const percent = (e.detail as { percent?: unknown } | null)?.percent;
        const at = typeof percent === 'number' ? ` at ${percent.toFixed(0)}%` : '';
        const ack = e.ackedBy === undefined ? '' : `, acknowledged by <@${e.ackedBy}>`;
        lines.push(`• Open: \`${escapeMrkdwn(e.limitKey)}\` ${e.level}${at}${ack}`);
      }
      for (const s of w.silences.filter((x) => x.kind === 'snooze').slice(0, 10)) {
        const until =
          s.until === undefined
            ? ''
            : ` until <!date^${Math.floor(s.until / 1000)}^{date_short_pretty} {time}|${new Date(s.until).toISOString()}>`;
        lines.push(`• Snoozed: \`${escapeMrkdwn(s.limitKey)}\`${until} by <@${s.byUser}>`);
      }
    }
    if (w.sparkline !== undefined) {
      const now = w.latestPercent === undefined ? '' : ` now ${w.latestPercent.toFixed(0)}%`;
      lines.push(
        `\`DailyApiRequests\` last 24 h, hourly peak on a 0–100 % scale (text sparkline): \`${w.sparkline}\`${now}`,
      );
    }
    blocks.push(section(`home_watch_${i}`, lines.join('\n')));
    w.silences
      .filter((s) => s.kind === 'mute')
      .slice(0, 5)
      .forEach((s, j) => {
        blocks.push({
          type: 'section',
          block_id: `home_mute_${i}_${j}`,
          text: {
            type: 'mrkdwn',
            text: clip(
              `• Muted in <#${s.channelId}>: \`${escapeMrkdwn(s.limitKey)}\` by <@${s.byUser}>`,
              LIMITS.sectionText,
            ),
          },
          accessory: {
            type: 'button',
            action_id: ACTIONS.watchUnmute,
            text: { type: 'plain_text', text: 'Unmute' },
            value: `${s.channelId}|${s.org}|${s.limitKey}`.slice(0, LIMITS.buttonValue),
          },
        });
      });
  });
  return blocks;
}

function escalationsText(escalations: readonly EscalationRecord[]): string {
  if (escalations.length === 0) return '*Your recent escalations*: none yet.';
  const lines = escalations.map((e) => {
    const data = (e.caseData ?? {}) as { code?: unknown; title?: unknown };
    const what = typeof data.code === 'string' ? `\`${escapeMrkdwn(data.code)}\`` : 'case';
    const title = typeof data.title === 'string' ? ` ${escapeMrkdwn(clip(data.title, 80))}` : '';
    const status = e.status === 'delivered' ? ':white_check_mark: delivered' : ':hourglass: pending delivery';
    return `• <!date^${Math.floor(e.createdAt / 1000)}^{date_short} {time}|${new Date(e.createdAt).toISOString()}> ${what}${title} — ${status}`;
  });
  return `*Your recent escalations*\n${lines.join('\n')}`;
}
