/**
 * The gate: which evidence score is enough to answer, and what a score means as a probability.
 *
 * The extractors give every match an evidence score (0..1, see weights.ts): an ordering of how
 * strongly kinds of evidence tend to prove a report. Two things are fitted on labelled texts,
 * never set by hand: the score from which the bot answers (`threshold`), and an isotonic
 * calibration (`calibration`, points of a non-decreasing curve) that turns a score into the
 * probability that the text really reports that error, which is what `confidence` means to
 * users. Isotonic rather than logistic: the scores cluster at a few levels (a bare mention, a
 * code with its message, an error field), and one sigmoid cannot fit both ends of that. `fitGate` is the one
 * fitting procedure; scripts/fit-gate.ts runs it over the development sets and writes
 * gate-params.ts, and `npm run eval -- --cv` runs it inside grouped cross-validation.
 */
export interface GateParams {
  /** Evidence score from which a text counts as a reported Salesforce error. */
  readonly threshold: number;
  /** `[score, probability]` points, scores ascending, probabilities non-decreasing. */
  readonly calibration: ReadonlyArray<readonly [number, number]>;
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
  const points = params.calibration;
  const first = points[0];
  if (first === undefined) return 0;
  if (score <= first[0]) return first[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i] as readonly [number, number];
    if (score <= x1) {
      const [x0, y0] = points[i - 1] as readonly [number, number];
      return round3(x1 === x0 ? y1 : y0 + ((y1 - y0) * (score - x0)) / (x1 - x0));
    }
  }
  return (points[points.length - 1] as readonly [number, number])[1];
}

export function fitGate(samples: readonly GateSample[], options: FitOptions = DEFAULT_FIT): GateParams {
  if (samples.length === 0) throw new Error('fitGate needs at least one labelled sample');
  const threshold = fitThreshold(samples, options.falseReplyCost);
  return { threshold, calibration: fitIsotonic(samples) };
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
 * Pool-adjacent-violators over the texts that matched something, sorted by score: each block of
 * scores gets the share of real errors in it, smoothed ((errors + 1) / (n + 2)) so a small block
 * with no mistake does not claim certainty. One point per block, at its mean score.
 */
function fitIsotonic(samples: readonly GateSample[]): Array<readonly [number, number]> {
  // Texts with the same score always share a block: the curve is a function of the score.
  const levels = new Map<number, { errors: number; n: number }>();
  for (const s of samples) {
    if (s.score <= 0) continue;
    const level = levels.get(s.score) ?? { errors: 0, n: 0 };
    level.n++;
    if (s.isError) level.errors++;
    levels.set(s.score, level);
  }
  const rate = (b: { errors: number; n: number }) => (b.errors + 1) / (b.n + 2);
  const blocks: Array<{ sum: number; errors: number; n: number }> = [];
  for (const [score, level] of [...levels.entries()].sort((x, y) => x[0] - y[0])) {
    blocks.push({ sum: score * level.n, errors: level.errors, n: level.n });
    while (blocks.length >= 2) {
      const b = blocks[blocks.length - 1] as { sum: number; errors: number; n: number };
      const a = blocks[blocks.length - 2] as { sum: number; errors: number; n: number };
      if (rate(a) < rate(b)) break;
      blocks.splice(blocks.length - 2, 2, { sum: a.sum + b.sum, errors: a.errors + b.errors, n: a.n + b.n });
    }
  }
  return blocks.map((b) => [round3(b.sum / b.n), round3(rate(b))] as const);
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
