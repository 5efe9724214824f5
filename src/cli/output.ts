import { type Answer, answerFor, explain } from '../knowledge/answer';
import type { Diagnosis, Match } from '../knowledge/diagnosis';
import { docTitle } from '../knowledge/doc-titles';
import { apiFamilyLabel, percent } from '../knowledge/labels';
import { MSG } from '../user-messages';

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
export function toJson(d: Diagnosis): unknown {
  const answer = answerFor(d);
  return {
    isError: d.isError,
    confidence: d.confidence,
    matches: d.matches.map(matchJson),
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

function matchJson(m: Match) {
  const e = explain(m);
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
export function toText(d: Diagnosis): string {
  const lines: string[] = [];
  const answer = answerFor(d);
  if (answer === undefined) {
    const primary = d.matches[0];
    lines.push(`No Salesforce API error recognised (confidence ${d.confidence.toFixed(2)}).`);
    if (primary !== undefined)
      lines.push(`Closest, below the threshold: ${primary.code} (${primary.confidence.toFixed(2)})`);
  } else {
    const p = answer.primary;
    const status = answer.httpStatus !== undefined && !p.code.startsWith('HTTP_') ? ` (HTTP ${answer.httpStatus})` : '';
    lines.push(`${p.code}${status}: ${p.title}`);
    lines.push(...saysLines(answer));
    if (p.code === 'REQUEST_LIMIT_EXCEEDED' && p.variant === undefined) lines.push(MSG.liveLimits.noOrg);
    lines.push(
      p.retryVerdict === undefined
        ? `Retry: ${p.retryAdvice}`
        : `Retry: ${p.retryVerdict}. ${p.retrySchedule === undefined ? p.retryAdvice : `Retry ${p.retrySchedule}`}`,
    );
    if (answer.fixesForPaste.length > 0) lines.push('What to do:', ...answer.fixesForPaste.map((f) => `  • ${f}`));
    const surface = apiFamilyLabel(d.context.apiFamily);
    lines.push(`${surface === undefined ? '' : `Seen via ${surface} · `}confidence ${p.confidence.toFixed(2)}`);
    lines.push('', `Meaning: ${p.meaning}`);
    if (p.limit) lines.push(`Limit: ${p.limit}`);
    if (p.causes.length > 0) lines.push('', 'Likely causes:', ...p.causes.map((c) => `  • ${c}`));
    if (p.fixes.length > 0) lines.push('', 'Everything that can fix it:', ...p.fixes.map((f) => `  • ${f}`));
    if (p.escalation === 'secondary') lines.push('', MSG.answer.escalateSecondary);
    lines.push('', 'Documentation:', ...p.docs.map((u) => `  ${docTitle(u)}: ${u}`));
    if (answer.others.length > 0) {
      lines.push('', `Also in this paste: ${answer.others.map((o) => `${o.code} (${o.title})`).join('; ')}`);
    }
    const ctx = contextLines(d);
    if (ctx.length > 0) lines.push('', 'Context:', ...ctx.map((c) => `  ${c}`));
  }
  if (d.secrets.length > 0) {
    const kinds = [...new Set(d.secrets.map((s) => s.kind.replace(/-/g, ' ')))].join(', ');
    lines.push(
      '',
      `Secrets found and masked: ${d.secrets.length} (${kinds}). Rotate them: a pasted credential is compromised.`,
    );
  }
  return lines.join('\n');
}

/** The same specifics the Slack answer quotes under "What this paste says". */
function saysLines(answer: Answer): string[] {
  const s = answer.specifics;
  const out: string[] = [];
  if (s.message !== undefined) out.push(`Salesforce said: "${s.message}"`);
  const facts: string[] = [];
  if (s.fields.length > 0) facts.push(`Fields: ${s.fields.join(', ')}`);
  if (s.object !== undefined) facts.push(`Object: ${s.object}`);
  if (s.recordId !== undefined) facts.push(`Record: ${s.recordId}`);
  if (s.failedRows !== undefined && s.failedRows > 1) facts.push(`Failed rows: ${s.failedRows}`);
  if (facts.length > 0) out.push(facts.join(' · '));
  if (s.query !== undefined) {
    const where = [
      s.query.row !== undefined && s.query.column !== undefined ? `row ${s.query.row}, column ${s.query.column}` : '',
      s.query.token !== undefined ? `at ${s.query.token}` : '',
    ].filter((w) => w.length > 0);
    out.push(`In the query: ${where.join(', ')}`);
  }
  if (s.apex?.trigger !== undefined) out.push(`Trigger: ${s.apex.trigger}${s.apex.event ? ` (${s.apex.event})` : ''}`);
  if (s.apex?.frame !== undefined) out.push(`Line: ${s.apex.frame}`);
  if (s.innerCause !== undefined)
    out.push(`Inner cause: ${s.innerCause.code}${s.innerCause.message ? ` — ${s.innerCause.message}` : ''}`);
  if (s.wrapper !== undefined) out.push(`Reported inside: ${s.wrapper}`);
  if (s.apiUsage !== undefined && s.apiUsage.max > 0)
    out.push(
      `Sforce-Limit-Info: ${s.apiUsage.used} of ${s.apiUsage.max} daily API requests used (${percent((s.apiUsage.used / s.apiUsage.max) * 100)} %)`,
    );
  return out;
}

function contextLines(d: Diagnosis): string[] {
  const c = d.context;
  const out: string[] = [];
  if (c.apiFamily) out.push(`API family: ${apiFamilyLabel(c.apiFamily) ?? c.apiFamily}`);
  if (c.httpStatus) out.push(`HTTP status: ${c.httpStatus}`);
  if (c.method || c.url) out.push(`Request: ${[c.method, c.url].filter(Boolean).join(' ')}`);
  if (c.apiVersion) out.push(`API version: ${c.apiVersion}`);
  if (c.orgId) out.push(`Org ID: ${c.orgId}`);
  if (c.username) out.push(`Username: ${c.username}`);
  if (c.instance) out.push(`Instance: ${c.instance}`);
  if (c.timestamps.length > 0) out.push(`Timestamps: ${c.timestamps.join(', ')}`);
  if (c.requestIds.length > 0) out.push(`Request/error IDs: ${c.requestIds.join(', ')}`);
  if (c.bulkJobIds.length > 0) out.push(`Bulk job/batch IDs: ${c.bulkJobIds.join(', ')}`);
  if (c.clientTool) out.push(`Client tool: ${c.clientTool}`);
  return out;
}
