import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError } from '../../src/errors';
import { openStore, type Store } from '../../src/store';
import { MIGRATIONS } from '../../src/store/migrations';
import { openPostgres } from '../../src/store/postgres-driver';
import { SqlStore } from '../../src/store/sql-store';
import { openSqlite } from '../../src/store/sqlite-driver';
import type { EscalationRecord, QueuedAnswer, WatchEpisodeRecord } from '../../src/store/types';
import { buildWatch, fakeSlack, limitsAt, scriptedOrg } from '../helpers/watch';

/**
 * The same suite against both engines: a real SQLite file, and PostgreSQL when
 * TEST_DATABASE_URL is set (`npm test` starts a throw-away server; see scripts/with-postgres.sh).
 */
const POSTGRES_URL = process.env.TEST_DATABASE_URL;
if (POSTGRES_URL === undefined && process.env.CI !== undefined) {
  throw new Error(
    'TEST_DATABASE_URL must be set in CI: run the tests through scripts/with-postgres.sh (npm test does).',
  );
}

interface Opened {
  readonly store: Store;
  /** Another connection to the same database, as a second replica of the bot would open. */
  readonly replica: () => Promise<Store>;
  readonly cleanup: () => Promise<void>;
}

interface Engine {
  readonly name: string;
  open(): Promise<Opened>;
}

const engines: Engine[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'store-'));
      const file = join(dir, 'test.db');
      const store = await openStore({ kind: 'sqlite', file });
      return {
        store,
        replica: () => openStore({ kind: 'sqlite', file }),
        cleanup: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
];
if (POSTGRES_URL !== undefined) {
  engines.push({
    name: 'postgres',
    async open() {
      // A fresh schema per test file run keeps runs independent of each other.
      const schema = `t_${process.pid}_${Date.now()}`;
      const admin = openPostgres({ connectionString: POSTGRES_URL });
      await admin.run(`CREATE SCHEMA ${schema}`);
      await admin.close();
      const url = `${POSTGRES_URL}${POSTGRES_URL.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
      const store = await openStore({ kind: 'postgres', url });
      return {
        store,
        replica: () => openStore({ kind: 'postgres', url }),
        cleanup: async () => {
          const drop = openPostgres({ connectionString: POSTGRES_URL });
          await drop.run(`DROP SCHEMA ${schema} CASCADE`);
          await drop.close();
        },
      };
    },
  });
} else {
  console.warn('store.test: TEST_DATABASE_URL is not set, so only SQLite runs here (npm test starts PostgreSQL).');
}

const escalation = (over: Partial<EscalationRecord> = {}): EscalationRecord => ({
  id: 'esc-1',
  submissionKey: 'view-1',
  userId: 'U1',
  status: 'pending',
  caseData: { orgId: '00D000000000000AAA', body: 'x' },
  attempts: 0,
  nextAttemptAt: 1_000,
  lastError: undefined,
  channelMessageTs: undefined,
  createdAt: 1_000,
  deliveredAt: undefined,
  ...over,
});

const queued = (over: Partial<QueuedAnswer> = {}): QueuedAnswer => ({
  id: 'q-1',
  channelId: 'C1',
  threadTs: '1.1',
  messageTs: '1.1',
  signature: 'UNABLE_TO_LOCK_ROW',
  kind: 'answer',
  payload: { text: 'UNABLE_TO_LOCK_ROW: …', blocks: [{ type: 'section' }] },
  createdAt: 1_000,
  attempts: 0,
  nextAttemptAt: 1_000,
  attemptStartedAt: undefined,
  lastError: undefined,
  ...over,
});

const episode = (over: Partial<WatchEpisodeRecord> = {}): WatchEpisodeRecord => ({
  id: 'ep-1',
  org: 'prod',
  limitKey: 'DailyApiRequests',
  channelId: 'C0WATCH',
  status: 'open',
  level: 'warning',
  notifiedRank: 1,
  openedAt: 1_000,
  updatedAt: 1_000,
  resolvedAt: undefined,
  messageTs: undefined,
  belowCount: 0,
  ackedBy: undefined,
  ackedAt: undefined,
  detail: { percent: 80 },
  ...over,
});

describe.each(engines)('store on $name', (engine) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, cleanup } = await engine.open());
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('applies migrations once and is idempotent on re-run', async () => {
    await store.migrate();
    await store.migrate();
    await store.ping();
    expect(MIGRATIONS.map((m) => m.version)).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b));
  });

  it('claims an event ID exactly once, even when claimed concurrently', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => store.claimEvent('Ev-dup', 10)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.claimEvent('Ev-dup', 11)).toBe(false);
    expect(await store.claimEvent('Ev-other', 11)).toBe(true);
    expect(await store.pruneEvents(11)).toBe(1); // Ev-dup (10) is older than 11
    expect(await store.claimEvent('Ev-dup', 12)).toBe(true);
  });

  it('keeps per-channel settings with defaults', async () => {
    expect(await store.getChannelSettings('C1')).toMatchObject({
      channelId: 'C1',
      mode: 'auto',
      allowBots: false,
      language: 'auto',
    });
    await store.setChannelSettings({
      channelId: 'C1',
      mode: 'mentions',
      allowBots: true,
      language: 'ja',
      updatedBy: 'U9',
      updatedAt: 5,
    });
    await store.setChannelSettings({
      channelId: 'C1',
      mode: 'off',
      allowBots: true,
      language: 'en',
      updatedBy: 'U8',
      updatedAt: 6,
    });
    expect(await store.getChannelSettings('C1')).toEqual({
      channelId: 'C1',
      mode: 'off',
      allowBots: true,
      language: 'en',
      updatedBy: 'U8',
      updatedAt: 6,
    });
  });

  it("keeps each person's language choice, auto until they pick one", async () => {
    expect(await store.getUserLanguage('U1')).toBe('auto');
    await store.setUserLanguage('U1', 'ja', 5);
    await store.setUserLanguage('U2', 'en', 5);
    expect(await store.getUserLanguage('U1')).toBe('ja');
    await store.setUserLanguage('U1', 'auto', 6);
    expect(await store.getUserLanguage('U1')).toBe('auto');
    expect(await store.getUserLanguage('U2')).toBe('en');
  });

  it('counts knowledge gaps over a window, most frequent first, with the latest excerpt, and prunes old ones', async () => {
    const gap = (id: string, code: string, seenAt: number, excerpt = `… ${code}: first …`) => ({
      id,
      code,
      family: 'apex',
      channelId: 'C1',
      excerpt,
      seenAt,
    });
    await store.recordKnowledgeGap(gap('g1', 'ns.Service.SyncException', 10));
    await store.recordKnowledgeGap(gap('g2', 'ns.Service.SyncException', 20, 'latest excerpt'));
    await store.recordKnowledgeGap(gap('g3', 'NEW_ERROR_CODE', 30));
    await store.recordKnowledgeGap(gap('g4', 'OLD_ERROR_CODE', 1));
    const gaps = await store.knowledgeGaps(5, 10);
    expect(gaps.map((g) => [g.code, g.count, g.lastSeen])).toEqual([
      ['ns.Service.SyncException', 2, 20],
      ['NEW_ERROR_CODE', 1, 30],
    ]);
    expect(gaps[0]?.excerpt).toBe('latest excerpt');
    expect(await store.knowledgeGaps(5, 1)).toHaveLength(1);
    expect(await store.pruneKnowledgeGaps(15)).toBe(2);
    expect((await store.knowledgeGaps(0, 10)).map((g) => g.code)).toEqual([
      'NEW_ERROR_CODE',
      'ns.Service.SyncException',
    ]);
  });

  it('finds replies by message and by recent signature', async () => {
    await store.saveReply({
      channelId: 'C1',
      messageTs: '1.1',
      replyTs: '1.2',
      threadTs: '1.1',
      signature: 'A+B',
      createdAt: 100,
    });
    await store.saveReply({
      channelId: 'C1',
      messageTs: '2.1',
      replyTs: '2.2',
      threadTs: '2.1',
      signature: 'A+B',
      createdAt: 200,
    });
    expect((await store.findReplyForMessage('C1', '1.1'))?.replyTs).toBe('1.2');
    expect((await store.findRecentReply('C1', 'A+B', 150))?.replyTs).toBe('2.2');
    expect(await store.findRecentReply('C1', 'A+B', 201)).toBeUndefined();
    expect(await store.findRecentReply('C2', 'A+B', 0)).toBeUndefined();
  });

  it('stores masked pastes', async () => {
    await store.savePaste({
      id: 'p1',
      channelId: 'C1',
      messageTs: '1.1',
      threadTs: undefined,
      userId: 'U1',
      maskedText: 'INVALID_FIELD',
      createdAt: 1,
    });
    expect(await store.getPaste('p1')).toEqual({
      id: 'p1',
      channelId: 'C1',
      messageTs: '1.1',
      threadTs: undefined,
      userId: 'U1',
      maskedText: 'INVALID_FIELD',
      createdAt: 1,
    });
    expect(await store.getPaste('missing')).toBeUndefined();

    await store.savePaste({
      id: 'p2',
      channelId: 'C1',
      messageTs: '1.1',
      threadTs: undefined,
      userId: 'U1',
      maskedText: 'INVALID_FIELD (edited)',
      createdAt: 2,
    });
    expect((await store.findPasteForMessage('C1', '1.1'))?.id).toBe('p2');
    expect(await store.findPasteForMessage('C1', '9.9')).toBeUndefined();
    expect(await store.findPasteForMessage('C2', '1.1')).toBeUndefined();
    expect(await store.prunePastes(2)).toBe(1); // p1 (1) is older than 2
    expect(await store.getPaste('p1')).toBeUndefined();
    expect((await store.getPaste('p2'))?.id).toBe('p2');
  });

  it('records one vote per user per answer and code', async () => {
    const vote = { code: 'UNABLE_TO_LOCK_ROW', userId: 'U1', channelId: 'C1', messageTs: '9.9', createdAt: 1 } as const;
    await store.recordFeedback({ ...vote, vote: 'up' });
    await store.recordFeedback({ ...vote, vote: 'down' });
    await store.recordFeedback({ ...vote, userId: 'U2', vote: 'up' });
    expect(await store.feedbackTotals('UNABLE_TO_LOCK_ROW')).toEqual({ up: 1, down: 1 });
    expect(await store.feedbackTotals('OTHER')).toEqual({ up: 0, down: 0 });
  });

  it('keeps every limits snapshot and returns the latest', async () => {
    await store.saveLimitsSnapshot({
      id: 's1',
      org: 'prod',
      takenAt: 1,
      raw: { DailyApiRequests: { Max: 5, Remaining: 4 } },
      apiUsage: undefined,
    });
    await store.saveLimitsSnapshot({
      id: 's2',
      org: 'prod',
      takenAt: 2,
      raw: { DailyApiRequests: { Max: 5, Remaining: 3 } },
      apiUsage: { used: 2, limit: 5 },
    });
    expect(await store.latestLimitsSnapshot('prod')).toEqual({
      id: 's2',
      org: 'prod',
      takenAt: 2,
      raw: { DailyApiRequests: { Max: 5, Remaining: 3 } },
      apiUsage: { used: 2, limit: 5 },
    });
    expect(await store.countLimitsSnapshots('prod')).toBe(2);
    expect(await store.latestLimitsSnapshot('uat')).toBeUndefined();
  });

  it('creates one escalation per submission key and tracks delivery', async () => {
    const first = await store.createEscalation(escalation());
    const again = await store.createEscalation(escalation({ id: 'esc-2' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ record: first.record, created: false });
    expect(first.record.caseData).toEqual({ orgId: '00D000000000000AAA', body: 'x' });

    expect((await store.duePendingEscalations(999, 10)).map((e) => e.id)).toEqual([]);
    expect((await store.duePendingEscalations(1_000, 10)).map((e) => e.id)).toEqual(['esc-1']);
    await store.markEscalationAttemptFailed('esc-1', 'ratelimited', 5_000);
    expect(await store.getEscalation('esc-1')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'ratelimited',
      nextAttemptAt: 5_000,
    });
    expect(await store.duePendingEscalations(4_999, 10)).toEqual([]);

    await store.markEscalationDelivered('esc-1', '123.456', 6_000);
    expect(await store.getEscalation('esc-1')).toMatchObject({
      status: 'delivered',
      attempts: 2,
      channelMessageTs: '123.456',
      deliveredAt: 6_000,
      lastError: undefined,
    });
    expect(await store.duePendingEscalations(99_999, 10)).toEqual([]);
    // A late failure report for a delivered case must not reopen it.
    await store.markEscalationAttemptFailed('esc-1', 'late', 7_000);
    expect((await store.getEscalation('esc-1'))?.status).toBe('delivered');

    await store.createEscalation(escalation({ id: 'esc-3', submissionKey: 'view-3', userId: 'U2', createdAt: 2_000 }));
    expect((await store.recentEscalations(5)).map((e) => e.id)).toEqual(['esc-3', 'esc-1']);
    expect((await store.recentEscalations(5, 'U2')).map((e) => e.id)).toEqual(['esc-3']);

    // After a crash: a leased (in-flight) case becomes due at once; delivered ones stay delivered.
    expect(await store.claimEscalationAttempt('esc-3', 2_000, 62_000)).toBe(true);
    expect(await store.duePendingEscalations(3_000, 10)).toEqual([]);
    expect(await store.releaseDeliveryLeases(3_000)).toBe(1);
    expect((await store.duePendingEscalations(3_000, 10)).map((e) => e.id)).toEqual(['esc-3']);
  });

  it('marks an escalation attempt as started until its outcome is known', async () => {
    await store.createEscalation(escalation({ id: 'esc-m', submissionKey: 'view-m' }));
    expect((await store.getEscalation('esc-m'))?.attemptStartedAt).toBeUndefined();
    await store.markEscalationAttemptStarted('esc-m', 1_500);
    expect((await store.getEscalation('esc-m'))?.attemptStartedAt).toBe(1_500);
    // A timeout: the post may be in Slack, so the mark stays for the next attempt to look.
    await store.markEscalationAttemptFailed('esc-m', 'timeout', 2_000, true);
    expect(await store.getEscalation('esc-m')).toMatchObject({ attemptStartedAt: 1_500, lastError: 'timeout' });
    // Slack said no: nothing to look for.
    await store.markEscalationAttemptFailed('esc-m', 'ratelimited', 3_000);
    expect((await store.getEscalation('esc-m'))?.attemptStartedAt).toBeUndefined();
    await store.markEscalationAttemptStarted('esc-m', 3_500);
    await store.markEscalationDelivered('esc-m', '9.9', 4_000);
    expect(await store.getEscalation('esc-m')).toMatchObject({ status: 'delivered', attemptStartedAt: undefined });
  });

  it('keeps queued answers in order per thread until they are posted or too old', async () => {
    await store.enqueueAnswer(queued({ id: 'q-a1', createdAt: 1_000, nextAttemptAt: 1_000 }));
    await store.enqueueAnswer(queued({ id: 'q-a2', messageTs: '1.2', createdAt: 1_001, nextAttemptAt: 1_001 }));
    await store.enqueueAnswer(queued({ id: 'q-b1', threadTs: '2.1', messageTs: '2.1', createdAt: 1_002 }));
    await store.enqueueAnswer(queued({ id: 'q-b1', threadTs: '2.1', createdAt: 9_999 })); // same id: ignored
    expect(await store.hasQueuedAnswer('C1', '1.1')).toBe(true);
    expect(await store.hasQueuedAnswer('C1', '3.1')).toBe(false);
    // One head per thread: q-a2 waits behind q-a1.
    expect((await store.dueQueuedAnswers(5_000, 10)).map((a) => a.id)).toEqual(['q-a1', 'q-b1']);
    expect((await store.dueQueuedAnswers(5_000, 10))[0]).toEqual(queued({ id: 'q-a1' }));

    expect(await store.claimQueuedAnswer('q-a1', 5_000, 35_000)).toBe(true);
    expect(await store.claimQueuedAnswer('q-a1', 5_000, 35_000)).toBe(false);
    // Leased: neither it nor the answer behind it is due.
    expect((await store.dueQueuedAnswers(6_000, 10)).map((a) => a.id)).toEqual(['q-b1']);
    await store.rescheduleQueuedAnswer('q-a1', 'ratelimited', 8_000);
    expect((await store.dueQueuedAnswers(7_999, 10)).map((a) => a.id)).toEqual(['q-b1']);
    expect((await store.dueQueuedAnswers(8_000, 10))[0]).toMatchObject({
      id: 'q-a1',
      attempts: 1,
      lastError: 'ratelimited',
      attemptStartedAt: undefined,
    });
    // A crash mid-post leaves the attempt mark for the next replica to see.
    expect(await store.claimQueuedAnswer('q-b1', 8_000, 9_000)).toBe(true);
    expect((await store.dueQueuedAnswers(9_000, 10)).find((a) => a.id === 'q-b1')?.attemptStartedAt).toBe(8_000);

    expect(await store.deleteQueuedAnswer('q-a1')).toBe(true);
    expect(await store.deleteQueuedAnswer('q-a1')).toBe(false);
    expect((await store.dueQueuedAnswers(9_000, 10)).map((a) => a.id)).toEqual(['q-a2', 'q-b1']);
    expect((await store.queuedAnswersOlderThan(1_002, 10)).map((a) => a.id)).toEqual(['q-a2']);
    expect(await store.deleteQueuedAnswer('q-a2')).toBe(true);
    expect(await store.deleteQueuedAnswer('q-b1')).toBe(true);
    expect(await store.hasQueuedAnswer('C1', '1.1')).toBe(false);
  });

  it('gives the cooldown for an error to one paste until it runs out', async () => {
    const claim = { channelId: 'C1', signature: 'LOCK', messageTs: '1.1', threadTs: '1.1', claimedAt: 1_000 };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => store.claimCooldown({ ...claim, messageTs: `1.${i + 1}` }, 0)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = await store.getCooldownClaim('C1', 'LOCK');
    expect(holder).toMatchObject({ replyTs: undefined, claimedAt: 1_000 });
    const winner = holder?.messageTs as string;
    await store.setCooldownReply('C1', 'LOCK', '9.9', 'not-mine'); // another paste's reply: ignored
    expect((await store.getCooldownClaim('C1', 'LOCK'))?.replyTs).toBeUndefined();
    await store.setCooldownReply('C1', 'LOCK', winner, '1.500');
    expect((await store.getCooldownClaim('C1', 'LOCK'))?.replyTs).toBe('1.500');
    // Within the cooldown (the claim at 1_000 is not older than 500) it stays taken …
    expect(await store.claimCooldown({ ...claim, messageTs: '2.1', claimedAt: 2_000 }, 500)).toBe(false);
    expect(await store.claimCooldown({ ...claim, channelId: 'C2', claimedAt: 2_000 }, 500)).toBe(true);
    // … and once it runs out, the next paste takes it over, with no reply yet.
    expect(await store.claimCooldown({ ...claim, messageTs: '3.1', claimedAt: 3_000 }, 1_001)).toBe(true);
    expect(await store.getCooldownClaim('C1', 'LOCK')).toMatchObject({ messageTs: '3.1', replyTs: undefined });
    await store.releaseCooldown('C1', 'LOCK', '3.1');
    expect(await store.getCooldownClaim('C1', 'LOCK')).toBeUndefined();
  });

  it('returns the snapshots of a window, oldest first', async () => {
    for (const [id, takenAt] of [
      ['w3', 30],
      ['w1', 10],
      ['w2', 20],
    ] as const)
      await store.saveLimitsSnapshot({
        id,
        org: 'win',
        takenAt,
        raw: { K: { Max: 1, Remaining: 1 } },
        apiUsage: undefined,
      });
    expect((await store.limitsSnapshotsSince('win', 20)).map((s) => s.id)).toEqual(['w2', 'w3']);
    expect(await store.limitsSnapshotsSince('other', 0)).toEqual([]);
  });

  it('keeps one open watch episode per limit and channel, and its lifecycle', async () => {
    const first = await store.openWatchEpisode(episode());
    const again = await store.openWatchEpisode(episode({ id: 'ep-2', level: 'critical' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ record: first.record, created: false });
    expect(first.record).toMatchObject({
      status: 'open',
      level: 'warning',
      detail: { percent: 80 },
      messageTs: undefined,
    });
    // Another channel or limit is another episode.
    expect((await store.openWatchEpisode(episode({ id: 'ep-3', channelId: 'C0OTHER' }))).created).toBe(true);
    expect((await store.openWatchEpisodes('prod')).map((e) => e.id).sort()).toEqual(['ep-1', 'ep-3']);

    expect(await store.claimWatchEpisodePost('ep-1', 2_000, 62_000)).toBe(true);
    expect(await store.claimWatchEpisodePost('ep-1', 3_000, 63_000)).toBe(false);
    await store.setWatchEpisodeMessage('ep-1', '1700.1');
    // Posted: nobody may post it again, even after the lease.
    expect(await store.claimWatchEpisodePost('ep-1', 99_000, 159_000)).toBe(false);

    await store.updateWatchEpisode('ep-1', { level: 'critical', belowCount: 0, detail: { percent: 95 }, at: 4_000 });
    expect(await store.raiseWatchEpisodeNotified('ep-1', 2)).toBe(true);
    expect(await store.raiseWatchEpisodeNotified('ep-1', 2)).toBe(false);
    expect(await store.raiseWatchEpisodeNotified('ep-1', 1)).toBe(false);
    await store.acknowledgeWatchEpisode('ep-1', 'U0ACK', 5_000);
    expect(await store.getWatchEpisode('ep-1')).toMatchObject({
      level: 'critical',
      notifiedRank: 2,
      messageTs: '1700.1',
      ackedBy: 'U0ACK',
      ackedAt: 5_000,
      detail: { percent: 95 },
      updatedAt: 4_000,
    });

    expect(await store.resolveWatchEpisode('ep-1', 6_000)).toBe(true);
    expect(await store.resolveWatchEpisode('ep-1', 7_000)).toBe(false);
    expect(await store.getWatchEpisode('ep-1')).toMatchObject({ status: 'resolved', resolvedAt: 6_000 });
    // Resolved: a new crossing opens a new episode.
    expect((await store.openWatchEpisode(episode({ id: 'ep-4' }))).created).toBe(true);
    expect(await store.getWatchEpisode('nope')).toBeUndefined();
  });

  it('keeps snoozes until they end and mutes until removed', async () => {
    const base = { channelId: 'C0WATCH', org: 'prod', byUser: 'U1', at: 1 } as const;
    await store.setWatchSilence({ ...base, limitKey: 'A', kind: 'snooze', until: 10_000 });
    await store.setWatchSilence({ ...base, limitKey: 'B', kind: 'mute', until: undefined });
    expect((await store.activeWatchSilences(9_999, 'prod')).map((s) => s.limitKey)).toEqual(['A', 'B']);
    expect((await store.activeWatchSilences(10_000)).map((s) => s.limitKey)).toEqual(['B']);
    // A mute replaces the snooze of the same limit.
    await store.setWatchSilence({ ...base, limitKey: 'A', kind: 'mute', until: undefined, byUser: 'U2' });
    expect(await store.activeWatchSilences(99_999, 'prod')).toEqual([
      { ...base, limitKey: 'A', kind: 'mute', until: undefined, byUser: 'U2' },
      { ...base, limitKey: 'B', kind: 'mute', until: undefined },
    ]);
    await store.removeWatchSilence('C0WATCH', 'prod', 'A');
    expect((await store.activeWatchSilences(0, 'prod')).map((s) => s.limitKey)).toEqual(['B']);
    expect(await store.activeWatchSilences(0, 'uat')).toEqual([]);
  });

  it('gives each watch interval of an org to one caller', async () => {
    expect(await store.claimWatchTick('prod', 1_000, 5_000)).toBe(true);
    expect(await store.claimWatchTick('prod', 4_999, 8_999)).toBe(false);
    expect(await store.claimWatchTick('uat', 4_999, 8_999)).toBe(true);
    expect(await store.claimWatchTick('prod', 5_000, 9_000)).toBe(true);
  });

  it('persists rotated refresh tokens per org', async () => {
    expect(await store.getRefreshToken('prod')).toBeUndefined();
    await store.setRefreshToken('prod', 'rt-1', 1);
    await store.setRefreshToken('prod', 'rt-2', 2);
    expect(await store.getRefreshToken('prod')).toBe('rt-2');
  });
});

describe.each(engines)('two replicas sharing one $name database', (engine) => {
  let opened: Opened;
  let replicas: Store[] = [];

  beforeAll(async () => {
    opened = await engine.open();
    if (engine.name === 'postgres') {
      // Replicas starting together: the advisory lock must serialise their migrations.
      replicas = await Promise.all([opened.replica(), opened.replica()]);
    } else {
      // SQLite serves one replica; a second connection here stands for the overlap of a rolling
      // restart. better-sqlite3 blocks the thread while it waits for a lock, so in one process
      // the two are opened one after the other.
      replicas = [await opened.replica(), await opened.replica()];
    }
  });
  afterAll(async () => {
    for (const r of replicas) await r.close();
    await opened.store.close();
    await opened.cleanup();
  });

  it('claims each redelivered event on exactly one replica', async () => {
    const [a, b] = replicas as [Store, Store];
    const ids = Array.from({ length: 50 }, (_, i) => `Ev-${i}`);
    // Slack redelivers to whichever replica the load balancer picks: both see every event.
    const claims = await Promise.all(ids.flatMap((id) => [a.claimEvent(id, 1), b.claimEvent(id, 1)]));
    for (let i = 0; i < ids.length; i++) expect([claims[2 * i], claims[2 * i + 1]].filter(Boolean)).toHaveLength(1);
  });

  it('lets only one replica hold a delivery attempt on a case', async () => {
    const [a, b] = replicas as [Store, Store];
    await a.createEscalation(escalation({ id: 'esc-r', submissionKey: 'view-r' }));
    const [ca, cb] = await Promise.all([
      a.claimEscalationAttempt('esc-r', 2_000, 62_000),
      b.claimEscalationAttempt('esc-r', 2_000, 62_000),
    ]);
    expect([ca, cb].filter(Boolean)).toHaveLength(1);
    // Once the lease runs out, another replica may try again.
    expect(await b.claimEscalationAttempt('esc-r', 63_000, 123_000)).toBe(true);
  });

  it('lets only one replica post a queued answer', async () => {
    const [a, b] = replicas as [Store, Store];
    await a.enqueueAnswer(queued({ id: 'q-r' }));
    const [ca, cb] = await Promise.all([
      a.claimQueuedAnswer('q-r', 2_000, 32_000),
      b.claimQueuedAnswer('q-r', 2_000, 32_000),
    ]);
    expect([ca, cb].filter(Boolean)).toHaveLength(1);
    expect(await b.dueQueuedAnswers(3_000, 10)).toEqual([]);
  });

  it('gives the full answer to one of two identical pastes arriving on two replicas', async () => {
    const [a, b] = replicas as [Store, Store];
    const claim = { channelId: 'C9', signature: 'LOCK', threadTs: '1.1', claimedAt: 1_000 };
    for (let round = 0; round < 20; round++) {
      const signature = `LOCK-${round}`;
      const [ca, cb] = await Promise.all([
        a.claimCooldown({ ...claim, signature, messageTs: '1.1' }, 0),
        b.claimCooldown({ ...claim, signature, messageTs: '1.2' }, 0),
      ]);
      expect([ca, cb].filter(Boolean)).toHaveLength(1);
    }
  });
});

describe.each(engines)('two limits watchers sharing one $name database', (engine) => {
  let opened: Opened;
  let replicas: Store[] = [];

  beforeAll(async () => {
    opened = await engine.open();
    replicas = [await opened.replica(), await opened.replica()];
  });
  afterAll(async () => {
    for (const r of replicas) await r.close();
    await opened.store.close();
    await opened.cleanup();
  });

  it('post exactly one alert for the same episode, and one thread reply when it worsens', async () => {
    const [a, b] = replicas as [Store, Store];
    let now = Date.UTC(2026, 11, 2, 12, 0);
    let percent = 85;
    const clock = () => now;
    // Each replica has its own cache, its own org client and its own Slack client.
    const watchers = [a, b].map((store) => {
      const org = scriptedOrg(() => limitsAt(percent));
      return { org, slack: fakeSlack(), watch: buildWatch(store, org.client, clock).watch };
    });
    const all = () => watchers.flatMap((w) => w.slack.calls);
    const posts = () => all().filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === undefined);
    const replies = () => all().filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts !== undefined);

    // Racing the same snapshot, bypassing the interval lease: the episode key decides.
    await Promise.all(watchers.map((w) => w.watch.evaluate('prod', limitsAt(85), now, w.slack.client)));
    expect(posts()).toHaveLength(1);

    // Both see it worsen at the same moment: the announced level is raised once, so one reply.
    now += 1;
    await Promise.all(watchers.map((w) => w.watch.evaluate('prod', limitsAt(95), now, w.slack.client)));
    expect(posts()).toHaveLength(1);
    expect(replies()).toHaveLength(1);

    // Both tick in the same interval: only one reads /limits.
    now += 300_000;
    percent = 96;
    await Promise.all(watchers.map((w) => w.watch.tick('prod', w.slack.client)));
    expect(watchers.map((w) => w.org.calls()).reduce((x, y) => x + y, 0)).toBe(1);
    expect(posts()).toHaveLength(1);
    expect(replies()[0]?.args.thread_ts).toBe((await a.openWatchEpisodes('prod'))[0]?.messageTs);
  });
});

describe('migrations', () => {
  it('refuses a database written by a newer release', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    try {
      const store = await openStore({ kind: 'sqlite', file: join(dir, 'x.db') });
      await store.close();
      const raw = openSqlite(join(dir, 'x.db'));
      await raw.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)");
      await expect(new SqlStore(raw).migrate()).rejects.toThrow(/newer than this release knows/);
      await raw.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  (POSTGRES_URL === undefined ? it.skip : it)(
    'PostgreSQL: replicas starting at once on an empty database apply each migration once',
    async () => {
      const url = POSTGRES_URL as string;
      const schema = `m_${process.pid}_${Date.now()}`;
      const admin = openPostgres({ connectionString: url });
      await admin.run(`CREATE SCHEMA ${schema}`);
      try {
        const scoped = `${url}${url.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
        const stores = await Promise.all([1, 2, 3].map(() => openStore({ kind: 'postgres', url: scoped })));
        for (const s of stores) await s.close();
        const rows = await admin.all(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
        expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await admin.run(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      }
    },
  );

  it('reports an unreachable PostgreSQL clearly, without the password', async () => {
    const err = await openStore({ kind: 'postgres', url: 'postgres://bot:hunter2@127.0.0.1:1/none' }).catch(
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(
      /^Cannot open the PostgreSQL database at 127\.0\.0\.1:1\/none \(.*ECONNREFUSED.*\)\. Check DATABASE_URL/,
    );
    expect((err as Error).message).not.toContain('hunter2');
  });

  it('names DATA_DIR when the SQLite file cannot be created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    try {
      // A regular file where the data directory should be.
      writeFileSync(join(dir, 'not-a-dir'), 'x');
      await expect(openStore({ kind: 'sqlite', file: join(dir, 'not-a-dir', 'x.db') })).rejects.toThrow(
        /^Cannot open the SQLite database .*not-a-dir\/x\.db \(.+\)\. Check that DATA_DIR points to a writable directory\./,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
