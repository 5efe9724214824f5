import type { AppLogger } from '../logger';
import type { Store } from '../store';

/**
 * Slack redelivers events it thinks were lost (X-Slack-Retry-Num). An event ID is claimed in the
 * shared store, so one reply goes out however many replicas receive the event. If the store is
 * down, a bounded in-process set keeps this replica from answering twice and the answer still goes
 * out: better a rare duplicate across replicas than silence.
 */
export class EventDedupe {
  private readonly local = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly logger: AppLogger,
    private readonly maxLocal = 10_000,
  ) {}

  async claim(eventId: string | undefined, now: number): Promise<boolean> {
    if (eventId === undefined || eventId === '') return true;
    if (this.local.has(eventId)) return false;
    this.remember(eventId, now);
    try {
      return await this.store.claimEvent(eventId, now);
    } catch (err) {
      // Debug only: StorageHealth logs the outage itself, once.
      this.logger.debug({ err, eventId }, "event de-duplication store unavailable; using this replica's memory");
      return true;
    }
  }

  private remember(eventId: string, now: number): void {
    this.local.set(eventId, now);
    if (this.local.size > this.maxLocal) {
      // Maps iterate in insertion order: drop the oldest.
      const oldest = this.local.keys().next().value;
      if (oldest !== undefined) this.local.delete(oldest);
    }
  }
}
