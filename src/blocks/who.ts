import { type Lang, messages } from '../i18n';
import type { UsageReport } from '../salesforce/api-usage';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import { type KnownBlock, LIMITS, type MessagePayload } from './types';

/** The `/sflimits who` answer: source and window first, then the consumers, most calls first. */
export function buildWhoMessage(org: string, report: UsageReport, now: number, lang: Lang): MessagePayload {
  const t = messages(lang);
  const W = t.who;
  const n = t.common.number;
  if (report.kind === 'no-access') {
    const what = W.noAccess(org, report.code === undefined ? '' : ` (${report.code})`);
    return problem(what, W.noAccessFix);
  }
  if (report.kind === 'no-file') return problem(W.noFile(org), W.noFileFix);
  const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);
  const when = report.date === yesterday ? W.yesterday(report.date) : W.day(report.date);
  const lines = report.consumers.map((c, i) => {
    const share = report.counted > 0 ? `${((c.calls / report.counted) * 100).toFixed(0)}%` : '–';
    const line = W.line(i + 1, `*${escapeMrkdwn(c.app)}*`, escapeMrkdwn(c.user), n(c.calls), share);
    return c.own ? `${line} · :robot_face: _${W.own}_` : line;
  });
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: 'who_title',
      text: {
        type: 'mrkdwn',
        text: clip(
          `*${escapeMrkdwn(W.title(org))}*\n${escapeMrkdwn(W.window(when, W.sources[report.source]))}`,
          LIMITS.sectionText,
        ),
      },
    },
    {
      type: 'section',
      block_id: 'who_rows',
      text: { type: 'mrkdwn', text: clip(lines.length === 0 ? W.none : lines.join('\n'), LIMITS.sectionText) },
    },
    {
      type: 'context',
      block_id: 'who_totals',
      elements: [{ type: 'mrkdwn', text: W.totals(n(report.counted), n(report.rows)) }],
    },
  ];
  const top = report.consumers[0];
  const text =
    top === undefined
      ? W.fallbackNone(W.title(org), when)
      : W.fallbackTop(W.title(org), when, top.app, top.user, n(top.calls));
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
