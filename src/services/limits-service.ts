import { randomUUID } from 'node:crypto';
import { buildLimitsMessage, buildLimitsProblem, type LimitsView } from '../blocks/limits';
import type { MessagePayload } from '../blocks/types';
import { type Lang, messages } from '../i18n';
import type { EngineHolder } from '../knowledge/engine-holder';
import type { KnowledgeEntry } from '../knowledge/types';
import type { AppLogger } from '../logger';
import type { LimitsResult, OrgClient } from '../salesforce/client';
import { SalesforceError } from '../salesforce/client';
import { compactView, filterLimits, parseLimits, sortByUsage, type Thresholds } from '../salesforce/limits';
import type { Store } from '../store';

export interface LimitsRequest {
  readonly org: string | undefined;
  readonly view: LimitsView;
  readonly filter: string | undefined;
  readonly refresh: boolean;
}

interface Snapshot {
  readonly result: LimitsResult;
  readonly takenAt: number;
}

export interface LimitsServiceDeps {
  readonly clients: ReadonlyMap<string, OrgClient>;
  readonly store: Store;
  readonly engines: EngineHolder;
  readonly logger: AppLogger;
  readonly clock: () => number;
  readonly cacheMs: number;
  readonly refreshCooldownMs: number;
  readonly thresholds: Thresholds;
}

/**
 * /sflimits behind the command: one cached snapshot per org, concurrent requests sharing one
 * call to Salesforce, every real call stored for history, and failures turned into a short
 * "what happened, what to do" answer.
 */
export class LimitsService {
  private readonly cache = new Map<string, Snapshot>();
  private readonly inFlight = new Map<string, Promise<Snapshot>>();
  private readonly lastRefresh = new Map<string, number>();

  constructor(private readonly deps: LimitsServiceDeps) {
    if (deps.clients.size === 0) throw new Error('LimitsService needs at least one org');
  }

  get orgNames(): string[] {
    return [...this.deps.clients.keys()];
  }

  /** The channel's own default org if set and still configured, else the first configured org. */
  async defaultOrgFor(channelId: string | undefined): Promise<string> {
    if (channelId === undefined) return this.defaultOrg;
    const settings = await this.deps.store.getChannelSettings(channelId).catch(() => undefined);
    return settings?.defaultOrg !== undefined && this.orgNames.includes(settings.defaultOrg)
      ? settings.defaultOrg
      : this.defaultOrg;
  }

  get defaultOrg(): string {
    return this.orgNames[0] as string;
  }

  /** `[org] [filter…|all] [refresh]`, in any order; an unknown first word is part of the filter. */
  parse(text: string): LimitsRequest {
    const words = text
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    let org: string | undefined;
    const first = words[0]?.toLowerCase();
    const match = this.orgNames.find((n) => n.toLowerCase() === first);
    if (match !== undefined) {
      org = match;
      words.shift();
    }
    const refresh = words.some((w) => w.toLowerCase() === 'refresh');
    const rest = words.filter((w) => w.toLowerCase() !== 'refresh');
    if (rest.length === 1 && rest[0]?.toLowerCase() === 'all') return { org, view: 'all', filter: undefined, refresh };
    if (rest.length === 0) return { org, view: 'compact', filter: undefined, refresh };
    return { org, view: 'filter', filter: rest.join(' '), refresh };
  }

  /** Fetches (or reuses) the snapshot and renders the answer; never throws. */
  async check(req: LimitsRequest, userId: string, lang: Lang, shareable = true): Promise<MessagePayload> {
    const t = messages(lang);
    const org = req.org ?? this.defaultOrg;
    const client = this.deps.clients.get(org);
    if (client === undefined) {
      return buildLimitsProblem(
        undefined,
        t.limitsProblem.unknownOrg(org),
        t.limitsProblem.unknownOrgFix(this.orgNames.join(', ')),
      );
    }
    const now = this.deps.clock();
    let note: string | undefined;
    let refresh = req.refresh;
    if (refresh) {
      const last = this.lastRefresh.get(userId);
      if (last !== undefined && now - last < this.deps.refreshCooldownMs) {
        refresh = false;
        note = t.limitsProblem.refreshLimited(Math.round(this.deps.refreshCooldownMs / 1000));
      } else {
        this.lastRefresh.set(userId, now);
      }
    }
    try {
      const { snapshot, cached } = await this.snapshot(org, client, refresh);
      return this.render(
        org,
        req,
        snapshot,
        cached ? Math.round((now - snapshot.takenAt) / 1000) : undefined,
        note,
        shareable,
        lang,
      );
    } catch (err) {
      return this.problem(org, err, lang);
    }
  }

  /**
   * The raw snapshot for an answer about a limit error: the cached one while it is fresh,
   * otherwise one call shared by everyone asking at the same time. Throws SalesforceError.
   */
  async usage(org: string): Promise<LimitsResult> {
    const client = this.deps.clients.get(org);
    if (client === undefined) throw new Error(`No org named "${org}" is configured`);
    return (await this.snapshot(org, client, false)).snapshot.result;
  }

  /** The cached snapshot while it is fresh, without calling Salesforce. */
  peek(org: string): LimitsResult | undefined {
    const cached = this.cache.get(org);
    return cached !== undefined && this.deps.clock() - cached.takenAt < this.deps.cacheMs ? cached.result : undefined;
  }

  get thresholds(): Thresholds {
    return this.deps.thresholds;
  }

  /** Renders from the last snapshot without calling Salesforce (the "Share in channel" button). */
  async renderLatest(
    org: string,
    view: LimitsView,
    filter: string | undefined,
    lang: Lang,
  ): Promise<MessagePayload | undefined> {
    let snapshot = this.cache.get(org);
    if (snapshot === undefined) {
      const stored = await this.deps.store.latestLimitsSnapshot(org).catch(() => undefined);
      if (stored === undefined) return undefined;
      snapshot = {
        takenAt: stored.takenAt,
        result: { raw: stored.raw as Record<string, unknown>, apiUsage: stored.apiUsage, instanceUrl: '' },
      };
    }
    return this.render(org, { org, view, filter, refresh: false }, snapshot, undefined, undefined, false, lang);
  }

  /**
   * The org's snapshot for the limits watch: the cached one when it is younger than `maxAgeMs`
   * (someone ran /sflimits a moment ago), else one new call shared with any request in flight.
   * Throws SalesforceError.
   */
  async current(org: string, maxAgeMs: number): Promise<{ raw: Record<string, unknown>; takenAt: number }> {
    const client = this.deps.clients.get(org);
    if (client === undefined) throw new Error(`no org named ${org}`);
    const cached = this.cache.get(org);
    const fresh = cached !== undefined && this.deps.clock() - cached.takenAt < Math.min(maxAgeMs, this.deps.cacheMs);
    const { snapshot } = await this.snapshot(org, client, !fresh);
    return { raw: snapshot.result.raw, takenAt: snapshot.takenAt };
  }

  private async snapshot(
    org: string,
    client: OrgClient,
    refresh: boolean,
  ): Promise<{ snapshot: Snapshot; cached: boolean }> {
    const cached = this.cache.get(org);
    if (!refresh && cached !== undefined && this.deps.clock() - cached.takenAt < this.deps.cacheMs)
      return { snapshot: cached, cached: true };
    // Everyone asking while a call is running waits for that same call.
    let pending = this.inFlight.get(org);
    if (pending === undefined) {
      pending = this.fetch(org, client).finally(() => this.inFlight.delete(org));
      this.inFlight.set(org, pending);
    }
    return { snapshot: await pending, cached: false };
  }

  private async fetch(org: string, client: OrgClient): Promise<Snapshot> {
    const result = await client.fetchLimits();
    const snapshot = { result, takenAt: this.deps.clock() };
    this.cache.set(org, snapshot);
    try {
      await this.deps.store.saveLimitsSnapshot({
        id: randomUUID(),
        org,
        takenAt: snapshot.takenAt,
        raw: result.raw,
        apiUsage: result.apiUsage,
      });
    } catch (err) {
      this.deps.logger.debug({ err, org }, 'storage trouble: limits snapshot not kept for history');
    }
    this.deps.logger.info({ org, keys: Object.keys(result.raw).length }, 'fetched org limits');
    return snapshot;
  }

  private render(
    org: string,
    req: LimitsRequest,
    snapshot: Snapshot,
    cachedFor: number | undefined,
    note: string | undefined,
    shareable: boolean,
    lang: Lang,
  ): MessagePayload {
    const all = parseLimits(snapshot.result.raw, this.deps.thresholds);
    const rows =
      req.view === 'compact'
        ? compactView(all)
        : req.view === 'all'
          ? sortByUsage(all)
          : filterLimits(all, req.filter ?? '');
    return buildLimitsMessage({
      org,
      view: req.view,
      filter: req.filter,
      rows,
      takenAt: snapshot.takenAt,
      apiUsage: snapshot.result.apiUsage,
      cachedForSeconds: cachedFor,
      note,
      shareable,
      lang,
    });
  }

  private problem(org: string, err: unknown, lang: Lang): MessagePayload {
    const P = messages(lang).limitsProblem;
    const e = err instanceof SalesforceError ? err : undefined;
    this.deps.logger.warn({ err, org }, 'limits check failed');
    if (e === undefined) return buildLimitsProblem(org, P.unexpected, P.unexpectedFix);
    const entry = textOf(
      e.details.sfCode === undefined ? undefined : this.deps.engines.current.index.byName.get(e.details.sfCode),
      lang,
    );
    const fix = entry?.fixes[0];
    switch (e.kind) {
      case 'timeout':
        return buildLimitsProblem(org, P.timeout, P.timeoutFix);
      case 'network':
        return buildLimitsProblem(org, P.network, P.networkFix);
      case 'http':
        return (e.details.status ?? 0) >= 500
          ? buildLimitsProblem(org, P.serverError(e.details.status ?? 0), P.serverErrorFix)
          : buildLimitsProblem(org, P.httpError(e.details.status ?? 0), P.httpErrorFix);
      case 'auth':
        return buildLimitsProblem(org, P.authFailed(e.details.sfCode, entry?.title), fix ?? P.authFix);
      case 'api': {
        const code = e.details.sfCode;
        const title = entry === undefined ? '' : `: ${entry.title}`;
        if (
          code === 'INSUFFICIENT_ACCESS' ||
          code === 'INSUFFICIENT_ACCESS_OR_READONLY' ||
          code === 'API_DISABLED_FOR_ORG' ||
          code === 'API_CURRENTLY_DISABLED' ||
          code === 'FUNCTIONALITY_NOT_ENABLED'
        ) {
          return buildLimitsProblem(org, P.noPermission(`${code}${title}`), P.noPermissionFix);
        }
        if (code === 'REQUEST_LIMIT_EXCEEDED') {
          return buildLimitsProblem(org, P.requestLimit(title), P.requestLimitFix);
        }
        if (code === 'INVALID_SESSION_ID') {
          return buildLimitsProblem(org, P.invalidSession, P.invalidSessionFix);
        }
        if (code === 'NOT_FOUND') {
          return buildLimitsProblem(org, P.notFound, P.notFoundFix);
        }
        return buildLimitsProblem(org, P.refused(code ? `${code}${title}` : undefined), fix ?? P.refusedFix);
      }
    }
  }
}

/** An entry's title and fixes in the reader's language. */
function textOf(
  entry: KnowledgeEntry | undefined,
  lang: Lang,
): { readonly title: string; readonly fixes: readonly string[] } | undefined {
  if (entry === undefined) return undefined;
  return lang === 'ja' && entry.ja !== undefined ? entry.ja : entry;
}
