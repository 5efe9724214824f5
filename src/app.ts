/**
 * The composition root: builds every dependency from the config, registers the listeners and
 * returns the app with start() and stop(). Importing this file starts nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Config } from './config';
import { CaseDelivery } from './escalation/delivery';
import { EscalationService } from './escalation/service';
import { TrustService } from './escalation/trust';
import type { Engine } from './knowledge/engine';
import { registerListeners } from './listeners';
import { type AppLogger, boltLogger, boltLogLevel, createLogger } from './logger';
import { createOrgClient, type OrgClient } from './salesforce/client';
import { tokenVaultFor } from './salesforce/token-vault';
import { AccessControl } from './services/access';
import { createAnswerLimits } from './services/answer-limits';
import { AnswerOutbox } from './services/answer-outbox';
import { Answerer } from './services/answering';
import { EngineHolder } from './services/engine-holder';
import { EventDedupe } from './services/event-dedupe';
import type { Services } from './services/index';
import { LimitsService } from './services/limits-service';
import { LimitsWatch } from './services/limits-watch';
import { createSnippetFetcher } from './services/snippets';
import { monitorStore, StorageHealth } from './services/storage-health';
import { TrendService } from './services/trend-service';
import { WhoService } from './services/who-service';
import { guardSlackRequests } from './slack/request-guard';
import { reconnectPromptly, SOCKET_MODE_OPTIONS } from './slack/socket-mode';
import { openStore, type Store } from './store';
import { startWatchScheduler, type WatchScheduler } from './watch/scheduler';

export interface AssistantOverrides {
  readonly logger?: AppLogger;
  readonly store?: Store;
  readonly engine?: Engine;
  readonly clock?: () => number;
  /** Skips auth.test (tests give the bot's IDs directly). */
  readonly botIdentity?: { readonly botId: string; readonly botUserId: string };
  readonly orgClients?: ReadonlyMap<string, OrgClient>;
  /** Web API client options (tests turn retries off). */
  readonly clientOptions?: webApi.WebClientOptions;
  /** How often pending escalations are retried. */
  readonly deliveryIntervalMs?: number;
  /** How often the answer outbox is checked for answers Slack refused earlier. */
  readonly outboxIntervalMs?: number;
}

export interface Assistant {
  readonly app: App;
  readonly services: Services;
  /** HTTP mode: the port actually bound (useful with PORT=0). */
  readonly port: () => number | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Resolves once no Slack handler is running: everything the requests so far started is done.
   * Tests use it to prove that nothing happens, instead of waiting a fixed time.
   */
  whenIdle(): Promise<void>;
}

/** How long shutdown waits for handlers that are still running. */
const DRAIN_TIMEOUT_MS = 10_000;
/** Hourly housekeeping: event IDs and drafts older than a day are no longer needed. */
const HOUSEKEEPING_MS = 60 * 60_000;
const KEEP_EVENTS_MS = 24 * 60 * 60_000;
/** Masked pastes back the Escalate and Post-in-thread buttons; after 30 days those start empty. */
const KEEP_PASTES_MS = 30 * 24 * 60 * 60_000;
/** An answer Slack refused is still posted within this window; later, the thread has moved on. */
const ANSWER_WINDOW_MS = 10 * 60_000;
/** Answers are the main job: once Slack recovers, a queued one should follow within a second or so. */
const OUTBOX_INTERVAL_MS = 1_000;

export async function createAssistant(config: Config, overrides: AssistantOverrides = {}): Promise<Assistant> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const clock = overrides.clock ?? Date.now;
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.slack.apiUrl,
    // A few quick retries, then give up: a listener must not hold a request for half an hour.
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
    timeout: 10_000,
    ...overrides.clientOptions,
  };

  // Every Web API client gets the pino logger: one left without it prints plain-text [WARN] lines
  // of its own (Slack's response warnings, retries) in the middle of the JSON log.
  const identity =
    overrides.botIdentity ?? (await verifyBotToken(config, { ...clientOptions, logger: boltLogger(logger) }));
  // Storage trouble is logged here, as state changes and a summary, not by every caller.
  const store = monitorStore(overrides.store ?? (await openStore(config.database)), new StorageHealth(logger, clock));
  const engines = new EngineHolder({}, overrides.engine);
  const access = new AccessControl(config.allow, logger, clock);
  const dedupe = new EventDedupe(store, logger);
  const tokens = tokenVaultFor(config.salesforce, { store, logger, clock });
  const orgClients =
    overrides.orgClients ??
    new Map(
      config.salesforce.orgs.map((org) => [
        org.name,
        createOrgClient(org, {
          apiVersion: config.salesforce.apiVersion,
          timeoutMs: config.salesforce.timeoutMs,
          logger,
          tokens,
          clock,
        }),
      ]),
    );
  const limits =
    orgClients.size === 0
      ? undefined
      : new LimitsService({
          clients: orgClients,
          store,
          engines,
          logger,
          clock,
          cacheMs: config.salesforce.limitsCacheSeconds * 1000,
          refreshCooldownMs: config.salesforce.refreshCooldownSeconds * 1000,
          thresholds: {
            warnPercent: config.salesforce.warnPercent,
            criticalPercent: config.salesforce.criticalPercent,
          },
        });
  // Posts that must not be doubled (answers, cases) make one request per call and decide
  // themselves what to do with a failure: the client's own retries would repeat a post that
  // timed out after Slack had already accepted it.
  const postClient = new webApi.WebClient(config.slack.botToken, {
    ...clientOptions,
    logger: boltLogger(logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const outbox = new AnswerOutbox({ store, logger, clock, postClient, windowMs: ANSWER_WINDOW_MS });
  // Limits watch, /sflimits trend and who: built on the same clients, cache and stored snapshots.
  const thresholds = { warnPercent: config.salesforce.warnPercent, criticalPercent: config.salesforce.criticalPercent };
  const watchIntervalMs = config.watch.intervalSeconds * 1000;
  const watchHorizonMs = config.watch.horizonHours * 3_600_000;
  const watchChannels = Object.fromEntries(
    Object.entries(config.watch.channels).filter(([org]) => orgClients.has(org)),
  );
  const watch =
    limits === undefined || Object.keys(watchChannels).length === 0
      ? undefined
      : new LimitsWatch({
          limits,
          store,
          logger,
          clock,
          channels: watchChannels,
          intervalMs: watchIntervalMs,
          horizonMs: watchHorizonMs,
          thresholds,
          timezone: config.watch.timezone,
        });
  const trend =
    limits === undefined
      ? undefined
      : new TrendService({
          store,
          orgNames: limits.orgNames,
          thresholds,
          timezone: config.watch.timezone,
          horizonMs: watchHorizonMs,
          intervalMs: watchIntervalMs,
          clock,
          logger,
        });
  const who =
    limits === undefined
      ? undefined
      : new WhoService({
          clients: orgClients,
          usernames: new Map(config.salesforce.orgs.map((o) => [o.name, o.username])),
          logger,
          clock,
        });
  const answerer = new Answerer({
    engines,
    store,
    dedupe,
    snippets: createSnippetFetcher({
      botToken: config.slack.botToken,
      apiUrl: config.slack.apiUrl,
      maxBytes: config.snippetMaxBytes,
    }),
    logger,
    cooldownMs: config.cooldownMinutes * 60_000,
    limitsAvailable: limits !== undefined,
    clock,
    outbox,
    // A limit error's live figure reaches its answer within 10 s of the paste, or is given up.
    answerLimits: createAnswerLimits({ limits, store, logger, waitMs: 8_000 }),
  });
  const trust = new TrustService({
    apiUrl: config.trust.apiUrl,
    cacheMs: config.trust.cacheSeconds * 1000,
    timeoutMs: config.trust.timeoutMs,
    logger,
  });
  const delivery = new CaseDelivery({
    store,
    trust,
    logger,
    clock,
    escalationChannelId: config.escalationChannelId,
    postClient,
  });
  const linked = config.salesforce.orgs[0];
  const escalation = Object.assign(
    new EscalationService({
      engines,
      store,
      delivery,
      logger,
      clock,
      escalationChannelId: config.escalationChannelId,
      linkedOrg: linked === undefined ? undefined : { orgId: linked.orgId, username: linked.username },
    }),
    { enabled: true },
  );

  let inFlight = 0;
  const idleWaiters: Array<() => void> = [];
  let draining = false;
  const receiver = createReceiver(config, logger, store, () => draining);
  const app = new App({
    token: config.slack.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    tokenVerificationEnabled: false,
    receiver,
    logger: boltLogger(logger),
    // Without it Bolt resets its logger (and so the Web API client's) to info whatever LOG_LEVEL says.
    logLevel: boltLogLevel(config.logLevel),
    clientOptions,
    ignoreSelf: true,
    // Bolt's conversation store keeps per-conversation state for every event; nothing here uses it.
    convoStore: false,
  });
  // Counts running handlers so shutdown can wait for them.
  app.use(async ({ next }) => {
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
      if (inFlight === 0) for (const resolve of idleWaiters.splice(0)) resolve();
    }
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a Slack handler');
  });

  const services: Services = {
    config,
    logger,
    engines,
    store,
    answerer,
    access,
    clock,
    limits,
    escalation,
    delivery,
    outbox,
    watch,
    trend,
    who,
  };
  registerListeners(app, services);

  let housekeeping: NodeJS.Timeout | undefined;
  let watching: WatchScheduler | undefined;
  return {
    app,
    services,
    port: () => (receiver instanceof HTTPReceiver ? boundPort(receiver) : undefined),
    async start() {
      if (config.slack.appToken === undefined) await app.start(config.slack.port);
      else await app.start();
      // SQLite means one replica, so a lease still in the file was held by a process that died
      // mid-post: free it, so that case goes out now rather than when the lease runs out.
      if (store.engine === 'sqlite') {
        const released = await store.releaseDeliveryLeases(clock()).catch(() => 0);
        if (released > 0) logger.info({ cases: released }, 'retrying pending escalations left by the last run');
      }
      delivery.start(app.client, overrides.deliveryIntervalMs ?? 30_000);
      // Answers queued before a restart (or by another replica) go out from here too.
      outbox.start(overrides.outboxIntervalMs ?? OUTBOX_INTERVAL_MS);
      housekeeping = setInterval(() => {
        const cutoff = clock() - KEEP_EVENTS_MS;
        void store.pruneEvents(cutoff).catch(() => {});
        void store.pruneDrafts(cutoff).catch(() => {});
        void store.prunePastes(clock() - KEEP_PASTES_MS).catch(() => {});
      }, HOUSEKEEPING_MS);
      housekeeping.unref();
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
          orgs: [...orgClients.keys()],
          watching: watch?.orgs ?? [],
          knowledge: engines.current.knowledge.entries.length,
        },
        'sf-api-assistant started',
      );
    },
    async stop() {
      draining = true;
      if (housekeeping !== undefined) clearInterval(housekeeping);
      const stopping = app.stop().catch((err: unknown) => logger.warn({ err }, 'error while stopping the receiver'));
      // server.close() waits for keep-alive sockets to time out; idle ones can go now.
      httpServer(receiver)?.closeIdleConnections();
      await stopping;
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await watching?.stop();
      await delivery.stop();
      await outbox.stop();
      // One last delivery round so cases saved just before shutdown are not left waiting.
      await delivery.retryDue(app.client).catch(() => {});
      await store.close().catch(() => {});
      logger.info({ unfinished: inFlight }, 'sf-api-assistant stopped');
    },
    whenIdle() {
      return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}

/** Fails fast, with the variable to fix, if Slack rejects the bot token. */
async function verifyBotToken(
  config: Config,
  clientOptions: webApi.WebClientOptions,
): Promise<{ botId: string; botUserId: string }> {
  const client = new webApi.WebClient(config.slack.botToken, { ...clientOptions, retryConfig: { retries: 2 } });
  try {
    const res = await client.auth.test();
    if (typeof res.user_id !== 'string') throw new Error('auth.test returned no user_id');
    return { botUserId: res.user_id, botId: typeof res.bot_id === 'string' ? res.bot_id : '' };
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    throw new Error(
      code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked'
        ? `SLACK_BOT_TOKEN was rejected by Slack (${code}): copy the Bot User OAuth Token from the app's OAuth & Permissions page.`
        : `Could not reach Slack at ${config.slack.apiUrl} to check SLACK_BOT_TOKEN: ${code ?? (err as Error).message}. Check the network or SLACK_API_URL.`,
      { cause: err },
    );
  }
}

function createReceiver(config: Config, logger: AppLogger, store: Store, draining: () => boolean): Receiver {
  const health = {
    path: '/healthz',
    method: ['GET'],
    handler: async (_req: IncomingMessage, res: ServerResponse) => {
      let db = 'ok';
      try {
        await store.ping();
      } catch {
        db = 'unavailable';
      }
      const ok = db === 'ok' && !draining();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: db, store: store.engine, draining: draining() }),
      );
    },
  };
  if (config.slack.appToken !== undefined) {
    const receiver = new SocketModeReceiver({
      appToken: config.slack.appToken,
      logger: boltLogger(logger),
      ...SOCKET_MODE_OPTIONS,
    });
    reconnectPromptly(receiver.client, logger);
    // Bolt's SocketModeReceiver does not pass the Web API URL on to its client; apps.connections.open
    // must go to SLACK_API_URL too (GovSlack, a test double).
    (receiver.client as unknown as { webClient: webApi.WebClient }).webClient = new webApi.WebClient('', {
      slackApiUrl: config.slack.apiUrl,
      logger: boltLogger(logger),
      headers: { Authorization: `Bearer ${config.slack.appToken}` },
      retryConfig: { retries: 100, factor: 1.3 },
    });
    return receiver;
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret as string,
    endpoints: '/slack/events',
    port: config.slack.port,
    customRoutes: [health],
    logger: boltLogger(logger),
    // Slack's payloads are small; refuse anything larger instead of buffering it.
    bodyLimit: config.slack.maxRequestBytes,
  });
  guardSlackRequests(receiver, {
    signingSecret: config.slack.signingSecret as string,
    bodyLimit: config.slack.maxRequestBytes,
    endpoint: '/slack/events',
    logger,
  });
  return receiver;
}

function httpServer(receiver: Receiver): import('node:http').Server | undefined {
  return receiver instanceof HTTPReceiver
    ? (receiver as unknown as { server?: import('node:http').Server }).server
    : undefined;
}

function boundPort(receiver: HTTPReceiver): number | undefined {
  const address = httpServer(receiver)?.address();
  return typeof address === 'object' && address !== null && 'port' in address
    ? Number((address as { port: number }).port)
    : undefined;
}
