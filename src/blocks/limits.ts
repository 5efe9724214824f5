import type { Band, LimitRow } from '../salesforce/limits';
import { ACTIONS } from '../slack/ids';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import { MSG } from '../user-messages';
import { type KnownBlock, LIMITS, type MessagePayload } from './types';

export type LimitsView = 'compact' | 'all' | 'filter';

export interface LimitsModel {
  readonly org: string;
  readonly view: LimitsView;
  readonly filter: string | undefined;
  readonly rows: readonly LimitRow[];
  readonly takenAt: number;
  readonly apiUsage: { readonly used: number; readonly limit: number } | undefined;
  /** Seconds since the snapshot was taken, when it came from the cache. */
  readonly cachedForSeconds: number | undefined;
  readonly note: string | undefined;
  /** Ephemeral answers get a "Share in channel" button. */
  readonly shareable: boolean;
}

const BAND: Record<Band, string> = {
  ok: ':large_green_circle:',
  warning: ':large_yellow_circle:',
  critical: ':red_circle:',
  over: ':rotating_light:',
  'not-available': ':white_circle:',
  unlimited: ':white_circle:',
};

const n = (v: number) => v.toLocaleString('en-US');

export function rowText(r: LimitRow): string {
  const name = `\`${escapeMrkdwn(r.key)}\``;
  switch (r.band) {
    case 'not-available':
      return `${BAND[r.band]} ${name} not available in this org (Max 0)`;
    case 'unlimited':
      return `${BAND[r.band]} ${name} unlimited`;
    case 'over':
      return `${BAND[r.band]} ${name} *over by ${n(-r.remaining)}*: ${n(r.used)} used of ${n(r.max)} (${(r.percent ?? 0).toFixed(0)}%)`;
    default:
      return `${BAND[r.band]} ${name} ${n(r.used)} / ${n(r.max)} used (${(r.percent ?? 0).toFixed(r.percent !== undefined && r.percent < 10 ? 1 : 0)}%) · ${n(r.remaining)} left`;
  }
}

/** The /sflimits answer: rows sorted by use, snapshot time with the lag note, header figure, where else to look. */
export function buildLimitsMessage(m: LimitsModel): MessagePayload {
  const title =
    m.view === 'compact'
      ? `*Limits for \`${escapeMrkdwn(m.org)}\`* — the ones that matter for API integrations (\`/sflimits ${escapeMrkdwn(m.org)} all\` for every key)`
      : m.view === 'all'
        ? `*All limits for \`${escapeMrkdwn(m.org)}\`*`
        : `*Limits for \`${escapeMrkdwn(m.org)}\` matching "${escapeMrkdwn(m.filter ?? '')}"*`;
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: 'lim_title', text: { type: 'mrkdwn', text: clip(title, LIMITS.sectionText) } },
  ];
  const stamp = `<!date^${Math.floor(m.takenAt / 1000)}^{date_short_pretty} {time_secs}|${new Date(m.takenAt).toISOString()}>`;
  const age = m.cachedForSeconds === undefined ? '' : ` (cached ${m.cachedForSeconds} s ago)`;
  blocks.push({
    type: 'context',
    block_id: 'lim_when',
    elements: [
      {
        type: 'mrkdwn',
        text: MSG.inline.snapshotLag(stamp, age),
      },
    ],
  });
  if (m.apiUsage !== undefined) {
    const pct = m.apiUsage.limit > 0 ? ` (${((m.apiUsage.used / m.apiUsage.limit) * 100).toFixed(1)}%)` : '';
    blocks.push({
      type: 'section',
      block_id: 'lim_header',
      text: {
        type: 'mrkdwn',
        text: `*API requests, last 24 h (Sforce-Limit-Info header):* ${n(m.apiUsage.used)} / ${n(m.apiUsage.limit)}${pct}. This figure comes with every API response and is fresher than \`DailyApiRequests\`.`,
      },
    });
  }
  if (m.rows.length === 0) {
    blocks.push({
      type: 'section',
      block_id: 'lim_rows_0',
      text: {
        type: 'mrkdwn',
        text: m.view === 'filter' ? 'No limit name matches that filter.' : 'Salesforce returned no limits.',
      },
    });
  } else {
    // Pack rows into sections of at most 3,000 characters; leave room for the other blocks.
    const maxRowBlocks = LIMITS.messageBlocks - 8;
    let chunk: string[] = [];
    let index = 0;
    const flush = () => {
      if (chunk.length === 0 || index >= maxRowBlocks) return;
      blocks.push({
        type: 'section',
        block_id: `lim_rows_${index++}`,
        text: { type: 'mrkdwn', text: chunk.join('\n') },
      });
      chunk = [];
    };
    for (const r of m.rows) {
      const line = rowText(r);
      if ([...chunk, line].join('\n').length > LIMITS.sectionText) flush();
      chunk.push(line);
    }
    flush();
  }
  if (m.note !== undefined)
    blocks.push({
      type: 'context',
      block_id: 'lim_note',
      elements: [{ type: 'mrkdwn', text: clip(m.note, LIMITS.sectionText) }],
    });
  blocks.push({
    type: 'context',
    block_id: 'lim_elsewhere',
    elements: [
      {
        type: 'mrkdwn',
        text: MSG.inline.notInApi,
      },
    ],
  });
  if (m.shareable) {
    blocks.push({
      type: 'actions',
      block_id: 'lim_actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.shareLimits,
          text: { type: 'plain_text', text: 'Share in channel' },
          value: JSON.stringify({ o: m.org, v: m.view, f: m.filter ?? null }).slice(0, LIMITS.buttonValue),
        },
      ],
    });
  }
  const worst = m.rows.find((r) => r.band === 'over' || r.band === 'critical' || r.band === 'warning');
  const text = `Limits for ${m.org}${worst ? `: ${worst.key} at ${(worst.percent ?? 0).toFixed(0)}%` : ''}`;
  return { text, blocks };
}

/** A short failure answer: what happened and what to do. Never a stack trace. */
export function buildLimitsProblem(org: string | undefined, what: string, todo: string): MessagePayload {
  const text = `${org === undefined ? '' : `\`${escapeMrkdwn(org)}\`: `}${what}`;
  return {
    text: clip(text, LIMITS.fallbackText),
    blocks: [
      {
        type: 'section',
        block_id: 'lim_problem',
        text: { type: 'mrkdwn', text: clip(`:warning: ${escapeMrkdwn(text)}`, LIMITS.sectionText) },
      },
      {
        type: 'context',
        block_id: 'lim_todo',
        elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(todo), LIMITS.sectionText) }],
      },
    ],
  };
}
