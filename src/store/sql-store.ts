import { isLanguageSetting, type LanguageSetting } from '../i18n/lang';
import { MIGRATIONS } from './migrations';
import type { Row, SqlDriver, SqlValue } from './sql';
import {
  type ChannelMode,
  type ChannelSettings,
  type CooldownClaim,
  DEFAULT_CHANNEL_SETTINGS,
  type EscalationRecord,
  type EscalationStatus,
  type FeedbackRecord,
  type KnowledgeGapRecord,
  type KnowledgeGapSummary,
  type LimitsSnapshotRecord,
  type PasteRecord,
  type QueuedAnswer,
  type ReplyRecord,
  type Store,
  type WatchEpisodeRecord,
  type WatchLevel,
  type WatchSilenceRecord,
} from './types';

/** Arbitrary constant for pg_advisory_xact_lock: "sf-api-assistant migrations". */
const MIGRATION_LOCK = 7_314_159;

/** The Store over either SQL engine. Every statement is portable between SQLite and PostgreSQL. */
export class SqlStore implements Store {
  readonly engine: 'sqlite' | 'postgres';

  constructor(private readonly db: SqlDriver) {
    this.engine = db.engine;
  }

  async migrate(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
      );
      const applied = new Set((await tx.all('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
      const newest = Math.max(0, ...applied);
      const known = Math.max(0, ...MIGRATIONS.map((m) => m.version));
      if (newest > known) {
        throw new Error(
          `The database schema is at version ${newest}, newer than this release knows (${known}). Migrations only go forward: run a newer release.`,
        );
      }
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        for (const statement of migration.statements) await tx.run(statement);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.name,
          Date.now(),
        ]);
      }
    }, MIGRATION_LOCK);
  }

  async ping(): Promise<void> {
    await this.db.all('SELECT 1 AS ok');
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async claimEvent(eventId: string, now: number): Promise<boolean> {
    // The primary key makes this atomic across replicas: exactly one insert wins.
    const changes = await this.db.run(
      'INSERT INTO processed_events (event_id, claimed_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING',
      [eventId, now],
    );
    return changes === 1;
  }

  pruneEvents(olderThan: number): Promise<number> {
    return this.db.run('DELETE FROM processed_events WHERE claimed_at < ?', [olderThan]);
  }

  async getChannelSettings(channelId: string): Promise<ChannelSettings> {
    const row = await this.one('SELECT * FROM channel_settings WHERE channel_id = ?', [channelId]);
    if (row === undefined) return { channelId, ...DEFAULT_CHANNEL_SETTINGS };
    return {
      channelId,
      mode: String(row.mode) as ChannelMode,
      allowBots: Number(row.allow_bots) === 1,
      language: isLanguageSetting(row.language) ? row.language : 'auto',
      defaultOrg: optional(row.default_org),
      updatedBy: optional(row.updated_by),
      updatedAt: Number(row.updated_at),
    };
  }

  async setChannelSettings(s: ChannelSettings): Promise<void> {
    await this.db.run(
      `INSERT INTO channel_settings (channel_id, mode, allow_bots, language, default_org, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel_id) DO UPDATE SET mode = excluded.mode, allow_bots = excluded.allow_bots,
         language = excluded.language, default_org = excluded.default_org, updated_by = excluded.updated_by,
         updated_at = excluded.updated_at`,
      [s.channelId, s.mode, s.allowBots ? 1 : 0, s.language, s.defaultOrg ?? null, s.updatedBy ?? null, s.updatedAt],
    );
  }

  async getUserLanguage(userId: string): Promise<LanguageSetting> {
    const language = (await this.one('SELECT language FROM user_settings WHERE user_id = ?', [userId]))?.language;
    return isLanguageSetting(language) ? language : 'auto';
  }

  async setUserLanguage(userId: string, language: LanguageSetting, at: number): Promise<void> {
    await this.db.run(
      `INSERT INTO user_settings (user_id, language, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
      [userId, language, at],
    );
  }

  async saveReply(r: ReplyRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO replies (channel_id, message_ts, reply_ts, thread_ts, signature, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel_id, message_ts) DO UPDATE SET reply_ts = excluded.reply_ts, thread_ts = excluded.thread_ts,
         signature = excluded.signature, created_at = excluded.created_at`,
      [r.channelId, r.messageTs, r.replyTs, r.threadTs, r.signature, r.createdAt],
    );
  }

  async findReplyForMessage(channelId: string, messageTs: string): Promise<ReplyRecord | undefined> {
    const row = await this.one('SELECT * FROM replies WHERE channel_id = ? AND message_ts = ?', [channelId, messageTs]);
    return row === undefined ? undefined : toReply(row);
  }

  async findRecentReply(channelId: string, signature: string, since: number): Promise<ReplyRecord | undefined> {
    const row = await this.one(
      'SELECT * FROM replies WHERE channel_id = ? AND signature = ? AND created_at >= ? ORDER BY created_at DESC LIMIT 1',
      [channelId, signature, since],
    );
    return row === undefined ? undefined : toReply(row);
  }

  async savePaste(p: PasteRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO pastes (id, channel_id, message_ts, thread_ts, user_id, masked_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      [p.id, p.channelId ?? null, p.messageTs ?? null, p.threadTs ?? null, p.userId ?? null, p.maskedText, p.createdAt],
    );
  }

  async getPaste(id: string): Promise<PasteRecord | undefined> {
    const row = await this.one('SELECT * FROM pastes WHERE id = ?', [id]);
    return row === undefined ? undefined : toPaste(row);
  }

  prunePastes(olderThan: number): Promise<number> {
    return this.db.run('DELETE FROM pastes WHERE created_at < ?', [olderThan]);
  }

  async recordKnowledgeGap(g: KnowledgeGapRecord): Promise<void> {
    await this.db.run(
      'INSERT INTO knowledge_gaps (id, code, family, channel_id, excerpt, seen_at) VALUES (?, ?, ?, ?, ?, ?)',
      [g.id, g.code, g.family, g.channelId, g.excerpt, g.seenAt],
    );
  }

  async knowledgeGaps(since: number, limit: number): Promise<KnowledgeGapSummary[]> {
    const rows = await this.db.all(
      `SELECT code, family, COUNT(*) AS n, MAX(seen_at) AS last_seen FROM knowledge_gaps WHERE seen_at >= ?
       GROUP BY code, family ORDER BY COUNT(*) DESC, MAX(seen_at) DESC LIMIT ?`,
      [since, limit],
    );
    const out: KnowledgeGapSummary[] = [];
    for (const r of rows) {
      // The latest excerpt of each: one small query per listed code (at most `limit`).
      const latest = await this.one(
        'SELECT excerpt FROM knowledge_gaps WHERE code = ? AND seen_at >= ? ORDER BY seen_at DESC LIMIT 1',
        [String(r.code), since],
      );
      out.push({
        code: String(r.code),
        family: String(r.family),
        count: Number(r.n),
        lastSeen: Number(r.last_seen),
        excerpt: String(latest?.excerpt ?? ''),
      });
    }
    return out;
  }

  pruneKnowledgeGaps(olderThan: number): Promise<number> {
    return this.db.run('DELETE FROM knowledge_gaps WHERE seen_at < ?', [olderThan]);
  }

  async findPasteForMessage(channelId: string, messageTs: string): Promise<PasteRecord | undefined> {
    const row = await this.one(
      'SELECT * FROM pastes WHERE channel_id = ? AND message_ts = ? ORDER BY created_at DESC LIMIT 1',
      [channelId, messageTs],
    );
    return row === undefined ? undefined : toPaste(row);
  }

  async recordFeedback(f: FeedbackRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO feedback (code, user_id, channel_id, message_ts, vote, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (code, user_id, channel_id, message_ts) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`,
      [f.code, f.userId, f.channelId, f.messageTs, f.vote, f.createdAt],
    );
  }

  async feedbackTotals(code: string): Promise<{ up: number; down: number }> {
    const rows = await this.db.all('SELECT vote, COUNT(*) AS n FROM feedback WHERE code = ? GROUP BY vote', [code]);
    const count = (vote: string) => Number(rows.find((r) => r.vote === vote)?.n ?? 0);
    return { up: count('up'), down: count('down') };
  }

  async saveLimitsSnapshot(s: LimitsSnapshotRecord): Promise<void> {
    await this.db.run(
      'INSERT INTO limits_snapshots (id, org, taken_at, raw, api_used, api_limit) VALUES (?, ?, ?, ?, ?, ?)',
      [s.id, s.org, s.takenAt, JSON.stringify(s.raw), s.apiUsage?.used ?? null, s.apiUsage?.limit ?? null],
    );
  }

  async latestLimitsSnapshot(org: string): Promise<LimitsSnapshotRecord | undefined> {
    const row = await this.one('SELECT * FROM limits_snapshots WHERE org = ? ORDER BY taken_at DESC LIMIT 1', [org]);
    if (row === undefined) return undefined;
    return {
      id: String(row.id),
      org,
      takenAt: Number(row.taken_at),
      raw: JSON.parse(String(row.raw)),
      apiUsage:
        row.api_used === null || row.api_used === undefined
          ? undefined
          : { used: Number(row.api_used), limit: Number(row.api_limit) },
    };
  }

  async countLimitsSnapshots(org: string): Promise<number> {
    const row = await this.one('SELECT COUNT(*) AS n FROM limits_snapshots WHERE org = ?', [org]);
    return Number(row?.n ?? 0);
  }

  async limitsSnapshotsSince(org: string, since: number): Promise<LimitsSnapshotRecord[]> {
    const rows = await this.db.all('SELECT * FROM limits_snapshots WHERE org = ? AND taken_at >= ? ORDER BY taken_at', [
      org,
      since,
    ]);
    return rows.map((row) => toSnapshot(org, row));
  }

  async claimWatchTick(org: string, now: number, nextDueAt: number): Promise<boolean> {
    await this.db.run('INSERT INTO watch_ticks (org, due_at) VALUES (?, 0) ON CONFLICT (org) DO NOTHING', [org]);
    // A conditional update is atomic on both engines: one replica moves due_at, the others see 0 rows.
    const changes = await this.db.run('UPDATE watch_ticks SET due_at = ? WHERE org = ? AND due_at <= ?', [
      nextDueAt,
      org,
      now,
    ]);
    return changes === 1;
  }

  async openWatchEpisode(e: WatchEpisodeRecord): Promise<{ record: WatchEpisodeRecord; created: boolean }> {
    // The partial unique index (one open episode per org, limit and channel) decides between replicas.
    const changes = await this.db.run(
      `INSERT INTO watch_episodes (id, org, limit_key, channel_id, status, level, notified_rank, opened_at, updated_at,
         resolved_at, message_ts, post_lease_until, below_count, acked_by, acked_at, detail)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, NULL, NULL, 0, ?, NULL, NULL, ?) ON CONFLICT DO NOTHING`,
      [
        e.id,
        e.org,
        e.limitKey,
        e.channelId,
        e.level,
        e.notifiedRank,
        e.openedAt,
        e.updatedAt,
        e.belowCount,
        JSON.stringify(e.detail ?? null),
      ],
    );
    const row = await this.one(
      "SELECT * FROM watch_episodes WHERE org = ? AND limit_key = ? AND channel_id = ? AND status = 'open'",
      [e.org, e.limitKey, e.channelId],
    );
    if (row === undefined) throw new Error('watch episode vanished right after insert');
    return { record: toEpisode(row), created: changes === 1 };
  }

  async getWatchEpisode(id: string): Promise<WatchEpisodeRecord | undefined> {
    const row = await this.one('SELECT * FROM watch_episodes WHERE id = ?', [id]);
    return row === undefined ? undefined : toEpisode(row);
  }

  async openWatchEpisodes(org?: string): Promise<WatchEpisodeRecord[]> {
    const rows =
      org === undefined
        ? await this.db.all("SELECT * FROM watch_episodes WHERE status = 'open' ORDER BY opened_at")
        : await this.db.all("SELECT * FROM watch_episodes WHERE status = 'open' AND org = ? ORDER BY opened_at", [org]);
    return rows.map(toEpisode);
  }

  async claimWatchEpisodePost(id: string, now: number, leaseUntil: number): Promise<boolean> {
    const changes = await this.db.run(
      'UPDATE watch_episodes SET post_lease_until = ? WHERE id = ? AND message_ts IS NULL AND post_lease_until <= ?',
      [leaseUntil, id, now],
    );
    return changes === 1;
  }

  async setWatchEpisodeMessage(id: string, messageTs: string): Promise<void> {
    await this.db.run('UPDATE watch_episodes SET message_ts = ? WHERE id = ?', [messageTs, id]);
  }

  async updateWatchEpisode(
    id: string,
    patch: { readonly level: WatchLevel; readonly belowCount: number; readonly detail: unknown; readonly at: number },
  ): Promise<void> {
    await this.db.run('UPDATE watch_episodes SET level = ?, below_count = ?, detail = ?, updated_at = ? WHERE id = ?', [
      patch.level,
      patch.belowCount,
      JSON.stringify(patch.detail ?? null),
      patch.at,
      id,
    ]);
  }

  async raiseWatchEpisodeNotified(id: string, rank: number): Promise<boolean> {
    const changes = await this.db.run(
      "UPDATE watch_episodes SET notified_rank = ? WHERE id = ? AND notified_rank < ? AND status = 'open'",
      [rank, id, rank],
    );
    return changes === 1;
  }

  async resolveWatchEpisode(id: string, at: number): Promise<boolean> {
    const changes = await this.db.run(
      "UPDATE watch_episodes SET status = 'resolved', resolved_at = ?, updated_at = ? WHERE id = ? AND status = 'open'",
      [at, at, id],
    );
    return changes === 1;
  }

  async acknowledgeWatchEpisode(id: string, userId: string, at: number): Promise<void> {
    await this.db.run('UPDATE watch_episodes SET acked_by = ?, acked_at = ? WHERE id = ?', [userId, at, id]);
  }

  async setWatchSilence(w: WatchSilenceRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO watch_silences (channel_id, org, limit_key, kind, until_at, by_user, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (channel_id, org, limit_key) DO UPDATE SET kind = excluded.kind, until_at = excluded.until_at,
         by_user = excluded.by_user, created_at = excluded.created_at`,
      [w.channelId, w.org, w.limitKey, w.kind, w.until ?? null, w.byUser, w.at],
    );
  }

  async removeWatchSilence(channelId: string, org: string, limitKey: string): Promise<void> {
    await this.db.run('DELETE FROM watch_silences WHERE channel_id = ? AND org = ? AND limit_key = ?', [
      channelId,
      org,
      limitKey,
    ]);
  }

  async activeWatchSilences(now: number, org?: string): Promise<WatchSilenceRecord[]> {
    const active = "(kind = 'mute' OR until_at > ?)";
    const rows =
      org === undefined
        ? await this.db.all(`SELECT * FROM watch_silences WHERE ${active} ORDER BY created_at`, [now])
        : await this.db.all(`SELECT * FROM watch_silences WHERE ${active} AND org = ? ORDER BY created_at`, [now, org]);
    return rows.map(toSilence);
  }

  async createEscalation(e: EscalationRecord): Promise<{ record: EscalationRecord; created: boolean }> {
    const changes = await this.db.run(
      `INSERT INTO escalations (id, submission_key, user_id, status, case_data, attempts, next_attempt_at, last_error,
         channel_message_ts, created_at, delivered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (submission_key) DO NOTHING`,
      [
        e.id,
        e.submissionKey,
        e.userId,
        e.status,
        JSON.stringify(e.caseData),
        e.attempts,
        e.nextAttemptAt,
        e.lastError ?? null,
        e.channelMessageTs ?? null,
        e.createdAt,
        e.deliveredAt ?? null,
      ],
    );
    const row = await this.one('SELECT * FROM escalations WHERE submission_key = ?', [e.submissionKey]);
    if (row === undefined) throw new Error('escalation vanished right after insert');
    return { record: toEscalation(row), created: changes === 1 };
  }

  async getEscalation(id: string): Promise<EscalationRecord | undefined> {
    const row = await this.one('SELECT * FROM escalations WHERE id = ?', [id]);
    return row === undefined ? undefined : toEscalation(row);
  }

  async claimEscalationAttempt(id: string, now: number, leaseUntil: number): Promise<boolean> {
    const changes = await this.db.run(
      `UPDATE escalations SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?`,
      [leaseUntil, id, now],
    );
    return changes === 1;
  }

  async updateEscalationCase(id: string, caseData: unknown): Promise<void> {
    await this.db.run('UPDATE escalations SET case_data = ? WHERE id = ?', [JSON.stringify(caseData), id]);
  }

  async markEscalationDelivered(id: string, channelMessageTs: string | undefined, at: number): Promise<void> {
    await this.db.run(
      `UPDATE escalations SET status = 'delivered', channel_message_ts = ?, delivered_at = ?, attempts = attempts + 1,
         last_error = NULL, attempt_started_at = NULL WHERE id = ?`,
      [channelMessageTs ?? null, at, id],
    );
  }

  async markEscalationAttemptStarted(id: string, at: number): Promise<void> {
    await this.db.run(`UPDATE escalations SET attempt_started_at = ? WHERE id = ? AND status = 'pending'`, [at, id]);
  }

  async markEscalationAttemptFailed(
    id: string,
    error: string,
    nextAttemptAt: number,
    mayHaveLanded = false,
  ): Promise<void> {
    await this.db.run(
      `UPDATE escalations SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
         attempt_started_at = CASE WHEN ? = 1 THEN attempt_started_at ELSE NULL END
       WHERE id = ? AND status = 'pending'`,
      [error.slice(0, 500), nextAttemptAt, mayHaveLanded ? 1 : 0, id],
    );
  }

  async releaseDeliveryLeases(now: number): Promise<number> {
    return this.db.run(`UPDATE escalations SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ?`, [
      now,
      now,
    ]);
  }

  async duePendingEscalations(now: number, limit: number): Promise<EscalationRecord[]> {
    const rows = await this.db.all(
      `SELECT * FROM escalations WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY created_at LIMIT ?`,
      [now, limit],
    );
    return rows.map(toEscalation);
  }

  async recentEscalations(limit: number, userId?: string): Promise<EscalationRecord[]> {
    const rows =
      userId === undefined
        ? await this.db.all('SELECT * FROM escalations ORDER BY created_at DESC LIMIT ?', [limit])
        : await this.db.all('SELECT * FROM escalations WHERE user_id = ? ORDER BY created_at DESC LIMIT ?', [
            userId,
            limit,
          ]);
    return rows.map(toEscalation);
  }

  async saveDraft(viewId: string, data: unknown, at: number): Promise<void> {
    await this.db.run(
      `INSERT INTO escalation_drafts (view_id, data, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (view_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [viewId, JSON.stringify(data), at],
    );
  }

  async getDraft(viewId: string): Promise<unknown | undefined> {
    const row = await this.one('SELECT data FROM escalation_drafts WHERE view_id = ?', [viewId]);
    return row === undefined ? undefined : JSON.parse(String(row.data));
  }

  async deleteDraft(viewId: string): Promise<void> {
    await this.db.run('DELETE FROM escalation_drafts WHERE view_id = ?', [viewId]);
  }

  pruneDrafts(olderThan: number): Promise<number> {
    return this.db.run('DELETE FROM escalation_drafts WHERE updated_at < ?', [olderThan]);
  }

  async enqueueAnswer(a: QueuedAnswer): Promise<void> {
    await this.db.run(
      `INSERT INTO answer_outbox (id, channel_id, thread_ts, message_ts, signature, kind, payload, created_at, attempts,
         next_attempt_at, attempt_started_at, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      [
        a.id,
        a.channelId,
        a.threadTs,
        a.messageTs,
        a.signature ?? null,
        a.kind,
        JSON.stringify(a.payload),
        a.createdAt,
        a.attempts,
        a.nextAttemptAt,
        a.attemptStartedAt ?? null,
        a.lastError ?? null,
      ],
    );
  }

  async dueQueuedAnswers(now: number, limit: number): Promise<QueuedAnswer[]> {
    // Only a thread's oldest answer can be due: while it waits (or is leased), later ones wait too.
    const rows = await this.db.all(
      `SELECT * FROM answer_outbox o WHERE o.next_attempt_at <= ? AND NOT EXISTS (
         SELECT 1 FROM answer_outbox p WHERE p.channel_id = o.channel_id AND p.thread_ts = o.thread_ts
           AND (p.created_at < o.created_at OR (p.created_at = o.created_at AND p.id < o.id)))
       ORDER BY o.created_at, o.id LIMIT ?`,
      [now, limit],
    );
    return rows.map(toQueuedAnswer);
  }

  async hasQueuedAnswer(channelId: string, threadTs: string): Promise<boolean> {
    const row = await this.one('SELECT 1 AS n FROM answer_outbox WHERE channel_id = ? AND thread_ts = ? LIMIT 1', [
      channelId,
      threadTs,
    ]);
    return row !== undefined;
  }

  async claimQueuedAnswer(id: string, now: number, leaseUntil: number): Promise<boolean> {
    const changes = await this.db.run(
      'UPDATE answer_outbox SET next_attempt_at = ?, attempt_started_at = ? WHERE id = ? AND next_attempt_at <= ?',
      [leaseUntil, now, id, now],
    );
    return changes === 1;
  }

  async rescheduleQueuedAnswer(id: string, error: string, nextAttemptAt: number): Promise<void> {
    await this.db.run(
      `UPDATE answer_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, attempt_started_at = NULL
       WHERE id = ?`,
      [error.slice(0, 500), nextAttemptAt, id],
    );
  }

  async deleteQueuedAnswer(id: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM answer_outbox WHERE id = ?', [id])) === 1;
  }

  async queuedAnswersOlderThan(cutoff: number, limit: number): Promise<QueuedAnswer[]> {
    const rows = await this.db.all('SELECT * FROM answer_outbox WHERE created_at < ? ORDER BY created_at, id LIMIT ?', [
      cutoff,
      limit,
    ]);
    return rows.map(toQueuedAnswer);
  }

  async claimCooldown(c: Omit<CooldownClaim, 'replyTs'>, since: number): Promise<boolean> {
    // The primary key makes this atomic across replicas: an insert, or a take-over of a claim
    // older than the cooldown, succeeds for exactly one caller.
    const changes = await this.db.run(
      `INSERT INTO cooldown_claims (channel_id, signature, message_ts, thread_ts, reply_ts, claimed_at)
       VALUES (?, ?, ?, ?, NULL, ?)
       ON CONFLICT (channel_id, signature) DO UPDATE SET message_ts = excluded.message_ts,
         thread_ts = excluded.thread_ts, reply_ts = NULL, claimed_at = excluded.claimed_at
       WHERE cooldown_claims.claimed_at < ?`,
      [c.channelId, c.signature, c.messageTs, c.threadTs, c.claimedAt, since],
    );
    return changes === 1;
  }

  async getCooldownClaim(channelId: string, signature: string): Promise<CooldownClaim | undefined> {
    const row = await this.one('SELECT * FROM cooldown_claims WHERE channel_id = ? AND signature = ?', [
      channelId,
      signature,
    ]);
    if (row === undefined) return undefined;
    return {
      channelId,
      signature,
      messageTs: String(row.message_ts),
      threadTs: String(row.thread_ts),
      replyTs: optional(row.reply_ts),
      claimedAt: Number(row.claimed_at),
    };
  }

  async setCooldownReply(channelId: string, signature: string, messageTs: string, replyTs: string): Promise<void> {
    await this.db.run(
      'UPDATE cooldown_claims SET reply_ts = ? WHERE channel_id = ? AND signature = ? AND message_ts = ?',
      [replyTs, channelId, signature, messageTs],
    );
  }

  async releaseCooldown(channelId: string, signature: string, messageTs: string): Promise<void> {
    await this.db.run('DELETE FROM cooldown_claims WHERE channel_id = ? AND signature = ? AND message_ts = ?', [
      channelId,
      signature,
      messageTs,
    ]);
  }

  async getRefreshToken(org: string): Promise<string | undefined> {
    const row = await this.one('SELECT refresh_token FROM salesforce_tokens WHERE org = ?', [org]);
    return row === undefined ? undefined : String(row.refresh_token);
  }

  async setRefreshToken(org: string, token: string, at: number): Promise<void> {
    await this.db.run(
      `INSERT INTO salesforce_tokens (org, refresh_token, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (org) DO UPDATE SET refresh_token = excluded.refresh_token, updated_at = excluded.updated_at`,
      [org, token, at],
    );
  }

  private async one(sql: string, params: readonly SqlValue[]): Promise<Row | undefined> {
    return (await this.db.all(sql, params))[0];
  }
}

function optional(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function optionalNumber(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

function toSnapshot(org: string, row: Row): LimitsSnapshotRecord {
  return {
    id: String(row.id),
    org,
    takenAt: Number(row.taken_at),
    raw: JSON.parse(String(row.raw)),
    apiUsage:
      row.api_used === null || row.api_used === undefined
        ? undefined
        : { used: Number(row.api_used), limit: Number(row.api_limit) },
  };
}

function toEpisode(row: Row): WatchEpisodeRecord {
  return {
    id: String(row.id),
    org: String(row.org),
    limitKey: String(row.limit_key),
    channelId: String(row.channel_id),
    status: String(row.status) === 'open' ? 'open' : 'resolved',
    level: String(row.level) as WatchLevel,
    notifiedRank: Number(row.notified_rank),
    openedAt: Number(row.opened_at),
    updatedAt: Number(row.updated_at),
    resolvedAt: optionalNumber(row.resolved_at),
    messageTs: optional(row.message_ts),
    belowCount: Number(row.below_count),
    ackedBy: optional(row.acked_by),
    ackedAt: optionalNumber(row.acked_at),
    detail: JSON.parse(String(row.detail)),
  };
}

function toSilence(row: Row): WatchSilenceRecord {
  return {
    channelId: String(row.channel_id),
    org: String(row.org),
    limitKey: String(row.limit_key),
    kind: String(row.kind) === 'mute' ? 'mute' : 'snooze',
    until: optionalNumber(row.until_at),
    byUser: String(row.by_user),
    at: Number(row.created_at),
  };
}

function toPaste(row: Row): PasteRecord {
  return {
    id: String(row.id),
    channelId: optional(row.channel_id),
    messageTs: optional(row.message_ts),
    threadTs: optional(row.thread_ts),
    userId: optional(row.user_id),
    maskedText: String(row.masked_text),
    createdAt: Number(row.created_at),
  };
}

function toReply(row: Row): ReplyRecord {
  return {
    channelId: String(row.channel_id),
    messageTs: String(row.message_ts),
    replyTs: String(row.reply_ts),
    threadTs: String(row.thread_ts),
    signature: String(row.signature),
    createdAt: Number(row.created_at),
  };
}

function toEscalation(row: Row): EscalationRecord {
  return {
    id: String(row.id),
    submissionKey: String(row.submission_key),
    userId: String(row.user_id),
    status: String(row.status) as EscalationStatus,
    caseData: JSON.parse(String(row.case_data)),
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: optional(row.last_error),
    channelMessageTs: optional(row.channel_message_ts),
    createdAt: Number(row.created_at),
    deliveredAt: row.delivered_at === null || row.delivered_at === undefined ? undefined : Number(row.delivered_at),
    attemptStartedAt: optionalNumber(row.attempt_started_at),
  };
}

function toQueuedAnswer(row: Row): QueuedAnswer {
  return {
    id: String(row.id),
    channelId: String(row.channel_id),
    threadTs: String(row.thread_ts),
    messageTs: String(row.message_ts),
    signature: optional(row.signature),
    kind: String(row.kind) === 'pointer' ? 'pointer' : 'answer',
    payload: JSON.parse(String(row.payload)) as Record<string, unknown>,
    createdAt: Number(row.created_at),
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    attemptStartedAt: optionalNumber(row.attempt_started_at),
    lastError: optional(row.last_error),
  };
}
