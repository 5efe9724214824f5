/**
 * Command-line entry: the assistant without Slack.
 *   npm run --silent cli -- diagnose [FILE] [--json | --jsonl] [--lang en|ja]
 *   npm run eval -- [--cv K] [--formats TSV] FILE.jsonl… [--min-precision N] [--min-recall N] [--min-top1 N]
 * Reads FILE, or standard input when FILE is omitted or "-".
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type * as CrossValidateCode from './cli/cross-validate';
import type * as EvalCode from './cli/eval';
import type { EvalReport, LabelledRecord } from './cli/eval';
import type * as SegmentsCode from './cli/eval-segments';
import type { Formats } from './cli/eval-segments';
import { toJson, toJsonl, toText } from './cli/output';
import { databaseConfigFrom } from './config';
import { KnowledgeLoadError } from './errors';
import { isLang, type Lang } from './i18n';
import { createDiagnose, createReportFeatureReader } from './knowledge/diagnose';
import { type Engine, loadEngine } from './knowledge/engine';
import { FITTED_GATE } from './knowledge/gate-params';
import { compileReportModel, type ReportModel } from './knowledge/report-check';
import type * as FitCode from './knowledge/report-check-fit';
import type { ReportSample } from './knowledge/report-check-fit';
import { openStore } from './store';

/**
 * The evaluation code, required by the eval command alone: with zod, which validates the labelled
 * sets, it would add about 0.1 s to every one-shot `diagnose` call.
 */
function evaluation(): typeof EvalCode & typeof CrossValidateCode & typeof SegmentsCode & typeof FitCode {
  return {
    ...(require('./cli/eval') as typeof EvalCode),
    ...(require('./cli/cross-validate') as typeof CrossValidateCode),
    ...(require('./cli/eval-segments') as typeof SegmentsCode),
    ...(require('./knowledge/report-check-fit') as typeof FitCode),
  };
}

const USAGE = `usage:
  cli diagnose [FILE] [--json | --jsonl] [--lang en|ja]
                                           diagnose a pasted error (stdin when FILE is omitted);
                                           --lang ja writes the answer in Japanese (default en)
  cli gaps [--days N] [--limit N]          the Salesforce errors answered without a knowledge entry
                                           (the bot's store: DATABASE_URL, or DATA_DIR's SQLite file)
  cli eval FILE.jsonl… [--min-precision N] [--min-recall N] [--min-top1 N] [--formats TSV] [--cv K]
  eval prints totals and a breakdown by segment (formats from --formats, or formats.tsv next to
  each file); --cv K also fits the gate in K folds grouped by source and prints held-out figures.
  --jsonl reads lines of {"id": ..., "text": ...} and writes one result line per input line.`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = rest.filter((a) => a.startsWith('--'));
  const positional = positionalArgs(rest);
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const engine = loadEngine();
  if (command === 'diagnose') {
    const lang = langFlag(rest);
    if (flags.includes('--jsonl')) return diagnoseJsonl(engine, positional[0]);
    const text = readInput(positional[0]);
    const d = engine.diagnose(text);
    process.stdout.write(`${flags.includes('--json') ? JSON.stringify(toJson(d, lang), null, 2) : toText(d, lang)}\n`);
    return 0;
  }
  if (command === 'gaps') return listGaps(rest);
  if (command === 'eval') {
    if (positional.length === 0) throw new UsageError('eval needs a labelled .jsonl file');
    return runEval(engine, positional, rest);
  }
  throw new UsageError(`unknown command "${command}"`);
}

/** Arguments that are not flags or flag values. */
function positionalArgs(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith('--min-') || ['--cv', '--formats', '--lang', '--days', '--limit'].includes(a)) i++;
    else if (!a.startsWith('--')) out.push(a);
  }
  return out;
}

/**
 * `cli gaps`: what the bot answered under a template because no entry knew the error, most
 * frequent first, with a masked excerpt of the latest paste, so the knowledge base grows where
 * pastes need it. Reads the same store as the bot; nothing is written.
 */
async function listGaps(args: string[]): Promise<number> {
  const days = countFlag(args, '--days', 30);
  const limit = countFlag(args, '--limit', 20);
  const { database, problem } = databaseConfigFrom(process.env);
  if (problem !== undefined) throw new UsageError(problem);
  const store = await openStore(database);
  try {
    const gaps = await store.knowledgeGaps(Date.now() - days * 86_400_000, limit);
    if (gaps.length === 0) console.log(`No unknown Salesforce errors in the last ${days} days.`);
    for (const g of gaps) {
      console.log(
        `${String(g.count).padStart(5)}  ${g.code}  (${g.family}, last ${new Date(g.lastSeen).toISOString()})`,
      );
      if (g.excerpt !== '') console.log(`       ${g.excerpt}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

function countFlag(args: string[], name: string, fallback: number): number {
  const value = numberFlag(args, name) ?? fallback;
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`${name} takes a positive whole number`);
  return value;
}

/** `--lang ja` or `--lang=ja`; English when absent. Anything else is a usage error. */
function langFlag(args: string[]): Lang {
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return 'en';
  const value = args[at]?.includes('=') ? args[at]?.split('=')[1] : args[at + 1];
  if (!isLang(value)) throw new UsageError(`--lang takes en or ja, not "${value ?? ''}"`);
  return value;
}

function readInput(file: string | undefined): string {
  if (file === undefined || file === '-') return readFileSync(0, 'utf8');
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new UsageError(`cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  }
}

/** One output line per input line, in order. A bad line gets an error line; nothing is dropped. */
async function diagnoseJsonl(engine: Engine, file: string | undefined): Promise<number> {
  const input =
    file === undefined || file === '-'
      ? process.stdin
      : (await import('node:fs')).createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let bad = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      bad++;
      process.stdout.write(`${JSON.stringify({ id: null, line: lineNo, error: 'line is not valid JSON' })}\n`);
      continue;
    }
    const id = typeof record === 'object' && record !== null ? ((record as { id?: unknown }).id ?? null) : null;
    const text = typeof record === 'object' && record !== null ? (record as { text?: unknown }).text : undefined;
    if (typeof text !== 'string') {
      bad++;
      process.stdout.write(`${JSON.stringify({ id, line: lineNo, error: 'record needs a "text" string' })}\n`);
      continue;
    }
    process.stdout.write(`${JSON.stringify(toJsonl(id, engine.diagnose(text)))}\n`);
  }
  if (bad > 0) console.error(`${bad} line(s) could not be read; see the "error" lines in the output.`);
  return 0;
}

function runEval(engine: Engine, files: readonly string[], args: string[]): number {
  const {
    DEFAULT_THRESHOLDS,
    crossValidate,
    evaluate,
    failedThresholds,
    formatFolds,
    formatReport,
    formatSegments,
    reliabilityTable,
  } = evaluation();
  const thresholds = {
    precision: numberFlag(args, '--min-precision') ?? DEFAULT_THRESHOLDS.precision,
    recall: numberFlag(args, '--min-recall') ?? DEFAULT_THRESHOLDS.recall,
    top1: numberFlag(args, '--min-top1') ?? DEFAULT_THRESHOLDS.top1,
  };
  const folds = numberFlag(args, '--cv');
  if (folds !== undefined && (!Number.isInteger(folds) || folds < 2))
    throw new UsageError('--cv needs a whole number ≥ 2');
  const byFile = files.map((file) => ({ file, records: readLabelled(file) }));
  const records = byFile.flatMap((f) => f.records);
  const formats = readFormats(files, stringFlag(args, '--formats'));
  let report: EvalReport;
  if (folds === undefined) {
    report = evaluate(records, engine.diagnose);
    console.log(formatReport(report));
    console.log(formatSegments(report.outcomes, formats));
  } else {
    const unfitted = createDiagnose(engine.index, FITTED_GATE);
    const cv = crossValidate(
      records,
      folds,
      (params, check) => createDiagnose(engine.index, params, check),
      unfitted,
      undefined,
      reportCheckFitter(engine, byFile),
    );
    report = cv.heldOut;
    console.log(`grouped ${folds}-fold cross-validation by source; figures are the held-out folds'`);
    console.log(formatFolds(cv));
    console.log(formatReport(report));
    console.log(formatSegments(report.outcomes, formats));
    console.log(reliabilityTable(report.outcomes));
  }
  const failed = failedThresholds(report, thresholds);
  if (failed.length > 0) {
    console.log(`FAIL: ${failed.join('; ')}`);
    return 1;
  }
  console.log(
    `PASS (thresholds: precision ≥ ${thresholds.precision}, recall ≥ ${thresholds.recall}, top-1 ≥ ${thresholds.top1})`,
  );
  return 0;
}

/**
 * Fits the report check on a fold's training records, each file one collection (as
 * bench/fit-report-check.ts does). Features are read once per record; only the fitting repeats.
 */
function reportCheckFitter(
  engine: Engine,
  byFile: ReadonlyArray<{ readonly file: string; readonly records: readonly LabelledRecord[] }>,
): (training: readonly LabelledRecord[]) => ReportModel {
  const { fitReportCheck } = evaluation();
  const read = createReportFeatureReader(engine.index);
  const samples = new Map<LabelledRecord, ReportSample>();
  for (const { file, records } of byFile) {
    for (const r of records) samples.set(r, { ...read(r.text), isError: r.is_error, group: basename(file) });
  }
  return (training) =>
    compileReportModel(
      fitReportCheck(
        training.map((r) => samples.get(r) as ReportSample),
        'cross-validation fold',
      ).model,
    );
}

function readLabelled(file: string): LabelledRecord[] {
  return evaluation().parseLabelled(readInput(file), file, (message) => new UsageError(message));
}

/** Formats from --formats, else from a formats.tsv beside each file (missing: segments say "unknown"). */
function readFormats(files: readonly string[], explicit: string | undefined): Formats {
  const { parseFormats } = evaluation();
  if (explicit !== undefined) return parseFormats(readInput(explicit));
  const merged = new Map<string, string>();
  for (const dir of new Set(files.map((f) => dirname(f)))) {
    const tsv = join(dir, 'formats.tsv');
    if (existsSync(tsv)) for (const [id, format] of parseFormats(readFileSync(tsv, 'utf8'))) merged.set(id, format);
  }
  return merged;
}

function stringFlag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

function numberFlag(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value)) throw new UsageError(`${name} needs a number`);
  return value;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}\n${USAGE}`);
      process.exitCode = 2;
    } else if (err instanceof KnowledgeLoadError) {
      console.error(err.message);
      process.exitCode = 1;
    } else {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    }
  },
);
