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
import {
  answeredWithCheck,
  chooseVeto,
  DEFAULT_REPORT_FIT,
  fitReportCheck,
  type ReportSample,
} from '../src/knowledge/report-check-fit';
import { addCounts, count, emptyCounts, figures } from './answer-counts';
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

const total = { rules: emptyCounts(), fitted: emptyCounts(), everyText: emptyCounts() };
for (let k = start; k < collections.length; k++) {
  const training: ReportSample[] = collections.slice(0, k).flatMap((c) => c.samples);
  const { model, heldOut } = fitReportCheck(training, 'forward');
  const compiled = compileReportModel(model);
  // The same choice with every text long enough to be judged: the threshold the fit would pick alone.
  const alone = chooseVeto(
    training.map((s) => ({ ...s, words: Number.MAX_SAFE_INTEGER })),
    heldOut,
    DEFAULT_REPORT_FIT.falseReplyCost,
  );
  const row = { rules: emptyCounts(), fitted: emptyCounts(), everyText: emptyCounts() };
  for (const s of collections[k]?.samples ?? []) {
    const p = reportProbability(compiled, s.features);
    count(row.rules, s.rulesAnswer, s.isError);
    count(row.fitted, answeredWithCheck(s, p, model), s.isError);
    count(row.everyText, answeredWithCheck(s, p, { threshold: alone.threshold, minWords: 0 }), s.isError);
  }
  for (const key of ['rules', 'fitted', 'everyText'] as const) addCounts(total[key], row[key]);
  console.log(
    `${(collections[k]?.group ?? '').padEnd(12)} rules ${figures(row.rules)}   ` +
      `check (${model.threshold} on ${model.minWords}+ words) ${figures(row.fitted)}   ` +
      `every text judged (${alone.threshold}) ${figures(row.everyText)}`,
  );
}
console.log(
  `${'all'.padEnd(12)} rules ${figures(total.rules)}   check ${figures(total.fitted)}   every text judged ${figures(total.everyText)}`,
);
