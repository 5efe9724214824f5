import type { Lang } from '../i18n';
import { type Messages, messages } from '../i18n';
import type { Answer, Explanation } from '../knowledge/answer';
import { docTitle } from '../knowledge/doc-titles';
import { apiFamilyLabel, percent } from '../knowledge/labels';
import { retrySchedule, retryVerdict } from '../knowledge/retry';
import type { RetryPolicy } from '../knowledge/schema';
import type { LimitReading } from '../salesforce/limit-reading';
import { ACTIONS, DIAGNOSIS_BLOCKS as B } from '../slack/ids';
import { bullets, clip, escapeMrkdwn, link } from '../slack/mrkdwn';
import { type Button, type KnownBlock, LIMITS, type MessagePayload } from './types';
import { visibleLength } from './visible-text';

/** Values carried by the answer's buttons: small, and never the pasted text itself. */
export interface AnswerRefs {
  /** ID of the stored (masked) paste, for "Escalate", "Post to thread" and "More detail". */
  readonly pasteId: string | undefined;
}

export interface DiagnosisOptions {
  readonly refs: AnswerRefs;
  /** Ephemeral answers (message shortcut) get a "Post in thread" button instead of feedback. */
  readonly ephemeral?: boolean;
  /** Whether an org is linked, so "Check org limits" can do something. */
  readonly limitsAvailable?: boolean;
  /** The paste could not be stored: say so, since Escalate will start without it. */
  readonly storageTrouble?: boolean;
  /** With the background (meaning, every cause and fix, documentation), or the first screen only. */
  readonly expanded?: boolean;
  /** What the org's live limits say about a limit error. */
  readonly limits?: LimitReading | undefined;
}

/** The first screen stays a glance: Slack's own "Show more" starts around here. */
export const COLLAPSED_VISIBLE_MAX = 1_500;

const RETRY_EMOJI: Record<RetryPolicy, string> = {
  transient: ':repeat:',
  wait: ':hourglass_flowing_sand:',
  reauth: ':key:',
  fix: ':wrench:',
  'retry-once': ':leftwards_arrow_with_hook:',
};

/** How much of the first screen each part may take; shortened step by step if the whole is too long. */
interface Budget {
  readonly message: number;
  readonly fixes: number;
  readonly fix: number;
  readonly others: number;
}
const BUDGETS: readonly Budget[] = [
  { message: 280, fixes: 2, fix: 300, others: 3 },
  { message: 200, fixes: 2, fix: 200, others: 2 },
  { message: 140, fixes: 1, fix: 200, others: 1 },
  { message: 100, fixes: 1, fix: 140, others: 0 },
];

/**
 * The answer in a thread. First screen: the code and a one-line verdict, what this paste says
 * (Salesforce's message, fields, object, record, query position, trigger and line, inner cause,
 * live limits), then the fixes that fit it and the retry verdict — all in the first three
 * blocks. "More detail" adds the meaning, every cause and fix, and the documentation.
 */
export function buildDiagnosisMessage(answer: Answer, options: DiagnosisOptions): MessagePayload {
  const t = messages(answer.lang);
  if (options.expanded === true) return { text: fallbackText(answer), blocks: expandedBlocks(t, answer, options) };
  let payload: MessagePayload | undefined;
  for (const budget of BUDGETS) {
    payload = { text: fallbackText(answer), blocks: collapsedBlocks(t, answer, options, budget) };
    if (visibleLength(payload) <= COLLAPSED_VISIBLE_MAX) return payload;
  }
  return payload as MessagePayload;
}

function collapsedBlocks(t: Messages, answer: Answer, options: DiagnosisOptions, budget: Budget): KnownBlock[] {
  const blocks: KnownBlock[] = [summaryBlock(t, answer)];
  const says = saysText(t, answer, options.limits, budget.message);
  if (says !== undefined) blocks.push(section(B.says, says));
  blocks.push(
    section(B.todo, toDoText(t, answer, options.limits, answer.fixesForPaste.slice(0, budget.fixes), budget.fix)),
  );
  const footer = footerText(t, answer, budget.others);
  if (footer !== undefined) blocks.push(contextBlock(B.extracted, footer));
  if (options.storageTrouble === true) blocks.push(contextBlock(B.storage, t.common.storageTrouble));
  blocks.push(actions(t, answer, options, false));
  return blocks;
}

function expandedBlocks(t: Messages, answer: Answer, options: DiagnosisOptions): KnownBlock[] {
  const p = answer.primary;
  const first = BUDGETS[0] as Budget;
  const blocks: KnownBlock[] = [summaryBlock(t, answer)];
  const says = saysText(t, answer, options.limits, first.message);
  if (says !== undefined) blocks.push(section(B.says, says));
  blocks.push(section(B.todo, toDoText(t, answer, options.limits, answer.fixesForPaste, first.fix)));
  blocks.push(
    section(
      B.meaning,
      `${t.answer.meaningHeading}\n${escapeMrkdwn(p.meaning)}${p.brief ? `\n${t.answer.undocumented}` : ''}`,
    ),
  );
  if (p.causes.length > 0) blocks.push(section(B.causes, `${t.answer.causesHeading}\n${bullets(p.causes)}`));
  if (p.fixes.length > 0) blocks.push(section(B.fixes, `${t.answer.fixesHeading}\n${bullets(p.fixes)}`));
  if (p.limit !== undefined) blocks.push(section(B.limit, `${t.answer.limitHeading}\n${escapeMrkdwn(p.limit)}`));
  if (p.docs.length > 0) {
    blocks.push(
      section(
        B.docs,
        `${t.answer.docsHeading}\n${p.docs
          .slice(0, 4)
          .map((u) => `• ${link(u, docTitle(u))}`)
          .join('\n')}`,
      ),
    );
  }
  if (answer.alternatives.length > 0) {
    blocks.push(
      section(
        B.alternatives,
        `${t.answer.alternativesHeading}\n${answer.alternatives
          .map((o) => `• \`${escapeMrkdwn(o.code)}\` — ${escapeMrkdwn(o.title)}`)
          .join('\n')}`,
      ),
    );
  }
  if (p.escalation === 'secondary') blocks.push(contextBlock(B.escalation, t.answer.escalateSecondary));
  const footer = footerText(t, answer, 10);
  if (footer !== undefined) blocks.push(contextBlock(B.extracted, footer));
  if (options.storageTrouble === true) blocks.push(contextBlock(B.storage, t.common.storageTrouble));
  blocks.push(actions(t, answer, options, true));
  return blocks;
}

/** "`CODE` (HTTP 400) — verdict", then the surface it came through. */
function summaryBlock(t: Messages, answer: Answer): KnownBlock {
  const p = answer.primary;
  const status =
    answer.httpStatus !== undefined && !p.code.startsWith('HTTP_') ? ` ${t.answer.httpStatus(answer.httpStatus)}` : '';
  const surface = apiFamilyLabel(answer.context.apiFamily, answer.lang);
  const line = `*\`${escapeMrkdwn(p.code)}\`*${status} — ${escapeMrkdwn(p.title)}`;
  return section(B.summary, surface === undefined ? line : `${line}\n_${escapeMrkdwn(surface)}_`);
}

/** What Salesforce said in this paste; undefined when the paste says nothing beyond the code. */
function saysText(
  t: Messages,
  answer: Answer,
  limits: LimitReading | undefined,
  messageMax: number,
): string | undefined {
  const s = answer.specifics;
  const a = t.answer;
  const number = t.common.number;
  const lines: string[] = [];
  if (s.message !== undefined) lines.push(`> ${escapeMrkdwn(clip(s.message, messageMax))}`);
  const facts: string[] = [];
  if (s.fields.length > 0) facts.push(a.fields(s.fields.map(code).join(', ')));
  if (s.object !== undefined) facts.push(a.object(code(s.object)));
  if (s.recordId !== undefined) facts.push(a.record(code(s.recordId)));
  if (s.failedRows !== undefined && s.failedRows > 1) facts.push(a.failedRows(s.failedRows));
  if (facts.length > 0) lines.push(facts.join(' · '));
  if (s.query !== undefined) {
    const where = [
      s.query.row !== undefined && s.query.column !== undefined ? a.queryRowColumn(s.query.row, s.query.column) : '',
      s.query.token !== undefined ? a.queryToken(escapeMrkdwn(s.query.token)) : '',
    ].filter((w) => w.length > 0);
    lines.push(a.queryAt(where.join(', ')));
  }
  if (s.apex !== undefined) {
    const apex: string[] = [];
    if (s.apex.trigger !== undefined) apex.push(a.apexTrigger(escapeMrkdwn(s.apex.trigger), s.apex.event));
    if (s.apex.frame !== undefined) apex.push(a.apexFrame(escapeMrkdwn(s.apex.frame)));
    if (apex.length > 0) lines.push(apex.join(' · '));
  }
  if (s.innerCause !== undefined)
    lines.push(
      a.innerCause(
        escapeMrkdwn(s.innerCause.code),
        s.innerCause.message === undefined ? undefined : escapeMrkdwn(clip(s.innerCause.message, 160)),
      ),
    );
  if (s.wrapper !== undefined) lines.push(a.wrappedIn(escapeMrkdwn(s.wrapper)));
  if (s.apiUsage !== undefined && s.apiUsage.max > 0)
    lines.push(
      a.apiUsageHeader(
        number(s.apiUsage.used),
        number(s.apiUsage.max),
        percent((s.apiUsage.used / s.apiUsage.max) * 100),
      ),
    );
  const live = limitsText(t, limits);
  if (live !== undefined) lines.push(live);
  if (lines.length === 0) return undefined;
  return `${a.saysHeading}\n${lines.join('\n')}`;
}

function toDoText(
  t: Messages,
  answer: Answer,
  limits: LimitReading | undefined,
  fixes: readonly string[],
  fixMax: number,
): string {
  const lines: string[] = [];
  if (fixes.length > 0) lines.push(t.answer.toDoHeading, ...fixes.map((f) => `• ${escapeMrkdwn(clip(f, fixMax))}`));
  lines.push(retryText(t, answer.lang, answer.primary, limits));
  return lines.join('\n');
}

/**
 * The verdict, with its schedule. A live reading of a REQUEST_LIMIT_EXCEEDED settles which policy
 * applies: the allocation means waiting, a concurrency limit means backing off.
 */
function retryText(t: Messages, lang: Lang, p: Explanation, limits: LimitReading | undefined): string {
  // A live figure settles which limit it is, so the policy it points at speaks instead.
  const decided: RetryPolicy | undefined =
    limits?.kind === 'at-limit' || limits?.kind === 'refused'
      ? 'wait'
      : limits?.kind === 'concurrency'
        ? 'transient'
        : undefined;
  if (decided !== undefined) {
    const schedule = retrySchedule(decided, lang);
    const detail = schedule === undefined ? p.retryAdvice : t.answer.retrySchedule(schedule);
    return `${RETRY_EMOJI[decided]} ${t.answer.retry(escapeMrkdwn(retryVerdict(decided, lang)), escapeMrkdwn(detail))}`;
  }
  if (p.retryVerdict === undefined) return `${RETRY_EMOJI[p.retry]} ${t.answer.retryOwn(escapeMrkdwn(p.retryAdvice))}`;
  const detail = p.retrySchedule === undefined ? p.retryAdvice : t.answer.retrySchedule(p.retrySchedule);
  return `${RETRY_EMOJI[p.retry]} ${t.answer.retry(escapeMrkdwn(p.retryVerdict), escapeMrkdwn(detail))}`;
}

function limitsText(t: Messages, reading: LimitReading | undefined): string | undefined {
  if (reading === undefined) return undefined;
  const L = t.liveLimits;
  const number = t.common.number;
  switch (reading.kind) {
    case 'pending':
      return L.pending(escapeMrkdwn(reading.org));
    case 'at-limit':
      return L.atLimit(
        reading.row.key,
        percent(reading.row.percent ?? 100),
        number(reading.row.used),
        number(reading.row.max),
        L.reset[reading.scope],
      );
    case 'concurrency':
      return L.concurrency(percent(reading.row.percent ?? 0), number(reading.row.used), number(reading.row.max));
    case 'below':
      return L.below(
        reading.row.key,
        percent(reading.row.percent ?? 0),
        number(reading.row.used),
        number(reading.row.max),
      );
    case 'refused':
      return L.refused(escapeMrkdwn(reading.org));
    case 'failed':
      return L.failed(escapeMrkdwn(reading.org));
    case 'no-org':
      return L.noOrg;
  }
}

/** Small print: other errors in the paste, then the request facts escalation will use. */
function footerText(t: Messages, answer: Answer, maxOthers: number): string | undefined {
  const parts: string[] = [];
  // The wrapper is already named under "What this paste says".
  const others = answer.others.filter((o) => o.code !== answer.specifics.wrapper).slice(0, maxOthers);
  if (others.length > 0)
    parts.push(
      `${t.answer.othersHeading} ${others.map((o) => `\`${escapeMrkdwn(o.code)}\` ${escapeMrkdwn(o.title)}`).join('; ')}`,
    );
  const c = answer.context;
  const a = t.answer;
  if (c.method !== undefined || c.url !== undefined)
    parts.push(a.request(escapeMrkdwn([c.method, c.url].filter(Boolean).join(' '))));
  if (c.apiVersion !== undefined) parts.push(a.apiVersion(c.apiVersion));
  if (c.requestIds.length > 0) parts.push(a.requestIds(escapeMrkdwn(c.requestIds.slice(0, 3).join(', '))));
  if (c.bulkJobIds.length > 0) parts.push(a.bulkJobs(escapeMrkdwn(c.bulkJobIds.slice(0, 3).join(', '))));
  if (c.orgId !== undefined) parts.push(a.org(c.orgId));
  if (c.instance !== undefined) parts.push(a.instance(c.instance));
  if (c.clientTool !== undefined) parts.push(a.clientTool(escapeMrkdwn(c.clientTool)));
  return parts.length === 0 ? undefined : clip(parts.join(' · '), LIMITS.sectionText);
}

function actions(t: Messages, answer: Answer, options: DiagnosisOptions, expanded: boolean): KnownBlock {
  const elements: Button[] = [];
  // The language travels with the buttons, so "More detail" expands in the language of the answer.
  const refs = JSON.stringify({ p: options.refs.pasteId ?? null, c: answer.primary.code, l: answer.lang });
  const a = t.answer;
  if (options.ephemeral === true) {
    elements.push({
      type: 'button',
      action_id: ACTIONS.postToThread,
      text: plain(a.postInThread),
      style: 'primary',
      value: refs,
    });
  }
  // The background is rebuilt from the stored paste; without it there is nothing to expand.
  if (options.refs.pasteId !== undefined) {
    elements.push(
      expanded
        ? { type: 'button', action_id: ACTIONS.lessDetail, text: plain(a.lessDetail), value: refs }
        : { type: 'button', action_id: ACTIONS.moreDetail, text: plain(a.moreDetail), value: refs },
    );
  }
  if (answer.primary.orgLimit && options.limitsAvailable !== false) {
    elements.push({ type: 'button', action_id: ACTIONS.checkLimits, text: plain(a.checkLimits), value: refs });
  }
  elements.push({
    type: 'button',
    action_id: ACTIONS.escalate,
    text: plain(answer.primary.escalation === 'recommended' ? a.escalate : a.escalateAnyway),
    value: refs,
  });
  if (options.ephemeral !== true) {
    elements.push({
      type: 'button',
      action_id: ACTIONS.feedbackUp,
      text: plain(a.helpful),
      value: answer.primary.code,
    });
    elements.push({
      type: 'button',
      action_id: ACTIONS.feedbackDown,
      text: plain(a.notHelpful),
      value: answer.primary.code,
    });
  }
  return { type: 'actions', block_id: B.actions, elements };
}

function section(blockId: string, text: string): KnownBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}

function contextBlock(blockId: string, text: string): KnownBlock {
  return { type: 'context', block_id: blockId, elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }] };
}

function plain(text: string) {
  return { type: 'plain_text' as const, text: clip(text, LIMITS.buttonText), emoji: true };
}

function code(text: string): string {
  return `\`${escapeMrkdwn(text).replace(/`/g, "'")}\``;
}

/** Notification and screen-reader text: code, what Salesforce said, and whether to retry. */
export function fallbackText(answer: Answer): string {
  const p = answer.primary;
  const said = answer.specifics.message === undefined ? undefined : clip(answer.specifics.message, 200);
  return clip(
    messages(answer.lang).answer.fallback(
      p.code,
      p.title,
      answer.others.length,
      said,
      p.retryVerdict ?? clip(p.retryAdvice, 120),
    ),
    LIMITS.fallbackText,
  );
}

/** Short reply when the same error was answered in this channel moments ago. */
export function buildCooldownPointer(text: string): MessagePayload {
  return {
    text,
    blocks: [
      {
        type: 'context',
        block_id: 'diag_pointer',
        elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }],
      },
    ],
  };
}
