import {
  DENSE_FEATURES,
  MIN_WORDS_CHOICES,
  modelOf,
  type ReportFeatures,
  type ReportModelFile,
  reportProbability,
} from './report-check';

/**
 * Fitting the report check (report-check.ts): a logistic regression by plain gradient descent,
 * then the veto threshold, chosen on predictions for collections the weights never saw.
 *
 * The threshold and the shortest text judged (`minWords`) decide what users see, so they are chosen
 * leave-one-group-out: for each collection (a labelled file: texts gathered together share
 * phrasing), the weights are fitted on the others and that collection is scored; the pair minimises
 * false replies × `falseReplyCost` + misses over those held-out predictions, as the gate's
 * threshold does.
 */
export interface ReportSample {
  readonly features: ReportFeatures;
  readonly isError: boolean;
  /** Whether the rules (the gate) would answer this text: the check can only withhold that answer. */
  readonly rulesAnswer: boolean;
  /** Whether the writer names the rules' code on a line saying they got it: the check does not
   * overrule that (diagnose.ts, ownReportOf). Absent means no. */
  readonly ownReport?: boolean;
  /** Whether the check judges this text's language (report-check.ts: not Japanese). Unjudged
   * texts still teach the weights; the threshold is chosen on what the check can change. */
  readonly judged: boolean;
  /** The text's words, counted up to the largest length the fit may choose (MAX_MIN_WORDS). */
  readonly words: number;
  /** The collection the text came from; held out together. */
  readonly group: string;
}

export interface ReportFitOptions {
  /** L2 penalty, scaled like the data term (divided by the number of texts). */
  readonly l2: number;
  readonly iterations: number;
  readonly learningRate: number;
  /** A word counts only if this many training texts have it: rarer ones fit single threads. */
  readonly minTexts: number;
  readonly falseReplyCost: number;
}

/** The settings scored forward in time before they were adopted (README, Measured). */
export const DEFAULT_REPORT_FIT: ReportFitOptions = {
  l2: 3,
  iterations: 400,
  learningRate: 0.5,
  minTexts: 3,
  falseReplyCost: 3,
};

export interface ReportFit {
  readonly model: ReportModelFile;
  /** The held-out predictions the threshold was chosen on, one per sample, in input order. */
  readonly heldOut: readonly number[];
}

interface Weights {
  readonly bias: number;
  readonly dense: readonly number[];
  readonly tokens: ReadonlyMap<string, number>;
}

export function fitReportCheck(
  samples: readonly ReportSample[],
  fittedOn: string,
  options: ReportFitOptions = DEFAULT_REPORT_FIT,
): ReportFit {
  if (samples.length === 0) throw new Error('fitReportCheck needs at least one labelled sample');
  const groups = [...new Set(samples.map((s) => s.group))];
  // With one collection there is nothing to hold out: every prediction stays 1 and the threshold 0.
  const heldOut = new Array<number>(samples.length).fill(1);
  if (groups.length > 1) {
    for (const group of groups) {
      const training = samples.filter((s) => s.group !== group);
      const w = fitWeights(training, options);
      const model = modelOf(0, 0, w.bias, w.dense, w.tokens);
      samples.forEach((s, i) => {
        if (s.group === group) heldOut[i] = reportProbability(model, s.features);
      });
    }
  }
  const { threshold, minWords } =
    groups.length > 1 ? chooseVeto(samples, heldOut, options.falseReplyCost) : { threshold: 0, minWords: 0 };
  const w = fitWeights(samples, options);
  const dense = Object.fromEntries(DENSE_FEATURES.map((name, i) => [name, round6(w.dense[i] as number)])) as Record<
    (typeof DENSE_FEATURES)[number],
    number
  >;
  // Words whose weight rounds to nothing change no decision; leaving them out keeps the file small.
  const tokens: Record<string, number> = {};
  for (const [token, weight] of [...w.tokens].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (Math.abs(weight) >= 1e-4) tokens[token] = round6(weight);
  }
  return {
    model: { fittedOn, texts: samples.length, threshold, minWords, bias: round6(w.bias), dense, tokens },
    heldOut,
  };
}

/** Whether the bot answers a sample under a check with this veto, as `diagnose` decides: only
 * what the rules answer, and of that only a judged text (its language, at least `minWords` words)
 * below the threshold is withheld. */
export function answeredWithCheck(
  s: Pick<ReportSample, 'rulesAnswer' | 'ownReport' | 'judged' | 'words'>,
  probability: number,
  veto: Veto,
): boolean {
  return (
    s.rulesAnswer && (s.ownReport === true || !s.judged || s.words < veto.minWords || probability >= veto.threshold)
  );
}

export interface Veto {
  readonly threshold: number;
  readonly minWords: number;
}

/**
 * Candidate thresholds 0.05, 0.075, … 0.925 for each length in MIN_WORDS_CHOICES; the cheapest
 * pair wins, and among equals the one that vetoes least (the longest minimum, the lowest threshold).
 */
export function chooseVeto(
  samples: readonly ReportSample[],
  probabilities: readonly number[],
  falseReplyCost: number,
): Veto {
  let best: Veto = { threshold: 0, minWords: 0 };
  let bestCost = Number.POSITIVE_INFINITY;
  for (const minWords of [...MIN_WORDS_CHOICES].sort((a, b) => b - a)) {
    for (let step = 2; step * 0.025 < 0.95; step++) {
      const veto = { threshold: Math.round(step * 25) / 1000, minWords };
      let cost = 0;
      samples.forEach((s, i) => {
        const answered = answeredWithCheck(s, probabilities[i] as number, veto);
        if (answered && !s.isError) cost += falseReplyCost;
        if (!answered && s.isError) cost += 1;
      });
      if (cost < bestCost) {
        bestCost = cost;
        best = veto;
      }
    }
  }
  return best;
}

/** Full-batch gradient descent on the mean log-loss plus l2 × |w|² / 2n; the bias is not penalised. */
function fitWeights(samples: readonly ReportSample[], options: ReportFitOptions): Weights {
  const vocabulary = vocabularyOf(samples, options.minTexts);
  const n = samples.length;
  const d = DENSE_FEATURES.length;
  const rows = samples.map((s) => ({
    dense: s.features.dense,
    tokens: Int32Array.from(s.features.tokens.map((t) => vocabulary.get(t) ?? -1).filter((j) => j >= 0)),
    y: s.isError ? 1 : 0,
  }));
  const dense = new Float64Array(d);
  const words = new Float64Array(vocabulary.size);
  let bias = 0;
  const gDense = new Float64Array(d);
  const gWords = new Float64Array(vocabulary.size);
  for (let it = 0; it < options.iterations; it++) {
    gDense.fill(0);
    gWords.fill(0);
    let gBias = 0;
    for (const row of rows) {
      let z = bias;
      for (let i = 0; i < d; i++) z += (dense[i] as number) * (row.dense[i] ?? 0);
      for (const j of row.tokens) z += words[j] as number;
      const g = 1 / (1 + Math.exp(-z)) - row.y;
      gBias += g;
      for (let i = 0; i < d; i++) gDense[i] = (gDense[i] as number) + g * (row.dense[i] ?? 0);
      for (const j of row.tokens) gWords[j] = (gWords[j] as number) + g;
    }
    const step = options.learningRate / n;
    for (let i = 0; i < d; i++)
      dense[i] = (dense[i] as number) - step * ((gDense[i] as number) + options.l2 * (dense[i] as number));
    for (let j = 0; j < words.length; j++)
      words[j] = (words[j] as number) - step * ((gWords[j] as number) + options.l2 * (words[j] as number));
    bias -= step * gBias;
  }
  const tokens = new Map<string, number>();
  for (const [token, j] of vocabulary) tokens.set(token, words[j] as number);
  return { bias, dense: [...dense], tokens };
}

function vocabularyOf(samples: readonly ReportSample[], minTexts: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const s of samples) for (const t of s.features.tokens) df.set(t, (df.get(t) ?? 0) + 1);
  const kept = [...df].filter(([, c]) => c >= minTexts).map(([t]) => t);
  kept.sort();
  return new Map(kept.map((t, j) => [t, j]));
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
