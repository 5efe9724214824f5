import type { webApi } from '@slack/bolt';
import { messages } from '../i18n';
import type { AppLogger } from '../logger';
import { METADATA_EVENTS } from '../slack/ids';
import { classifyCallFailure } from '../slack/post-outcome';
import type { Store } from '../store';
import type { EscalationRecord } from '../store/types';
import { buildCaseMessage, caseLang, shortId } from './case-text';
import type { EscalationCase } from './model';
import type { TrustService } from './trust';

type WebClient = webApi.WebClient;

export interface DeliveryResult {
  readonly delivered: boolean;
  readonly case: EscalationCase;
  readonly error: string | undefined;
  readonly channelMessageTs: string | undefined;
}

export interface DeliveryDeps {
  readonly store: Store;
  readonly trust: TrustService;
  readonly logger: AppLogger;
  readonly clock: () => number;
  readonly escalationChannelId: string | undefined;
  /**
   * Makes exactly one request per call (no retries inside the client): a retried post that had
   * already landed is a second copy of the case.
   */
  readonly postClient: WebClient;
}

/** How long one replica holds a case while it tries to post it. */
const ATTEMPT_LEASE_MS = 60_000;
/**
 * conversations.history allows apps outside the Marketplace 1 request a minute and 15 messages:
 * after a refusal (or a page that did not settle it), look again no sooner than this.
 */
const LOOKUP_RETRY_MS = 60_000;
const LOOKUP_PAGE = 15;
/** Slack's ts may be a little before our clock's idea of when the attempt began. */
const LOOKUP_CLOCK_SLACK_MS = 5_000;

type Lookup =
  | { readonly kind: 'found'; readonly ts: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown'; readonly error: string; readonly retryAfterMs: number | undefined };
/** Retry schedule for a case whose post failed: 30 s, 1 min, 2 min … capped at 30 min. */
export function backoffMs(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Posts stored cases to the escalation channel. A case is always stored first; posting happens
 * after, and a failure leaves it pending for the retrier (which also runs at start-up), so a
 * case is never lost. Replicas claim a case before posting it, so it is posted once.
 */
export class CaseDelivery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Where a history lookup that needed more than one page goes on, per case (lost on restart: it starts over). */
  private readonly lookupCursors = new Map<string, string>();

  constructor(private readonly deps: DeliveryDeps) {}

  /** Tries to post one case now. Never throws: the outcome says what happened. */
  async deliver(record: EscalationRecord): Promise<DeliveryResult> {
    const { store, logger, clock } = this.deps;
    let c = record.caseData as EscalationCase;
    const now = clock();
    const claimed = await store.claimEscalationAttempt(record.id, now, now + ATTEMPT_LEASE_MS).catch(() => false);
    if (!claimed) {
      return {
        delivered: record.status === 'delivered',
        case: c,
        error: 'already being delivered',
        channelMessageTs: record.channelMessageTs,
      };
    }
    // Support asks first whether Salesforce had an incident: check once, before the case goes out.
    if (c.trust === undefined) {
      c = { ...c, trust: await this.deps.trust.check(c.instance) };
      await store
        .updateEscalationCase(record.id, c)
        .catch((err: unknown) => logger.warn({ err }, 'could not save the Trust status on the case'));
    }
    const channel = this.deps.escalationChannelId;
    if (channel === undefined) {
      await store.markEscalationDelivered(record.id, undefined, clock()).catch((err: unknown) => {
        logger.error({ err }, 'could not record a delivered escalation');
      });
      return { delivered: true, case: c, error: undefined, channelMessageTs: undefined };
    }
    // An earlier attempt began and never reported back (a crash, a timeout): its post may be in the
    // channel already. Look before posting again, and never post while that is unknown.
    if (record.attemptStartedAt !== undefined) {
      const earlier = await this.findEarlierPost(channel, record.id, record.attemptStartedAt);
      if (earlier.kind === 'found') {
        await store
          .markEscalationDelivered(record.id, earlier.ts, clock())
          .catch((err: unknown) => logger.error({ err }, 'could not record a delivered escalation'));
        logger.info({ case: shortId(record.id) }, 'escalation was already in the channel; not posting it again');
        return { delivered: true, case: c, error: undefined, channelMessageTs: earlier.ts };
      }
      if (earlier.kind === 'unknown') {
        const next = clock() + Math.max(LOOKUP_RETRY_MS, earlier.retryAfterMs ?? 0);
        await store
          .markEscalationAttemptFailed(record.id, `lookup: ${earlier.error}`, next, true)
          .catch((e: unknown) => logger.error({ err: e }, 'could not record a failed delivery'));
        logger.warn(
          { case: shortId(record.id), error: earlier.error },
          'cannot tell yet whether the escalation was posted; looking again later',
        );
        return { delivered: false, case: c, error: earlier.error, channelMessageTs: undefined };
      }
    }
    try {
      // Stored before the call: if this process dies mid-post, the next attempt knows to look.
      await store.markEscalationAttemptStarted(record.id, clock());
    } catch (err) {
      logger.error({ err, case: shortId(record.id) }, 'storage trouble: not posting an escalation without a trace');
      return { delivered: false, case: c, error: 'storage unavailable', channelMessageTs: undefined };
    }
    // The channel's own language setting wins; otherwise the case is posted as the submitter wrote it.
    const setting = await store
      .getChannelSettings(channel)
      .then((s) => s.language)
      .catch(() => 'auto' as const);
    const lang = setting === 'auto' ? caseLang(c) : setting;
    try {
      const posted = await this.deps.postClient.chat.postMessage({
        channel,
        ...buildCaseMessage(c, record.id, { forSubmitter: false, lang }),
        unfurl_links: false,
        metadata: { event_type: METADATA_EVENTS.escalationCase, event_payload: { case_id: record.id } },
      });
      await store.markEscalationDelivered(record.id, posted.ts, clock());
      logger.info({ case: shortId(record.id), attempts: record.attempts + 1 }, 'escalation delivered');
      return { delivered: true, case: c, error: undefined, channelMessageTs: posted.ts };
    } catch (err) {
      const failure = classifyCallFailure(err);
      const error = failure.kind === 'uncertain' ? failure.error : slackError(err);
      const wait = Math.max(
        backoffMs(record.attempts + 1),
        failure.kind === 'rejected' ? (failure.retryAfterMs ?? 0) : 0,
      );
      await store
        .markEscalationAttemptFailed(record.id, error, clock() + wait, failure.kind === 'uncertain')
        .catch((e: unknown) => logger.error({ err: e }, 'could not record a failed delivery'));
      logger.warn(
        { err, case: shortId(record.id), mayHaveLanded: failure.kind === 'uncertain' },
        'escalation not delivered yet; will retry',
      );
      return { delivered: false, case: c, error, channelMessageTs: undefined };
    }
  }

  /**
   * Looks for the case's post in the escalation channel, by its metadata, in the window in which
   * an attempt that began at `startedAt` could have landed (it is leased for ATTEMPT_LEASE_MS).
   */
  private async findEarlierPost(channel: string, caseId: string, startedAt: number): Promise<Lookup> {
    const cursor = this.lookupCursors.get(caseId);
    try {
      const page = await this.deps.postClient.conversations.history({
        channel,
        oldest: slackTs(startedAt - LOOKUP_CLOCK_SLACK_MS),
        latest: slackTs(startedAt + ATTEMPT_LEASE_MS + LOOKUP_CLOCK_SLACK_MS),
        inclusive: true,
        include_all_metadata: true,
        limit: LOOKUP_PAGE,
        ...(cursor === undefined ? {} : { cursor }),
      });
      const match = (page.messages ?? []).find(
        (m) =>
          m.metadata?.event_type === METADATA_EVENTS.escalationCase &&
          (m.metadata.event_payload as { case_id?: unknown } | undefined)?.case_id === caseId,
      );
      if (match?.ts !== undefined) {
        this.lookupCursors.delete(caseId);
        return { kind: 'found', ts: match.ts };
      }
      const next = page.response_metadata?.next_cursor;
      if (page.has_more === true && next !== undefined && next !== '') {
        // More messages in the window than one page holds; the next page costs another minute.
        this.lookupCursors.set(caseId, next);
        return { kind: 'unknown', error: 'more history to read', retryAfterMs: undefined };
      }
      this.lookupCursors.delete(caseId);
      return { kind: 'absent' };
    } catch (err) {
      const failure = classifyCallFailure(err);
      return {
        kind: 'unknown',
        error: failure.error,
        retryAfterMs: failure.kind === 'rejected' ? failure.retryAfterMs : undefined,
      };
    }
  }

  /** Delivers every pending case that is due, oldest first, and tells each submitter. */
  async retryDue(client: WebClient): Promise<number> {
    let delivered = 0;
    this.running ??= (async () => {
      const due = await this.deps.store.duePendingEscalations(this.deps.clock(), 20).catch((err: unknown) => {
        this.deps.logger.debug({ err }, 'storage trouble: cannot read pending escalations');
        return [] as EscalationRecord[];
      });
      for (const record of due) {
        const result = await this.deliver(record);
        if (result.delivered) {
          delivered++;
          await notifyLateDelivery(client, record, this.deps.escalationChannelId, this.deps.logger);
        }
      }
    })().finally(() => {
      this.running = undefined;
    });
    await this.running;
    return delivered;
  }

  start(client: WebClient, intervalMs: number): void {
    if (this.timer !== undefined) return;
    void this.retryDue(client);
    this.timer = setInterval(() => void this.retryDue(client), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a delivery round in progress. */
  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

async function notifyLateDelivery(
  client: WebClient,
  record: EscalationRecord,
  channel: string | undefined,
  logger: AppLogger,
): Promise<void> {
  try {
    await client.chat.postMessage({
      channel: record.userId,
      text: messages(caseLang(record.caseData as EscalationCase)).escalation.nowPosted(shortId(record.id), channel),
    });
  } catch (err) {
    logger.warn({ err }, 'could not tell the submitter about a late delivery');
  }
}

/** Slack's "1700000000.000100" form of a time in milliseconds. */
function slackTs(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(6);
}

export function slackError(err: unknown): string {
  const e = err as { data?: { error?: unknown }; code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof e.data?.error === 'string') return e.data.error;
  if (typeof e.statusCode === 'number') return `HTTP ${e.statusCode}`;
  if (typeof e.code === 'string') return e.code;
  return typeof e.message === 'string' ? e.message.slice(0, 200) : 'unknown error';
}
