/**
 * The one persistence interface. Two engines implement it with the same SQL: an embedded SQLite
 * file (one replica, no setup) and PostgreSQL (several replicas behind a load balancer). All
 * times are milliseconds since the epoch.
 */
import type { LanguageSetting } from '../i18n/lang';

export type ChannelMode = 'auto' | 'mentions' | 'off';
export const CHANNEL_MODES: readonly ChannelMode[] = ['auto', 'mentions', 'off'];

export interface ChannelSettings {
  readonly channelId: string;
  readonly mode: ChannelMode;
  readonly allowBots: boolean;
  /** The language answers in this channel use; `auto` follows each poster and their paste. */
  readonly language: LanguageSetting;
  /** The org "Check org limits" and /sflimits use in this channel; undefined = the first configured. */
  readonly defaultOrg?: string | undefined;
  readonly updatedBy: string | undefined;
  readonly updatedAt: number;
}

export const DEFAULT_CHANNEL_SETTINGS: Omit<ChannelSettings, 'channelId'> = {
  mode: 'auto',
  allowBots: false,
  language: 'auto',
  updatedBy: undefined,
  updatedAt: 0,
};

/** The bot's answer to one message, so edits update it and repeats point to it. */
export interface ReplyRecord {
  readonly channelId: string;
  readonly messageTs: string;
  readonly replyTs: string;
  readonly threadTs: string;
  readonly signature: string;
  readonly createdAt: number;
}

/** A paste the bot diagnosed, secrets already masked, kept for buttons and escalation prefill. */
export interface PasteRecord {
  readonly id: string;
  readonly channelId: string | undefined;
  readonly messageTs: string | undefined;
  readonly threadTs: string | undefined;
  readonly userId: string | undefined;
  readonly maskedText: string;
  readonly createdAt: number;
}

export type Vote = 'up' | 'down';

export interface FeedbackRecord {
  readonly code: string;
  readonly vote: Vote;
  readonly userId: string;
  readonly channelId: string;
  readonly messageTs: string;
  readonly createdAt: number;
}

export interface LimitsSnapshotRecord {
  readonly id: string;
  readonly org: string;
  readonly takenAt: number;
  /** The `/limits` body as Salesforce returned it. */
  readonly raw: unknown;
  /** `api-usage=used/limit` from the Sforce-Limit-Info header, when present. */
  readonly apiUsage: { readonly used: number; readonly limit: number } | undefined;
}

/** How bad a watched limit is, in order: a projection inside the horizon, then the bands. */
export type WatchLevel = 'projected' | 'warning' | 'critical' | 'exhausted';

/** One limits-watch alert: from the first crossing until two intervals back under the band. */
export interface WatchEpisodeRecord {
  readonly id: string;
  readonly org: string;
  readonly limitKey: string;
  readonly channelId: string;
  readonly status: 'open' | 'resolved';
  readonly level: WatchLevel;
  /** The worst level announced so far (0–3, see WATCH_LEVELS); a thread reply goes out when it rises. */
  readonly notifiedRank: number;
  readonly openedAt: number;
  readonly updatedAt: number;
  readonly resolvedAt: number | undefined;
  /** The alert's ts in the channel; undefined until one replica has posted it. */
  readonly messageTs: string | undefined;
  /** Consecutive evaluations back under the band. */
  readonly belowCount: number;
  readonly ackedBy: string | undefined;
  readonly ackedAt: number | undefined;
  /** What the alert shows (the latest row and projection), as JSON. */
  readonly detail: unknown;
}

/** A snooze (until a time) or a mute (no end) of one limit of one org in one channel. */
export interface WatchSilenceRecord {
  readonly channelId: string;
  readonly org: string;
  readonly limitKey: string;
  readonly kind: 'snooze' | 'mute';
  readonly until: number | undefined;
  readonly byUser: string;
  readonly at: number;
}

export type EscalationStatus = 'pending' | 'delivered';

export interface EscalationRecord {
  readonly id: string;
  /** Unique per modal submission: a double click or a Slack retry maps to the same case. */
  readonly submissionKey: string;
  readonly userId: string;
  readonly status: EscalationStatus;
  /** The validated, secret-masked case (see escalation/case.ts). */
  readonly caseData: unknown;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | undefined;
  readonly channelMessageTs: string | undefined;
  readonly createdAt: number;
  readonly deliveredAt: number | undefined;
  /** When the last post began, while its outcome is unknown; the post may already be in Slack. */
  readonly attemptStartedAt?: number | undefined;
}

/** An answer (or cooldown pointer) Slack refused for now, waiting in the outbox. */
export interface QueuedAnswer {
  readonly id: string;
  readonly channelId: string;
  readonly threadTs: string;
  /** The paste it answers. */
  readonly messageTs: string;
  /** Set for full answers: recorded as the paste's reply (and the cooldown's) once posted. */
  readonly signature: string | undefined;
  readonly kind: 'answer' | 'pointer';
  /** chat.postMessage arguments other than channel and thread_ts. */
  readonly payload: Record<string, unknown>;
  readonly createdAt: number;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  /** Set while a replica is posting it; still set after a crash mid-post. */
  readonly attemptStartedAt: number | undefined;
  readonly lastError: string | undefined;
}

/** Who gave the full answer to an error in a channel, for the cooldown. */
export interface CooldownClaim {
  readonly channelId: string;
  readonly signature: string;
  readonly messageTs: string;
  readonly threadTs: string;
  /** Known once the answer is posted. */
  readonly replyTs: string | undefined;
  readonly claimedAt: number;
}

/** A Salesforce error the bot answered under a template because no entry knows it. */
export interface KnowledgeGapRecord {
  readonly id: string;
  /** The name the paste shows (a custom Apex exception type, an errorCode the knowledge lacks). */
  readonly code: string;
  /** The template it was answered with: which kind of unknown error it is. */
  readonly family: string;
  readonly channelId: string;
  /** A short excerpt around it, secrets masked. */
  readonly excerpt: string;
  readonly seenAt: number;
}

/** One unknown error, counted over a window: the most frequent are worth an entry first. */
export interface KnowledgeGapSummary {
  readonly code: string;
  readonly family: string;
  readonly count: number;
  readonly lastSeen: number;
  readonly excerpt: string;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** Applies pending migrations, forward only. Safe to run from several replicas at once. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;

  /** True the first time an event ID is claimed, false for every redelivery (across replicas). */
  claimEvent(eventId: string, now: number): Promise<boolean>;
  pruneEvents(olderThan: number): Promise<number>;

  getChannelSettings(channelId: string): Promise<ChannelSettings>;
  setChannelSettings(settings: ChannelSettings): Promise<void>;

  /** A person's own language choice from App Home; `auto` (their Slack locale) when never set. */
  getUserLanguage(userId: string): Promise<LanguageSetting>;
  setUserLanguage(userId: string, language: LanguageSetting, at: number): Promise<void>;

  saveReply(reply: ReplyRecord): Promise<void>;
  findReplyForMessage(channelId: string, messageTs: string): Promise<ReplyRecord | undefined>;
  findRecentReply(channelId: string, signature: string, since: number): Promise<ReplyRecord | undefined>;

  savePaste(paste: PasteRecord): Promise<void>;
  getPaste(id: string): Promise<PasteRecord | undefined>;
  /** The latest paste stored for a Slack message (a thread's parent, when the bot is mentioned). */
  findPasteForMessage(channelId: string, messageTs: string): Promise<PasteRecord | undefined>;
  /** Masked pastes are kept for their answers' buttons, not for ever. */
  prunePastes(olderThan: number): Promise<number>;

  recordKnowledgeGap(gap: KnowledgeGapRecord): Promise<void>;
  /** The unknown errors seen since `since`, most frequent first. */
  knowledgeGaps(since: number, limit: number): Promise<KnowledgeGapSummary[]>;
  pruneKnowledgeGaps(olderThan: number): Promise<number>;

  /** One vote per user per answer and code; voting again replaces the earlier vote. */
  recordFeedback(feedback: FeedbackRecord): Promise<void>;
  feedbackTotals(code: string): Promise<{ up: number; down: number }>;

  saveLimitsSnapshot(snapshot: LimitsSnapshotRecord): Promise<void>;
  latestLimitsSnapshot(org: string): Promise<LimitsSnapshotRecord | undefined>;
  countLimitsSnapshots(org: string): Promise<number>;
  /** Snapshots taken at or after `since`, oldest first (trend charts, projections). */
  limitsSnapshotsSince(org: string, since: number): Promise<LimitsSnapshotRecord[]>;

  /**
   * Takes this interval's watch of an org (one replica wins): true when the org was due at `now`;
   * it is then not due again before `nextDueAt`.
   */
  claimWatchTick(org: string, now: number, nextDueAt: number): Promise<boolean>;
  /** Opens an episode, or returns the one already open for the same org, limit and channel. */
  openWatchEpisode(episode: WatchEpisodeRecord): Promise<{ record: WatchEpisodeRecord; created: boolean }>;
  getWatchEpisode(id: string): Promise<WatchEpisodeRecord | undefined>;
  /** Open episodes, of one org or of all. */
  openWatchEpisodes(org?: string): Promise<WatchEpisodeRecord[]>;
  /** The right to post an episode's first message (one replica wins; the lease ends at `leaseUntil`). */
  claimWatchEpisodePost(id: string, now: number, leaseUntil: number): Promise<boolean>;
  setWatchEpisodeMessage(id: string, messageTs: string): Promise<void>;
  updateWatchEpisode(
    id: string,
    patch: { readonly level: WatchLevel; readonly belowCount: number; readonly detail: unknown; readonly at: number },
  ): Promise<void>;
  /** Raises the announced level; true for the one caller that raised it (it posts the thread reply). */
  raiseWatchEpisodeNotified(id: string, rank: number): Promise<boolean>;
  /** True for the one caller that resolved it. */
  resolveWatchEpisode(id: string, at: number): Promise<boolean>;
  acknowledgeWatchEpisode(id: string, userId: string, at: number): Promise<void>;
  /** Sets a snooze or mute, replacing any earlier one for that limit in that channel. */
  setWatchSilence(silence: WatchSilenceRecord): Promise<void>;
  removeWatchSilence(channelId: string, org: string, limitKey: string): Promise<void>;
  /** Mutes, and snoozes that have not ended at `now`. */
  activeWatchSilences(now: number, org?: string): Promise<WatchSilenceRecord[]>;

  /** Inserts the case, or returns the existing one for the same submission key. */
  createEscalation(escalation: EscalationRecord): Promise<{ record: EscalationRecord; created: boolean }>;
  getEscalation(id: string): Promise<EscalationRecord | undefined>;
  /** Takes the right to attempt delivery now (one replica wins); the lease ends at `leaseUntil`. */
  claimEscalationAttempt(id: string, now: number, leaseUntil: number): Promise<boolean>;
  updateEscalationCase(id: string, caseData: unknown): Promise<void>;
  markEscalationDelivered(id: string, channelMessageTs: string | undefined, at: number): Promise<void>;
  /** Recorded before the post goes out, so a crash mid-post leaves a trace. */
  markEscalationAttemptStarted(id: string, at: number): Promise<void>;
  /**
   * `mayHaveLanded` keeps the attempt mark (a timeout: the next attempt looks for the post
   * first); otherwise the mark is cleared (Slack said no: nothing to look for).
   */
  markEscalationAttemptFailed(id: string, error: string, nextAttemptAt: number, mayHaveLanded?: boolean): Promise<void>;
  /**
   * Makes every pending case due now, dropping leases and backoff. Only for a single-replica
   * (SQLite) start-up: a lease left in the file belongs to a process that is gone.
   */
  releaseDeliveryLeases(now: number): Promise<number>;
  /** Pending cases whose next attempt is due, oldest first. */
  duePendingEscalations(now: number, limit: number): Promise<EscalationRecord[]>;
  recentEscalations(limit: number, userId?: string): Promise<EscalationRecord[]>;

  /** Unsaved escalation modal input, kept while the person switches between field sets. */
  saveDraft(viewId: string, data: unknown, at: number): Promise<void>;
  getDraft(viewId: string): Promise<unknown | undefined>;
  deleteDraft(viewId: string): Promise<void>;
  pruneDrafts(olderThan: number): Promise<number>;

  /** Answer outbox: answers Slack refused for now, delivered once it recovers. */
  enqueueAnswer(answer: QueuedAnswer): Promise<void>;
  /** The oldest queued answer of each thread that is due (a later one waits for the earlier). */
  dueQueuedAnswers(now: number, limit: number): Promise<QueuedAnswer[]>;
  /** Whether a thread has answers waiting, so a new one goes behind them. */
  hasQueuedAnswer(channelId: string, threadTs: string): Promise<boolean>;
  /** Takes the right to post it now (one replica wins) and marks the attempt as started. */
  claimQueuedAnswer(id: string, now: number, leaseUntil: number): Promise<boolean>;
  /** Slack refused it again: try again at `nextAttemptAt`. */
  rescheduleQueuedAnswer(id: string, error: string, nextAttemptAt: number): Promise<void>;
  /** True when this call removed it (posted, given up or expired). */
  deleteQueuedAnswer(id: string): Promise<boolean>;
  /** Answers queued before `cutoff`, oldest first: too late to post. */
  queuedAnswersOlderThan(cutoff: number, limit: number): Promise<QueuedAnswer[]>;

  /**
   * Claims the cooldown for an error in a channel: true for exactly one caller while an earlier
   * claim younger than `since` exists for neither; false when someone else holds it.
   */
  claimCooldown(claim: Omit<CooldownClaim, 'replyTs'>, since: number): Promise<boolean>;
  getCooldownClaim(channelId: string, signature: string): Promise<CooldownClaim | undefined>;
  setCooldownReply(channelId: string, signature: string, messageTs: string, replyTs: string): Promise<void>;
  /** The holder's answer could not be posted: let the next paste answer in full. */
  releaseCooldown(channelId: string, signature: string, messageTs: string): Promise<void>;

  getRefreshToken(org: string): Promise<string | undefined>;
  setRefreshToken(org: string, token: string, at: number): Promise<void>;
}
