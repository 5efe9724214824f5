import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, readApiUsage, topConsumers } from '../../src/salesforce/api-usage';
import { type OrgClient, SalesforceError } from '../../src/salesforce/client';

const CSV = readFileSync(join(__dirname, '..', 'fixtures', 'salesforce', 'api-total-usage.csv'), 'utf8');
const OWN = { ownClient: 'sf-api-assistant', ownUsername: undefined, top: 10 };

describe('ApiTotalUsage CSV', () => {
  it('parses quoted fields: commas, doubled quotes, line breaks, CRLF', () => {
    const rows = parseCsv('a,"b, c","say ""hi""","two\nlines"\r\n1,,3,\r\n');
    expect(rows).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['1', '', '3', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('x,y')).toEqual([['x', 'y']]);
  });

  it('counts only rows that count against the limit, grouped by app and user, top first', () => {
    const { consumers, counted, rows } = topConsumers(CSV, OWN);
    expect(rows).toBe(9);
    expect(counted).toBe(6);
    expect(consumers).toEqual([
      { app: 'Nightly Sync, ERP', user: 'sync@acme.com', calls: 3, own: false },
      { app: 'Dataloader "Bulk"\n(v62)', user: 'marketing@acme.com', calls: 2, own: false },
      { app: 'sf-api-assistant', user: 'bot@acme.com', calls: 1, own: true },
    ]);
  });

  it("flags the linked integration user's calls as the bot's own", () => {
    const { consumers } = topConsumers(CSV, { ...OWN, ownUsername: 'SYNC@acme.com' });
    expect(consumers[0]).toMatchObject({ user: 'sync@acme.com', own: true });
  });

  it('reads the columns by name, whatever their order, and survives a file with no rows', () => {
    const swapped = 'COUNTS_AGAINST_API_LIMIT,USER_NAME,CLIENT_NAME\n1,a@x.com,Tool\n1,a@x.com,Tool\n0,b@x.com,Tool\n';
    expect(topConsumers(swapped, OWN).consumers).toEqual([{ app: 'Tool', user: 'a@x.com', calls: 2, own: false }]);
    expect(topConsumers('USER_ID,COUNTS_AGAINST_API_LIMIT\n', OWN)).toEqual({ consumers: [], counted: 0, rows: 0 });
    expect(topConsumers('not a csv at all', OWN).counted).toBe(0);
  });
});

describe('reading the usage log from an org', () => {
  const NOW = Date.UTC(2026, 11, 2, 9, 0);
  const org = (answer: (path: string) => unknown): OrgClient & { paths: string[] } => {
    const paths: string[] = [];
    return {
      name: 'prod',
      paths,
      fetchLimits: async () => {
        throw new Error('unused');
      },
      get: async (path: string) => {
        paths.push(path);
        const a = answer(path);
        if (a instanceof Error) throw a;
        return a;
      },
    };
  };
  const invalidType = new SalesforceError('api', "sObject type 'ApiTotalUsageEventLog' is not supported", {
    sfCode: 'INVALID_TYPE',
    status: 400,
  });

  it('probes the event log object, falls back to the daily file, in three calls', async () => {
    const client = org((path) => {
      if (path.includes('ApiTotalUsageEventLog')) return invalidType;
      if (path.startsWith('/query'))
        return { records: [{ Id: '0AT000000000001', LogDate: '2026-12-01T00:00:00.000+0000' }] };
      return CSV;
    });
    const { report, calls, objectAvailable } = await readApiUsage(client, { ...OWN, now: NOW }, false);
    expect(calls).toBe(3);
    expect(objectAvailable).toBe(false);
    expect(client.paths[2]).toBe('/sobjects/EventLogFile/0AT000000000001/LogFile');
    expect(decodeURIComponent(client.paths[1] ?? '')).toContain(
      "FROM EventLogFile WHERE EventType = 'ApiTotalUsage' AND Interval = 'Daily' ORDER BY LogDate DESC LIMIT 1",
    );
    expect(report).toMatchObject({ kind: 'report', source: 'ApiTotalUsage event log', date: '2026-12-01', counted: 6 });
  });

  it('uses the object when the org has Event Monitoring: one aggregate query', async () => {
    const client = org(() => ({
      records: [{ ConnectedAppIdentifier: 'Nightly Sync', ClientName: null, UserIdentifier: '005A', calls: 900 }],
    }));
    const { report, calls } = await readApiUsage(client, { ...OWN, now: NOW }, false);
    expect(calls).toBe(1);
    expect(decodeURIComponent(client.paths[0] ?? '')).toContain(
      'Timestamp >= 2026-12-01T00:00:00Z AND Timestamp < 2026-12-02T00:00:00Z',
    );
    expect(report).toMatchObject({ kind: 'report', source: 'ApiTotalUsageEventLog object', date: '2026-12-01' });
  });

  it('says what is missing when neither is readable, and when there is no file yet', async () => {
    const denied = org(() => new SalesforceError('api', 'no', { sfCode: 'INSUFFICIENT_ACCESS', status: 403 }));
    expect((await readApiUsage(denied, { ...OWN, now: NOW }, false)).report).toEqual({
      kind: 'no-access',
      code: 'INSUFFICIENT_ACCESS',
    });
    const empty = org((path) => (path.includes('ApiTotalUsageEventLog') ? invalidType : { records: [] }));
    expect((await readApiUsage(empty, { ...OWN, now: NOW }, false)).report).toEqual({ kind: 'no-file' });
  });

  it('passes network failures on instead of calling them a permission problem', async () => {
    const down = org(() => new SalesforceError('network', 'ECONNRESET', {}));
    await expect(readApiUsage(down, { ...OWN, now: NOW }, true)).rejects.toThrow('ECONNRESET');
  });
});
