import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineHolder } from '../../src/knowledge/engine-holder';
import { createLogger } from '../../src/logger';
import { type OrgClient, SalesforceError } from '../../src/salesforce/client';
import { LimitsService } from '../../src/services/limits-service';
import { openStore, type Store } from '../../src/store';
import { messageProblems } from '../helpers/block-kit';
import { engine } from '../helpers/engine';

const RAW = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'salesforce', 'limits.json'), 'utf8'));

/** A fake org at the interface the service depends on: counts calls, can be slow or fail. */
function fakeOrg(name: string, behave: () => Promise<Record<string, unknown>> = async () => RAW) {
  let calls = 0;
  const client: OrgClient = {
    name,
    async fetchLimits() {
      calls++;
      return {
        raw: await behave(),
        apiUsage: { used: 13900, limit: 15000 },
        instanceUrl: 'https://acme.my.salesforce.com',
      };
    },
    async get() {
      throw new Error('not used by /sflimits');
    },
  };
  return { client, calls: () => calls };
}

describe('LimitsService', () => {
  let store: Store;
  let dir: string;
  let now = 1_000_000;
  const clock = () => now;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'limits-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 's.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const service = (clients: Array<OrgClient>) =>
    new LimitsService({
      clients: new Map(clients.map((c) => [c.name, c])),
      store,
      engines: new EngineHolder({}, engine()),
      logger: createLogger('error'),
      clock,
      cacheMs: 5 * 60_000,
      refreshCooldownMs: 60_000,
      thresholds: { warnPercent: 70, criticalPercent: 90 },
    });

  it('parses the command: org, filter, all, refresh', () => {
    const s = service([fakeOrg('prod').client, fakeOrg('uat').client]);
    expect(s.parse('')).toEqual({ org: undefined, view: 'compact', filter: undefined, refresh: false });
    expect(s.parse('UAT all')).toEqual({ org: 'uat', view: 'all', filter: undefined, refresh: false });
    expect(s.parse('api req refresh')).toEqual({ org: undefined, view: 'filter', filter: 'api req', refresh: true });
    expect(s.defaultOrg).toBe('prod');
  });

  it('keeps one cached snapshot per org for the TTL, and stores every real call for history', async () => {
    const prod = fakeOrg('prod');
    const s = service([prod.client]);
    const first = await s.check({ org: 'prod', view: 'compact', filter: undefined, refresh: false }, 'U1', 'en');
    now += 60_000;
    const second = await s.check({ org: 'prod', view: 'compact', filter: undefined, refresh: false }, 'U2', 'en');
    expect(prod.calls()).toBe(1);
    expect(JSON.stringify(second.blocks)).toContain('cached 60 s ago');
    expect(messageProblems(first)).toEqual([]);
    now += 5 * 60_000;
    await s.check({ org: 'prod', view: 'compact', filter: undefined, refresh: false }, 'U2', 'en');
    expect(prod.calls()).toBe(2);
    expect(await store.countLimitsSnapshots('prod')).toBe(2);
    expect((await store.latestLimitsSnapshot('prod'))?.apiUsage).toEqual({ used: 13900, limit: 15000 });
  });

  it('shares one in-flight call between concurrent requests', async () => {
    let release: () => void = () => {};
    const prod = fakeOrg('prod', () => new Promise((r) => (release = () => r(RAW))));
    const s = service([prod.client]);
    const req = { org: 'prod', view: 'compact' as const, filter: undefined, refresh: false };
    const all = Promise.all([
      s.check(req, 'U1', 'en'),
      s.check(req, 'U2', 'en'),
      s.check({ ...req, refresh: true }, 'U3', 'en'),
    ]);
    await new Promise((r) => setTimeout(r, 10));
    release();
    await all;
    expect(prod.calls()).toBe(1);
  });

  it('lets `refresh` bypass the cache, at most once a minute per person', async () => {
    const prod = fakeOrg('prod');
    const s = service([prod.client]);
    const req = { org: 'prod', view: 'compact' as const, filter: undefined, refresh: true };
    await s.check({ ...req, refresh: false }, 'U1', 'en');
    await s.check(req, 'U1', 'en');
    expect(prod.calls()).toBe(2); // the first fetch, then one refresh despite the cache
    const limited = await s.check(req, 'U1', 'en');
    expect(prod.calls()).toBe(2);
    expect(JSON.stringify(limited.blocks)).toContain('limited to once every 60 s per person');
    await s.check(req, 'U2', 'en');
    expect(prod.calls()).toBe(3);
  });

  it('names the configured orgs when asked for an unknown one', async () => {
    const s = service([fakeOrg('prod').client, fakeOrg('uat').client]);
    const m = await s.check({ org: 'qa', view: 'compact', filter: undefined, refresh: false }, 'U1', 'en');
    expect(m.text).toContain('No org named "qa"');
    expect(JSON.stringify(m.blocks)).toContain('prod, uat');
  });

  it.each([
    [new SalesforceError('api', 'x', { sfCode: 'INSUFFICIENT_ACCESS' }), 'View Setup and Configuration'],
    [new SalesforceError('api', 'x', { sfCode: 'REQUEST_LIMIT_EXCEEDED' }), 'API allocation'],
    [new SalesforceError('http', 'x', { status: 503 }), 'HTTP 503'],
    [new SalesforceError('timeout', 'Salesforce did not answer within 10 s', {}), 'did not answer in time'],
    [new SalesforceError('network', 'Could not reach acme.my.salesforce.com: ENOTFOUND', {}), 'SF_INSTANCE_URL'],
    [new SalesforceError('auth', 'Could not authenticate', { sfCode: 'invalid_grant' }), 'invalid_grant'],
    [new SalesforceError('api', 'x', { sfCode: 'INVALID_SESSION_ID' }), 'renew'],
    [new Error('boom at line 12 of foo.ts'), 'failed unexpectedly'],
  ])('answers %s with what happened and what to do, never a stack trace', async (err, expected) => {
    const failing = fakeOrg('prod', async () => {
      throw err;
    });
    const m = await service([failing.client]).check(
      { org: 'prod', view: 'compact', filter: undefined, refresh: false },
      'U1',
      'en',
    );
    const text = JSON.stringify(m);
    expect(text).toContain(expected);
    expect(text).not.toMatch(/\bat \w+ \(|foo\.ts|line 12/);
    expect(messageProblems(m)).toEqual([]);
  });

  it.each([
    [new SalesforceError('api', 'x', { sfCode: 'INSUFFICIENT_ACCESS' }), '設定・定義を参照する'],
    [new SalesforceError('api', 'x', { sfCode: 'REQUEST_LIMIT_EXCEEDED' }), 'REQUEST_LIMIT_EXCEEDED'],
    [new SalesforceError('timeout', 'Salesforce did not answer within 10 s', {}), '時間内に応答がありません'],
    [new SalesforceError('network', 'Could not reach acme.my.salesforce.com: ENOTFOUND', {}), 'SF_INSTANCE_URL'],
  ])('says what happened in Japanese for a Japanese reader (%s)', async (err, expected) => {
    const failing = fakeOrg('prod', async () => {
      throw err;
    });
    const m = await service([failing.client]).check(
      { org: 'prod', view: 'compact', filter: undefined, refresh: false },
      'U1',
      'ja',
    );
    const text = JSON.stringify(m);
    expect(text).toContain(expected);
    expect(text).toMatch(/[\u3040-\u30ff]/);
    expect(text).not.toMatch(/Salesforce refused|Could not|Try again/);
    expect(messageProblems(m)).toEqual([]);
  });

  it('renders the last snapshot for sharing without calling Salesforce', async () => {
    const prod = fakeOrg('prod');
    const s = service([prod.client]);
    expect(await s.renderLatest('prod', 'compact', undefined, 'en')).toBeUndefined();
    await s.check({ org: 'prod', view: 'compact', filter: undefined, refresh: false }, 'U1', 'en');
    const shared = await s.renderLatest('prod', 'filter', 'bulk', 'en');
    expect(prod.calls()).toBe(1);
    expect(JSON.stringify(shared?.blocks)).toContain('DailyBulkApiBatches');
    expect(JSON.stringify(shared?.blocks)).not.toContain('share_limits');
  });
});
