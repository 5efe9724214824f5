import { type LimitRow, parseLimits, type Thresholds, toRow } from './limits';

/**
 * Which org limit a limit error is about, read from the org's live `/limits` snapshot. Pure:
 * the snapshot comes from LimitsService (cached, one call per org per cache window).
 *
 * REQUEST_LIMIT_EXCEEDED shares one code between the rolling 24-hour allocation and the
 * concurrency limits (../shared/reference/limits-watch.md §3). When the message does not say
 * which, DailyApiRequests does: near its maximum it is the allocation; well below it, the call
 * was refused for concurrency.
 */
export type LimitReading =
  /** The figure is being fetched; the answer is updated when it arrives. */
  | { readonly kind: 'pending'; readonly org: string }
  /** A limit this error points at is (nearly) used up. */
  | { readonly kind: 'at-limit'; readonly org: string; readonly row: LimitRow; readonly scope: LimitScope }
  /** DailyApiRequests is well below its maximum, so a concurrency limit refused the call. */
  | { readonly kind: 'concurrency'; readonly org: string; readonly row: LimitRow }
  /** The limits this error points at are not near their maximum. */
  | { readonly kind: 'below'; readonly org: string; readonly row: LimitRow }
  /** The limits check itself was refused with REQUEST_LIMIT_EXCEEDED: that is the answer. */
  | { readonly kind: 'refused'; readonly org: string }
  | { readonly kind: 'failed'; readonly org: string }
  /** No org is linked: say which limit each variant means and how to tell them apart. */
  | { readonly kind: 'no-org' };

/** How the limit resets, which is what decides when a retry can work. */
export type LimitScope = 'rolling-24h' | 'hourly' | 'monthly' | 'concurrent' | 'storage';

export interface LimitSnapshot {
  readonly raw: Record<string, unknown>;
  readonly apiUsage: { readonly used: number; readonly limit: number } | undefined;
}

const API_KEYS = ['DailyApiRequests'] as const;

/** The `/limits` keys each limit error can be about. */
const KEYS_BY_CODE: Readonly<Record<string, readonly string[]>> = {
  REQUEST_LIMIT_EXCEEDED: API_KEYS,
  ConcurrentPerOrgLongTxn: API_KEYS,
  ExceededQuota: ['DailyBulkApiBatches', 'DailyBulkV2QueryJobs'],
  'System.AsyncException': ['DailyAsyncApexExecutions'],
  STREAMING_DAILY_EVENT_LIMIT: [
    'DailyStreamingApiEvents',
    'DailyDurableStreamingApiEvents',
    'DailyGenericStreamingApiEvents',
    'DailyDeliveredPlatformEvents',
  ],
  STREAMING_CONCURRENT_CLIENT_LIMIT: ['StreamingApiConcurrentClients', 'DurableStreamingApiConcurrentClients'],
  STORAGE_LIMIT_EXCEEDED: ['DataStorageMB', 'FileStorageMB'],
  LIMIT_EXCEEDED: ['HourlyPublishedPlatformEvents', 'DailyScratchOrgs', 'DailyAsyncApexExecutions'],
};

/** Variants whose message already names a concurrency limit: the daily figure only confirms it. */
const CONCURRENT_VARIANTS = new Set(['concurrent-requests']);

export function limitKeysFor(code: string): readonly string[] | undefined {
  return KEYS_BY_CODE[code];
}

/** Does a live reading help this answer? For every limit error whose limit `/limits` reports. */
export function wantsLiveLimits(code: string): boolean {
  return limitKeysFor(code) !== undefined;
}

export function readLimit(
  org: string,
  code: string,
  variant: string | undefined,
  snapshot: LimitSnapshot,
  thresholds: Thresholds,
): LimitReading {
  const keys = limitKeysFor(code) ?? [];
  const rows = parseLimits(snapshot.raw, thresholds).filter((r) => keys.includes(r.key));
  // Sforce-Limit-Info comes with the /limits response and lags less than its DailyApiRequests.
  const api = snapshot.apiUsage;
  const withHeader =
    keys === API_KEYS && api !== undefined && api.limit > 0
      ? [
          toRow('DailyApiRequests', api.limit, api.limit - api.used, thresholds),
          ...rows.filter((r) => r.key !== 'DailyApiRequests'),
        ]
      : rows;
  const measured = withHeader.filter((r) => r.percent !== undefined);
  const top = [...measured].sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0))[0];
  if (top === undefined) return { kind: 'failed', org };
  const full = top.remaining <= 0 || (top.percent ?? 0) >= thresholds.criticalPercent;
  const concurrency =
    keys === API_KEYS && (code === 'ConcurrentPerOrgLongTxn' || CONCURRENT_VARIANTS.has(variant ?? ''));
  if (full && !concurrency) return { kind: 'at-limit', org, row: top, scope: scopeOf(top.key) };
  // "TotalRequests Limit exceeded" names the allocation itself; a lower figure is only lag.
  if (keys === API_KEYS && variant !== 'total-requests') return { kind: 'concurrency', org, row: top };
  return { kind: 'below', org, row: top };
}

function scopeOf(key: string): LimitScope {
  if (/^Hourly/.test(key)) return 'hourly';
  if (/^Monthly/.test(key)) return 'monthly';
  if (/Concurrent/.test(key)) return 'concurrent';
  if (/StorageMB$/.test(key) && !/^Daily/.test(key)) return 'storage';
  return 'rolling-24h';
}
