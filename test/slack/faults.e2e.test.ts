/**
 * Faults at the edges, through the real HTTP receiver: the database going away mid-run, and
 * Slack's Web API answering 429 or 500. (Start-up failures and kill -9 are in test/process.)
 */
import { Writable } from 'node:stream';
import nock from 'nock';
import { createLogger } from '../../src/logger';
import {
  eventually,
  type Harness,
  messageEvent,
  postEvent,
  recordSlackApi,
  SLACK,
  settle,
  startHarness,
} from '../helpers/slack';

const LOCK_ERROR =
  '[{"message":"unable to obtain exclusive access to this record","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]';

/** A pino destination that keeps parsed log lines in memory. */
function captureLogs() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('warn', stream) };
}

describe('the database fails while the bot is running', () => {
  let h: Harness;
  let logs: ReturnType<typeof captureLogs>;
  beforeEach(async () => {
    logs = captureLogs();
    h = await startHarness({}, { logger: logs.logger });
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  it('keeps answering, says so in the answer and /healthz, and logs storage trouble', async () => {
    const api = recordSlackApi();
    await h.store.close(); // the real database file is now unusable by this process

    const res = await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-db-down');
    expect(res.status).toBe(200);
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const answer = api.of('chat.postMessage')[0]?.body as { text: string; blocks: Array<{ block_id?: string }> };
    expect(answer.text).toMatch(/^UNABLE_TO_LOCK_ROW/);
    expect(answer.blocks.some((b) => b.block_id === 'diag_storage')).toBe(true);

    // A redelivery of the same event is still recognised, from this replica's memory.
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-db-down', { retryNum: 1 });
    await settle(h);
    expect(api.of('chat.postMessage')).toHaveLength(1);

    const health = await fetch(`${h.base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'unavailable' });
    expect(logs.lines.some((l) => String(l.msg).includes('storage trouble'))).toBe(true);
  });
});

describe("Slack's Web API fails", () => {
  let h: Harness;
  let logs: ReturnType<typeof captureLogs>;
  beforeEach(async () => {
    logs = captureLogs();
    h = await startHarness(
      {},
      {
        logger: logs.logger,
        // The production policy (src/app.ts) with shorter waits: 3 retries, exponential backoff.
        clientOptions: { retryConfig: { retries: 3, factor: 2, minTimeout: 10, maxTimeout: 40 } },
      },
    );
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  it('waits out a 429 as Retry-After says, then posts the answer once', async () => {
    nock(SLACK).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
    const api = recordSlackApi();
    const started = Date.now();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-429');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1), 8_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await settle(h);
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it('retries a 500 and posts once when Slack recovers', async () => {
    nock(SLACK).post('/api/chat.postMessage').times(2).reply(500, 'upstream error');
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-500-then-ok');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    await settle(h);
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it('gives up after a bounded number of attempts, logs it, and serves the next message', async () => {
    let attempts = 0;
    nock(SLACK)
      .post('/api/chat.postMessage', (body) => body.channel === 'C0001')
      .times(10)
      .reply(() => {
        attempts++;
        return [500, 'down'];
      });
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-500-down');
    await eventually(() => expect(logs.lines.some((l) => l.level === 'error')).toBe(true), 8_000);
    expect(attempts).toBe(4); // the first try and 3 retries
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR, channel: 'C0002' }), 'Ev-next');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    expect(JSON.stringify(logs.lines)).not.toContain('xoxb-test-token');
  });
});

describe('payloads Slack would never send', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({}, { logger: captureLogs().logger });
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  it('refuses a signed event whose user is null (Bolt cannot route it) and keeps serving', async () => {
    const api = recordSlackApi();
    const res = await postEvent(h.base, messageEvent({ user: null, text: LOCK_ERROR }), 'Ev-null-user');
    expect(res.status).toBe(500);
    expect(api.calls).toEqual([]);
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-fine');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
  });
});
