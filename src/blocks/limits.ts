import { type Lang, type Messages, messages } from '../i18n';
import type { Band, LimitRow } from '../salesforce/limits';
import { ACTIONS } from '../slack/ids';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
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
  readonly lang: Lang;
}

const BAND: Record<Band, string> = {
  ok: ':large_green_circle:',
  warning: ':large_yellow_circle:',
  critical: ':red_circle:',
  over: ':rotating_light:',
  'not-available': ':white_circle:',
  unlimited: ':white_circle:',
};

/** One limit as a line: band, Salesforce's name for it, and its figures. */
export function rowText(r: LimitRow, t: Messages): string {
  const name = `\`${escapeMrkdwn(r.key)}\``;
  const n = t.common.number;
  const L = t.limits;
  switch (r.band) {
    case 'not-available':
      return `${BAND[r.band]} ${L.rowNotAvailable(name)}`;
    case 'unlimited':
      return `${BAND[r.band]} ${L.rowUnlimited(name)}`;
    case 'over':
      return `${BAND[r.band]} ${L.rowOver(name, n(-r.remaining), n(r.used), n(r.max), (r.percent ?? 0).toFixed(0))}`;
    default:
      return `${BAND[r.band]} ${L.rowUsed(
        name,
        n(r.used),
        n(r.max),
        (r.percent ?? 0).toFixed(r.percent !== undefined && r.percent < 10 ? 1 : 0),
        n(r.remaining),
      )}`;
  }
}

/** The /sflimits answer: rows sorted by use, snapshot time with the lag note, header figure, where else to look. */
export function buildLimitsMessage(m: LimitsModel): MessagePayload {
  const t = messages(m.lang);
  const L = t.limits;
  const n = t.common.number;
  const org = escapeMrkdwn(m.org);
  const title =
    m.view === 'compact'
      ? L.titleCompact(org)
      : m.view === 'all'
        ? L.titleAll(org)
        : L.titleFilter(org, escapeMrkdwn(m.filter ?? ''));
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: 'lim_title', text: { type: 'mrkdwn', text: clip(title, LIMITS.sectionText) } },
  ];
  const stamp = `<!date^${Math.floor(m.takenAt / 1000)}^{date_short_pretty} {time_secs}|${new Date(m.takenAt).toISOString()}>`;
  const age = m.cachedForSeconds === undefined ? '' : L.cachedAgo(m.cachedForSeconds);
  blocks.push({
    type: 'context',
    block_id: 'lim_when',
    elements: [
      {
        type: 'mrkdwn',
        text: L.snapshotLag(stamp, age),
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
        text: L.headerFigure(n(m.apiUsage.used), n(m.apiUsage.limit), pct),
      },
    });
  }
  if (m.rows.length === 0) {
    blocks.push({
      type: 'section',
      block_id: 'lim_rows_0',
      text: {
        type: 'mrkdwn',
        text: m.view === 'filter' ? L.noMatch : L.noLimits,
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
      const line = rowText(r, t);
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
        text: L.notInApi,
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
          text: { type: 'plain_text', text: L.share },
          value: JSON.stringify({ o: m.org, v: m.view, f: m.filter ?? null }).slice(0, LIMITS.buttonValue),
        },
      ],
    });
  }
  const worst = m.rows.find((r) => r.band === 'over' || r.band === 'critical' || r.band === 'warning');
  const text = L.fallback(m.org, worst ? `${worst.key} ${(worst.percent ?? 0).toFixed(0)}%` : undefined);
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
