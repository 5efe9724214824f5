/**
 * The composition root: builds every dependency from the config, registers the listeners and
 * returns the app with start() and stop(). Importing this file starts nothing.
 */
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import type { Config } from './config';
import { CaseDelivery } from './escalation/delivery';
import { EscalationService } from './escalation/service';
import { TrustService } from './escalation/trust';
import type { Engine } from './knowledge/engine';
import { EngineHolder } from './knowledge/engine-holder';
import { createLifecycle } from './lifecycle';
import { registerListeners } from './listeners';
import type { Services } from './listeners/services';
import { type AppLogger, boltLogger, boltLogLevel, createLogger } from './logger';
import { createOrgClient, type OrgClient } from './salesforce/client';
import { tokenVaultFor } from './salesforce/token-vault';
import { AccessControl } from './services/access';
import { createAnswerLimits } from './services/answer-limits';
import { AnswerOutbox } from './services/answer-outbox';
import { Answerer } from './services/answering';
import { EventDedupe } from './services/event-dedupe';
import { Languages } from './services/languages';
import { LimitsService } from './services/limits-service';
import { LimitsWatch } from './services/limits-watch';
import { createSnippetFetcher } from './services/snippets';
import { monitorStore, StorageHealth } from './services/storage-health';
import { TrendService } from './services/trend-service';
import { WhoService } from './services/who-service';
import { HandlerTracker } from './slack/handler-tracker';
import { boundPort, createReceiver, httpServer, verifyBotToken } from './slack/receiver';
import { UserProfiles } from './slack/user-profiles';
import { openStore, type Store } from './store';

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
  // One users.info per person (time zone and locale), shared by answers and escalations.
  const profiles = new UserProfiles(logger, clock);
  const languages = new Languages({ store, profiles, logger });
  const { orgClients, limits, watch, trend, who } = buildOrgServices(config, {
    store,
    engines,
    logger,
    clock,
    orgClients: overrides.orgClients,
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
    languages,
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
  const escalation = new EscalationService({
    engines,
    store,
    delivery,
    logger,
    clock,
    escalationChannelId: config.escalationChannelId,
    linkedOrg: linked === undefined ? undefined : { orgId: linked.orgId, username: linked.username },
    profiles,
    languageFor: (client, userId) => languages.forPerson(client, userId),
  });

  const handlers = new HandlerTracker();
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
  handlers.attach(app);
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
    languages,
  };
  registerListeners(app, services);

  const lifecycle = createLifecycle({
    app,
    config,
    store,
    engines,
    logger,
    clock,
    delivery,
    outbox,
    watch,
    handlers,
    orgNames: [...orgClients.keys()],
    deliveryIntervalMs: overrides.deliveryIntervalMs ?? 30_000,
    outboxIntervalMs: overrides.outboxIntervalMs ?? OUTBOX_INTERVAL_MS,
    setDraining: () => {
      draining = true;
    },
    // server.close() waits for keep-alive sockets to time out; idle ones can go now.
    closeIdleConnections: () => httpServer(receiver)?.closeIdleConnections(),
  });
  return {
    app,
    services,
    port: () => (receiver instanceof HTTPReceiver ? boundPort(receiver) : undefined),
    start: lifecycle.start,
    stop: lifecycle.stop,
    whenIdle() {
      return handlers.whenIdle();
    },
  };
}

/** The linked Salesforce orgs and what is built on them: /sflimits, the limits watch, trend and who. */
function buildOrgServices(
  config: Config,
  deps: {
    readonly store: Store;
    readonly engines: EngineHolder;
    readonly logger: AppLogger;
    readonly clock: () => number;
    readonly orgClients: ReadonlyMap<string, OrgClient> | undefined;
  },
) {
  const { store, engines, logger, clock } = deps;
  const tokens = tokenVaultFor(config.salesforce, { store, logger, clock });
  const orgClients =
    deps.orgClients ??
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
  return { orgClients, limits, watch, trend, who };
}
