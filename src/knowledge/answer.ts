import type { Lang } from '../i18n/lang';
import { type Diagnosis, type ErrorContext, type Match, matchedVariant } from './diagnosis';
import { FITTED_GATE } from './gate-params';
import { retryAdvice, retrySchedule, retryVerdict } from './retry';
import type { EscalationAdvice, RetryPolicy } from './schema';
import { extractSpecifics, type PasteSpecifics } from './specifics';

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
  /** The case's own advice where the knowledge base has one, else the policy's. */
  readonly retryAdvice: string;
  /** A few words: "Yes, with backoff", "No: fix it first". Undefined when the case's own advice
   * (which starts with its verdict) replaces the policy's. */
  readonly retryVerdict: string | undefined;
  /** When to retry, concretely; undefined when the knowledge base gives its own advice or retrying is not the answer. */
  readonly retrySchedule: string | undefined;
  readonly limit: string | undefined;
  readonly docs: readonly string[];
  readonly http: number | undefined;
  readonly brief: boolean;
  /** The answer is about an org allocation (API requests, Bulk batches, events): offer a limits check. */
  readonly orgLimit: boolean;
  /** Whether Salesforce Support can act on it (see `escalationFor`). */
  readonly escalation: EscalationAdvice;
  readonly variant: string | undefined;
}

export interface Answer {
  /** The language of every text in it (codes and Salesforce's own messages stay as they are). */
  readonly lang: Lang;
  readonly primary: Explanation;
  /** Other errors the paste shows (above the gate), in rank order. The HTTP status of the
   * primary error itself is not one of them: it is shown with that error. */
  readonly others: readonly Explanation[];
  /** Weaker candidates (below the gate): "other possible matches". */
  readonly alternatives: readonly { readonly code: string; readonly title: string; readonly confidence: number }[];
  /** What this paste says (message, fields, object, record, position, inner cause). */
  readonly specifics: PasteSpecifics;
  /** The one or two fixes that fit this paste best, from the primary's fixes. */
  readonly fixesForPaste: readonly string[];
  /** The HTTP status the primary error arrived with, when the paste shows it. */
  readonly httpStatus: number | undefined;
  readonly context: ErrorContext;
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
export function explain(match: Match, lang: Lang = 'en'): Explanation {
  const variant = matchedVariant(match);
  const e = match.entry;
  const ownEnglish = variant === undefined ? e.retryAdvice : variant.retryAdvice;
  const ownJapanese = variant === undefined ? e.ja?.retryAdvice : variant.ja?.retryAdvice;
  const own = lang === 'ja' ? (ownJapanese ?? ownEnglish) : ownEnglish;
  const orgLimit = ORG_LIMIT_CODES.has(match.code) || match.retry === 'wait';
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
    retryAdvice: own ?? retryAdvice(match.retry, lang),
    retryVerdict: own === undefined ? retryVerdict(match.retry, lang) : undefined,
    retrySchedule: own === undefined ? retrySchedule(match.retry, lang) : undefined,
    limit: variantText?.limit ?? entryText.limit,
    docs: e.docs,
    http: e.http,
    brief: e.depth === 'brief',
    orgLimit,
    escalation: (variant === undefined ? e.escalation : variant.escalation) ?? escalationFor(match.retry, orgLimit),
    variant: variant?.id,
  };
}

/** The default from the retry policy; an entry or variant may set its own (`escalation`). */
export function escalationFor(retry: RetryPolicy, orgLimit: boolean): EscalationAdvice {
  if (orgLimit) return 'recommended';
  return retry === 'fix' || retry === 'reauth' ? 'secondary' : 'recommended';
}

/** Undefined when the diagnosis is not an error the assistant should answer. */
export function answerFor(d: Diagnosis, lang: Lang = 'en'): Answer | undefined {
  const [first, ...rest] = d.matches;
  if (!d.isError || first === undefined) return undefined;
  const primary = explain(first, lang);
  // Fit is judged on the English fixes (pastes are English); the Japanese list is the same, item for item.
  const english = lang === 'en' ? primary : explain(first, 'en');
  const httpStatus = d.context.httpStatus ?? (first.code.startsWith('HTTP_') ? first.entry.http : undefined);
  const sameStatus = (m: Match) =>
    m.code.startsWith('HTTP_') && !first.code.startsWith('HTTP_') && m.entry.http === httpStatus;
  const specifics = extractSpecifics(d.maskedText, first.code, first.messageOnlyAt);
  return {
    primary,
    lang,
    others: rest.filter((m) => m.score >= FITTED_GATE.threshold && !sameStatus(m)).map((m) => explain(m, lang)),
    alternatives: rest
      .filter((m) => m.score < FITTED_GATE.threshold && !sameStatus(m))
      .map((m) => ({ code: m.code, title: explain(m, lang).title, confidence: m.confidence })),
    specifics,
    fixesForPaste: fixesForPaste(english.fixes, d.maskedText, specifics).map((i) => primary.fixes[i] ?? ''),
    httpStatus,
    context: d.context,
  };
}

/** Words too common in fixes and pastes to say anything about fit. */
const STOP = new Set(
  'that this with from your have when then them they into only same than more such each other field fields record records request error value values check make sure their there which where while call calls'.split(
    ' ',
  ),
);

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) if (w.length >= 4 && !STOP.has(w)) out.add(w);
  return out;
}

/**
 * The positions of the fixes whose words the paste shares most (a trigger named in the paste favours the fix about
 * triggers), at most two, in the knowledge base's order. Ties keep that order, which puts the
 * most common fix first.
 */
export function fixesForPaste(fixes: readonly string[], text: string, s: PasteSpecifics): number[] {
  if (fixes.length <= 2) return fixes.map((_, i) => i);
  const pasteWords = words(
    [
      text.slice(0, 20_000),
      s.apex === undefined ? '' : 'trigger apex class code',
      s.query === undefined ? '' : 'query soql',
      s.fields.length > 0 ? 'field' : '',
    ].join(' '),
  );
  const scored = fixes.map((fix, i) => {
    let score = 0;
    for (const w of words(fix)) if (pasteWords.has(w)) score++;
    return { fix, i, score };
  });
  const best = [...scored].sort((a, b) => b.score - a.score || a.i - b.i).slice(0, 2);
  // Nothing in the paste points anywhere: the first fixes are the most common ones.
  if (best.every((b) => b.score === 0)) return [0, 1];
  return best.map((b) => b.i).sort((a, b) => a - b);
}
