/**
 * One place that logs storage trouble. While the database is down every event touches the store
 * several times, and logging each failure gave 1,537 lines in 20 s at 40 events/s. Instead the
 * store is watched as a whole: one line when it starts failing, a summary at most once a minute
 * while it keeps failing (how many operations failed, and which), and one line when it recovers.
 * Callers still carry on without the store as before; they log their own fallbacks at debug.
 */
import type { AppLogger } from '../logger';
import type { Store } from '../store';

/** How often a summary is logged while the store keeps failing. */
export const STORAGE_SUMMARY_INTERVAL_MS = 60_000;

export class StorageHealth {
  private failingSince: number | undefined;
  private lastLineAt = 0;
  private totalFailures = 0;
  /** Failures per store operation since the last line. */
  private sinceLine = new Map<string, number>();

  constructor(
    private readonly logger: AppLogger,
    private readonly clock: () => number,
    private readonly summaryIntervalMs = STORAGE_SUMMARY_INTERVAL_MS,
  ) {}

  get failing(): boolean {
    return this.failingSince !== undefined;
  }

  failed(operation: string, err: unknown): void {
    const now = this.clock();
    this.totalFailures++;
    if (this.failingSince === undefined) {
      this.failingSince = now;
      this.lastLineAt = now;
      this.sinceLine.clear();
      this.logger.error(
        { err, operation },
        'storage trouble: the database is failing; carrying on without it (a summary follows at most once a minute)',
      );
      return;
    }
    this.sinceLine.set(operation, (this.sinceLine.get(operation) ?? 0) + 1);
    if (now - this.lastLineAt >= this.summaryIntervalMs) {
      this.logger.error(
        {
          err,
          failures: this.countSinceLine(),
          operations: Object.fromEntries(this.sinceLine),
          failingForMs: now - this.failingSince,
        },
        'storage trouble: still failing',
      );
      this.lastLineAt = now;
      this.sinceLine.clear();
    }
  }

  succeeded(): void {
    if (this.failingSince === undefined) return;
    const now = this.clock();
    this.logger.info(
      { failures: this.countSinceLine(), totalFailures: this.totalFailures, failingForMs: now - this.failingSince },
      'storage recovered',
    );
    this.failingSince = undefined;
    this.totalFailures = 0;
    this.sinceLine.clear();
  }

  private countSinceLine(): number {
    let n = 0;
    for (const count of this.sinceLine.values()) n += count;
    return n;
  }
}

/**
 * The same store, with every operation's outcome reported to `health`. A Proxy rather than a
 * hand-written wrapper, so an operation added to the Store interface is watched too.
 */
export function monitorStore(store: Store, health: StorageHealth): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      // close() is not a sign of health either way.
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (ok: unknown) => {
            health.succeeded();
            return ok;
          },
          (err: unknown) => {
            health.failed(String(property), err);
            throw err;
          },
        );
      };
    },
  });
}
