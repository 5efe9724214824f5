/**
 * What Bolt's HTTP receiver let through, tested through the real receiver with signed requests:
 * signed bodies that are not a JSON object (which made Bolt throw and left the socket open), and
 * timestamps too far in the future.
 */
import { request } from 'node:http';
import nock from 'nock';
import {
  eventually,
  type Harness,
  messageEvent,
  postEvent,
  recordSlackApi,
  settle,
  sign,
  startHarness,
} from '../helpers/slack';

interface RawResponse {
  readonly status: number;
  readonly connection: string | undefined;
  /** Resolves when the server has closed the TCP connection. */
  readonly socketClosed: Promise<void>;
}

/**
 * A signed POST over a keep-alive connection with node:http, so the test sees what the server
 * does with the socket. Rejects if no response arrives (the old behaviour: the request hung).
 */
function signedRequest(base: string, body: string, contentType: string): Promise<RawResponse> {
  const ts = Math.floor(Date.now() / 1000);
  return new Promise((resolve, reject) => {
    const req = request(`${base}/slack/events`, {
      method: 'POST',
      agent: false,
      headers: {
        connection: 'keep-alive',
        'content-type': contentType,
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(body, ts),
      },
      timeout: 5_000,
    });
    const socketClosed = new Promise<void>((closed) => req.on('socket', (s) => s.on('close', () => closed())));
    req.on('timeout', () => {
      req.destroy(new Error('no response: the request was left hanging'));
    });
    req.on('error', reject);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, socketClosed }));
    });
    req.end(body);
  });
}

describe('signed bodies that are not a JSON object', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  it.each([
    ['JSON null', 'null', 'application/json'],
    ['payload=null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['a JSON number', '42', 'application/json'],
    ['a JSON string', '"event_callback"', 'application/json'],
    ['a JSON array', '[]', 'application/json'],
    ['payload=[]', 'payload=%5B%5D', 'application/x-www-form-urlencoded'],
  ])('answers %s with 400 and closes the connection', async (_what, body, contentType) => {
    const api = recordSlackApi();
    const res = await signedRequest(h.base, body, contentType);
    expect(res.status).toBe(400);
    expect(res.connection).toBe('close');
    await res.socketClosed;
    await settle(h);
    expect(api.calls).toEqual([]);
  });

  it('keeps serving after a burst of them (no socket or handler left behind)', async () => {
    const api = recordSlackApi();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => signedRequest(h.base, 'null', 'application/json')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(400));
    await Promise.all(answers.map((a) => a.socketClosed));
    const ok = await postEvent(
      h.base,
      messageEvent({ text: 'INVALID_SESSION_ID: Session expired or invalid' }),
      'Ev-after-null',
    );
    expect(ok.status).toBe(200);
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
  });
});

describe('request timestamps', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });
  const now = () => Math.floor(Date.now() / 1000);
  const paste = () => messageEvent({ text: 'INVALID_SESSION_ID: Session expired or invalid' });

  it('rejects a signed request 10 minutes in the future with 401, like a stale one, and does nothing', async () => {
    const api = recordSlackApi();
    const res = await postEvent(h.base, paste(), 'Ev-future', { timestamp: now() + 10 * 60 });
    expect(res.status).toBe(401);
    await settle(h);
    expect(api.calls).toEqual([]);
    expect(await h.store.claimEvent('Ev-future', 1)).toBe(true); // never claimed by the app
  });

  it('still rejects one 10 minutes old', async () => {
    const res = await postEvent(h.base, paste(), 'Ev-past', { timestamp: now() - 10 * 60 });
    expect(res.status).toBe(401);
  });

  it.each([
    ['4 minutes ahead', 4 * 60],
    ['4 minutes behind', -4 * 60],
  ])('accepts a clock %s (inside the 5-minute window)', async (_what, skew) => {
    const api = recordSlackApi();
    const res = await postEvent(h.base, paste(), `Ev-skew-${skew}`, { timestamp: now() + skew });
    expect(res.status).toBe(200);
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
  });
});
