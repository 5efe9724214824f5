/**
 * Fits the gate (src/knowledge/gate.ts) on labelled texts and writes src/knowledge/gate-params.ts.
 *   npm run fit-gate -- [FILE.jsonl…]     (default: ../shared/eval/dev.jsonl and dev2.jsonl)
 * Judge the result with `npm run eval -- --cv 5 FILE…`, which runs the same fit in folds
 * grouped by source thread; the figures to quote are those held-out ones, not the fit's own.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadEngine } from '../src/knowledge/engine';
import { DEFAULT_FIT, fitGate, probability } from '../src/knowledge/gate';
import { projectRoot } from '../src/paths';
import { labelledInputs, readLabelledFile } from './labelled-files';

const root = projectRoot();
const inputs = labelledInputs(process.argv.slice(2));
const records = inputs.flatMap(readLabelledFile);
const { diagnose } = loadEngine();
// The evidence scores do not depend on the gate: the best match's score decides.
const samples = records.map((r) => ({
  score: Math.max(0, ...diagnose(r.text).matches.map((m) => m.score)),
  isError: r.is_error,
}));
const params = fitGate(samples, DEFAULT_FIT);
/** Which sets were used, by name only: sets kept outside the repository are named, not copied. */
const sources = inputs.map((f) => basename(f)).join(', ');
const target = join(root, 'src', 'knowledge', 'gate-params.ts');
writeFileSync(
  target,
  `import type { GateParams } from './gate';

/**
 * Fitted by bench/fit-gate.ts (\`npm run fit-gate\`) over ${records.length} labelled texts of
 * ${sources}, with a false reply costing ${DEFAULT_FIT.falseReplyCost} misses. Rewritten by that
 * script; do not edit by hand. Held-out figures: \`npm run eval -- --cv 5\`, quoted in the README.
 */
export const FITTED_GATE: GateParams = {
  threshold: ${params.threshold},
  calibration: [
${params.calibration.map(([x, y]) => `    [${x}, ${y}],`).join('\n')}
  ],
};
`,
);
console.log(
  `${records.length} texts → threshold ${params.threshold}, calibration ${JSON.stringify(params.calibration)}`,
);
console.log(`confidence at the threshold: ${probability(params, params.threshold)}; written to ${target}`);
