import type { webApi } from '@slack/bolt';
import type { AppLogger } from '../logger';
import type { Store } from '../store';
import type { EscalationRecord } from '../store/types';
import { buildCaseMessage, shortId } from './case-text';
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
}

/** How long one replica holds a case while it tries to post it. */
const ATTEMPT_LEASE_MS = 60_000;
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

  constructor(private readonly deps: DeliveryDeps) {}

  /** Tries to post one case now. Never throws: the outcome says what happened. */
  async deliver(client: WebClient, record: EscalationRecord): Promise<DeliveryResult> {
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
    try {
      let ts: string | undefined;
      if (this.deps.escalationChannelId !== undefined) {
        const posted = await client.chat.postMessage({
          channel: this.deps.escalationChannelId,
          ...buildCaseMessage(c, record.id, { forSubmitter: false }),
          unfurl_links: false,
        });
        ts = posted.ts;
      }
      await store.markEscalationDelivered(record.id, ts, clock());
      logger.info({ case: shortId(record.id), attempts: record.attempts + 1 }, 'escalation delivered');
      return { delivered: true, case: c, error: undefined, channelMessageTs: ts };
    } catch (err) {
      const error = slackError(err);
      const next = clock() + backoffMs(record.attempts + 1);
      await store
        .markEscalationAttemptFailed(record.id, error, next)
        .catch((e: unknown) => logger.error({ err: e }, 'could not record a failed delivery'));
      logger.warn({ err, case: shortId(record.id) }, 'escalation not delivered yet; will retry');
      return { delivered: false, case: c, error, channelMessageTs: undefined };
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
        const result = await this.deliver(client, record);
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
      text: `Your escalation ${shortId(record.id)} has now been posted${channel ? ` to <#${channel}>` : ''}.`,
    });
  } catch (err) {
    logger.warn({ err }, 'could not tell the submitter about a late delivery');
  }
}

export function slackError(err: unknown): string {
  const e = err as { data?: { error?: unknown }; code?: unknown; statusCode?: unknown; message?: unknown };
  if (typeof e.data?.error === 'string') return e.data.error;
  if (typeof e.statusCode === 'number') return `HTTP ${e.statusCode}`;
  if (typeof e.code === 'string') return e.code;
  return typeof e.message === 'string' ? e.message.slice(0, 200) : 'unknown error';
}
