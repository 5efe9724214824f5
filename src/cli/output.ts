import { explain } from '../knowledge/answer';
import type { Diagnosis, Match } from '../knowledge/diagnosis';
import { FITTED_GATE } from '../knowledge/gate-params';

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
  return {
    isError: d.isError,
    confidence: d.confidence,
    matches: d.matches.map(matchJson),
    context: d.context,
    secrets: d.secrets,
    maskedText: d.maskedText,
    signature: d.signature ?? null,
    truncated: d.truncated,
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
    limit: e.limit ?? null,
    http: e.http ?? null,
    docs: e.docs,
    depth: m.entry.depth,
  };
}

/** Readable text for people at a terminal. */
export function toText(d: Diagnosis): string {
  const lines: string[] = [];
  const primary = d.matches[0];
  if (!d.isError || primary === undefined) {
    lines.push(`No Salesforce API error recognised (confidence ${d.confidence.toFixed(2)}).`);
    if (primary !== undefined)
      lines.push(`Closest, below the threshold: ${primary.code} (${primary.confidence.toFixed(2)})`);
  } else {
    const m = matchJson(primary);
    lines.push(`${m.code}: ${m.title}`);
    lines.push(
      `confidence ${m.confidence.toFixed(2)} · ${primary.entry.family}${d.context.apiFamily ? ` · seen via ${d.context.apiFamily}` : ''}`,
    );
    lines.push('', `Meaning: ${m.meaning}`);
    if (m.limit) lines.push(`Limit: ${m.limit}`);
    if (m.causes.length > 0) lines.push('', 'Likely causes:', ...m.causes.map((c) => `  • ${c}`));
    if (m.fixes.length > 0) lines.push('', 'What to do:', ...m.fixes.map((f) => `  • ${f}`));
    lines.push('', `Retry: ${m.retryAdvice}`);
    lines.push('', 'Documentation:', ...m.docs.map((u) => `  ${u}`));
    const others = d.matches.slice(1).filter((o) => o.score >= FITTED_GATE.threshold);
    if (others.length > 0) {
      lines.push('', `Also in this paste: ${others.map((o) => `${o.code} (${o.title})`).join('; ')}`);
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

function contextLines(d: Diagnosis): string[] {
  const c = d.context;
  const out: string[] = [];
  if (c.apiFamily) out.push(`API family: ${c.apiFamily}`);
  if (c.httpStatus) out.push(`HTTP status: ${c.httpStatus}`);
  if (c.method || c.url) out.push(`Request: ${[c.method, c.url].filter(Boolean).join(' ')}`);
  if (c.apiVersion) out.push(`API version: ${c.apiVersion}`);
  if (c.orgId) out.push(`Org ID: ${c.orgId}`);
  if (c.username) out.push(`Username: ${c.username}`);
  if (c.instance) out.push(`Instance: ${c.instance}`);
  if (c.timestamps.length > 0) out.push(`Timestamps: ${c.timestamps.join(', ')}`);
  if (c.requestIds.length > 0) out.push(`Request/error IDs: ${c.requestIds.join(', ')}`);
  return out;
}
