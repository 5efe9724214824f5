/**
 * Socket Mode reconnects, against the Socket Mode stand-in (bench/slack-standin.ts) with the real
 * Bolt SocketModeReceiver and @slack/socket-mode client. Timers are simulated, so "at once" means
 * "without any timer having to fire" and the silent-connection case is measured in simulated
 * time; the network is real (loopback). Nothing here waits on a sleep: each step waits for the
 * stand-in to see a new connection, an ack, or a post.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type SlackStandin, startSlackStandin } from '../../bench/slack-standin';
import { type Assistant, createAssistant } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { SOCKET_MODE_OPTIONS } from '../../src/slack/socket-mode';
import { openStore } from '../../src/store';
import { engine } from '../helpers/engine';

jest.setTimeout(15_000);

let slack: SlackStandin;
let assistant: Assistant;
let dataDir: string;
let posted: Array<() => void>;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sf-assistant-socket-'));
  slack = await startSlackStandin({ socketMode: true });
  posted = [];
  slack.setHandler((method) => {
    if (method === 'chat.postMessage') for (const done of posted.splice(0)) done();
    return undefined;
  });
  // Real I/O keeps running (nextTick, setImmediate); setTimeout, setInterval and Date are simulated.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_APP_TOKEN: 'xapp-test-token',
    SLACK_API_URL: slack.apiUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  });
  assistant = await createAssistant(config, {
    logger:
      process.env.TEST_LOGS === '1'
        ? createLogger('debug')
        : createLogger('error', new Writable({ write: (_c, _e, done) => done() })),
    store: await openStore(config.database),
    engine: engine(),
    botIdentity: { botId: 'BBOT0001', botUserId: 'UBOT0001' },
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await assistant.start();
  await slack.waitForSocketConnections(1);
});

afterEach(async () => {
  // Stop while the clock is still simulated. After the stand-in has dropped a connection, the
  // client's close handshake at stop can go unanswered; @slack/socket-mode then gives up after
  // 30 s on a timer that, once real, kept Jest from exiting for 30 s after the suite. In
  // simulated time that timer fires as soon as the clock is advanced past it.
  const stopped = assistant.stop().then(() => true);
  let done = false;
  void stopped.then(() => {
    done = true;
  });
  for (let step = 0; step < 40 && !done; step++) {
    jest.advanceTimersByTime(1_000);
    for (let i = 0; i < 5; i++) await realIo();
  }
  jest.useRealTimers();
  await stopped;
  await slack.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends a pasted error over the current connection; resolves when it is acked and answered. */
async function pasteIsAnswered(n: number): Promise<void> {
  const answered = new Promise<void>((resolve) => posted.push(resolve));
  const ack = await slack.sendEnvelope('events_api', {
    type: 'event_callback',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event_id: `Ev-socket-${n}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'message',
      channel: 'C0001',
      user: 'U0001',
      ts: `1700000000.00030${n}`,
      text: 'System.LimitException: Too many SOQL queries: 101',
    },
  });
  expect(ack).toMatchObject({ envelope_id: expect.any(String) });
  await answered;
}

/** Lets loopback I/O run between simulated steps. */
const realIo = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Socket Mode reconnects', () => {
  it('at once on a disconnect message (refresh_requested), and events keep flowing', async () => {
    await pasteIsAnswered(1);
    slack.endSocket('refresh_requested');
    // No simulated time passes: the library's 5-second wait would never end.
    await slack.waitForSocketConnections(2);
    await pasteIsAnswered(2);
    expect(slack.of('apps.connections.open')).toHaveLength(2);
  });

  it('at once when the connection is dropped, and events keep flowing', async () => {
    slack.endSocket('drop');
    await slack.waitForSocketConnections(2);
    await pasteIsAnswered(3);
  });

  it('notices a silent connection within 2 ping timeouts of simulated silence, and reconnects', async () => {
    await pasteIsAnswered(4);
    slack.endSocket('silent');
    const reconnected = slack.waitForSocketConnections(2).then(() => true);
    let done = false;
    void reconnected.then(() => {
      done = true;
    });
    const budget = 2 * SOCKET_MODE_OPTIONS.clientPingTimeout;
    for (let elapsed = 0; elapsed < budget && !done; elapsed += 100) {
      jest.advanceTimersByTime(100);
      for (let i = 0; i < 5; i++) await realIo();
    }
    // Before the change: 4 unanswered pings at 5 s / 3, the close handshake and a 5 s wait (13 s).
    expect(done).toBe(true);
    await pasteIsAnswered(5);
  });

  it('backs off when connections keep failing right after one another', async () => {
    slack.endSocket('drop');
    await slack.waitForSocketConnections(2);
    slack.endSocket('drop');
    // The second loss within the retry window waits for the library's backoff timer.
    for (let i = 0; i < 50; i++) await realIo();
    expect(slack.socketConnections()).toBe(2);
    jest.advanceTimersByTime(SOCKET_MODE_OPTIONS.clientPingTimeout);
    await slack.waitForSocketConnections(3);
    await pasteIsAnswered(6);
  });
});
