import { Writable } from 'node:stream';
import { HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { boundPort, createReceiver, httpServer } from '../../src/slack/receiver';
import type { Store } from '../../src/store';

/**
 * src/slack/receiver.ts reaches into two private fields of Bolt's receivers. If an upgrade renames
 * them, these tests fail here instead of the app silently ignoring SLACK_API_URL in Socket Mode or
 * never freeing idle sockets at shutdown.
 */
const silent = createLogger('error', new Writable({ write: (_c, _e, done) => done() }));
const store = { ping: async () => {}, engine: 'sqlite' } as unknown as Store;

describe('the receiver and the Bolt fields it depends on', () => {
  it('Socket Mode: the client keeps its Web API client in `webClient`, which is replaced to honour SLACK_API_URL', () => {
    // The field as Bolt builds it, before our replacement.
    const plain = new SocketModeReceiver({ appToken: 'xapp-1-A1-1-abc' });
    expect((plain.client as unknown as { webClient?: unknown }).webClient).toBeInstanceOf(webApi.WebClient);

    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1-A1-1-abc',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    const receiver = createReceiver(config, silent, store, () => false);
    expect(receiver).toBeInstanceOf(SocketModeReceiver);
    const client = (receiver as SocketModeReceiver).client as unknown as { webClient: webApi.WebClient };
    expect(client.webClient).toBeInstanceOf(webApi.WebClient);
    expect(client.webClient.slackApiUrl).toBe('http://127.0.0.1:9/api/');
  });

  it('HTTP mode: the receiver keeps its server in `server` once started, so the port and idle sockets can be reached', async () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', PORT: '0' });
    const receiver = createReceiver(config, silent, store, () => false) as HTTPReceiver;
    expect(receiver).toBeInstanceOf(HTTPReceiver);
    expect(httpServer(receiver)).toBeUndefined();
    await receiver.start(0);
    try {
      expect(typeof httpServer(receiver)?.closeIdleConnections).toBe('function');
      expect(boundPort(receiver)).toBeGreaterThan(0);
    } finally {
      await receiver.stop();
    }
  });
});
