/**
 * The limits watch's clock: one tick per org right after start-up and then every interval. A tick
 * still running when the next is due is not doubled; stop() waits for running ticks.
 */
export interface WatchTicker {
  readonly orgs: readonly string[];
  readonly intervalMs: number;
  tick(org: string): Promise<void>;
}

export interface WatchScheduler {
  stop(): Promise<void>;
}

export function startWatchScheduler(ticker: WatchTicker, onError: (err: unknown, org: string) => void): WatchScheduler {
  const running = new Map<string, Promise<void>>();
  const run = () => {
    for (const org of ticker.orgs) {
      if (running.has(org)) continue;
      const p = ticker
        .tick(org)
        .catch((err: unknown) => onError(err, org))
        .finally(() => running.delete(org));
      running.set(org, p);
    }
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, ticker.intervalMs);
  timer.unref();
  first.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
