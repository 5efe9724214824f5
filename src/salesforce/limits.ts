/**
 * Pure reading of the REST `/limits` resource: rows with used, max, percent and a band, the
 * compact set that matters to API integrations, and a fuzzy key filter. Handles the resource's
 * quirks: nested per-app children (ignored), Max 0 (not available), 999999999 (unlimited) and a
 * negative Remaining (over-consumption). See ../shared/reference/salesforce-limits-auth.md §1.
 */
import Fuse from 'fuse.js';

export type Band = 'ok' | 'warning' | 'critical' | 'over' | 'not-available' | 'unlimited';

export interface LimitRow {
  readonly key: string;
  readonly max: number;
  readonly remaining: number;
  readonly used: number;
  /** Percent used; undefined when Max is 0 or the limit is effectively unlimited. */
  readonly percent: number | undefined;
  readonly band: Band;
}

export interface Thresholds {
  readonly warnPercent: number;
  readonly criticalPercent: number;
}

/** Salesforce reports "no limit" with this sentinel (HourlyDashboardStatuses). */
const UNLIMITED = 999_999_999;

/**
 * The limits an integration team watches, in display order; each present key is shown. Legacy and
 * current names are both listed because orgs on different API versions return either.
 */
export const COMPACT_KEYS: readonly string[] = [
  'DailyApiRequests',
  'DailyBulkApiBatches',
  'DailyBulkApiRequests',
  'DailyBulkV2QueryJobs',
  'DailyBulkV2QueryFileStorageMB',
  'DailyAsyncApexExecutions',
  'ConcurrentAsyncGetReportInstances',
  'DailyStreamingApiEvents',
  'DailyDurableStreamingApiEvents',
  'DailyGenericStreamingApiEvents',
  'DailyDurableGenericStreamingApiEvents',
  'DurableStreamingApiConcurrentClients',
  'StreamingApiConcurrentClients',
  'HourlyPublishedPlatformEvents',
  'DailyDeliveredPlatformEvents',
  'MonthlyPlatformEventsUsageEntitlement',
  'DataStorageMB',
  'FileStorageMB',
];

/** Concurrency limits for long-running requests, shown whenever an org reports one. */
const LONG_RUNNING = /Concurrent.*(?:LongTxn|LongRunning)|LongRunning/i;

export function parseLimits(raw: unknown, thresholds: Thresholds): LimitRow[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  const rows: LimitRow[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const v = value as Record<string, unknown>;
    const max = toNumber(v.Max);
    const remaining = toNumber(v.Remaining);
    if (max === undefined || remaining === undefined) continue;
    rows.push(toRow(key, max, remaining, thresholds));
  }
  return rows;
}

export function toRow(key: string, max: number, remaining: number, t: Thresholds): LimitRow {
  const used = max - remaining;
  if (max >= UNLIMITED) return { key, max, remaining, used: Math.max(0, used), percent: undefined, band: 'unlimited' };
  if (max <= 0) return { key, max, remaining, used: Math.max(0, used), percent: undefined, band: 'not-available' };
  const percent = (used / max) * 100;
  const band: Band =
    remaining < 0 ? 'over' : percent >= t.criticalPercent ? 'critical' : percent >= t.warnPercent ? 'warning' : 'ok';
  return { key, max, remaining, used, percent, band };
}

/** Most used first; limits without a percentage (not available, unlimited) last, by name. */
export function sortByUsage(rows: readonly LimitRow[]): LimitRow[] {
  return [...rows].sort((a, b) => {
    if (a.percent === undefined || b.percent === undefined) {
      if (a.percent === b.percent) return a.key.localeCompare(b.key);
      return a.percent === undefined ? 1 : -1;
    }
    return b.percent - a.percent || a.key.localeCompare(b.key);
  });
}

export function compactView(rows: readonly LimitRow[]): LimitRow[] {
  const wanted = new Set(COMPACT_KEYS);
  return sortByUsage(rows.filter((r) => wanted.has(r.key) || LONG_RUNNING.test(r.key)));
}

/** `DailyBulkV2QueryJobs` → `daily bulk v2 query jobs`, for matching what people type. */
export function keyWords(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/MB\b/, ' MB')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Rows whose key matches `query` ("bulk", "api req", "storage"): every word of the query must
 * appear in the key's words, or fuse.js must find the key close (typos such as "apirequest").
 */
export function filterLimits(rows: readonly LimitRow[], query: string): LimitRow[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return sortByUsage(rows);
  const exact = rows.filter((r) => {
    const k = keyWords(r.key);
    const squashed = k.replace(/ /g, '');
    return words.every((w) => k.split(' ').some((part) => part.startsWith(w)) || squashed.includes(w));
  });
  if (exact.length > 0) return sortByUsage(exact);
  // Short strings and a small corpus (~80 keys): fuse.js is cheap here.
  const fuse = new Fuse(
    rows.map((r) => ({ row: r, words: keyWords(r.key) })),
    {
      keys: ['words'],
      threshold: 0.35,
      ignoreLocation: true,
    },
  );
  return sortByUsage(fuse.search(query.slice(0, 40)).map((r) => r.item.row));
}

function toNumber(value: unknown): number | undefined {
  // API 29.0's pilot returned numbers as strings.
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
