/**
 * Start-up and shutdown of a built assistant: the receiver, the background loops (escalation
 * delivery, the answer outbox, housekeeping, the limits watch), draining running handlers, and
 * closing the store. Kept apart from app.ts so the composition root stays a wiring diagram.
 */
import type { App } from '@slack/bolt';
import type { Config } from './config';
import type { CaseDelivery } from './escalation/delivery';
import type { EngineHolder } from './knowledge/engine-holder';
import type { AppLogger } from './logger';
import type { AnswerOutbox } from './services/answer-outbox';
import { startHousekeeping } from './services/housekeeping';
import type { LimitsWatch } from './services/limits-watch';
import type { HandlerTracker } from './slack/handler-tracker';
import type { Store } from './store';
import { startWatchScheduler, type WatchScheduler } from './watch/scheduler';

/** How long shutdown waits for handlers that are still running. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface LifecycleDeps {
  readonly app: App;
  readonly config: Config;
  readonly store: Store;
  readonly engines: EngineHolder;
  readonly logger: AppLogger;
  readonly clock: () => number;
  readonly delivery: CaseDelivery;
  readonly outbox: AnswerOutbox;
  readonly watch: LimitsWatch | undefined;
  readonly handlers: HandlerTracker;
  readonly orgNames: readonly string[];
  readonly deliveryIntervalMs: number;
  readonly outboxIntervalMs: number;
  /** Turns /healthz to 503 so a load balancer stops sending work. */
  readonly setDraining: () => void;
  /** HTTP mode: frees idle keep-alive sockets, which server.close() would otherwise wait for. */
  readonly closeIdleConnections: () => void;
}

export function createLifecycle(deps: LifecycleDeps): { start(): Promise<void>; stop(): Promise<void> } {
  const { app, config, store, engines, logger, clock, delivery, outbox, watch, handlers } = deps;
  let stopHousekeeping: (() => void) | undefined;
  let watching: WatchScheduler | undefined;
  return {
    async start() {
      if (config.slack.appToken === undefined) await app.start(config.slack.port);
      else await app.start();
      // SQLite means one replica, so a lease still in the file was held by a process that died
      // mid-post: free it, so that case goes out now rather than when the lease runs out.
      if (store.engine === 'sqlite') {
        const released = await store.releaseDeliveryLeases(clock()).catch(() => 0);
        if (released > 0) logger.info({ cases: released }, 'retrying pending escalations left by the last run');
      }
      delivery.start(app.client, deps.deliveryIntervalMs);
      // Answers queued before a restart (or by another replica) go out from here too.
      outbox.start(deps.outboxIntervalMs);
      stopHousekeeping = startHousekeeping(store, clock);
      if (watch !== undefined) {
        watching = startWatchScheduler(
          { orgs: watch.orgs, intervalMs: watch.intervalMs, tick: (org) => watch.tick(org, app.client) },
          (err, org) => logger.error({ err, org }, 'limits watch tick failed'),
        );
      }
      logger.info(
        {
          mode: config.slack.appToken === undefined ? 'http' : 'socket',
          port: config.slack.appToken === undefined ? config.slack.port : undefined,
          store: store.engine,
          orgs: deps.orgNames,
          watching: watch?.orgs ?? [],
          knowledge: engines.current.knowledge.entries.length,
        },
        'sf-api-assistant started',
      );
    },
    async stop() {
      deps.setDraining();
      stopHousekeeping?.();
      const stopping = app.stop().catch((err: unknown) => logger.warn({ err }, 'error while stopping the receiver'));
      deps.closeIdleConnections();
      await stopping;
      const unfinished = await handlers.drain(DRAIN_TIMEOUT_MS);
      await watching?.stop();
      await delivery.stop();
      await outbox.stop();
      // One last delivery round so cases saved just before shutdown are not left waiting.
      await delivery.retryDue(app.client).catch(() => {});
      await store.close().catch(() => {});
      logger.info({ unfinished }, 'sf-api-assistant stopped');
    },
  };
}
