/**
 * The gate: which evidence score is enough to answer, and what a score means as a probability.
 *
 * The extractors give every match an evidence score (0..1, see weights.ts): an ordering of how
 * strongly kinds of evidence tend to prove a report. Two things are fitted on labelled texts,
 * never set by hand: the score from which the bot answers (`threshold`), and a logistic
 * calibration (`slope`, `intercept`) that turns a score into the probability that the text
 * really reports that error, which is what `confidence` means to users. `fitGate` is the one
 * fitting procedure; scripts/fit-gate.ts runs it over the development sets and writes
 * gate-params.ts, and `npm run eval -- --cv` runs it inside grouped cross-validation.
 */
export interface GateParams {
  /** Evidence score from which a text counts as a reported Salesforce error. */
  readonly threshold: number;
  readonly slope: number;
  readonly intercept: number;
}

export interface GateSample {
  /** Evidence score of the text's primary match (0 when nothing matched). */
  readonly score: number;
  readonly isError: boolean;
}

export interface FitOptions {
  /** How many misses one false reply is worth: the threshold minimises falseReplies × this + misses. */
  readonly falseReplyCost: number;
}

/** A false reply costs more than a silence (../shared/eval/README.md): the bot talking over chat. */
export const DEFAULT_FIT: FitOptions = { falseReplyCost: 3 };

/** Probability that a text with this evidence score reports the error. No evidence, no belief. */
export function probability(params: GateParams, score: number): number {
  if (score <= 0) return 0;
  return round3(1 / (1 + Math.exp(-(params.slope * score + params.intercept))));
}

export function fitGate(samples: readonly GateSample[], options: FitOptions = DEFAULT_FIT): GateParams {
  if (samples.length === 0) throw new Error('fitGate needs at least one labelled sample');
  const threshold = fitThreshold(samples, options.falseReplyCost);
  const { slope, intercept } = fitPlatt(samples);
  return { threshold, slope, intercept };
}

/**
 * Candidate thresholds lie halfway between neighbouring observed scores, so a score that
 * reappears on new text falls clearly on one side. The cheapest wins; when several cost the
 * same, the middle one of them, which leaves the widest margin on both sides.
 */
function fitThreshold(samples: readonly GateSample[], falseReplyCost: number): number {
  const scores = [...new Set(samples.map((s) => s.score).filter((s) => s > 0))].sort((a, b) => a - b);
  if (scores.length === 0) return 0.5;
  const candidates = [
    ...scores.map((s, i) => (i === 0 ? s / 2 : ((scores[i - 1] as number) + s) / 2)),
    ((scores[scores.length - 1] as number) + 1) / 2,
  ];
  const costs = candidates.map((threshold) => {
    let cost = 0;
    for (const s of samples) {
      const flagged = s.score >= threshold;
      if (flagged && !s.isError) cost += falseReplyCost;
      else if (!flagged && s.isError) cost += 1;
    }
    return cost;
  });
  const least = Math.min(...costs);
  const cheapest = candidates.filter((_, i) => costs[i] === least);
  return round3(cheapest[Math.floor((cheapest.length - 1) / 2)] as number);
}

/**
 * Platt scaling by Newton's method on the log-loss, with Platt's smoothed targets so a set
 * without a single mistake at some score does not drive the slope to infinity.
 */
function fitPlatt(samples: readonly GateSample[]): { slope: number; intercept: number } {
  const positives = samples.filter((s) => s.isError).length;
  const negatives = samples.length - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  let a = 0;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-6;
    let hAB = 0;
    let hBB = 1e-6;
    for (const s of samples) {
      const p = 1 / (1 + Math.exp(-(a * s.score + b)));
      const t = s.isError ? hi : lo;
      const w = Math.max(p * (1 - p), 1e-9);
      gA += (p - t) * s.score;
      gB += p - t;
      hAA += w * s.score * s.score;
      hAB += w * s.score;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(det) < 1e-12) break;
    const dA = (hBB * gA - hAB * gB) / det;
    const dB = (hAA * gB - hAB * gA) / det;
    a -= dA;
    b -= dB;
    if (Math.abs(dA) + Math.abs(dB) < 1e-9) break;
  }
  return { slope: round3(a), intercept: round3(b) };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
