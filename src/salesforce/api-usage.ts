/**
 * Who used the org's API allocation: yesterday's `ApiTotalUsage` event log, read through the
 * linked org's client. Where the org has Event Monitoring, the `ApiTotalUsageEventLog` object
 * answers a top five in one aggregate query; it is probed first and the daily log file is the
 * fallback (free in Enterprise, Unlimited and Performance editions, one day of retention).
 * See ../shared/reference/limits-watch.md §1.
 */
import { type OrgClient, SalesforceError } from './client';

export interface Consumer {
  /** Connected app name, else client name, else connected app ID. */
  readonly app: string;
  /** Username, else user ID. */
  readonly user: string;
  readonly calls: number;
  /** Calls made by this bot (its client name, or the linked integration user). */
  readonly own: boolean;
}

export type UsageReport =
  | {
      readonly kind: 'report';
      readonly source: 'ApiTotalUsage event log' | 'ApiTotalUsageEventLog object';
      /** The UTC day the figures cover, YYYY-MM-DD. */
      readonly date: string;
      readonly consumers: readonly Consumer[];
      /** Calls counted against the limit, all consumers (the object's top five: only theirs). */
      readonly counted: number;
      readonly rows: number;
    }
  | { readonly kind: 'no-access'; readonly code: string | undefined }
  | { readonly kind: 'no-file' };

export interface UsageOptions {
  /** The client name the bot sends in Sforce-Call-Options. */
  readonly ownClient: string;
  readonly ownUsername: string | undefined;
  readonly top: number;
  readonly now: number;
}

const DAY_MS = 86_400_000;

/**
 * The report, spending at most three calls: the object probe, the file query, the download.
 * `skipObject` skips the probe (it failed earlier today). Throws SalesforceError for failures that
 * are not about access (network, timeout, 5xx).
 */
export async function readApiUsage(
  client: OrgClient,
  options: UsageOptions,
  skipObject: boolean,
): Promise<{ report: UsageReport; objectAvailable: boolean; calls: number }> {
  let calls = 0;
  let objectAvailable = false;
  if (!skipObject) {
    calls++;
    try {
      const report = await fromEventLogObject(client, options);
      return { report, objectAvailable: true, calls };
    } catch (err) {
      if (!isAccessProblem(err)) throw err;
      objectAvailable = false;
    }
  }
  calls++;
  let file: { Id: string; LogDate: string } | undefined;
  try {
    const soql =
      "SELECT Id, LogDate, Interval, Sequence, LogFileLength FROM EventLogFile WHERE EventType = 'ApiTotalUsage' AND Interval = 'Daily' ORDER BY LogDate DESC LIMIT 1";
    const res = (await client.get(`/query?q=${encodeURIComponent(soql)}`)) as { records?: unknown };
    const records = Array.isArray(res?.records) ? (res.records as Array<{ Id?: unknown; LogDate?: unknown }>) : [];
    const first = records[0];
    if (first !== undefined && typeof first.Id === 'string' && typeof first.LogDate === 'string')
      file = { Id: first.Id, LogDate: first.LogDate };
  } catch (err) {
    if (isAccessProblem(err))
      return { report: { kind: 'no-access', code: (err as SalesforceError).details.sfCode }, objectAvailable, calls };
    throw err;
  }
  if (file === undefined) return { report: { kind: 'no-file' }, objectAvailable, calls };
  calls++;
  const csv = await client.get(`/sobjects/EventLogFile/${encodeURIComponent(file.Id)}/LogFile`, { text: true });
  const { consumers, counted, rows } = topConsumers(typeof csv === 'string' ? csv : '', options);
  return {
    report: {
      kind: 'report',
      source: 'ApiTotalUsage event log',
      date: file.LogDate.slice(0, 10),
      consumers,
      counted,
      rows,
    },
    objectAvailable,
    calls,
  };
}

async function fromEventLogObject(client: OrgClient, options: UsageOptions): Promise<UsageReport> {
  const today = new Date(options.now).toISOString().slice(0, 10);
  const yesterday = new Date(options.now - DAY_MS).toISOString().slice(0, 10);
  const soql =
    'SELECT ConnectedAppIdentifier, ClientName, UserIdentifier, COUNT(Id) calls FROM ApiTotalUsageEventLog ' +
    `WHERE IsApiLimitCounted = true AND Timestamp >= ${yesterday}T00:00:00Z AND Timestamp < ${today}T00:00:00Z ` +
    `GROUP BY ConnectedAppIdentifier, ClientName, UserIdentifier ORDER BY COUNT(Id) DESC LIMIT ${options.top}`;
  const res = (await client.get(`/query?q=${encodeURIComponent(soql)}`)) as { records?: unknown };
  const records = Array.isArray(res?.records) ? (res.records as Array<Record<string, unknown>>) : [];
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const consumers = records.map((r) => {
    const client = str(r.ClientName);
    const user = str(r.UserIdentifier) ?? 'unknown user';
    return {
      app: str(r.ConnectedAppIdentifier) ?? client ?? 'unknown client',
      user,
      calls: Number(r.calls ?? r.expr0 ?? 0),
      own: isOwn(client, user, options),
    };
  });
  return {
    kind: 'report',
    source: 'ApiTotalUsageEventLog object',
    date: yesterday,
    consumers,
    counted: consumers.reduce((s, c) => s + c.calls, 0),
    rows: consumers.length,
  };
}

/** Missing object, missing permission or feature: the caller falls back or explains what is missing. */
function isAccessProblem(err: unknown): boolean {
  if (!(err instanceof SalesforceError)) return false;
  if (err.kind === 'api') return true;
  return (
    err.kind === 'http' && (err.details.status === 400 || err.details.status === 403 || err.details.status === 404)
  );
}

function isOwn(client: string | undefined, user: string, options: UsageOptions): boolean {
  return (
    client?.toLowerCase().includes(options.ownClient.toLowerCase()) === true ||
    (options.ownUsername !== undefined && user.toLowerCase() === options.ownUsername.toLowerCase())
  );
}

/**
 * Counts the rows of an ApiTotalUsage CSV that count against the limit, grouped by app and user,
 * most calls first. Column positions come from the header row (old orgs hold old-schema files).
 */
export function topConsumers(
  csv: string,
  options: Pick<UsageOptions, 'ownClient' | 'ownUsername' | 'top'>,
): { consumers: Consumer[]; counted: number; rows: number } {
  const table = parseCsv(csv);
  const header = (table[0] ?? []).map((h) => h.trim().toUpperCase());
  const col = (name: string) => header.indexOf(name);
  const c = {
    counts: col('COUNTS_AGAINST_API_LIMIT'),
    appName: col('CONNECTED_APP_NAME'),
    appId: col('CONNECTED_APP_ID'),
    client: col('CLIENT_NAME'),
    userName: col('USER_NAME'),
    userId: col('USER_ID'),
  };
  const groups = new Map<string, { app: string; user: string; calls: number; own: boolean }>();
  let counted = 0;
  const body = table.slice(1).filter((r) => r.some((v) => v !== ''));
  for (const row of body) {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    // Without the column (an old-schema file), every row is taken to count.
    if (c.counts >= 0 && !/^(1|true)$/i.test(cell(c.counts))) continue;
    counted++;
    const client = cell(c.client) || undefined;
    const app = cell(c.appName) || client || cell(c.appId) || 'unknown client';
    const user = cell(c.userName) || cell(c.userId) || 'unknown user';
    const key = `${app}\u0000${user}`;
    const group = groups.get(key) ?? { app, user, calls: 0, own: false };
    group.calls++;
    group.own ||= isOwn(client, user, {
      ownClient: options.ownClient,
      ownUsername: options.ownUsername,
      top: 0,
      now: 0,
    });
    groups.set(key, group);
  }
  const consumers = [...groups.values()]
    .sort((a, b) => b.calls - a.calls || a.app.localeCompare(b.app) || a.user.localeCompare(b.user))
    .slice(0, options.top);
  return { consumers, counted, rows: body.length };
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
