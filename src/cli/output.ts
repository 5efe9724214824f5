import { type Lang, type Messages, messages } from '../i18n';
import { type Answer, answerFor, explain } from '../knowledge/answer';
import type { Diagnosis, Match } from '../knowledge/diagnosis';
import { docTitle } from '../knowledge/doc-titles';
import { apiFamilyLabel, percent } from '../knowledge/labels';

/** The JSON Lines contract used by acceptance tooling. Keep these field names stable. */
export interface JsonlResult {
  readonly id: unknown;
  readonly isError: boolean;
  readonly confidence: number;
  readonly matches: ReadonlyArray<{
    readonly code: string;
    readonly family: string;
    readonly title: string;
    readonly transient: boolean | null;
    readonly confidence: number;
  }>;
  /** The analysed input with every secret masked, so masking can be checked from outside. */
  readonly maskedText: string;
}

export function toJsonl(id: unknown, d: Diagnosis): JsonlResult {
  return {
    id,
    isError: d.isError,
    confidence: d.confidence,
    matches: d.matches.map((m) => ({
      code: m.code,
      family: m.family,
      title: m.title,
      transient: m.transient,
      confidence: m.confidence,
    })),
    maskedText: d.maskedText,
  };
}

/** `--json`: the whole diagnosis with each match's explanation, secrets by kind and position only,
 * and the masked copy of the input. */
export function toJson(d: Diagnosis, lang: Lang = 'en'): unknown {
  const answer = answerFor(d, lang);
  return {
    isError: d.isError,
    confidence: d.confidence,
    // Added with the report check: the rules would answer, the check read an explanation.
    withheld: d.withheld,
    matches: d.matches.map((m) => matchJson(m, lang)),
    lang,
    context: d.context,
    secrets: d.secrets,
    maskedText: d.maskedText,
    signature: d.signature ?? null,
    truncated: d.truncated,
    // Added with the paste-first answer: what this paste says, and the fixes that fit it.
    specifics: answer?.specifics ?? null,
    fixesForPaste: answer?.fixesForPaste ?? [],
  };
}

function matchJson(m: Match, lang: Lang) {
  const e = explain(m, lang);
  return {
    code: e.code,
    family: e.family,
    title: e.title,
    confidence: e.confidence,
    evidence: m.evidence,
    variant: m.variant?.id ?? null,
    meaning: e.meaning,
    causes: e.causes,
    fixes: e.fixes,
    retry: e.retry,
    transient: e.transient,
    retryAdvice: e.retryAdvice,
    retryVerdict: e.retryVerdict ?? null,
    retrySchedule: e.retrySchedule ?? null,
    escalation: e.escalation,
    limit: e.limit ?? null,
    http: e.http ?? null,
    docs: e.docs,
    depth: m.entry.depth,
  };
}

/**
 * Readable text for people at a terminal, in the order of the Slack answer: the verdict and what
 * this paste says first, then what to do and whether to retry, then the background.
 */
export function toText(d: Diagnosis, lang: Lang = 'en'): string {
  const t = messages(lang);
  const c = t.cli;
  const lines: string[] = [];
  const answer = answerFor(d, lang);
  if (answer === undefined) {
    const primary = d.matches[0];
    lines.push(c.notRecognised(d.confidence.toFixed(2)));
    if (primary !== undefined && d.withheld) lines.push(c.withheld(primary.code));
    else if (primary !== undefined) lines.push(c.closest(primary.code, primary.confidence.toFixed(2)));
  } else {
    const p = answer.primary;
    const status =
      answer.httpStatus !== undefined && !p.code.startsWith('HTTP_')
        ? ` ${t.answer.httpStatus(answer.httpStatus)}`
        : '';
    lines.push(`${p.code}${status}: ${p.title}`);
    lines.push(...saysLines(t, answer));
    if (p.code === 'REQUEST_LIMIT_EXCEEDED' && p.variant === undefined) lines.push(t.liveLimits.noOrg);
    lines.push(
      p.retryVerdict === undefined
        ? c.retry(p.retryAdvice)
        : p.retrySchedule === undefined
          ? c.retryVerdict(p.retryVerdict, p.retryAdvice)
          : c.retrySchedule(p.retryVerdict, p.retrySchedule),
    );
    if (answer.fixesForPaste.length > 0) lines.push(c.whatToDo, ...answer.fixesForPaste.map((f) => `  • ${f}`));
    const surface = apiFamilyLabel(d.context.apiFamily, lang);
    lines.push(`${surface === undefined ? '' : c.seenVia(surface)}${c.confidence(p.confidence.toFixed(2))}`);
    lines.push('', c.meaning(p.meaning));
    if (p.limit) lines.push(c.limit(p.limit));
    if (p.causes.length > 0) lines.push('', c.causes, ...p.causes.map((x) => `  • ${x}`));
    if (p.fixes.length > 0) lines.push('', c.fixes, ...p.fixes.map((f) => `  • ${f}`));
    if (p.escalation === 'secondary') lines.push('', t.answer.escalateSecondary);
    lines.push('', c.documentation, ...p.docs.map((u) => `  ${docTitle(u)}: ${u}`));
    if (answer.others.length > 0) {
      lines.push('', c.others(answer.others.map((o) => `${o.code} (${o.title})`).join('; ')));
    }
    const ctx = contextLines(t, d, lang);
    if (ctx.length > 0) lines.push('', c.context, ...ctx.map((x) => `  ${x}`));
  }
  if (d.secrets.length > 0) {
    const kinds = [...new Set(d.secrets.map((s) => t.chat.secretKinds[s.kind]))].join(', ');
    lines.push('', c.secrets(d.secrets.length, kinds));
  }
  return lines.join('\n');
}

/** The same specifics the Slack answer quotes under "What this paste says". */
function saysLines(t: Messages, answer: Answer): string[] {
  const c = t.cli;
  const s = answer.specifics;
  const out: string[] = [];
  if (s.message !== undefined) out.push(c.said(s.message));
  const facts: string[] = [];
  if (s.fields.length > 0) facts.push(c.fields(s.fields.join(', ')));
  if (s.object !== undefined) facts.push(c.object(s.object));
  if (s.recordId !== undefined) facts.push(c.record(s.recordId));
  if (s.failedRows !== undefined && s.failedRows > 1) facts.push(c.failedRows(s.failedRows));
  if (facts.length > 0) out.push(facts.join(' · '));
  if (s.query !== undefined) {
    const where = [
      s.query.row !== undefined && s.query.column !== undefined ? c.rowColumn(s.query.row, s.query.column) : '',
      s.query.token !== undefined ? c.token(s.query.token) : '',
    ].filter((w) => w.length > 0);
    out.push(c.queryAt(where.join(', ')));
  }
  if (s.apex?.trigger !== undefined) out.push(c.trigger(s.apex.trigger, s.apex.event));
  if (s.apex?.frame !== undefined) out.push(c.line(s.apex.frame));
  if (s.innerCause !== undefined) out.push(c.innerCause(s.innerCause.code, s.innerCause.message));
  if (s.wrapper !== undefined) out.push(c.reportedInside(s.wrapper));
  if (s.apiUsage !== undefined && s.apiUsage.max > 0)
    out.push(c.limitInfo(s.apiUsage.used, s.apiUsage.max, percent((s.apiUsage.used / s.apiUsage.max) * 100)));
  return out;
}

function contextLines(t: Messages, d: Diagnosis, lang: Lang): string[] {
  const c = t.cli;
  const x = d.context;
  const out: string[] = [];
  if (x.apiFamily) out.push(c.apiFamily(apiFamilyLabel(x.apiFamily, lang) ?? x.apiFamily));
  if (x.httpStatus) out.push(c.httpStatus(x.httpStatus));
  if (x.method || x.url) out.push(c.request([x.method, x.url].filter(Boolean).join(' ')));
  if (x.apiVersion) out.push(c.apiVersion(x.apiVersion));
  if (x.orgId) out.push(c.orgId(x.orgId));
  if (x.username) out.push(c.username(x.username));
  if (x.instance) out.push(c.instance(x.instance));
  if (x.timestamps.length > 0) out.push(c.timestamps(x.timestamps.join(', ')));
  if (x.requestIds.length > 0) out.push(c.requestIds(x.requestIds.join(', ')));
  if (x.bulkJobIds.length > 0) out.push(c.bulkJobs(x.bulkJobIds.join(', ')));
  if (x.clientTool) out.push(c.clientTool(x.clientTool));
  return out;
}
