/**
 * Faults at the edges, through the real HTTP receiver: the database going away mid-run, and
 * Slack's Web API answering 429 or 500. (Start-up failures and kill -9 are in test/process.)
 */
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { createLogger } from '../../src/logger';
import { openStore } from '../../src/store';
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

  it('does not queue an answer Slack refuses for good, and lets the next paste answer in full', async () => {
    nock(SLACK).post('/api/chat.postMessage').reply(200, { ok: false, error: 'is_archived' });
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-archived');
    await eventually(() => expect(logs.lines.some((l) => l.msg === 'Slack refused an answer')).toBe(true));
    expect(await queuedAnswers(h)).toEqual([]);
    // The cooldown was released: the next identical paste gets the full answer, not a pointer.
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR, ts: '1700000050.000100' }), 'Ev-after-archived');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    expect(String(api.of('chat.postMessage')[0]?.body.text)).toMatch(/^UNABLE_TO_LOCK_ROW/);
  });

  it('keeps serving other messages while an answer waits for Slack', async () => {
    nock(SLACK)
      .post('/api/chat.postMessage', (body) => body.channel === 'C0001')
      .times(10)
      .reply(500, 'down');
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-500-down');
    await eventually(async () => expect(await queuedAnswers(h)).toHaveLength(1));
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR, channel: 'C0002' }), 'Ev-next');
    await eventually(() => expect(api.of('chat.postMessage').some((c) => c.body.channel === 'C0002')).toBe(true));
    expect(JSON.stringify(logs.lines)).not.toContain('xoxb-test-token');
  });
});

/** Every answer in the outbox, due or not. */
function queuedAnswers(h: Harness) {
  return h.store.queuedAnswersOlderThan(Number.MAX_SAFE_INTEGER, 1_000);
}

/** A pasted REST error with the given code, which the answer's text starts with. */
const pasted = (code: string) => `[{"message":"the request failed","errorCode":"${code}","fields":[]}]`;

describe('Slack is slow rather than down', () => {
  let h: Harness;
  let logs: ReturnType<typeof captureLogs>;
  beforeEach(async () => {
    logs = captureLogs();
    h = await startHarness(
      {},
      {
        logger: logs.logger,
        // The production retry policy, with a client timeout short enough for a test.
        clientOptions: { retryConfig: { retries: 3, factor: 2, minTimeout: 10, maxTimeout: 40 }, timeout: 200 },
      },
    );
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  it('does not post an answer again when its first post timed out (it may have landed)', async () => {
    let attempts = 0;
    nock(SLACK)
      .persist()
      .post('/api/chat.postMessage', (body) => body.channel === 'C0001')
      .delay(1_000)
      .reply(() => {
        attempts++;
        return [200, { ok: true, channel: 'C0001', ts: '1700000000.900000' }];
      });
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-slow');
    // The handler is done once it says so, or once its error reaches the app's error handler.
    const settled = (l: Record<string, unknown>) =>
      Number(l.level) >= 50 || String(l.msg).includes('may have been posted');
    await eventually(() => expect(logs.lines.some(settled)).toBe(true), 8_000);
    // One request, not the client's four, and nothing queued to try again.
    expect(attempts).toBe(1);
    expect(logs.lines.find(settled)).toMatchObject({ msg: expect.stringContaining('may have been posted') });
    expect(await queuedAnswers(h)).toEqual([]);
    await h.assistant.services.outbox.deliverDue();
    expect(attempts).toBe(1);
  });
});

describe('an outage of 429s and 500s', () => {
  let h: Harness;
  let logs: ReturnType<typeof captureLogs>;
  let now: number;
  beforeEach(async () => {
    logs = captureLogs();
    now = Date.now();
    h = await startHarness(
      // Every paste gets a full answer, so that order in a thread can be read from the answers.
      { COOLDOWN_MINUTES: '0' },
      // Rounds are driven by the test: each call is one round, with the clock the test sets.
      { logger: logs.logger, clock: () => now, outboxIntervalMs: 3_600_000 },
    );
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  /** Slack refuses every post while `down`, alternating 429 (Retry-After 1 s) and 500; then accepts. */
  function flakySlack() {
    const state = { down: true, refused: 0, posts: [] as Array<{ channel: string; thread: string; code: string }> };
    recordSlackApi((method, body) => {
      if (method !== 'chat.postMessage') return undefined;
      if (state.down) {
        state.refused++;
        return state.refused % 2 === 1
          ? [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' }]
          : [500, 'upstream error'];
      }
      state.posts.push({
        channel: String(body.channel),
        thread: String(body.thread_ts),
        code: String(body.text).split(':')[0] as string,
      });
      return undefined;
    });
    return state;
  }

  it('keeps every answer, then posts each once, in order per thread, when Slack recovers', async () => {
    const slack = flakySlack();
    const codes = ['UNABLE_TO_LOCK_ROW', 'INVALID_SESSION_ID', 'REQUEST_LIMIT_EXCEEDED', 'INVALID_FIELD'];
    const threads = [
      { channel: 'C0001', ts: '1700000001.000100' },
      { channel: 'C0001', ts: '1700000002.000100' },
      { channel: 'C0002', ts: '1700000003.000100' },
    ];
    let n = 0;
    for (const [i, code] of codes.entries()) {
      for (const thread of threads) {
        const ts = i === 0 ? thread.ts : `${thread.ts.slice(0, 10)}.00020${i}`;
        n++;
        await postEvent(
          h.base,
          messageEvent({
            channel: thread.channel,
            ts,
            text: pasted(code),
            ...(i === 0 ? {} : { thread_ts: thread.ts }),
          }),
          `Ev-outage-${n}`,
        );
        // One paste at a time, so the order in each thread is the order they were pasted in.
        await eventually(async () => expect(await queuedAnswers(h)).toHaveLength(n));
        now += 10;
      }
    }
    // The outage goes on for a few minutes; rounds keep finding Slack down.
    for (let minute = 1; minute <= 3; minute++) {
      now += 60_000;
      expect(await h.assistant.services.outbox.deliverDue()).toBe(0);
    }
    expect(await queuedAnswers(h)).toHaveLength(12);
    expect(slack.posts).toEqual([]);

    slack.down = false;
    now += 60_000;
    let rounds = 0;
    while ((await queuedAnswers(h)).length > 0 && rounds < 20) {
      rounds++;
      await h.assistant.services.outbox.deliverDue();
      now += 1_000;
    }
    expect(await queuedAnswers(h)).toEqual([]);
    expect(slack.posts).toHaveLength(12);
    const distinct = new Set(slack.posts.map((p) => `${p.channel}/${p.thread}/${p.code}`));
    expect(distinct.size).toBe(12); // no duplicates
    for (const thread of threads) {
      expect(slack.posts.filter((p) => p.thread === thread.ts).map((p) => p.code)).toEqual(codes);
    }
    // Each answer is recorded as its paste's reply, so editing the paste updates it.
    expect(await h.store.findReplyForMessage('C0002', '1700000003.000100')).toBeDefined();
    console.info(
      `outage: ${slack.refused} posts refused, 12 answers queued, ${slack.posts.length} delivered after ${rounds} round(s), ${12 - distinct.size} duplicates`,
    );
  });

  it("waits as long as Slack's Retry-After says before posting a queued answer", async () => {
    const attempts: number[] = [];
    recordSlackApi((method) => {
      if (method !== 'chat.postMessage') return undefined;
      attempts.push(now);
      return attempts.length === 1 ? [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '30' }] : undefined;
    });
    const pastedAt = now;
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-retry-after');
    await eventually(async () => expect(await queuedAnswers(h)).toHaveLength(1));
    // A new paste in the same channel joins the queue instead of asking Slack again.
    await postEvent(h.base, messageEvent({ text: pasted('INVALID_FIELD'), ts: '1700000000.000900' }), 'Ev-ra-2');
    await eventually(async () => expect(await queuedAnswers(h)).toHaveLength(2));
    now += 29_000;
    expect(await h.assistant.services.outbox.deliverDue()).toBe(0);
    expect(attempts).toHaveLength(1);
    now += 1_000;
    expect(await h.assistant.services.outbox.deliverDue()).toBe(2);
    expect(attempts.slice(1).every((at) => at >= pastedAt + 30_000)).toBe(true);
    expect(attempts).toHaveLength(3);
  });

  it('drops an answer Slack has not taken within 10 minutes, with a log line', async () => {
    const slack = flakySlack();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-too-late');
    await eventually(async () => expect(await queuedAnswers(h)).toHaveLength(1));
    now += 9 * 60_000;
    await h.assistant.services.outbox.deliverDue();
    expect(await queuedAnswers(h)).toHaveLength(1); // still worth posting
    now += 60_000 + 1;
    slack.down = false;
    await h.assistant.services.outbox.deliverDue();
    expect(await queuedAnswers(h)).toEqual([]);
    expect(slack.posts).toEqual([]);
    const dropped = logs.lines.find((l) => String(l.msg).includes('dropped a queued answer'));
    expect(dropped).toMatchObject({ channel: 'C0001', kind: 'answer', attempts: 1 });
    expect(Number(dropped?.ageMs)).toBeGreaterThan(10 * 60_000);
  });

  it('posts a queued answer after a restart', async () => {
    const slack = flakySlack();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-restart');
    await eventually(async () => expect(await queuedAnswers(h)).toHaveLength(1));
    await h.assistant.stop();
    const again = await startHarness(
      { COOLDOWN_MINUTES: '0' },
      {
        logger: logs.logger,
        clock: () => now,
        outboxIntervalMs: 3_600_000,
        store: await openStore({ kind: 'sqlite', file: join(h.dataDir, 'sf-api-assistant.db') }),
      },
    );
    try {
      slack.down = false;
      now += 5_000;
      expect(await again.assistant.services.outbox.deliverDue()).toBe(1);
      expect(slack.posts).toEqual([{ channel: 'C0001', thread: '1700000000.000100', code: 'UNABLE_TO_LOCK_ROW' }]);
      expect(await queuedAnswers(again)).toEqual([]);
    } finally {
      await again.close();
    }
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
