import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { defaultResponse, parseJsonFields } from '../../bench/slack-standin';
import { type Assistant, type AssistantOverrides, createAssistant } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { openStore, type Store } from '../../src/store';
import { engine } from './engine';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_USER = 'UBOT0001';
export const BOT_ID = 'BBOT0001';
export const SLACK = 'https://slack.com';

export interface Harness {
  readonly assistant: Assistant;
  readonly store: Store;
  readonly base: string;
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * The real app on the real Bolt HTTP receiver, on an ephemeral loopback port, with a real SQLite
 * file. Only the network edges (Slack's Web API, Salesforce) are intercepted by nock.
 */
export async function startHarness(
  env: Record<string, string> = {},
  overrides: AssistantOverrides = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sf-assistant-e2e-'));
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ...env,
  });
  const store = overrides.store ?? (await openStore(config.database));
  const assistant = await createAssistant(config, {
    // Quiet by default (some tests provoke errors on purpose); TEST_LOGS=1 shows everything.
    logger:
      process.env.TEST_LOGS === '1'
        ? createLogger('debug')
        : createLogger('error', new Writable({ write: (_c, _e, done) => done() })),
    store,
    engine: engine(),
    botIdentity: { botId: BOT_ID, botUserId: BOT_USER },
    clientOptions: { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
    deliveryIntervalMs: 60_000,
    ...overrides,
  });
  await assistant.start();
  const base = `http://127.0.0.1:${assistant.port()}`;
  return {
    assistant,
    store,
    base,
    dataDir,
    async close() {
      await assistant.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs a body exactly as Slack does: v0=HMAC-SHA256(secret, "v0:{ts}:{body}"). */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface PostOptions {
  readonly timestamp?: number;
  readonly secret?: string;
  readonly retryNum?: number;
  readonly contentType?: string;
}

export async function postRaw(base: string, body: string, contentType: string, o: PostOptions = {}): Promise<Response> {
  const ts = o.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(body, ts, o.secret),
      ...(o.retryNum === undefined
        ? {}
        : { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' }),
    },
  });
}

/** An Events API delivery (JSON). */
export function postEvent(
  base: string,
  event: Record<string, unknown>,
  eventId: string,
  o: PostOptions = {},
): Promise<Response> {
  const body = JSON.stringify({
    token: 'verification-token',
    team_id: 'T0001',
    api_app_id: 'A0001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: BOT_USER, is_bot: true }],
    event,
  });
  return postRaw(base, body, 'application/json', o);
}

/** An interactive payload (buttons, shortcuts, view submissions): form-encoded `payload=`. */
export function postInteraction(
  base: string,
  payload: Record<string, unknown>,
  o: PostOptions = {},
): Promise<Response> {
  return postRaw(
    base,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    o,
  );
}

/** A slash command (form-encoded fields). */
export function postCommand(base: string, fields: Record<string, string>, o: PostOptions = {}): Promise<Response> {
  return postRaw(base, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', o);
}

export interface ApiCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
}

/**
 * Records every Slack Web API call the app makes and answers `ok: true` (or what `reply` says).
 * WebClient sends form-encoded bodies where objects (blocks, view) are JSON strings: decoded here.
 */
export function recordSlackApi(
  reply: (
    method: string,
    body: Record<string, unknown>,
  ) => [number, unknown, Record<string, string>?] | undefined = () => undefined,
) {
  const calls: ApiCall[] = [];
  const scope = nock(SLACK)
    .persist()
    .post(/\/api\/[\w.]+/)
    .reply((uri, requestBody) => {
      const method = uri.replace(/^\/api\//, '');
      const body = decode(requestBody);
      calls.push({ method, body });
      const custom = reply(method, body);
      if (custom !== undefined) return custom;
      return [200, defaultResponse(method, body, ++counter)];
    });
  return {
    calls,
    of: (method: string) => calls.filter((c) => c.method === method),
    done: () => scope.persist(false),
  };
}

function decode(requestBody: unknown): Record<string, unknown> {
  return parseJsonFields(
    typeof requestBody === 'string'
      ? Object.fromEntries(new URLSearchParams(requestBody))
      : ((requestBody ?? {}) as Record<string, unknown>),
  );
}

let counter = 0;

/**
 * Records what the app posts to response URLs (slash commands, buttons) on Slack's hooks host,
 * answering "ok" as Slack does.
 */
export function captureResponses(): Array<Record<string, unknown>> {
  const bodies: Array<Record<string, unknown>> = [];
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, (_uri, body) => {
      bodies.push(typeof body === 'string' ? JSON.parse(body) : (body as Record<string, unknown>));
      return 'ok';
    });
  return bodies;
}

/** Polls until `check` passes (the HTTP ack goes out before listeners finish). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/**
 * Waits until the app has finished all the work the requests so far started, so a test can then
 * check that nothing (else) happened. Call it after the request's response has arrived: by then
 * the handler is running, however late its post would come.
 */
export function settle(h: Pick<Harness, 'assistant'>): Promise<void> {
  return h.assistant.whenIdle();
}

export function messageEvent(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    channel: 'C0001',
    user: 'U0001',
    ts: '1700000000.000100',
    text: 'hello',
    channel_type: 'channel',
    ...over,
  };
}
