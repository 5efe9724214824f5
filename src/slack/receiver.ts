/**
 * The Slack side of the process: the receiver (Socket Mode or HTTP) with the few places where
 * Bolt's private fields are used, all in this file so a Bolt upgrade that removes one fails
 * `test/slack/receiver.test.ts` instead of failing silently.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { HTTPReceiver, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Config } from '../config';
import { type AppLogger, boltLogger } from '../logger';
import type { Store } from '../store';
import { guardSlackRequests } from './request-guard';
import { reconnectPromptly, SOCKET_MODE_OPTIONS } from './socket-mode';

/** Fails fast, with the variable to fix, if Slack rejects the bot token. */
export async function verifyBotToken(
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

export function createReceiver(config: Config, logger: AppLogger, store: Store, draining: () => boolean): Receiver {
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

export function httpServer(receiver: Receiver): Server | undefined {
  return receiver instanceof HTTPReceiver ? (receiver as unknown as { server?: Server }).server : undefined;
}

export function boundPort(receiver: HTTPReceiver): number | undefined {
  const address = httpServer(receiver)?.address();
  return typeof address === 'object' && address !== null && 'port' in address
    ? Number((address as { port: number }).port)
    : undefined;
}
