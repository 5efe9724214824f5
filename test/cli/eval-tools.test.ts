import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignFolds, crossValidate, reliabilityTable } from '../../src/cli/cross-validate';
import { evaluate, type LabelledRecord } from '../../src/cli/eval';
import { formatSegments, parseFormats, segmentOf } from '../../src/cli/eval-segments';
import { createDiagnose } from '../../src/knowledge/diagnose';
import { fitGate, probability } from '../../src/knowledge/gate';
import {
  compileReportModel,
  DENSE_FEATURES,
  loadReportModel,
  type ReportModelFile,
} from '../../src/knowledge/report-check';
import { engine } from '../helpers/engine';

const record = (r: Partial<LabelledRecord> & Pick<LabelledRecord, 'id' | 'text' | 'is_error'>): LabelledRecord => ({
  code: null,
  also: [],
  transient: null,
  ...r,
});

/** A small labelled set the team wrote: two threads per kind, so folds can hold threads out. */
const NO_WEIGHTS = Object.fromEntries(DENSE_FEATURES.map((n) => [n, 0])) as ReportModelFile['dense'];

const FIXTURE: LabelledRecord[] = [
  record({
    id: 'a1',
    source: 't1',
    text: 'INVALID_SESSION_ID: Session expired or invalid',
    is_error: true,
    code: 'INVALID_SESSION_ID',
  }),
  record({ id: 'a2', source: 't1', text: 'thanks, that fixed it', is_error: false }),
  record({
    id: 'b1',
    source: 't2',
    text: 'System.LimitException: Too many SOQL queries: 101',
    is_error: true,
    code: 'LIMIT_EXCEPTION_SOQL_QUERIES',
  }),
  record({ id: 'b2', source: 't2', text: 'UNABLE_TO_LOCK_ROW is listed in the docs', is_error: false }),
  record({
    id: 'c1',
    source: 't3',
    text: '[{"errorCode":"INVALID_FIELD","message":"No such column \'Foo__c\' on entity \'Account\'"}]',
    is_error: true,
    code: 'INVALID_FIELD',
  }),
  record({ id: 'c2', source: 't3', text: 'see you tomorrow', is_error: false }),
  record({
    id: 'd1',
    source: 't4',
    text: 'we keep getting UNABLE_TO_LOCK_ROW on the nightly job',
    is_error: true,
    code: 'UNABLE_TO_LOCK_ROW',
  }),
  record({ id: 'd2', source: 't4', text: 'セッションが無効です', is_error: true, code: 'INVALID_SESSION_ID' }),
];

describe('segments', () => {
  const formats = parseFormats('id\tformat\na1\trest-json\na2\tchat\nb2\tdiscussion\nd1\tprose\n\n');

  it('reads formats.tsv and skips its header and blank lines', () => {
    expect([...formats.entries()]).toEqual([
      ['a1', 'rest-json'],
      ['a2', 'chat'],
      ['b2', 'discussion'],
      ['d1', 'prose'],
    ]);
  });

  it('puts each record in one segment: Japanese, prose, code shown, message only; negatives by kind', () => {
    const seg = (id: string) => {
      const r = FIXTURE.find((x) => x.id === id) as LabelledRecord;
      return segmentOf(r, formats.get(id));
    };
    expect(seg('a1')).toBe('error: code shown');
    expect(seg('d1')).toBe('error: prose report');
    expect(seg('d2')).toBe('error: Japanese');
    expect(
      segmentOf(
        record({ id: 'm', text: 'Session expired or invalid', is_error: true, code: 'INVALID_SESSION_ID' }),
        'soap-text',
      ),
    ).toBe('error: message without a code');
    // A code that only occurs inside a longer name is not "shown".
    expect(
      segmentOf(
        record({ id: 'x', text: 'INVALID_FIELD_FOR_INSERT_UPDATE', is_error: true, code: 'INVALID_FIELD' }),
        'log-line',
      ),
    ).toBe('error: message without a code');
    expect(seg('a2')).toBe('negative: chat');
    expect(seg('b2')).toBe('negative: discussion, PR, docs-like prose');
    expect(seg('c2')).toBe('negative: format unknown');
  });

  it('prints recall and top-1 for errors and false replies for negatives', () => {
    const table = formatSegments(evaluate(FIXTURE, engine().diagnose).outcomes, formats);
    expect(table).toMatch(/error: code shown\s+n=\s*2\s+recall 1\.000\s+top-1 1\.000/);
    expect(table).toMatch(/negative: chat\s+n=\s*1\s+false replies 0/);
  });
});

describe('the fitted gate', () => {
  it('picks the lowest threshold that keeps the training precision, and calibrates monotonically', () => {
    const samples = [
      ...Array.from({ length: 20 }, () => ({ score: 0.9, isError: true })),
      ...Array.from({ length: 10 }, () => ({ score: 0.7, isError: true })),
      { score: 0.7, isError: false },
      ...Array.from({ length: 5 }, () => ({ score: 0.5, isError: false })),
      ...Array.from({ length: 3 }, () => ({ score: 0.5, isError: true })),
    ];
    // At 0.6: one false reply and no miss of the 0.7/0.9 errors, three 0.5 errors missed.
    const loose = fitGate(samples, { falseReplyCost: 1 });
    expect(loose.threshold).toBeCloseTo(0.6);
    // A false reply worth five misses: above 0.7 costs 10 misses, less than 0.6's 5 + 3.
    const strict = fitGate(samples, { falseReplyCost: 5 });
    expect(strict.threshold).toBeCloseTo(0.6);
    const stricter = fitGate(samples, { falseReplyCost: 20 });
    expect(stricter.threshold).toBeCloseTo(0.8);
    expect(probability(loose, 0.9)).toBeGreaterThan(probability(loose, 0.7));
    expect(probability(loose, 0.7)).toBeGreaterThan(probability(loose, 0.5));
    expect(probability(loose, 0)).toBe(0);
  });

  it('calibrates by pooling score levels whose error rates run backwards', () => {
    const backwards = [
      ...Array.from({ length: 8 }, () => ({ score: 0.5, isError: true })),
      ...Array.from({ length: 8 }, () => ({ score: 0.7, isError: false })),
      ...Array.from({ length: 8 }, () => ({ score: 0.9, isError: true })),
    ];
    const params = fitGate(backwards, { falseReplyCost: 3 });
    // 0.5 and 0.7 pool into one block at their mean 0.6: 8 errors of 16, smoothed to 9/18;
    // 0.9 keeps 9/10. Between points the curve is interpolated, outside them it is flat.
    expect(params.calibration).toEqual([
      [0.6, 0.5],
      [0.9, 0.9],
    ]);
    expect(probability(params, 0.5)).toBeCloseTo(0.5);
    expect(probability(params, 0.75)).toBeCloseTo(0.7);
    expect(probability(params, 0.95)).toBeCloseTo(0.9);
  });

  it('refuses to fit nothing', () => {
    expect(() => fitGate([])).toThrow('at least one');
  });
});

describe('grouped cross-validation', () => {
  it('keeps every text of one source in one fold and balances the folds', () => {
    const folds = assignFolds(FIXTURE, 2);
    for (const source of ['t1', 't2', 't3', 't4']) {
      const ids = FIXTURE.filter((r) => r.source === source).map((r) => folds.get(r.id));
      expect(new Set(ids).size).toBe(1);
    }
    const sizes = [0, 1].map((f) => [...folds.values()].filter((v) => v === f).length);
    expect(sizes).toEqual([4, 4]);
  });

  it('fits the report check on the training folds only, when asked to', () => {
    const { index } = engine();
    const seen: string[][] = [];
    const fitCheck = (training: readonly LabelledRecord[]) => {
      seen.push(training.map((r) => r.id));
      return compileReportModel({
        fittedOn: 'fold',
        texts: 1,
        threshold: 0,
        minWords: 0,
        bias: 0,
        dense: NO_WEIGHTS,
        tokens: {},
      });
    };
    const cv = crossValidate(
      FIXTURE,
      2,
      (p, check) => createDiagnose(index, p, check),
      engine().diagnose,
      undefined,
      fitCheck,
    );
    expect(seen).toHaveLength(2);
    cv.folds.forEach((f, i) => {
      expect(f.check).toBeDefined();
      const heldOut = f.report.outcomes.map((o) => o.record.id);
      expect(seen[i]?.some((id) => heldOut.includes(id))).toBe(false);
      expect((seen[i]?.length ?? 0) + heldOut.length).toBe(FIXTURE.length);
    });
  });

  it('scores every record once, held out, with the gate fitted on the other folds', () => {
    const { index } = engine();
    const cv = crossValidate(FIXTURE, 2, (p) => createDiagnose(index, p), engine().diagnose);
    expect(cv.folds).toHaveLength(2);
    expect(cv.heldOut.records).toBe(FIXTURE.length);
    expect(cv.heldOut.outcomes.map((o) => o.record.id).sort()).toEqual(FIXTURE.map((r) => r.id).sort());
    expect(reliabilityTable(cv.heldOut.outcomes)).toContain('reliability');
    expect(() => crossValidate(FIXTURE, 1, (p) => createDiagnose(index, p), engine().diagnose)).toThrow('2 folds');
  });
});

describe('npm run eval', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(
      join(dir, 'a.jsonl'),
      `${FIXTURE.slice(0, 4)
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
    writeFileSync(
      join(dir, 'b.jsonl'),
      `${FIXTURE.slice(4)
        .map((r) => JSON.stringify(r))
        .join('\n')}\n`,
    );
    writeFileSync(join(dir, 'formats.tsv'), 'id\tformat\na2\tchat\nd1\tprose\n');
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":"x"}\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (args: string[]) => {
    const r = spawnSync('npm', ['run', '--silent', 'eval', '--', ...args], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('reads several files, prints segments from the formats.tsv beside them, and keeps the exit codes', () => {
    const pass = run([
      join(dir, 'a.jsonl'),
      join(dir, 'b.jsonl'),
      '--min-precision',
      '0',
      '--min-recall',
      '0',
      '--min-top1',
      '0',
    ]);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain(`records: ${FIXTURE.length}`);
    expect(pass.stdout).toContain('error: prose report');
    expect(pass.stdout).toContain('negative: chat');
    const fail = run([join(dir, 'a.jsonl'), '--min-precision', '1.01']);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain('FAIL: precision');
  });

  it('cross-validates with --cv and rejects bad usage with exit code 2', () => {
    const cv = run([
      '--cv',
      '2',
      join(dir, 'a.jsonl'),
      join(dir, 'b.jsonl'),
      '--min-precision',
      '0',
      '--min-recall',
      '0',
      '--min-top1',
      '0',
    ]);
    expect(cv.code).toBe(0);
    expect(cv.stdout).toContain('grouped 2-fold cross-validation');
    // The report check is refitted in each fold too, on that fold's training files only.
    expect(cv.stdout).toMatch(/fold 1: n=\d+ threshold [\d.]+, report check [\d.]+ on \d+\+ words →/);
    expect(cv.stdout).toContain('reliability');
    expect(run(['--cv', '1', join(dir, 'a.jsonl')]).code).toBe(2);
    const bad = run([join(dir, 'bad.jsonl')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('line 1 is not a labelled record');
  });

  it('fits the report check with npm run fit-report-check, each file held out in turn, into --out', () => {
    const out = join(dir, 'model.json');
    const fit = spawnSync(
      'npm',
      ['run', '--silent', 'fit-report-check', '--', '--out', out, join(dir, 'a.jsonl'), join(dir, 'b.jsonl')],
      { cwd: join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60_000 },
    );
    expect(fit.status).toBe(0);
    expect(fit.stdout).toContain(`${FIXTURE.length} texts`);
    expect(fit.stdout).toMatch(/^ {2}a +rules [\d.]+ \/ [\d.]+ .*with the check/m);
    expect(fit.stdout).toMatch(/^ {2}b +rules /m);
    const model = loadReportModel(out);
    expect(model.threshold).toBeGreaterThanOrEqual(0);
    expect(model.threshold).toBeLessThan(1);
    const noOut = spawnSync('npm', ['run', '--silent', 'fit-report-check', '--', '--out'], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out needs a file name');
  });

  it('scores the report check forward in time with npm run forward-report-check, fitted only on earlier files', () => {
    const forward = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'forward-report-check', '--', ...args], {
        cwd: join(__dirname, '..', '..'),
        encoding: 'utf8',
        timeout: 60_000,
      });
    const ok = forward('--from', 'b', join(dir, 'a.jsonl'), join(dir, 'b.jsonl'));
    expect(ok.status).toBe(0);
    // Only b is scored (a has nothing before it to learn from), then the total.
    expect(ok.stdout).not.toMatch(/^a +rules/m);
    expect(ok.stdout).toMatch(/^b +rules [\d.]+ \/ [\d.]+ .*check \([\d.]+ on \d+\+ words\).*every text judged/m);
    expect(ok.stdout).toMatch(/^all +rules /m);
    const first = forward('--from', 'a', join(dir, 'a.jsonl'), join(dir, 'b.jsonl'));
    expect(first.status).toBe(2);
    expect(first.stderr).toContain('no such collection after the first');
  });
});
