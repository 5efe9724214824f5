import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import { type AlertContext, buildWatchAlert, buildWatchWorse, isWatchDetail, type WatchDetail } from '../blocks/watch';
import type { Lang } from '../i18n';
import type { AppLogger } from '../logger';
import { type LimitRow, parseLimits, type Thresholds, toRow } from '../salesforce/limits';
import type { Store } from '../store';
import type { WatchEpisodeRecord, WatchLevel, WatchSilenceRecord } from '../store/types';
import { type Decision, decide, levelOf, rankOf, WATCH_LEVELS } from '../watch/decide';
import {
  type Projection,
  projectExhaustion,
  projectionRules,
  ROLLING_KEYS,
  type UsagePoint,
} from '../watch/projection';
import { tomorrowAt } from '../watch/time';
import type { LimitsService } from './limits-service';

export interface LimitsWatchDeps {
  readonly limits: LimitsService;
  readonly store: Store;
  readonly logger: AppLogger;
  readonly clock: () => number;
  /** Org → watch channel; orgs without one are not watched. */
  readonly channels: Readonly<Record<string, string>>;
  readonly intervalMs: number;
  readonly horizonMs: number;
  readonly thresholds: Thresholds;
  readonly timezone: string;
}

export type SnoozeChoice = '1h' | '4h' | 'tomorrow';

/** How long a replica may take to post an episode's first message before another may try. */
const POST_LEASE_MS = 60_000;

/**
 * The limits watch: each interval, per watched org, one snapshot through the shared cache, the
 * pure decisions of watch/decide.ts, and their effect in Slack: one message per episode, edited in
 * place, a thread reply when it gets worse. All state lives in the store, so a restart continues
 * an open episode and replicas sharing PostgreSQL post each alert once.
 */
export class LimitsWatch {
  private readonly lastEvaluated = new Map<string, number>();

  constructor(private readonly deps: LimitsWatchDeps) {}

  get orgs(): string[] {
    return Object.keys(this.deps.channels);
  }

  channelOf(org: string): string | undefined {
    return this.deps.channels[org];
  }

  get intervalMs(): number {
    return this.deps.intervalMs;
  }

  /**
   * One interval for one org. Only the replica that claims the interval reads /limits, so the org
   * costs at most one call per interval whatever the number of replicas.
   */
  async tick(org: string, client: webApi.WebClient): Promise<void> {
    const now = this.deps.clock();
    // Timers only ever fire late, but clocks of replicas differ a little: allow a small margin.
    const margin = Math.min(1_000, this.deps.intervalMs / 10);
    if (!(await this.deps.store.claimWatchTick(org, now, now + this.deps.intervalMs - margin))) return;
    let snapshot: { raw: Record<string, unknown>; takenAt: number };
    try {
      snapshot = await this.deps.limits.current(org, this.deps.intervalMs / 2);
    } catch (err) {
      this.deps.logger.warn({ err, org }, 'limits watch: could not read the org limits this interval');
      return;
    }
    await this.evaluate(org, snapshot.raw, snapshot.takenAt, client);
  }

  /** Decides and acts on one snapshot (a snapshot is evaluated once, even if the cache hands it out again). */
  async evaluate(org: string, raw: unknown, takenAt: number, client: webApi.WebClient): Promise<void> {
    const channelId = this.deps.channels[org];
    if (channelId === undefined) return;
    if ((this.lastEvaluated.get(org) ?? -1) >= takenAt) return;
    this.lastEvaluated.set(org, takenAt);
    const now = this.deps.clock();
    const rows = parseLimits(raw, this.deps.thresholds);
    const [episodes, silences, history] = await Promise.all([
      this.deps.store.openWatchEpisodes(org),
      this.deps.store.activeWatchSilences(now, org),
      this.deps.store.limitsSnapshotsSince(org, now - projectionRules(this.deps.intervalMs).windowMs),
    ]);
    const projections = projectAll(history, rows, now, this.deps.intervalMs, this.deps.thresholds);
    const rules = { ...this.deps.thresholds, horizonMs: this.deps.horizonMs };
    for (const row of rows) {
      const episode = episodes.find((e) => e.limitKey === row.key && e.channelId === channelId);
      const silence = silences.find((s) => s.limitKey === row.key && s.channelId === channelId);
      const projection = projections.get(row.key);
      const level = levelOf(row, projection, rules);
      const decision = decide({ level, episode, silence, now });
      if (decision.kind === 'none') continue;
      try {
        await this.apply(decision, { org, channelId, row, projection, takenAt, episode, silence, now }, client);
      } catch (err) {
        this.deps.logger.error({ err, org, limit: row.key }, 'limits watch: could not update the alert');
      }
    }
  }

  private async apply(
    decision: Exclude<Decision, { kind: 'none' }>,
    s: {
      org: string;
      channelId: string;
      row: LimitRow;
      projection: Projection | undefined;
      takenAt: number;
      episode: WatchEpisodeRecord | undefined;
      silence: WatchSilenceRecord | undefined;
      now: number;
    },
    client: webApi.WebClient,
  ): Promise<void> {
    const previous = isWatchDetail(s.episode?.detail) ? s.episode.detail : undefined;
    const level: WatchLevel | undefined =
      decision.kind === 'open' ? decision.level : decision.kind === 'update' ? decision.level : undefined;
    const peak = worst(previous?.peak, level);
    const detail: WatchDetail = {
      percent: s.row.percent ?? 0,
      used: s.row.used,
      max: s.row.max,
      remaining: s.row.remaining,
      takenAt: s.takenAt,
      peak,
      projection:
        s.projection?.kind === 'projection'
          ? {
              exhaustAt: s.projection.exhaustAt,
              msLeft: s.projection.msLeft,
              confidence: s.projection.confidence,
              samples: s.projection.samples,
              spanMs: s.projection.spanMs,
            }
          : undefined,
    };
    if (decision.kind === 'open') {
      const { record, created } = await this.deps.store.openWatchEpisode({
        id: randomUUID(),
        org: s.org,
        limitKey: s.row.key,
        channelId: s.channelId,
        status: 'open',
        level: decision.level,
        notifiedRank: rankOf(decision.level),
        openedAt: s.now,
        updatedAt: s.now,
        resolvedAt: undefined,
        messageTs: undefined,
        belowCount: 0,
        ackedBy: undefined,
        ackedAt: undefined,
        detail,
      });
      // Another replica opened it first: it posts, this one does nothing this interval.
      if (!created) return;
      await this.postFirst(record, detail, s.silence, client);
      return;
    }
    const episode = s.episode as WatchEpisodeRecord;
    if (decision.kind === 'resolve') {
      if (!(await this.deps.store.resolveWatchEpisode(episode.id, s.now))) return;
      const resolved: WatchEpisodeRecord = { ...episode, status: 'resolved', resolvedAt: s.now, detail };
      await this.deps.store.updateWatchEpisode(episode.id, {
        level: episode.level,
        belowCount: episode.belowCount + 1,
        detail,
        at: s.now,
      });
      await this.redraw(resolved, detail, s.silence, client);
      return;
    }
    const updated: WatchEpisodeRecord = {
      ...episode,
      level: decision.level ?? episode.level,
      belowCount: decision.belowCount,
      detail,
    };
    await this.deps.store.updateWatchEpisode(episode.id, {
      level: updated.level,
      belowCount: updated.belowCount,
      detail,
      at: s.now,
    });
    if (updated.messageTs === undefined) {
      // The first post failed (or its replica died): post it now, once.
      await this.postFirst(updated, detail, s.silence, client);
      return;
    }
    await this.redraw(updated, detail, s.silence, client);
    if (decision.notifyRank !== undefined && decision.level !== undefined) {
      if (await this.deps.store.raiseWatchEpisodeNotified(episode.id, decision.notifyRank)) {
        await client.chat.postMessage({
          channel: episode.channelId,
          thread_ts: updated.messageTs,
          ...buildWatchWorse(episode.limitKey, decision.level, detail, await this.channelLang(episode.channelId)),
        });
      }
    }
  }

  private async postFirst(
    episode: WatchEpisodeRecord,
    detail: WatchDetail,
    silence: WatchSilenceRecord | undefined,
    client: webApi.WebClient,
  ): Promise<void> {
    const now = this.deps.clock();
    if (!(await this.deps.store.claimWatchEpisodePost(episode.id, now, now + POST_LEASE_MS))) return;
    const res = await client.chat.postMessage({
      channel: episode.channelId,
      ...buildWatchAlert(episode, detail, await this.context(episode.channelId, silence)),
    });
    if (typeof res.ts === 'string') await this.deps.store.setWatchEpisodeMessage(episode.id, res.ts);
    this.deps.logger.info(
      { org: episode.org, limit: episode.limitKey, level: episode.level, channel: episode.channelId },
      'limits watch: alert posted',
    );
  }

  private async redraw(
    episode: WatchEpisodeRecord,
    detail: WatchDetail,
    silence: WatchSilenceRecord | undefined,
    client: webApi.WebClient,
  ): Promise<void> {
    if (episode.messageTs === undefined) return;
    await client.chat.update({
      channel: episode.channelId,
      ts: episode.messageTs,
      ...buildWatchAlert(episode, detail, await this.context(episode.channelId, silence)),
    });
  }

  private async context(channelId: string, silence: WatchSilenceRecord | undefined): Promise<AlertContext> {
    return {
      lang: await this.channelLang(channelId),
      timezone: this.deps.timezone,
      now: this.deps.clock(),
      intervalSeconds: Math.round(this.deps.intervalMs / 1000),
      warnPercent: this.deps.thresholds.warnPercent,
      criticalPercent: this.deps.thresholds.criticalPercent,
      silence,
    };
  }

  /**
   * The watch channel has no single reader, so alerts follow its language setting
   * (`/sfassist language ja`); English when it has none or the store cannot say.
   */
  private async channelLang(channelId: string): Promise<Lang> {
    const setting = await this.deps.store
      .getChannelSettings(channelId)
      .then((s) => s.language)
      .catch(() => 'auto' as const);
    return setting === 'auto' ? 'en' : setting;
  }

  /** Acknowledge: records who, and redraws the alert. Undefined when the episode is unknown. */
  async acknowledge(episodeId: string, userId: string, client: webApi.WebClient): Promise<boolean> {
    const episode = await this.deps.store.getWatchEpisode(episodeId);
    if (episode === undefined) return false;
    const now = this.deps.clock();
    await this.deps.store.acknowledgeWatchEpisode(episodeId, userId, now);
    await this.redrawStored({ ...episode, ackedBy: userId, ackedAt: now }, client);
    return true;
  }

  async snooze(episodeId: string, choice: SnoozeChoice, userId: string, client: webApi.WebClient): Promise<boolean> {
    const episode = await this.deps.store.getWatchEpisode(episodeId);
    if (episode === undefined) return false;
    const now = this.deps.clock();
    const until =
      choice === '1h'
        ? now + 3_600_000
        : choice === '4h'
          ? now + 4 * 3_600_000
          : tomorrowAt(now, this.deps.timezone, 8);
    await this.deps.store.setWatchSilence({
      channelId: episode.channelId,
      org: episode.org,
      limitKey: episode.limitKey,
      kind: 'snooze',
      until,
      byUser: userId,
      at: now,
    });
    await this.redrawStored(episode, client);
    return true;
  }

  async mute(episodeId: string, userId: string, client: webApi.WebClient): Promise<boolean> {
    const episode = await this.deps.store.getWatchEpisode(episodeId);
    if (episode === undefined) return false;
    await this.deps.store.setWatchSilence({
      channelId: episode.channelId,
      org: episode.org,
      limitKey: episode.limitKey,
      kind: 'mute',
      until: undefined,
      byUser: userId,
      at: this.deps.clock(),
    });
    await this.redrawStored(episode, client);
    return true;
  }

  async unmute(channelId: string, org: string, limitKey: string): Promise<void> {
    await this.deps.store.removeWatchSilence(channelId, org, limitKey);
  }

  getEpisode(id: string): Promise<WatchEpisodeRecord | undefined> {
    return this.deps.store.getWatchEpisode(id);
  }

  private async redrawStored(episode: WatchEpisodeRecord, client: webApi.WebClient): Promise<void> {
    if (!isWatchDetail(episode.detail)) return;
    const silences = await this.deps.store.activeWatchSilences(this.deps.clock(), episode.org);
    const silence = silences.find((s) => s.limitKey === episode.limitKey && s.channelId === episode.channelId);
    await this.redraw(episode, episode.detail, silence, client);
  }
}

function worst(a: WatchLevel | undefined, b: WatchLevel | undefined): WatchLevel {
  const rank = Math.max(a === undefined ? 0 : rankOf(a), b === undefined ? 0 : rankOf(b));
  return WATCH_LEVELS[rank] as WatchLevel;
}

/** Burn-rate projections of the rolling limits, from stored snapshots plus the current rows. */
export function projectAll(
  history: ReadonlyArray<{ readonly takenAt: number; readonly raw: unknown }>,
  current: readonly LimitRow[],
  now: number,
  intervalMs: number,
  thresholds: Thresholds,
): Map<string, Projection> {
  const rules = projectionRules(intervalMs);
  const out = new Map<string, Projection>();
  for (const key of ROLLING_KEYS) {
    if (!current.some((r) => r.key === key)) continue;
    out.set(key, projectExhaustion(usagePoints(history, key, thresholds), now, rules));
  }
  return out;
}

/** One limit's used and max over time, from stored snapshots. */
export function usagePoints(
  history: ReadonlyArray<{ readonly takenAt: number; readonly raw: unknown }>,
  key: string,
  thresholds: Thresholds,
): UsagePoint[] {
  const points: UsagePoint[] = [];
  for (const snapshot of history) {
    const entry = (snapshot.raw as Record<string, { Max?: unknown; Remaining?: unknown }> | null)?.[key];
    const max = Number(entry?.Max);
    const remaining = Number(entry?.Remaining);
    if (!Number.isFinite(max) || !Number.isFinite(remaining) || max <= 0) continue;
    const row = toRow(key, max, remaining, thresholds);
    points.push({ at: snapshot.takenAt, used: row.used, max: row.max });
  }
  return points;
}
