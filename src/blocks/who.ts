import type { UsageReport } from '../salesforce/api-usage';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import { MSG } from '../user-messages';
import { type KnownBlock, LIMITS, type MessagePayload } from './types';

const n = (v: number) => v.toLocaleString('en-US');

/** The `/sflimits who` answer: source and window first, then the consumers, most calls first. */
export function buildWhoMessage(org: string, report: UsageReport, now: number): MessagePayload {
  if (report.kind === 'no-access') {
    const what = MSG.whoNoAccess(org, report.code === undefined ? '' : ` (${report.code})`);
    return problem(what, MSG.whoNoAccessFix);
  }
  if (report.kind === 'no-file') return problem(MSG.whoNoFile(org), MSG.whoNoFileFix);
  const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);
  const when = report.date === yesterday ? `yesterday, ${report.date} UTC` : `${report.date} UTC`;
  const lines = report.consumers.map((c, i) => {
    const share = report.counted > 0 ? `${((c.calls / report.counted) * 100).toFixed(0)}%` : '–';
    const line = MSG.whoLine(i + 1, `*${escapeMrkdwn(c.app)}*`, escapeMrkdwn(c.user), n(c.calls), share);
    return c.own ? `${line} · :robot_face: _${MSG.whoOwn}_` : line;
  });
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: 'who_title',
      text: {
        type: 'mrkdwn',
        text: clip(
          `*${escapeMrkdwn(MSG.whoTitle(org))}*\n${escapeMrkdwn(MSG.whoWindow(when, report.source))}`,
          LIMITS.sectionText,
        ),
      },
    },
    {
      type: 'section',
      block_id: 'who_rows',
      text: { type: 'mrkdwn', text: clip(lines.length === 0 ? MSG.whoNone : lines.join('\n'), LIMITS.sectionText) },
    },
    {
      type: 'context',
      block_id: 'who_totals',
      elements: [{ type: 'mrkdwn', text: MSG.whoTotals(n(report.counted), n(report.rows)) }],
    },
  ];
  const top = report.consumers[0];
  const text =
    top === undefined
      ? `${MSG.whoTitle(org)}, ${when}: none`
      : `${MSG.whoTitle(org)}, ${when}: ${top.app} · ${top.user}, ${n(top.calls)} calls`;
  return { text: clip(text, LIMITS.fallbackText), blocks };
}

function problem(what: string, todo: string): MessagePayload {
  return {
    text: clip(what, LIMITS.fallbackText),
    blocks: [
      {
        type: 'section',
        block_id: 'who_problem',
        text: { type: 'mrkdwn', text: clip(`:warning: ${escapeMrkdwn(what)}`, LIMITS.sectionText) },
      },
      { type: 'context', block_id: 'who_todo', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(todo), 2000) }] },
    ],
  };
}
