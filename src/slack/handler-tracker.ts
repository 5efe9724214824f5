import type { App } from '@slack/bolt';

/**
 * Counts the Slack handlers that are running, so shutdown can wait for them and tests can wait
 * for the app to be idle instead of sleeping.
 */
export class HandlerTracker {
  private running = 0;
  private readonly idleWaiters: Array<() => void> = [];

  /** Registers the counting middleware; it must come before every listener. */
  attach(app: App): void {
    app.use(async ({ next }) => {
      this.running++;
      try {
        await next();
      } finally {
        this.running--;
        if (this.running === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    });
  }

  get inFlight(): number {
    return this.running;
  }

  whenIdle(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Waits for running handlers, at most `timeoutMs`; resolves with how many are still running. */
  async drain(timeoutMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.whenIdle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    return this.running;
  }
}
