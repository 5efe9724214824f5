import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { AppLogger } from '../logger';
import { classifyCallFailure } from '../slack/post-outcome';
import type { Store } from '../store';
import type { QueuedAnswer } from '../store/types';

type WebClient = webApi.WebClient;

/** One answer (or cooldown pointer) for a paste's thread. */
export interface AnswerPost {
  readonly channelId: string;
  readonly threadTs: string;
  /** The paste it answers. */
  readonly messageTs: string;
  /** Full answers only: recorded as the paste's reply and the cooldown's once posted. */
  readonly signature: string | undefined;
  readonly kind: 'answer' | 'pointer';
  /** chat.postMessage arguments other than channel and thread_ts. */
  readonly payload: Record<string, unknown>;
}

export type PostResult =
  | { readonly status: 'posted'; readonly ts: string | undefined }
  /** Slack refused it for now; it waits in the store-backed outbox. */
  | { readonly status: 'queued' }
  /** A timeout or a reset: it may be in the thread already, so it is not posted again. */
  | { readonly status: 'uncertain'; readonly error: string }
  /** Slack refused it for good (a bad channel, an archived one), or it could not be kept. */
  | { readonly status: 'refused'; readonly error: string };

export interface AnswerOutboxDeps {
  readonly store: Store;
  readonly logger: AppLogger;
  readonly clock: () => number;
  /** Makes exactly one request per call: this class decides what a failure means. */
  readonly postClient: WebClient;
  /** How long a queued answer is still worth posting. */
  readonly windowMs: number;
}

/** The longest a replica holds a queued answer while posting it (the client times out well before). */
const LEASE_MS = 30_000;
const BATCH = 20;
/** Rounds of BATCH per tick, so a long backlog drains without one tick running for ever. */
const MAX_BATCHES_PER_ROUND = 10;

/** 1 s, 2 s, 4 s … capped at 30 s, unless Slack's Retry-After says longer. */
export function answerBackoffMs(attempts: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Posts answers in their threads. The first attempt goes out at once; an answer Slack refuses
 * (429, 5xx, a refused connection) is kept in the store and posted when Slack recovers, within
 * `windowMs`, oldest first in each thread, honouring Retry-After. Replicas lease a queued answer
 * before posting it, so it goes out once.
 *
 * A post whose outcome is unknown (a timeout, a reset after sending) is never posted again. It
 * could be checked with conversations.replies, but Slack allows apps outside the Marketplace one
 * such read a minute: when Slack is slow, dozens of answers time out together and checking them
 * would take longer than they are useful for, while a slow Slack has usually posted the answer.
 * A duplicate full answer is worse noise than the rare missing one, which the person can get
 * again by mentioning the bot in the thread.
 */
export class AnswerOutbox {
  /**
   * Slack's Retry-After, per channel (chat.postMessage is limited per channel): until then, new
   * answers there join the queue instead of trying.
   */
  private readonly pausedUntil = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly deps: AnswerOutboxDeps) {}

  /** Posts now, or queues when Slack refuses for now or earlier answers in the thread are waiting. */
  async post(answer: AnswerPost): Promise<PostResult> {
    const { store, logger, clock } = this.deps;
    const now = clock();
    const waitingInThread = await store.hasQueuedAnswer(answer.channelId, answer.threadTs).catch(() => false);
    const paused = this.pausedUntil.get(answer.channelId) ?? 0;
    if (waitingInThread || now < paused) {
      return this.enqueue(answer, now, Math.max(now, paused), 'waiting behind earlier answers');
    }
    try {
      const posted = await this.send(answer);
      await this.recordPosted(answer, posted, now);
      return { status: 'posted', ts: posted };
    } catch (err) {
      const failure = classifyCallFailure(err);
      if (failure.kind === 'uncertain') {
        logger.warn(
          { channel: answer.channelId, kind: answer.kind, error: failure.error },
          'an answer may have been posted (no reply from Slack); not posting it again',
        );
        return { status: 'uncertain', error: failure.error };
      }
      if (!failure.retryable) {
        logger.error({ channel: answer.channelId, error: failure.error }, 'Slack refused an answer');
        await this.recordGaveUp(answer);
        return { status: 'refused', error: failure.error };
      }
      const until = this.pause(answer.channelId, now, failure.retryAfterMs);
      return this.enqueue(answer, now, Math.max(now + answerBackoffMs(1), until), failure.error);
    }
  }

  /** One delivery round over the queue. Returns how many answers it posted. */
  deliverDue(): Promise<number> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(intervalMs: number): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => void this.deliverDue(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async round(): Promise<number> {
    const { store, logger, clock } = this.deps;
    let delivered = 0;
    try {
      await this.dropExpired();
      for (let batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
        const due = await store.dueQueuedAnswers(clock(), BATCH);
        for (const queued of due) {
          // Slack asked this channel to wait: its answers stay due and go in a later round.
          if (clock() < (this.pausedUntil.get(queued.channelId) ?? 0)) continue;
          if (await this.deliverQueued(queued)) delivered++;
        }
        if (due.length < BATCH) break;
      }
    } catch (err) {
      // StorageHealth (the monitored store) logs the outage once; one line per round would flood.
      logger.debug({ err }, 'storage trouble: cannot read the answer outbox');
    }
    return delivered;
  }

  private async deliverQueued(queued: QueuedAnswer): Promise<boolean> {
    const { store, logger, clock } = this.deps;
    const answer: AnswerPost = queued;
    if (queued.attemptStartedAt !== undefined) {
      // A replica took it and never reported back (it died mid-post): it may be in the thread.
      if (await store.deleteQueuedAnswer(queued.id)) {
        logger.warn(
          { channel: queued.channelId, kind: queued.kind },
          'a queued answer may have been posted before a crash; not posting it again',
        );
      }
      return false;
    }
    const now = clock();
    if (!(await store.claimQueuedAnswer(queued.id, now, now + LEASE_MS))) return false;
    try {
      const posted = await this.send(answer);
      await store.deleteQueuedAnswer(queued.id);
      await this.recordPosted(answer, posted, now);
      logger.info(
        {
          channel: queued.channelId,
          kind: queued.kind,
          attempts: queued.attempts + 1,
          waitedMs: now - queued.createdAt,
        },
        'posted a queued answer',
      );
      return true;
    } catch (err) {
      const failure = classifyCallFailure(err);
      if (failure.kind === 'uncertain' || !failure.retryable) {
        await store.deleteQueuedAnswer(queued.id);
        if (failure.kind === 'rejected') await this.recordGaveUp(answer);
        logger.warn(
          { channel: queued.channelId, kind: queued.kind, error: failure.error },
          failure.kind === 'uncertain'
            ? 'a queued answer may have been posted (no reply from Slack); not posting it again'
            : 'Slack refused a queued answer; dropped it',
        );
        return false;
      }
      const until = this.pause(queued.channelId, clock(), failure.retryAfterMs);
      const next = Math.max(clock() + answerBackoffMs(queued.attempts + 1), until);
      await store.rescheduleQueuedAnswer(queued.id, failure.error, next);
      return false;
    }
  }

  /** Later than the window, an answer is noise in a conversation that has moved on. */
  private async dropExpired(): Promise<void> {
    const { store, logger, clock } = this.deps;
    const now = clock();
    for (const old of await store.queuedAnswersOlderThan(now - this.deps.windowMs, BATCH)) {
      if (!(await store.deleteQueuedAnswer(old.id))) continue;
      await this.recordGaveUp(old);
      logger.warn(
        {
          channel: old.channelId,
          thread: old.threadTs,
          kind: old.kind,
          attempts: old.attempts,
          ageMs: now - old.createdAt,
          error: old.lastError,
        },
        'dropped a queued answer: Slack did not take it within the delivery window',
      );
    }
  }

  private async send(answer: AnswerPost): Promise<string | undefined> {
    const res = await this.deps.postClient.chat.postMessage({
      ...(answer.payload as { text: string }),
      channel: answer.channelId,
      thread_ts: answer.threadTs,
    });
    return res.ts;
  }

  private async enqueue(answer: AnswerPost, now: number, nextAttemptAt: number, reason: string): Promise<PostResult> {
    try {
      await this.deps.store.enqueueAnswer({
        ...answer,
        id: randomUUID(),
        createdAt: now,
        attempts: 0,
        nextAttemptAt,
        attemptStartedAt: undefined,
        lastError: reason,
      });
      this.deps.logger.info({ channel: answer.channelId, kind: answer.kind, reason }, 'queued an answer for later');
      return { status: 'queued' };
    } catch (err) {
      this.deps.logger.error(
        { err, channel: answer.channelId },
        'storage trouble: an answer Slack refused could not be queued and is lost',
      );
      return { status: 'refused', error: 'storage unavailable' };
    }
  }

  /** Records Slack's Retry-After for a channel; returns until when the channel waits. */
  private pause(channelId: string, now: number, retryAfterMs: number | undefined): number {
    const until = Math.max(this.pausedUntil.get(channelId) ?? 0, retryAfterMs === undefined ? 0 : now + retryAfterMs);
    if (until > now) this.pausedUntil.set(channelId, until);
    else this.pausedUntil.delete(channelId);
    return until;
  }

  /** The reply record backs edits of the paste; the cooldown's reply makes repeats point to it. */
  private async recordPosted(answer: AnswerPost, ts: string | undefined, at: number): Promise<void> {
    if (ts === undefined || answer.signature === undefined) return;
    const signature = answer.signature;
    const { store, logger } = this.deps;
    try {
      await store.saveReply({
        channelId: answer.channelId,
        messageTs: answer.messageTs,
        replyTs: ts,
        threadTs: answer.threadTs,
        signature,
        createdAt: at,
      });
      await store.setCooldownReply(answer.channelId, signature, answer.messageTs, ts);
    } catch (err) {
      logger.debug({ err }, 'storage trouble: could not record a posted answer');
    }
  }

  /** The paste holding the cooldown got no answer: let the next identical paste answer in full. */
  private async recordGaveUp(answer: AnswerPost): Promise<void> {
    if (answer.signature === undefined) return;
    await this.deps.store
      .releaseCooldown(answer.channelId, answer.signature, answer.messageTs)
      .catch((err: unknown) => this.deps.logger.debug({ err }, 'storage trouble: could not release a cooldown'));
  }
}
