/**
 * Scores the report check forward in time: for each collection from `--from` on (files in the
 * order they were gathered), the check is fitted only on the collections before it and applied to
 * it, as a build that had never seen it would be. Compares the fitted veto (threshold and shortest
 * judged text) with the same threshold rule and every text judged (no length rule).
 *   npm run forward-report-check -- [--from NAME] FILE.jsonl…   (default --from heldout6)
 * The rules are today's, so on older collections they are in-sample: the figures compare forms of
 * the check, not builds. Prints per collection and in total; writes nothing.
 */
import { basename } from 'node:path';
import { createReportFeatureReader } from '../src/knowledge/diagnose';
import { loadEngine } from '../src/knowledge/engine';
import { compileReportModel, reportProbability } from '../src/knowledge/report-check';
import { answeredWithCheck, chooseVeto, fitReportCheck, type ReportSample } from '../src/knowledge/report-check-fit';
import { labelledInputs, readLabelledFile } from './labelled-files';

const args = process.argv.slice(2);
const fromAt = args.indexOf('--from');
const from = fromAt === -1 ? 'heldout6' : args[fromAt + 1];
const files = labelledInputs(fromAt === -1 ? args : args.filter((_, i) => i !== fromAt && i !== fromAt + 1));
const read = createReportFeatureReader(loadEngine({ reportCheck: null }).index);
const collections = files.map((file) => {
  const group = basename(file, '.jsonl');
  return { group, samples: readLabelledFile(file).map((r) => ({ ...read(r.text), isError: r.is_error, group })) };
});
const start = collections.findIndex((c) => c.group === from);
if (start < 1) {
  console.error(`--from ${from}: no such collection after the first; give the files in the order they were gathered`);
  process.exit(2);
}

/** [answered errors, false replies, errors] */
type Counts = [number, number, number];
const total = { rules: [0, 0, 0] as Counts, fitted: [0, 0, 0] as Counts, everyText: [0, 0, 0] as Counts };
for (let k = start; k < collections.length; k++) {
  const training: ReportSample[] = collections.slice(0, k).flatMap((c) => c.samples);
  const { model, heldOut } = fitReportCheck(training, 'forward');
  const compiled = compileReportModel(model);
  // The same choice with every text long enough to be judged: the threshold the fit would pick alone.
  const alone = chooseVeto(
    training.map((s) => ({ ...s, words: Number.MAX_SAFE_INTEGER })),
    heldOut,
    3,
  );
  const row = { rules: [0, 0, 0] as Counts, fitted: [0, 0, 0] as Counts, everyText: [0, 0, 0] as Counts };
  for (const s of collections[k]?.samples ?? []) {
    const p = reportProbability(compiled, s.features);
    count(row.rules, s.rulesAnswer, s.isError);
    count(row.fitted, answeredWithCheck(s, p, model), s.isError);
    count(row.everyText, answeredWithCheck(s, p, { threshold: alone.threshold, minWords: 0 }), s.isError);
  }
  for (const key of ['rules', 'fitted', 'everyText'] as const) {
    const [tp, fp, errors] = row[key];
    total[key] = [total[key][0] + tp, total[key][1] + fp, total[key][2] + errors];
  }
  console.log(
    `${(collections[k]?.group ?? '').padEnd(12)} rules ${figures(row.rules)}   ` +
      `check (${model.threshold} on ${model.minWords}+ words) ${figures(row.fitted)}   ` +
      `every text judged (${alone.threshold}) ${figures(row.everyText)}`,
  );
}
console.log(
  `${'all'.padEnd(12)} rules ${figures(total.rules)}   check ${figures(total.fitted)}   every text judged ${figures(total.everyText)}`,
);

function count(c: Counts, answered: boolean, isError: boolean): void {
  if (answered && isError) c[0]++;
  if (answered && !isError) c[1]++;
  if (isError) c[2]++;
}

function figures([tp, fp, errors]: Counts): string {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = errors === 0 ? 1 : tp / errors;
  return `${p.toFixed(3)} / ${r.toFixed(3)} (${tp}, ${fp})`;
}
