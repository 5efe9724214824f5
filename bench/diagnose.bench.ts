/**
 * `npm run bench`: how fast diagnose() is, against a naive baseline measured in the same run.
 *
 * Sets: (a) the development texts (read from ../shared/eval/dev.jsonl, never copied),
 * (b) long pastes of 2k, 10k and 40k characters (stack traces, JSON bodies, logs) plus inputs
 * aimed at the regexes, (c) 10,000 ordinary chat lines. The baseline is what the engine's design
 * avoids: fuse.js over the whole text against the same knowledge base. It is seconds per long
 * query, so it runs on a few samples of each set within a time budget; the ratio compares medians.
 * Also reported: knowledge-base load (cold YAML parse and cached), peak RSS, and a one-shot CLI call.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { loadEngine } from '../src/knowledge/engine';
import { projectRoot } from '../src/paths';
import { adversarial, chatLines, longPaste, type PasteKind } from './generate';

const ROOT = projectRoot();
const TARGETS = { p99Ms: 5, chatPerSecond: 20_000, loadMs: 300, rssMb: 200, cliMs: 1000 };
const BASELINE_BUDGET_MS = 8_000;
/**
 * fuse.js's cost grows linearly with the query length (../shared/reference/stack.md §4), and a
 * single 40k query takes minutes. Longer texts are measured on a prefix of this length and the
 * time is scaled by length; those rows are marked "~".
 */
const BASELINE_MAX_QUERY = 2_000;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

interface SetResult {
  readonly name: string;
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
  readonly baselineMedian: number | undefined;
  readonly baselineSamples: number;
  readonly baselineScaled: boolean;
}

const fmt = (n: number, d = 3) => (Number.isFinite(n) ? n.toFixed(d) : '—');

function main(): void {
  // Load: cold (YAML parse + validation, no cache) and warm (the cache normal start-ups use).
  const coldDir = mkdtempSync(join(tmpdir(), 'bench-kb-'));
  const cold = loadEngine({ cacheDir: coldDir });
  const warm = loadEngine({ cacheDir: coldDir });
  rmSync(coldDir, { recursive: true, force: true });
  const engine = warm;
  const diagnose = engine.diagnose;

  const devTexts = readFileSync(join(ROOT, '..', 'shared', 'eval', 'dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const long: Record<string, string[]> = {};
  for (const size of [2_000, 10_000, 40_000]) {
    long[`long ${size / 1000}k`] = (['stack', 'json', 'log'] as PasteKind[]).flatMap((kind) =>
      Array.from({ length: 30 }, (_, i) => longPaste(kind, size, size + i * 7 + kind.length)),
    );
  }
  const sets: Record<string, string[]> = {
    'dev texts': devTexts,
    ...long,
    'adversarial 40k': adversarial(40_000),
    'chat lines': chatLines(10_000),
  };

  // Warm the JIT so the numbers describe a running bot, not its first second.
  for (const text of [...devTexts, ...chatLines(2_000, 99)]) diagnose(text);

  const baselineFuse = new Fuse(engine.knowledge.entries as unknown as Array<Record<string, unknown>>, {
    keys: ['code', 'title', 'messages'],
    ignoreLocation: true,
    threshold: 0.4,
    includeScore: true,
  });

  const results: SetResult[] = [];
  for (const [name, texts] of Object.entries(sets)) {
    // One untimed pass per set: the numbers describe a bot that has been running, not the JIT
    // compiling a code path for the first time.
    for (const text of texts.slice(0, 200)) diagnose(text);
    const latencies: number[] = [];
    const total = time(() => {
      for (const text of texts) latencies.push(time(() => diagnose(text)));
    });
    latencies.sort((a, b) => a - b);
    const baseline: number[] = [];
    let scaled = false;
    const budgetStart = Date.now();
    for (const text of texts.slice(0, 8)) {
      if (Date.now() - budgetStart > BASELINE_BUDGET_MS) break;
      const query = text.slice(0, BASELINE_MAX_QUERY);
      scaled ||= query.length < text.length;
      baseline.push(time(() => baselineFuse.search(query, { limit: 3 })) * (text.length / Math.max(1, query.length)));
    }
    baseline.sort((a, b) => a - b);
    results.push({
      name,
      count: texts.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      perSecond: texts.length / (total / 1000),
      baselineMedian: baseline.length > 0 ? percentile(baseline, 50) : undefined,
      baselineSamples: baseline.length,
      baselineScaled: scaled,
    });
  }

  const cliMs = measureCli();
  const rssMb = process.resourceUsage().maxRSS / 1024;

  console.log('diagnose() benchmark (ms per message; baseline = fuse.js over the whole text)\n');
  console.log(
    `${'set'.padEnd(16)}${'n'.padStart(7)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'msg/s'.padStart(10)}${'baseline p50'.padStart(16)}${'speed-up'.padStart(11)}`,
  );
  for (const r of results) {
    const ratio = r.baselineMedian === undefined ? Number.NaN : r.baselineMedian / r.p50;
    console.log(
      `${r.name.padEnd(16)}${String(r.count).padStart(7)}${fmt(r.p50).padStart(9)}${fmt(r.p99).padStart(9)}${Math.round(r.perSecond).toString().padStart(10)}${`${r.baselineScaled ? '~' : ''}${fmt(r.baselineMedian ?? Number.NaN, 0)} (n=${r.baselineSamples})`.padStart(16)}${`${fmt(ratio, 0)}×`.padStart(11)}`,
    );
  }
  const worstP99 = Math.max(...results.filter((r) => r.name !== 'chat lines').map((r) => r.p99));
  const chat = results.find((r) => r.name === 'chat lines') as SetResult;
  const checks: Array<[string, string, boolean]> = [
    ['p99 per message up to 40k chars', `${fmt(worstP99)} ms (target ≤ ${TARGETS.p99Ms})`, worstP99 <= TARGETS.p99Ms],
    [
      'chat lines per second',
      `${Math.round(chat.perSecond)} (target ≥ ${TARGETS.chatPerSecond})`,
      chat.perSecond >= TARGETS.chatPerSecond,
    ],
    [
      'knowledge load + index, cached',
      `${fmt(warm.loadMs, 0)} ms (target ≤ ${TARGETS.loadMs}); cold YAML parse ${fmt(cold.loadMs, 0)} ms`,
      warm.loadMs <= TARGETS.loadMs,
    ],
    ['peak RSS', `${fmt(rssMb, 0)} MB (target ≤ ${TARGETS.rssMb})`, rssMb <= TARGETS.rssMb],
    ['one-shot CLI call (median of 5)', `${fmt(cliMs, 0)} ms (target < ${TARGETS.cliMs})`, cliMs < TARGETS.cliMs],
  ];
  console.log('');
  for (const [what, value, ok] of checks) console.log(`${ok ? 'ok  ' : 'MISS'}  ${what.padEnd(34)} ${value}`);
  console.log(`\nknowledge base: ${engine.knowledge.entries.length} entries; node ${process.version}`);
  console.log(
    '~ baseline measured on the first 2,000 characters and scaled by length (fuse.js is linear in query length).',
  );
}

/** `npm run --silent cli -- diagnose FILE`, as a person would run it, median of five runs. */
function measureCli(): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const file = join(dir, 'paste.txt');
    writeFileSync(
      file,
      '[{"errorCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record"}]',
    );
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = Date.now();
      const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'diagnose', file], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
      runs.push(Date.now() - start);
    }
    return runs.sort((a, b) => a - b)[2] as number;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
