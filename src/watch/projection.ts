/**
 * Pure: when will a rolling allocation run out at the current burn rate? A least-squares line
 * through the recent snapshots of one limit, with the gates that keep early guesses out: enough
 * snapshots over enough time, and a rising line. It ignores calls ageing out of the rolling
 * 24-hour window, so it errs on the early side.
 */

/** The allocations Salesforce counts over a rolling window, where a burn rate means something. */
export const ROLLING_KEYS: readonly string[] = [
  'DailyApiRequests',
  'DailyBulkApiBatches',
  'DailyBulkApiRequests',
  'DailyBulkV2QueryJobs',
  'DailyBulkV2QueryFileStorageMB',
  'DailyAsyncApexExecutions',
  'DailyAsyncApexTests',
];

export interface UsagePoint {
  readonly at: number;
  readonly used: number;
  readonly max: number;
}

export interface ProjectionRules {
  /** Fewer snapshots than this: no projection. */
  readonly minSamples: number;
  /** Snapshots spanning less than this: no projection. */
  readonly minSpanMs: number;
  /** Only snapshots this recent count towards the rate. */
  readonly windowMs: number;
}

export type Confidence = 'low' | 'medium' | 'high';

export type Projection =
  | {
      readonly kind: 'projection';
      /** Calls (or units) per hour. */
      readonly ratePerHour: number;
      readonly exhaustAt: number;
      readonly msLeft: number;
      readonly confidence: Confidence;
      readonly samples: number;
      readonly spanMs: number;
    }
  | { readonly kind: 'none'; readonly reason: 'too-few' | 'too-short' | 'not-rising' | 'exhausted' };

/** Rules scaled to the watch interval: at the default 300 s, 3 snapshots over 10 minutes, rate from the last hour. */
export function projectionRules(intervalMs: number): ProjectionRules {
  return { minSamples: 3, minSpanMs: 2 * intervalMs, windowMs: Math.max(12 * intervalMs, 2 * intervalMs + 1) };
}

export function projectExhaustion(points: readonly UsagePoint[], now: number, rules: ProjectionRules): Projection {
  const recent = points.filter((p) => p.at >= now - rules.windowMs && p.at <= now).sort((a, b) => a.at - b.at);
  const last = recent.at(-1);
  if (last === undefined || recent.length < rules.minSamples) return { kind: 'none', reason: 'too-few' };
  if (last.max - last.used <= 0) return { kind: 'none', reason: 'exhausted' };
  const first = recent[0] as UsagePoint;
  const spanMs = last.at - first.at;
  if (spanMs < rules.minSpanMs) return { kind: 'none', reason: 'too-short' };
  const fit = leastSquares(recent.map((p) => [p.at - first.at, p.used] as const));
  if (!(fit.slope > 0)) return { kind: 'none', reason: 'not-rising' };
  // From the latest figure Salesforce reported, at the fitted rate.
  const msLeft = (last.max - last.used) / fit.slope;
  return {
    kind: 'projection',
    ratePerHour: fit.slope * 3_600_000,
    exhaustAt: last.at + msLeft,
    msLeft: last.at + msLeft - now,
    confidence: confidenceOf(recent.length, spanMs, fit.r2, rules),
    samples: recent.length,
    spanMs,
  };
}

/** High: many snapshots over a long span on a straight line; low: a bare minimum or a noisy line. */
function confidenceOf(samples: number, spanMs: number, r2: number, rules: ProjectionRules): Confidence {
  if (samples >= 2 * rules.minSamples && spanMs >= 3 * rules.minSpanMs && r2 >= 0.9) return 'high';
  if (r2 >= 0.7) return 'medium';
  return 'low';
}

function leastSquares(xy: ReadonlyArray<readonly [number, number]>): { slope: number; r2: number } {
  const n = xy.length;
  const mx = xy.reduce((s, [x]) => s + x, 0) / n;
  const my = xy.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of xy) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  if (sxx === 0) return { slope: 0, r2: 0 };
  const slope = sxy / sxx;
  // A perfectly flat-but-rising line cannot happen (slope > 0 needs variance); syy 0 means flat.
  const r2 = syy === 0 ? 0 : (sxy * sxy) / (sxx * syy);
  return { slope, r2 };
}
