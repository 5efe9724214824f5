import { z } from 'zod';
import type { Diagnose } from '../knowledge/diagnose';

/**
 * Scores a labelled file in the format of ../shared/eval/dev.jsonl, as its README describes:
 * precision and recall of the is-error decision, top-1 and top-3 code accuracy (the labelled
 * code, any code in `also`, or an accepted alias), and transient agreement where the label is
 * true or false.
 */
export const labelledRecordSchema = z.object({
  id: z.string(),
  source: z.string().optional(),
  text: z.string(),
  is_error: z.boolean(),
  code: z.string().nullable(),
  also: z.array(z.string()).default([]),
  transient: z.boolean().nullable().optional(),
});
export type LabelledRecord = z.infer<typeof labelledRecordSchema>;

/**
 * The records of a labelled JSON Lines text, blank lines skipped. The first line that is not a
 * record (numbered among the non-blank lines) fails through `invalid`: the CLI makes that a usage
 * error, the fitting scripts a plain one.
 */
export function parseLabelled(
  text: string,
  name: string,
  invalid: (message: string) => Error = (message) => new Error(message),
): LabelledRecord[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = labelledRecordSchema.safeParse(jsonOrUndefined(l));
      if (!parsed.success) throw invalid(`${name}: line ${i + 1} is not a labelled record`);
      return parsed.data;
    });
}

function jsonOrUndefined(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** Pairs the eval README accepts as the same code. */
const ACCEPTED_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['LIMIT_EXCEPTION_CPU_TIME', 'APEX_CPU_LIMIT'],
  ['INVALID_SESSION_ID', 'InvalidSessionId'],
  ['UNKNOWN_EXCEPTION', 'Unknown'],
];

export interface Miss {
  readonly id: string;
  readonly kind: 'false-negative' | 'false-positive' | 'wrong-code' | 'wrong-transient';
  readonly expected: string;
  readonly got: string;
}

/** How one record came out: what the segment tables and cross-validation count. */
export interface Outcome {
  readonly record: LabelledRecord;
  readonly flagged: boolean;
  /** The first ranked code is acceptable (positives only). */
  readonly top1: boolean;
  readonly confidence: number;
}

export interface EvalReport {
  readonly records: number;
  readonly positives: number;
  readonly negatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly top1: number;
  readonly top3: number;
  readonly transientAgreement: number;
  readonly transientLabelled: number;
  readonly misses: readonly Miss[];
  readonly outcomes: readonly Outcome[];
}

export function acceptable(record: LabelledRecord): Set<string> {
  const ok = new Set<string>();
  if (record.code !== null) ok.add(record.code);
  for (const a of record.also) ok.add(a);
  for (const [a, b] of ACCEPTED_ALIASES) {
    if (ok.has(a)) ok.add(b);
    if (ok.has(b)) ok.add(a);
  }
  return ok;
}

export function evaluate(records: readonly LabelledRecord[], diagnose: Diagnose): EvalReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let top1 = 0;
  let top3 = 0;
  let transientLabelled = 0;
  let transientAgree = 0;
  const misses: Miss[] = [];
  const outcomes: Outcome[] = [];
  for (const record of records) {
    const d = diagnose(record.text);
    const codes = d.matches.map((m) => m.code);
    const firstOk = d.isError && codes[0] !== undefined && acceptable(record).has(codes[0]);
    outcomes.push({ record, flagged: d.isError, top1: record.is_error && firstOk, confidence: d.confidence });
    if (!record.is_error) {
      if (d.isError) {
        fp++;
        misses.push({
          id: record.id,
          kind: 'false-positive',
          expected: 'not an error',
          got: codes.slice(0, 3).join(', '),
        });
      }
      continue;
    }
    if (d.isError) tp++;
    else {
      fn++;
      misses.push({
        id: record.id,
        kind: 'false-negative',
        expected: record.code ?? '?',
        got: codes.slice(0, 3).join(', ') || '-',
      });
    }
    const ok = acceptable(record);
    const flaggedCodes = d.isError ? codes : [];
    if (flaggedCodes[0] !== undefined && ok.has(flaggedCodes[0])) top1++;
    else if (d.isError) {
      misses.push({
        id: record.id,
        kind: 'wrong-code',
        expected: record.code ?? '?',
        got: codes.slice(0, 3).join(', '),
      });
    }
    if (flaggedCodes.slice(0, 3).some((c) => ok.has(c))) top3++;
    if (record.transient === true || record.transient === false) {
      transientLabelled++;
      const predicted = d.isError ? d.matches[0]?.transient : undefined;
      if (predicted === record.transient) transientAgree++;
      else if (d.isError) {
        misses.push({
          id: record.id,
          kind: 'wrong-transient',
          expected: `${record.code} transient=${record.transient}`,
          got: `${codes[0]} transient=${String(predicted)}`,
        });
      }
    }
  }
  const positives = tp + fn;
  return {
    records: records.length,
    positives,
    negatives: records.length - positives,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: positives === 0 ? 1 : tp / positives,
    top1: positives === 0 ? 1 : top1 / positives,
    top3: positives === 0 ? 1 : top3 / positives,
    transientAgreement: transientLabelled === 0 ? 1 : transientAgree / transientLabelled,
    transientLabelled,
    misses,
    outcomes,
  };
}

export interface Thresholds {
  readonly precision: number;
  readonly recall: number;
  readonly top1: number;
}

/** The bar CI holds the development set to (issue: precision ≥ 0.97, recall ≥ 0.95, top-1 ≥ 0.92). */
export const DEFAULT_THRESHOLDS: Thresholds = { precision: 0.97, recall: 0.95, top1: 0.92 };

export function failedThresholds(report: EvalReport, t: Thresholds): string[] {
  const failed: string[] = [];
  if (report.precision < t.precision) failed.push(`precision ${fmt(report.precision)} < ${t.precision}`);
  if (report.recall < t.recall) failed.push(`recall ${fmt(report.recall)} < ${t.recall}`);
  if (report.top1 < t.top1) failed.push(`top-1 ${fmt(report.top1)} < ${t.top1}`);
  return failed;
}

export function formatReport(report: EvalReport): string {
  const lines = [
    `records: ${report.records} (${report.positives} errors, ${report.negatives} not errors)`,
    `is-error precision: ${fmt(report.precision)}`,
    `is-error recall:    ${fmt(report.recall)}`,
    `top-1 code:         ${fmt(report.top1)}`,
    `top-3 code:         ${fmt(report.top3)}`,
    `transient agreement: ${fmt(report.transientAgreement)} (${report.transientLabelled} labelled true/false)`,
  ];
  if (report.misses.length > 0) {
    lines.push(`misses (${report.misses.length}):`);
    for (const m of report.misses) lines.push(`  ${m.id}  ${m.kind.padEnd(15)} expected ${m.expected}; got ${m.got}`);
  } else {
    lines.push('misses: none');
  }
  return lines.join('\n');
}

export function fmt(n: number): string {
  return n.toFixed(3);
}
