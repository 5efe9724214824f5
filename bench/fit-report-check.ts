/**
 * Fits the report check (src/knowledge/report-check.ts) and writes src/knowledge/report-check.json.
 *   npm run fit-report-check -- [--out FILE] FILE.jsonl…   (default: ../shared/eval/dev.jsonl and dev2.jsonl)
 * --out writes the model elsewhere (to try a fit without replacing the committed one).
 * Each file is one collection: the veto threshold is chosen on predictions for files left out of
 * the fit (report-check-fit.ts). Prints, per file, what the rules alone and the rules with the
 * check would score on it when it was left out: the figures to quote are those, not the fit's own.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createReportFeatureReader } from '../src/knowledge/diagnose';
import { loadEngine } from '../src/knowledge/engine';
import { REPORT_MODEL_PATH } from '../src/knowledge/report-check';
import {
  answeredWithCheck,
  DEFAULT_REPORT_FIT,
  fitReportCheck,
  type ReportSample,
} from '../src/knowledge/report-check-fit';
import { addCounts, count, emptyCounts, figures } from './answer-counts';
import { labelledInputs, readLabelledFile } from './labelled-files';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt === -1 ? REPORT_MODEL_PATH : args[outAt + 1];
if (out === undefined || out.startsWith('--')) {
  console.error('--out needs a file name');
  process.exit(2);
}
const files = outAt === -1 ? args : args.filter((_, i) => i !== outAt && i !== outAt + 1);
const inputs = labelledInputs(files);
const read = createReportFeatureReader(loadEngine({ reportCheck: null }).index);
const samples: ReportSample[] = inputs.flatMap((file) =>
  readLabelledFile(file).map((r) => ({ ...read(r.text), isError: r.is_error, group: basename(file, '.jsonl') })),
);
const started = performance.now();
const { model, heldOut } = fitReportCheck(samples, inputs.map((f) => basename(f)).join(', '));
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const rows: string[] = [];
const total = { rules: emptyCounts(), checked: emptyCounts() };
for (const group of [...new Set(samples.map((s) => s.group))]) {
  const rules = emptyCounts();
  const checked = emptyCounts();
  samples.forEach((s, i) => {
    if (s.group !== group) return;
    count(rules, s.rulesAnswer, s.isError);
    count(checked, answeredWithCheck(s, heldOut[i] as number, model), s.isError);
  });
  rows.push(`  ${group.padEnd(12)} rules ${figures(rules)}   with the check ${figures(checked)}`);
  addCounts(total.rules, rules);
  addCounts(total.checked, checked);
}
writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
console.log(
  `${samples.length} texts, ${Object.keys(model.tokens).length} words kept; fitted in ${seconds} s ` +
    `(l2 ${DEFAULT_REPORT_FIT.l2}, ${DEFAULT_REPORT_FIT.iterations} steps); threshold ${model.threshold}, texts of ${model.minWords}+ words judged`,
);
console.log('each file scored by weights fitted without it (precision / recall, answered errors, false replies):');
console.log(rows.join('\n'));
console.log(`  ${'all'.padEnd(12)} rules ${figures(total.rules)}   with the check ${figures(total.checked)}`);
console.log(`written to ${out}`);
