import type { Store } from '../store';

/** Hourly: event IDs and drafts older than a day are no longer needed. */
const HOUSEKEEPING_MS = 60 * 60_000;
const KEEP_EVENTS_MS = 24 * 60 * 60_000;
/** Masked pastes back the Escalate and Post-in-thread buttons; after 30 days those start empty. */
const KEEP_PASTES_MS = 30 * 24 * 60 * 60_000;

/** Deletes what the retention policy (README, Running it) says is no longer needed; returns a stop function. */
export function startHousekeeping(store: Store, clock: () => number): () => void {
  const timer = setInterval(() => {
    const cutoff = clock() - KEEP_EVENTS_MS;
    void store.pruneEvents(cutoff).catch(() => {});
    void store.pruneDrafts(cutoff).catch(() => {});
    void store.prunePastes(clock() - KEEP_PASTES_MS).catch(() => {});
    // Unknown errors are listed over 30 days (App Home, `cli gaps`); older ones only take space.
    void store.pruneKnowledgeGaps(clock() - KEEP_PASTES_MS).catch(() => {});
  }, HOUSEKEEPING_MS);
  timer.unref();
  return () => clearInterval(timer);
}
