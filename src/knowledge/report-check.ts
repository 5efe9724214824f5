import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';
import { reportsFirstHand, reportsSomewhere } from './extractors/cues';
import { KANA, type ScanDoc } from './scan-doc';
import { isRecord } from './validate';

/**
 * The report check: a learned second opinion on a text the rules would answer. It asks whether
 * the text as a whole reads like someone reporting an error (a paste, a question about a failure)
 * or like someone explaining one (a help page, a PR description, a study note), and silences the
 * rules' answer when it is confident of the second.
 *
 * Why a learned check, after many hand-written rules: rule rounds fitted the texts they were
 * written from and moved unseen text by nothing (README, Measured). A logistic regression over the
 * rules' own score, their discourse cues and the text's words (codes, ids and numbers folded into
 * placeholders, Japanese read as character pairs) was scored forward in time: for each of seven
 * held-out sets, trained only on the sets collected before it and applied to the build that had
 * not seen it. As a veto it removed false replies in all seven and lost two of 340 errors.
 *
 * It only vetoes: it never answers a text the rules leave alone, and it is not asked when someone
 * asked for the explanation (a mention, the message shortcut). Nor does it judge Japanese text: of
 * the labelled texts only 58 are Japanese reports, against three times as many Japanese help pages
 * and study notes, so the words it learns for Japanese say "docs"; in cross-validation it withheld
 * five of those 58 reports and no Japanese false reply. Japanese discourse is left to the rules'
 * explicit cues (scan-doc.ts). Fitted by bench/fit-report-check.ts into report-check.json; nothing
 * here is set by hand.
 */

/** The dense features, in the order of `ReportFeatures.dense` and of the model's weights. */
export const DENSE_FEATURES = [
  'hasCandidate',
  'score',
  'firstHand',
  'reportAny',
  'explains',
  'notReceived',
  'clientSide',
  'salesforceContext',
  'artifact',
  'question',
  'example',
  'heading',
] as const;

export interface ReportFeatures {
  readonly dense: readonly number[];
  readonly tokens: readonly string[];
}

/** A fitted model as report-check.json holds it (written by bench/fit-report-check.ts). */
export interface ReportModelFile {
  /** What the model was fitted on, by set name only (the sets' texts stay outside the repository). */
  readonly fittedOn: string;
  readonly texts: number;
  /** Below this probability of a report, an answer the rules would give is withheld. */
  readonly threshold: number;
  /** Texts with fewer words than this are not judged (see `reportCheckJudges`). */
  readonly minWords: number;
  readonly bias: number;
  readonly dense: Readonly<Record<(typeof DENSE_FEATURES)[number], number>>;
  readonly tokens: Readonly<Record<string, number>>;
}

/**
 * The first problem with a model file, or undefined. Checked by hand rather than with zod: the
 * model is read at every start, and loading zod alone costs a one-shot CLI call about 0.1 s.
 */
function modelFileProblem(raw: unknown): string | undefined {
  if (!isRecord(raw)) return 'the file must hold a JSON object';
  const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (typeof raw.fittedOn !== 'string') return 'fittedOn must be a string';
  if (!isNumber(raw.texts) || !Number.isInteger(raw.texts) || raw.texts <= 0) return 'texts must be a positive integer';
  if (!isNumber(raw.threshold) || raw.threshold < 0 || raw.threshold > 1)
    return 'threshold must be a number from 0 to 1';
  if (!isNumber(raw.minWords) || !Number.isInteger(raw.minWords) || raw.minWords < 0) {
    return 'minWords must be a whole number, 0 or more';
  }
  if (!isNumber(raw.bias)) return 'bias must be a number';
  if (!isRecord(raw.dense)) return 'dense must map each feature to a number';
  for (const name of DENSE_FEATURES) if (!isNumber(raw.dense[name])) return `dense.${name} must be a number`;
  const unknown = Object.keys(raw.dense).find((k) => !(DENSE_FEATURES as readonly string[]).includes(k));
  if (unknown !== undefined) return `dense.${unknown} is not a feature`;
  if (!isRecord(raw.tokens) || !Object.values(raw.tokens).every(isNumber)) {
    return 'tokens must map each word to a finite number';
  }
  return undefined;
}

/**
 * A model ready to score. Words and word pairs are looked up without building the pair strings
 * (nested maps), and each token counts once per text through a stamp per token rather than a Set:
 * on a 40k-character log this keeps the check to a fraction of a millisecond and out of the GC.
 */
export interface ReportModel {
  readonly threshold: number;
  readonly minWords: number;
  readonly bias: number;
  readonly dense: readonly number[];
  /** Token index of each single word and of each Japanese character pair. */
  readonly words: ReadonlyMap<string, number>;
  /** Token index of each word pair, by its first word, then its second. */
  readonly pairs: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly weights: Float64Array;
  /** Per token, the number of the last text that counted it (see `scoreTokens`). */
  readonly stamps: Uint32Array;
  readonly texts: { count: number };
}

export function compileReportModel(file: ReportModelFile): ReportModel {
  return modelOf(
    file.threshold,
    file.minWords,
    file.bias,
    DENSE_FEATURES.map((name) => file.dense[name]),
    Object.entries(file.tokens),
  );
}

/** A model from weights in any form: a fitted file, or weights still being fitted (report-check-fit.ts). */
export function modelOf(
  threshold: number,
  minWords: number,
  bias: number,
  dense: readonly number[],
  tokens: Iterable<readonly [string, number]>,
): ReportModel {
  const words = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  const weights: number[] = [];
  for (const [token, weight] of tokens) {
    const i = weights.push(weight) - 1;
    const space = token.indexOf(' ');
    if (space === -1) {
      words.set(token, i);
      continue;
    }
    const first = token.slice(0, space);
    const byFirst = pairs.get(first) ?? new Map<string, number>();
    byFirst.set(token.slice(space + 1), i);
    pairs.set(first, byFirst);
  }
  return {
    threshold,
    minWords,
    bias,
    dense,
    words,
    pairs,
    weights: Float64Array.from(weights),
    stamps: new Uint32Array(weights.length),
    texts: { count: 0 },
  };
}

export const REPORT_MODEL_PATH = join(projectRoot(), 'src', 'knowledge', 'report-check.json');

/** Reads and validates a fitted model; throws with the file and the first problem. */
export function loadReportModel(path: string = REPORT_MODEL_PATH): ReportModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`report check model ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const problem = modelFileProblem(raw);
  if (problem !== undefined) throw new Error(`report check model ${path}: ${problem}`);
  return compileReportModel(raw as ReportModelFile);
}

/**
 * Whether the check judges this text at all: not Japanese (see above), and not shorter than
 * `minWords` words. A pasted line or two ("Error authenticating with the refresh token due to:
 * invalid client credentials") has too few words to read as a help page or a PR, yet its words
 * ("due to", "shows") still pull the probability down; below this length the rules decide alone.
 * `minWords` is fitted with the threshold (report-check-fit.ts), not set here.
 */
export function reportCheckJudges(text: string, minWords: number): boolean {
  return !KANA.test(text) && countWords(text, minWords) >= minWords;
}

/** The lengths the fit may choose from; a text is counted only up to the largest. */
export const MIN_WORDS_CHOICES: readonly number[] = [0, 15, 30, 45, 60, 80, 120];
export const MAX_MIN_WORDS = Math.max(...MIN_WORDS_CHOICES);

/** English-looking words in `text`, counting stops at `cap` (a 40k log needs no full count). */
export function countWords(text: string, cap: number): number {
  const re = /[A-Za-z][a-z']+/g;
  let n = 0;
  while (n < cap && re.exec(text) !== null) n++;
  return n;
}

/** Signs of captured output: an error field, a stack frame, a timestamped log line, CLI output. */
const ARTIFACT =
  /"errorCode"|<faultcode>|<faultstring>|\bat [\w.$]+\(|Class\.[\w.]+: line \d+|^\s+at\s|\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|"error_description"|stateMessage|sf__Error|Traceback \(most recent|ERROR running|=== |Error: |Exception: /m;
const QUESTION = /\?\s*$|\?\s*\n/m;
const EXAMPLE = /\bexample\b|\be\.g\.|for instance|例えば|例[:：]/i;
const HEADING = /^#{1,4}\s|^[A-Z][^.!?\n]{5,80}\n\n/m;
/** Words past this point add little and cost time on a 40k-character paste. */
const MAX_TOKEN_CHARS = 6_000;

/** The features of one text: `text` is the masked paste, `doc` its scan, `score` the rules' best. */
export function reportFeatures(text: string, doc: ScanDoc, score: number): ReportFeatures {
  return { dense: denseFeatures(text, doc, score), tokens: reportTokens(text) };
}

function denseFeatures(text: string, doc: ScanDoc, score: number): number[] {
  const flag = (b: boolean) => (b ? 1 : 0);
  return [
    flag(score > 0),
    score,
    flag(reportsFirstHand(doc)),
    flag(reportsSomewhere(doc)),
    flag(doc.explainsErrors()),
    flag(doc.saysNotReceived()),
    flag(doc.clientSideFailure()),
    flag(doc.salesforceContext()),
    flag(ARTIFACT.test(text)),
    flag(QUESTION.test(text)),
    flag(EXAMPLE.test(text)),
    flag(HEADING.test(text)),
  ];
}

/**
 * The words of a text as the check reads them: what kind of text it is, not which error it names.
 * Codes, snake_case values, ids, numbers and URLs become placeholders; English gives words and
 * word pairs, Japanese (which has no spaces) pairs of characters. `visit` sees every occurrence.
 */
function visitTokens(
  text: string,
  visit: {
    readonly word: (w: string) => void;
    readonly pair: (a: string, b: string) => void;
  },
): void {
  const t = text
    .slice(0, MAX_TOKEN_CHARS)
    .replace(/https?:\/\/\S+/g, ' zurl ')
    .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' zcode ')
    .replace(/\b[a-z]+_[a-z_]+\b/g, ' zsnake ')
    .replace(/\b[0-9a-zA-Z]{15,18}\b/g, ' zid ')
    .replace(/\d+/g, ' znum ')
    .toLowerCase();
  const words = t.match(/[a-z][a-z']+/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    visit.word(words[i] as string);
    if (i + 1 < words.length) visit.pair(words[i] as string, words[i + 1] as string);
  }
  for (const run of t.match(/[\u3040-\u30ff\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) visit.word(run.slice(i, i + 2));
  }
}

/** The distinct tokens of a text, as fitting needs them ("we", "we got", "エラ"). */
export function reportTokens(text: string): string[] {
  const out = new Set<string>();
  visitTokens(text, { word: (w) => out.add(w), pair: (a, b) => out.add(`${a} ${b}`) });
  return [...out];
}

/** Probability that the text reports an error, from its features (fitting and tests use this). */
export function reportProbability(model: ReportModel, features: ReportFeatures): number {
  let z = model.bias + denseSum(model, features.dense);
  for (const token of new Set(features.tokens)) {
    const space = token.indexOf(' ');
    const i =
      space === -1 ? model.words.get(token) : model.pairs.get(token.slice(0, space))?.get(token.slice(space + 1));
    if (i !== undefined) z += model.weights[i] as number;
  }
  return 1 / (1 + Math.exp(-z));
}

/** The same probability, read straight from the text: what `diagnose` uses. */
export function reportProbabilityOf(model: ReportModel, text: string, doc: ScanDoc, score: number): number {
  return (
    1 / (1 + Math.exp(-(model.bias + denseSum(model, denseFeatures(text, doc, score)) + scoreTokens(model, text))))
  );
}

function denseSum(model: ReportModel, dense: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < model.dense.length; i++) z += (model.dense[i] as number) * (dense[i] ?? 0);
  return z;
}

/** Sum of the weights of the text's distinct tokens; a token seen twice counts once (binary
 * features, as fitted): its stamp is set to this text's number the first time. */
function scoreTokens(model: ReportModel, text: string): number {
  model.texts.count = (model.texts.count % 0xffffffff) + 1;
  const stamp = model.texts.count;
  let sum = 0;
  const add = (i: number | undefined) => {
    if (i === undefined || model.stamps[i] === stamp) return;
    model.stamps[i] = stamp;
    sum += model.weights[i] as number;
  };
  visitTokens(text, { word: (w) => add(model.words.get(w)), pair: (a, b) => add(model.pairs.get(a)?.get(b)) });
  return sum;
}
