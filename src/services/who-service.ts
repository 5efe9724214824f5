import { buildLimitsProblem } from '../blocks/limits';
import type { MessagePayload } from '../blocks/types';
import { buildWhoMessage } from '../blocks/who';
import { type Lang, messages } from '../i18n';
import type { AppLogger } from '../logger';
import { readApiUsage, type UsageReport } from '../salesforce/api-usage';
import { type OrgClient, OWN_CLIENT_NAME, SalesforceError } from '../salesforce/client';
import { utcDate } from '../watch/time';

export interface WhoServiceDeps {
  readonly clients: ReadonlyMap<string, OrgClient>;
  /** The linked integration user per org, so its calls are flagged as the bot's own. */
  readonly usernames: ReadonlyMap<string, string | undefined>;
  readonly logger: AppLogger;
  readonly clock: () => number;
}

interface Cached {
  readonly report: UsageReport;
  readonly fetchedAt: number;
  /** The UTC day the report was fetched on; a new day brings a new file. */
  readonly day: string;
}

/** While the newest file is older than yesterday (today's not built yet), look again after this long. */
const RECHECK_MS = 6 * 3_600_000;
const TOP = 10;

/**
 * `/sflimits who`: yesterday's top API consumers, cached per org for the UTC day, so it costs 2–3
 * calls a day per org (the object probe once a day, the file query, the download), concurrent
 * askers sharing one lookup.
 */
export class WhoService {
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<Cached>>();
  /** UTC day on which the ApiTotalUsageEventLog probe failed: not tried again that day. */
  private readonly noObjectOn = new Map<string, string>();
  /** Salesforce calls made, per org (reported in the logs and used by tests). */
  readonly calls = new Map<string, number>();

  constructor(private readonly deps: WhoServiceDeps) {}

  async answer(org: string, lang: Lang): Promise<MessagePayload> {
    const t = messages(lang);
    const client = this.deps.clients.get(org);
    if (client === undefined)
      return buildLimitsProblem(
        undefined,
        t.limitsProblem.unknownOrg(org),
        t.limitsProblem.unknownOrgFix([...this.deps.clients.keys()].join(', ')),
      );
    try {
      const cached = await this.report(org, client);
      return buildWhoMessage(org, cached.report, this.deps.clock(), lang);
    } catch (err) {
      this.deps.logger.warn({ err, org }, '/sflimits who failed');
      // Salesforce's own message (a code and its text) is shown as it came.
      const reason = err instanceof SalesforceError ? err.message : t.escalation.unknownError;
      return buildLimitsProblem(undefined, t.who.failed(org, reason), t.who.failedFix);
    }
  }

  private async report(org: string, client: OrgClient): Promise<Cached> {
    const now = this.deps.clock();
    const day = utcDate(now);
    const cached = this.cache.get(org);
    if (cached !== undefined && cached.day === day) {
      const yesterday = utcDate(now - 86_400_000);
      const current = cached.report.kind === 'report' && cached.report.date >= yesterday;
      if (current || now - cached.fetchedAt < RECHECK_MS) return cached;
    }
    let pending = this.inFlight.get(org);
    if (pending === undefined) {
      pending = this.fetch(org, client, day).finally(() => this.inFlight.delete(org));
      this.inFlight.set(org, pending);
    }
    return pending;
  }

  private async fetch(org: string, client: OrgClient, day: string): Promise<Cached> {
    const now = this.deps.clock();
    const { report, objectAvailable, calls } = await readApiUsage(
      client,
      { ownClient: OWN_CLIENT_NAME, ownUsername: this.deps.usernames.get(org), top: TOP, now },
      this.noObjectOn.get(org) === day,
    );
    if (!objectAvailable) this.noObjectOn.set(org, day);
    this.calls.set(org, (this.calls.get(org) ?? 0) + calls);
    this.deps.logger.info({ org, calls, kind: report.kind }, 'read the API usage log');
    const entry = { report, fetchedAt: now, day };
    this.cache.set(org, entry);
    return entry;
  }
}
