import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHome } from '../../src/blocks/home';
import { buildLimitsMessage, rowText } from '../../src/blocks/limits';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { compactView, filterLimits, keyWords, parseLimits, sortByUsage, toRow } from '../../src/salesforce/limits';
import { messageProblems, viewProblems } from '../helpers/block-kit';

const RAW = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'salesforce', 'limits.json'), 'utf8'));
const T = { warnPercent: 70, criticalPercent: 90 };

describe('reading /limits', () => {
  const rows = parseLimits(RAW, T);
  const row = (key: string) => rows.find((r) => r.key === key);

  it('reads top-level limits and ignores per-app children', () => {
    expect(row('DailyApiRequests')).toMatchObject({ max: 15000, remaining: 1200, used: 13800, band: 'critical' });
    expect(row('Dataloader Bulk')).toBeUndefined();
    expect(row('CreateCustom')).toBeUndefined();
    expect(row('PermissionSets')?.used).toBe(1);
  });

  it('bands usage at 70% (warning) and 90% (critical)', () => {
    expect(row('DailyBulkApiBatches')?.band).toBe('warning'); // 73%
    expect(row('DataStorageMB')?.band).toBe('critical'); // 90.2%
    expect(row('FileStorageMB')?.band).toBe('ok');
    expect(toRow('X', 100, 30, { warnPercent: 50, criticalPercent: 60 }).band).toBe('critical');
  });

  it('shows Max 0 as not available, not 100% full, and the sentinel as unlimited', () => {
    expect(row('PrivateConnectOutboundCalloutHourlyLimitMB')).toMatchObject({
      band: 'not-available',
      percent: undefined,
    });
    expect(row('HourlyDashboardStatuses')).toMatchObject({ band: 'unlimited', percent: undefined });
    expect(rowText(row('PrivateConnectOutboundCalloutHourlyLimitMB') as never, en)).toContain('not available');
  });

  it('shows over-consumption (negative Remaining) clearly', () => {
    const over = row('MonthlyPlatformEventsUsageEntitlement');
    expect(over).toMatchObject({ band: 'over', used: 102500 });
    expect(rowText(over as never, en)).toContain('*over by 2,500*');
  });

  it('sorts by percent used, limits without a percentage last', () => {
    const sorted = sortByUsage(rows);
    expect(sorted[0]?.key).toBe('MonthlyPlatformEventsUsageEntitlement');
    expect(sorted.at(-1)?.percent).toBeUndefined();
  });

  it('keeps the compact view to the limits API integrations care about', () => {
    const keys = compactView(rows).map((r) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'DailyApiRequests',
        'DailyBulkApiBatches',
        'DailyBulkV2QueryJobs',
        'DailyAsyncApexExecutions',
        'DataStorageMB',
        'FileStorageMB',
        'DailyDurableStreamingApiEvents',
        'HourlyPublishedPlatformEvents',
      ]),
    );
    expect(keys).not.toContain('MassEmail');
    expect(keys).not.toContain('ActiveScratchOrgs');
  });

  it('filters key names fuzzily', () => {
    expect(
      filterLimits(rows, 'bulk')
        .map((r) => r.key)
        .sort(),
    ).toEqual(['DailyBulkApiBatches', 'DailyBulkV2QueryFileStorageMB', 'DailyBulkV2QueryJobs']);
    expect(filterLimits(rows, 'api req').map((r) => r.key)).toEqual(['DailyApiRequests']);
    expect(filterLimits(rows, 'storage').map((r) => r.key)).toEqual(
      expect.arrayContaining(['DataStorageMB', 'FileStorageMB']),
    );
    expect(filterLimits(rows, 'apirequets').map((r) => r.key)).toContain('DailyApiRequests'); // typo
    expect(filterLimits(rows, 'zzzz')).toEqual([]);
    expect(keyWords('DailyBulkV2QueryFileStorageMB')).toBe('daily bulk v2 query file storage mb');
  });

  it('tolerates junk: strings for numbers, missing fields, non-objects', () => {
    expect(
      parseLimits({ A: { Max: '10', Remaining: '4' }, B: { Max: 1 }, C: 5, D: null }, T).map((r) => r.key),
    ).toEqual(['A']);
    expect(parseLimits(null, T)).toEqual([]);
    expect(parseLimits([1, 2], T)).toEqual([]);
  });
});

describe('the /sflimits answer', () => {
  const rows = parseLimits(RAW, T);
  const base = {
    org: 'prod',
    filter: undefined,
    takenAt: Date.UTC(2026, 10, 25, 9, 0),
    apiUsage: { used: 13900, limit: 15000 },
    cachedForSeconds: undefined,
    note: undefined,
    shareable: true,
    lang: 'en' as const,
  };

  it('shows the snapshot time with the lag note, the header figure, and where else to look', () => {
    const m = buildLimitsMessage({ ...base, view: 'compact', rows: compactView(rows) });
    const text = JSON.stringify(m.blocks);
    expect(text).toContain('up to about 5 minutes behind');
    expect(text).toContain('Sforce-Limit-Info');
    expect(text).toContain('13,900 / 15,000');
    expect(text).toContain('Company Information');
    expect(text).toContain('System Overview');
    expect(text).toContain('share_limits');
    expect(m.text).toContain('prod');
    expect(messageProblems(m)).toEqual([]);
  });

  it('stays within Block Kit limits with every key of a large org', () => {
    const many = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [
        `SomeVeryLongLimitNameNumber${i}PerRolling24Hours`,
        { Max: 1000 + i, Remaining: i },
      ]),
    );
    const m = buildLimitsMessage({ ...base, view: 'all', rows: sortByUsage(parseLimits(many, T)) });
    expect(messageProblems(m)).toEqual([]);
  });

  it('says when a filter matches nothing, and leaves out the share button once shared', () => {
    const m = buildLimitsMessage({ ...base, view: 'filter', filter: 'zzz', rows: [], shareable: false });
    expect(JSON.stringify(m.blocks)).toContain('No limit name matches');
    expect(JSON.stringify(m.blocks)).not.toContain('share_limits');
  });
});

describe('/sflimits in Japanese', () => {
  it('translates the words around the limits and keeps Salesforce names, within Block Kit limits', () => {
    const m = buildLimitsMessage({
      org: 'prod',
      view: 'compact',
      filter: undefined,
      rows: compactView(parseLimits(RAW, T)),
      takenAt: Date.UTC(2026, 10, 25, 9, 0),
      apiUsage: { used: 13900, limit: 15000 },
      cachedForSeconds: 12,
      note: undefined,
      shareable: true,
      lang: 'ja',
    });
    const text = JSON.stringify(m);
    expect(text).toContain('DailyApiRequests');
    expect(text).toContain('13,900 / 15,000');
    expect(text).toContain('システムの概要');
    expect(text).toContain('チャンネルで共有');
    expect(text).not.toMatch(/ used \(|Share in channel|Snapshot /);
    const over = parseLimits(RAW, T).find((r) => r.key === 'MonthlyPlatformEventsUsageEntitlement');
    expect(rowText(over as never, ja)).toContain('*2,500 超過*');
    expect(messageProblems(m)).toEqual([]);
  });
});

describe('App Home', () => {
  const rows = sortByUsage(parseLimits(RAW, T));
  const home = (org: Parameters<typeof buildHome>[0]['org']) =>
    buildHome({
      families: [{ family: 'status-codes', title: 'StatusCode', file: 'status-codes.yml', size: 612 }],
      entries: 612,
      org,
      escalations: [],
      storageTrouble: false,
      lang: 'en',
      languageSetting: 'auto',
    });

  it('shows the last snapshot with the same rows as /sflimits, within Block Kit limits', () => {
    const headline = rows.filter((r) =>
      ['DailyApiRequests', 'PrivateConnectOutboundCalloutHourlyLimitMB'].includes(r.key),
    );
    const view = home({ name: 'prod', takenAt: 1_764_000_000_000, headline });
    expect(viewProblems(view as never, 'home')).toEqual([]);
    const text = JSON.stringify(view);
    for (const r of headline) expect(text).toContain(JSON.stringify(rowText(r, en)).slice(1, -1));
    expect(text).toContain('not available in this org');
  });

  it('says how to link an org, or to run /sflimits, when there is nothing to show', () => {
    expect(JSON.stringify(home(undefined))).toContain('none configured');
    expect(JSON.stringify(home({ name: 'prod', takenAt: undefined, headline: [] }))).toContain(
      'No limits snapshot yet',
    );
  });
});
