import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineHolder } from '../../src/knowledge/engine-holder';
import { createLogger } from '../../src/logger';
import { type OrgClient, SalesforceError } from '../../src/salesforce/client';
import { readLimit } from '../../src/salesforce/limit-reading';
import { createAnswerLimits } from '../../src/services/answer-limits';
import { LimitsService } from '../../src/services/limits-service';
import { openStore, type Store } from '../../src/store';
import { engine } from '../helpers/engine';

const RAW = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'salesforce', 'limits.json'), 'utf8'));
const T = { warnPercent: 70, criticalPercent: 90 };
const withApi = (used: number, max = 15_000) => ({ ...RAW, DailyApiRequests: { Max: max, Remaining: max - used } });

describe('which limit a limit error is about, from the live snapshot', () => {
  it('REQUEST_LIMIT_EXCEEDED with DailyApiRequests at 99 %: the rolling 24-hour allocation', () => {
    const r = readLimit('prod', 'REQUEST_LIMIT_EXCEEDED', undefined, { raw: withApi(14_850), apiUsage: undefined }, T);
    expect(r).toMatchObject({ kind: 'at-limit', scope: 'rolling-24h', row: { key: 'DailyApiRequests', used: 14_850 } });
  });

  it('REQUEST_LIMIT_EXCEEDED with daily usage at 12 %: the concurrency limit', () => {
    const r = readLimit('prod', 'REQUEST_LIMIT_EXCEEDED', undefined, { raw: withApi(1_800), apiUsage: undefined }, T);
    expect(r).toMatchObject({ kind: 'concurrency', row: { used: 1_800, max: 15_000 } });
  });

  it('prefers the fresher Sforce-Limit-Info figure over DailyApiRequests', () => {
    const r = readLimit(
      'prod',
      'REQUEST_LIMIT_EXCEEDED',
      undefined,
      { raw: withApi(1_800), apiUsage: { used: 14_990, limit: 15_000 } },
      T,
    );
    expect(r).toMatchObject({ kind: 'at-limit', row: { used: 14_990 } });
  });

  it('a message naming the concurrency limit stays that, whatever the daily figure', () => {
    const r = readLimit('prod', 'ConcurrentPerOrgLongTxn', undefined, { raw: withApi(14_999), apiUsage: undefined }, T);
    expect(r.kind).toBe('concurrency');
  });

  it('"TotalRequests Limit exceeded" with a lower figure is lag, not concurrency', () => {
    const r = readLimit(
      'prod',
      'REQUEST_LIMIT_EXCEEDED',
      'total-requests',
      { raw: withApi(9_000), apiUsage: undefined },
      T,
    );
    expect(r.kind).toBe('below');
  });

  it('a Bulk quota error reads the batch allocation', () => {
    const r = readLimit(
      'prod',
      'ExceededQuota',
      undefined,
      { raw: { ...RAW, DailyBulkApiBatches: { Max: 15_000, Remaining: 0 } }, apiUsage: undefined },
      T,
    );
    expect(r).toMatchObject({ kind: 'at-limit', row: { key: 'DailyBulkApiBatches' } });
  });

  it('a snapshot without the key gives no figure rather than a guess', () => {
    expect(readLimit('prod', 'REQUEST_LIMIT_EXCEEDED', undefined, { raw: {}, apiUsage: undefined }, T).kind).toBe(
      'failed',
    );
    expect(
      readLimit('prod', 'REQUEST_LIMIT_EXCEEDED', undefined, { raw: 'nonsense' as never, apiUsage: undefined }, T).kind,
    ).toBe('failed');
  });
});

describe('live limits for answers, through the limits cache', () => {
  let store: Store;
  let dir: string;
  let now = 1_000_000;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'answer-limits-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 's.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function setup(behave: () => Promise<Record<string, unknown>>) {
    let calls = 0;
    const client: OrgClient = {
      name: 'prod',
      async fetchLimits() {
        calls++;
        return { raw: await behave(), apiUsage: undefined, instanceUrl: 'https://acme.my.salesforce.com' };
      },
      async get() {
        throw new Error('answers only read /limits');
      },
    };
    const limits = new LimitsService({
      clients: new Map([['prod', client]]),
      store,
      engines: new EngineHolder({}, engine()),
      logger: createLogger('error'),
      clock: () => now,
      cacheMs: 300_000,
      refreshCooldownMs: 60_000,
      thresholds: T,
    });
    const answers = createAnswerLimits({ limits, store, logger: createLogger('error'), waitMs: 5_000 });
    return { answers, calls: () => calls };
  }

  it('N pastes at once cost one /limits call; the next ones in the window read the cache', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const { answers, calls } = setup(async () => {
      await gate;
      return withApi(14_850);
    });
    const first = await Promise.all(
      Array.from({ length: 8 }, () => answers.now('REQUEST_LIMIT_EXCEEDED', undefined, 'C1')),
    );
    expect(first.every((f) => f.reading?.kind === 'pending')).toBe(true);
    release();
    const readings = await Promise.all(first.map((f) => f.later));
    expect(readings.every((r) => r?.kind === 'at-limit')).toBe(true);
    expect(calls()).toBe(1);
    // Within the cache window the figure is there at once, with no call.
    now += 60_000;
    const cached = await answers.now('REQUEST_LIMIT_EXCEEDED', undefined, 'C2');
    expect(cached.reading?.kind).toBe('at-limit');
    expect(cached.later).toBeUndefined();
    expect(calls()).toBe(1);
    // After the window, one new call.
    now += 300_000;
    await (await answers.now('REQUEST_LIMIT_EXCEEDED', undefined, 'C1')).later;
    expect(calls()).toBe(2);
  });

  it('a check refused with REQUEST_LIMIT_EXCEEDED is the answer', async () => {
    const { answers } = setup(async () => {
      throw new SalesforceError('api', 'TotalRequests Limit exceeded.', {
        sfCode: 'REQUEST_LIMIT_EXCEEDED',
        status: 403,
      });
    });
    expect(await (await answers.now('REQUEST_LIMIT_EXCEEDED', undefined, 'C1')).later).toEqual({
      kind: 'refused',
      org: 'prod',
    });
  });

  it('another failure says the figure could not be read', async () => {
    const { answers } = setup(async () => {
      throw new SalesforceError('timeout', 'timed out', {});
    });
    expect(await (await answers.now('REQUEST_LIMIT_EXCEEDED', undefined, 'C1')).later).toEqual({
      kind: 'failed',
      org: 'prod',
    });
  });

  it('does nothing for errors that are not about an org limit', async () => {
    const { answers, calls } = setup(async () => RAW);
    expect(await answers.now('UNABLE_TO_LOCK_ROW', undefined, 'C1')).toEqual({ reading: undefined, later: undefined });
    expect(calls()).toBe(0);
  });

  it('without a linked org, explains the variants only when the message leaves the limit open', async () => {
    const answers = createAnswerLimits({ limits: undefined, store, logger: createLogger('error'), waitMs: 5_000 });
    expect((await answers.now('REQUEST_LIMIT_EXCEEDED', undefined, 'C1')).reading).toEqual({ kind: 'no-org' });
    expect((await answers.now('REQUEST_LIMIT_EXCEEDED', 'total-requests', 'C1')).reading).toBeUndefined();
  });
});
