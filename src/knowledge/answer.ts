import type { Diagnosis, Match } from './diagnosis';
import { FITTED_GATE } from './gate-params';
import { retryAdvice } from './retry';
import type { RetryPolicy } from './schema';

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

export function explain(match: Match): Explanation {
  const variant =
    match.variant === undefined ? undefined : match.entry.variants.find((v) => v.id === match.variant?.id);
  const e = match.entry;
  return {
    code: match.code,
    title: match.title,
    family: e.family,
    confidence: match.confidence,
    meaning: variant?.meaning ?? e.meaning,
    causes: variant !== undefined && variant.causes.length > 0 ? variant.causes : e.causes,
    fixes: variant !== undefined && variant.fixes.length > 0 ? variant.fixes : e.fixes,
    retry: match.retry,
    transient: match.transient,
    retryAdvice: retryAdvice(match.retry),
    limit: variant?.limit ?? e.limit,
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
    others: rest.filter((m) => m.score >= FITTED_GATE.threshold).map(explain),
    alternatives: rest
      .filter((m) => m.score < FITTED_GATE.threshold)
      .map((m) => ({ code: m.code, title: m.title, confidence: m.confidence })),
  };
}
