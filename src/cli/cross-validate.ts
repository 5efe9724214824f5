import type { Diagnose } from '../knowledge/diagnose';
import { type FitOptions, fitGate, type GateParams, type GateSample } from '../knowledge/gate';
import type { ReportModel } from '../knowledge/report-check';
import { type EvalReport, evaluate, fmt, type LabelledRecord, type Outcome } from './eval';

/**
 * Grouped k-fold cross-validation of the fitted gate: every text of one source thread lands in
 * the same fold, so a thread's near-identical pastes cannot be fitted on and scored at once.
 * The gate is fitted in each fold; the evidence scores it reads do not depend on it (a text is
 * flagged when its best match's score reaches the threshold), so they are computed once per
 * record. When `fitCheck` is given, the report check is fitted in each fold too, on the training
 * records only, so its vetoes on the held-out fold are honest.
 */
export interface FoldResult {
  readonly fold: number;
  readonly params: GateParams;
  readonly check: ReportModel | undefined;
  readonly report: EvalReport;
}

export interface CrossValidation {
  readonly folds: readonly FoldResult[];
  /** Every record scored by the fold that held it out. */
  readonly heldOut: EvalReport;
}

/** `diagnoseWith(params, check)` builds a diagnose function over the same knowledge with that
 * gate and report check. */
export function crossValidate(
  records: readonly LabelledRecord[],
  k: number,
  diagnoseWith: (params: GateParams, check: ReportModel | undefined) => Diagnose,
  unfitted: Diagnose,
  options?: FitOptions,
  fitCheck?: (training: readonly LabelledRecord[]) => ReportModel,
): CrossValidation {
  if (!Number.isInteger(k) || k < 2) throw new Error('cross-validation needs at least 2 folds');
  const foldOf = assignFolds(records, k);
  const samples = new Map<string, GateSample>();
  for (const r of records) samples.set(r.id, { score: bestScore(unfitted, r.text), isError: r.is_error });
  const folds: FoldResult[] = [];
  for (let fold = 0; fold < k; fold++) {
    const trainingRecords = records.filter((r) => foldOf.get(r.id) !== fold);
    const training = trainingRecords.map((r) => samples.get(r.id) as GateSample);
    const test = records.filter((r) => foldOf.get(r.id) === fold);
    if (test.length === 0) continue;
    const params = fitGate(training, options);
    const check = fitCheck?.(trainingRecords);
    folds.push({ fold, params, check, report: evaluate(test, diagnoseWith(params, check)) });
  }
  const outcomes = folds.flatMap((f) => f.report.outcomes);
  return {
    folds,
    heldOut: pool(
      folds.map((f) => f.report),
      outcomes,
    ),
  };
}

function bestScore(diagnose: Diagnose, text: string): number {
  let best = 0;
  for (const m of diagnose(text).matches) best = Math.max(best, m.score);
  return best;
}

/**
 * Sources are dealt out largest first, each to the fold with the fewest records so far, in an
 * order fixed by the source names: the same files always give the same folds.
 */
export function assignFolds(records: readonly LabelledRecord[], k: number): Map<string, number> {
  const groups = new Map<string, LabelledRecord[]>();
  for (const r of records) {
    const key = r.source ?? `id:${r.id}`;
    const g = groups.get(key) ?? [];
    g.push(r);
    groups.set(key, g);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || hash(a[0]) - hash(b[0]));
  const sizes = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [, members] of ordered) {
    const fold = sizes.indexOf(Math.min(...sizes));
    sizes[fold] = (sizes[fold] as number) + members.length;
    for (const r of members) foldOf.set(r.id, fold);
  }
  return foldOf;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Sums the folds' counts into one report, as if every record had been scored held out. */
function pool(reports: readonly EvalReport[], outcomes: readonly Outcome[]): EvalReport {
  const sum = (f: (r: EvalReport) => number) => reports.reduce((acc, r) => acc + f(r), 0);
  const positives = sum((r) => r.positives);
  const tp = Math.round(sum((r) => r.recall * r.positives));
  const flagged = outcomes.filter((o) => o.flagged).length;
  const transientLabelled = sum((r) => r.transientLabelled);
  return {
    records: sum((r) => r.records),
    positives,
    negatives: sum((r) => r.negatives),
    precision: flagged === 0 ? 1 : tp / flagged,
    recall: positives === 0 ? 1 : tp / positives,
    top1: positives === 0 ? 1 : sum((r) => r.top1 * r.positives) / positives,
    top3: positives === 0 ? 1 : sum((r) => r.top3 * r.positives) / positives,
    transientAgreement:
      transientLabelled === 0 ? 1 : sum((r) => r.transientAgreement * r.transientLabelled) / transientLabelled,
    transientLabelled,
    misses: reports.flatMap((r) => r.misses),
    outcomes,
  };
}

/**
 * Reliability of the held-out confidences: in each band of stated confidence, how many texts
 * really were errors. A calibrated gate has the two columns close.
 */
export function reliabilityTable(outcomes: readonly Outcome[]): string {
  const bands = [0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001];
  const lines = ['reliability (held-out confidence vs share of real errors):'];
  for (let i = 0; i + 1 < bands.length; i++) {
    const lo = bands[i] as number;
    const hi = bands[i + 1] as number;
    const inBand = outcomes.filter((o) => o.confidence >= lo && o.confidence < hi);
    if (inBand.length === 0) continue;
    const mean = inBand.reduce((a, o) => a + o.confidence, 0) / inBand.length;
    const errors = inBand.filter((o) => o.record.is_error).length;
    lines.push(
      `  ${fmt(lo)}–${fmt(Math.min(hi, 1))}  n=${String(inBand.length).padStart(3)}  mean confidence ${fmt(mean)}  errors ${fmt(errors / inBand.length)}`,
    );
  }
  return lines.join('\n');
}

export function formatFolds(cv: CrossValidation): string {
  return cv.folds
    .map(
      (f) =>
        `  fold ${f.fold + 1}: n=${f.report.records} threshold ${f.params.threshold}${f.check === undefined ? '' : `, report check ${f.check.threshold} on ${f.check.minWords}+ words`} → P ${fmt(f.report.precision)} R ${fmt(f.report.recall)} top-1 ${fmt(f.report.top1)}`,
    )
    .join('\n');
}
