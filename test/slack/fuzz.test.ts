/**
 * fast-check against the listeners: 10,000 generated events and interactions go through Bolt's
 * full middleware and listener chain (app.processEvent, the path the receivers feed), with the
 * Web API answered by nock. Properties: nothing throws or reaches Bolt's error handler, every
 * event finishes (a hang guard, not a timing claim), and every message or view the bot sends
 * is within Block Kit's limits.
 */
import { Writable } from 'node:stream';
import fc from 'fast-check';
import nock from 'nock';
import { type SlackStandin, startSlackStandin } from '../../bench/slack-standin';
import { createLogger } from '../../src/logger';
import { ACTIONS, SHORTCUTS, VIEWS } from '../../src/slack/ids';
import { messageProblems, viewProblems } from '../helpers/block-kit';
import { propertyParameters, propertyRuns } from '../helpers/property-runs';
import { BOT_USER, type Harness, startHarness } from '../helpers/slack';

/** Every URL the bot can reach in this file is the loopback stand-in (see beforeAll). */
let HOOKS = 'http://127.0.0.1:1/hooks/unset';

const FRAGMENTS = [
  '[{"errorCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record"}]',
  'INVALID_SESSION_ID: Session expired or invalid',
  '<faultcode>sf:INVALID_LOGIN</faultcode>',
  'System.LimitException: Too many SOQL queries: 101',
  '{"error":"invalid_grant","error_description":"authentication failure"}',
  'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.',
  'Authorization: Bearer 00D5g000004AbCd!AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1',
  `<@${BOT_USER}> `,
  '```',
  '&lt;&gt;&amp;',
  '*_~`',
  '\n',
  '\u0000',
];

const text = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 12 })
  .map((parts) => parts.join(''));
/** Anything JSON can carry, where the code expects a string or an object. */
const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.dictionary(fc.string(), fc.string()),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const ts = fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }).map((s) => `${s}.000100`);

const messageEvent = fc.record({
  type: fc.constant('message'),
  subtype: maybe(
    fc.oneof(fc.constantFrom('message_changed', 'file_share', 'bot_message', 'thread_broadcast'), fc.string()),
  ),
  channel: fc.oneof(fc.constantFrom('C0001', 'C0002', 'D0001'), fc.string()),
  // Bolt itself reads `user`, `channel` and the team before any listener runs, so those keep the
  // types Slack documents; the fields our code reads get junk of any type.
  user: maybe(fc.oneof(fc.constantFrom('U0001', BOT_USER), fc.string())),
  bot_id: maybe(fc.constantFrom('B0OTHER', 'BBOT0001')),
  ts: fc.oneof(ts, junk),
  thread_ts: maybe(ts),
  text: fc.oneof(text, junk),
  files: maybe(fc.array(fc.record({ id: fc.string(), mode: fc.constantFrom('snippet', 'hosted'), url_private: junk }))),
  message: maybe(fc.record({ type: fc.constant('message'), user: fc.constant('U0001'), ts, text })),
  previous_message: maybe(fc.record({ text })),
});

const mentionEvent = fc.record({
  type: fc.constant('app_mention'),
  channel: fc.constantFrom('C0001', 'C0002'),
  user: fc.constant('U0001'),
  ts,
  thread_ts: maybe(ts),
  text: text.map((t) => `<@${BOT_USER}> ${t}`),
});

const eventBody = fc.oneof(messageEvent, mentionEvent).map((event) => ({
  type: 'event_callback',
  team_id: 'T0001',
  api_app_id: 'A0001',
  event_id: `Ev${Math.random().toString(36).slice(2)}`,
  event_time: 1_700_000_000,
  event,
}));

const actionBody = fc
  .record({
    actionId: fc.constantFrom(...Object.values(ACTIONS)),
    value: fc.oneof(
      junk.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      fc.record({ p: fc.option(fc.string()), c: fc.string() }).map((v) => JSON.stringify(v)),
    ),
    text,
  })
  .map(({ actionId, value, text: messageText }) => ({
    type: 'block_actions',
    team: { id: 'T0001' },
    user: { id: 'U0001' },
    trigger_id: 'trig',
    response_url: HOOKS,
    channel: { id: 'C0001' },
    container: { type: 'message', channel_id: 'C0001', message_ts: '1700000000.000100' },
    message: { ts: '1700000000.000100', text: messageText, thread_ts: undefined },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
  }));

const shortcutBody = fc
  .record({ callbackId: fc.constantFrom(...Object.values(SHORTCUTS)), text })
  .map(({ callbackId, text: messageText }) =>
    callbackId === SHORTCUTS.escalateGlobal
      ? { type: 'shortcut', callback_id: callbackId, trigger_id: 'trig', team: { id: 'T0001' }, user: { id: 'U0001' } }
      : {
          type: 'message_action',
          callback_id: callbackId,
          trigger_id: 'trig',
          team: { id: 'T0001' },
          user: { id: 'U0001' },
          channel: { id: 'C0001' },
          message: { type: 'message', user: 'U0002', ts: '1700000000.000100', text: messageText },
          message_ts: '1700000000.000100',
          response_url: HOOKS,
        },
  );

const viewBody = fc
  .record({
    metadata: fc.oneof(fc.string(), fc.constant(JSON.stringify({ set: 'request' })), fc.constant('{"set":"recent"}')),
    values: fc.dictionary(
      fc.constantFrom('esc_org_id', 'esc_username', 'esc_url', 'esc_request_time', 'esc_method', 'esc_frequency'),
      fc.dictionary(fc.string(), fc.record({ type: fc.string(), value: maybe(fc.oneof(text, fc.string())) })),
    ),
  })
  .map(({ metadata, values }) => ({
    type: 'view_submission',
    team: { id: 'T0001' },
    user: { id: 'U0001' },
    trigger_id: 'trig',
    view: {
      id: `V${Math.random().toString(36).slice(2)}`,
      hash: 'h',
      callback_id: VIEWS.escalation,
      private_metadata: metadata,
      state: { values },
    },
  }));

describe('the listeners on generated input', () => {
  let h: Harness;
  let slack: SlackStandin;
  const errors: unknown[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line.includes('unhandled error in a Slack handler')) errors.push(JSON.parse(line));
        }
        done();
      },
    });
    // Slack (Web API and response_url) and Trust are the loopback stand-in here, over real HTTP,
    // and nock's interception is switched off for this file: at 10,000 cases its per-request
    // cost would dominate the run. Nothing in these events points anywhere else.
    nock.restore();
    slack = await startSlackStandin();
    HOOKS = slack.hooksUrl;
    // COOLDOWN 0: every answer is a full one, so every generated error exercises the builders.
    h = await startHarness(
      { COOLDOWN_MINUTES: '0', SLACK_API_URL: slack.apiUrl, TRUST_API_URL: slack.trustUrl },
      { logger: createLogger('error', sink) },
    );
  });
  afterAll(async () => {
    await h.close();
    await slack.close();
    nock.activate();
  });

  it('never throws, always finishes, and only sends valid Block Kit (10,000 cases)', async () => {
    const api = slack;
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 6, arbitrary: eventBody },
          { weight: 2, arbitrary: actionBody },
          { weight: 1, arbitrary: shortcutBody },
          { weight: 1, arbitrary: viewBody },
        ),
        async (body) => {
          api.calls.length = 0;
          const started = performance.now();
          let acked = false;
          await Promise.race([
            h.assistant.app.processEvent({
              body: body as never,
              ack: async () => {
                acked = true;
              },
            }),
            // A hang guard: an event that never finishes fails here instead of stalling the run.
            new Promise((_, reject) => setTimeout(() => reject(new Error('event did not finish')), 5_000).unref()),
          ]);
          slowest = Math.max(slowest, performance.now() - started);
          // Every delivery must be acknowledged, events included (Bolt acks those before the
          // listeners run); an unacknowledged one would be redelivered by Slack.
          expect(acked).toBe(true);
          for (const call of api.calls) {
            if (
              call.method === 'chat.postMessage' ||
              call.method === 'chat.postEphemeral' ||
              call.method === 'chat.update'
            )
              expect(messageProblems(call.body)).toEqual([]);
            if (call.method === 'views.open' || call.method === 'views.update')
              expect(viewProblems(call.body.view as Record<string, unknown>, 'modal')).toEqual([]);
          }
          expect(errors).toEqual([]);
        },
      ),
      { ...propertyParameters(), numRuns: Number(process.env.FUZZ_RUNS ?? propertyRuns()) },
    );
    console.info(`slowest generated event: ${slowest.toFixed(1)} ms`);
  }, 180_000);
});
