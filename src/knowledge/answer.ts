import type { Diagnosis, Match } from './diagnosis';
import { retryAdvice } from './retry';
import type { RetryPolicy } from './schema';
import { GATE } from './weights';

/**
 * What the assistant says about one diagnosis, independent of where it is shown (Slack blocks,
 * the CLI, the escalation case). A matched variant's own wording replaces the entry's.
 */
export interface Explanation {
  readonly code: string;
  readonly title: string;
  readonly family: string;
  readonly confidence: number;
  readonly meaning: string;
  readonly causes: readonly string[];
  readonly fixes: readonly string[];
  readonly retry: RetryPolicy;
  readonly transient: boolean | null;
  readonly retryAdvice: string;
  readonly limit: string | undefined;
  readonly docs: readonly string[];
  readonly http: number | undefined;
  readonly brief: boolean;
  /** The answer is about an org allocation (API requests, Bulk batches, events): offer a limits check. */
  readonly orgLimit: boolean;
}

export interface Answer {
  readonly primary: Explanation;
  /** Other errors the paste shows (above the gate), in rank order. */
  readonly others: readonly Explanation[];
  /** Weaker candidates (below the gate): "other possible matches". */
  readonly alternatives: readonly { readonly code: string; readonly title: string; readonly confidence: number }[];
}

/** Codes whose cause is an exhausted org-wide allocation, where the live limits help. */
const ORG_LIMIT_CODES = new Set([
  'REQUEST_LIMIT_EXCEEDED',
  'ConcurrentPerOrgLongTxn',
  'ExceededQuota',
  'LIMIT_EXCEEDED',
  'STORAGE_LIMIT_EXCEEDED',
  'TOO_MANY_APEX_REQUESTS',
  'HTTP_429',
  'STREAMING_DAILY_EVENT_LIMIT',
  'STREAMING_CONCURRENT_CLIENT_LIMIT',
  'sfdc.platform.eventbus.grpc.subscription.limit.exceeded',
  'SALESFORCE:LIMIT_EXCEEDED',
]);

/**
 * `lang: 'ja'` takes the Japanese text from `knowledge/ja/` where it exists and falls back to
 * English field by field, so an entry not yet translated still gets a complete answer.
 */
export function explain(match: Match, lang: 'en' | 'ja' = 'en'): Explanation {
  const variant =
    match.variant === undefined ? undefined : match.entry.variants.find((v) => v.id === match.variant?.id);
  const e = match.entry;
  const entryText = lang === 'ja' && e.ja !== undefined ? e.ja : e;
  const variantText = lang === 'ja' && variant?.ja !== undefined ? variant.ja : variant;
  const title = lang === 'ja' ? (variant !== undefined ? variant.ja?.title : e.ja?.title) : undefined;
  return {
    code: match.code,
    title: title ?? match.title,
    family: e.family,
    confidence: match.confidence,
    meaning: variantText?.meaning ?? entryText.meaning,
    causes: variantText !== undefined && variantText.causes.length > 0 ? variantText.causes : entryText.causes,
    fixes: variantText !== undefined && variantText.fixes.length > 0 ? variantText.fixes : entryText.fixes,
    retry: match.retry,
    transient: match.transient,
    retryAdvice: retryAdvice(match.retry),
    limit: variantText?.limit ?? entryText.limit,
    docs: e.docs,
    http: e.http,
    brief: e.depth === 'brief',
    orgLimit: ORG_LIMIT_CODES.has(match.code) || match.retry === 'wait',
  };
}

/** Undefined when the diagnosis is not an error the assistant should answer. */
export function answerFor(d: Diagnosis): Answer | undefined {
  const [primary, ...rest] = d.matches;
  if (!d.isError || primary === undefined) return undefined;
  return {
    primary: explain(primary),
    others: rest.filter((m) => m.confidence >= GATE).map((m) => explain(m)),
    alternatives: rest
      .filter((m) => m.confidence < GATE)
      .map((m) => ({ code: m.code, title: m.title, confidence: m.confidence })),
  };
}
