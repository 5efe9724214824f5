/**
 * The bot as a real process, started the way `npm start` starts it, against a local stand-in
 * for Slack's Web API over real HTTP (and WebSocket, for Socket Mode). These tests cover what
 * only a process shows: start-up failures, signals, and a kill -9 in the middle of a delivery.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type SlackStandin, startSlackStandin } from '../../bench/slack-standin';
import { type BotProcess, freePort, spawnBot, waitHealthy } from '../helpers/process';
import { eventually, postInteraction, sign } from '../helpers/slack';

jest.setTimeout(60_000);

const SECRET = 'process-test-secret';
let dataDir: string;
let slack: SlackStandin;
const bots: BotProcess[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sf-assistant-proc-'));
});
afterEach(async () => {
  for (const bot of bots.splice(0)) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function httpBot(extra: Record<string, string> = {}): Promise<BotProcess> {
  const bot = spawnBot({
    SLACK_BOT_TOKEN: 'xoxb-process-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    TRUST_API_URL: slack.trustUrl,
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...extra,
  });
  bots.push(bot);
  return bot;
}

/** A complete "failing request" escalation, as Slack posts it on Submit. */
function escalationSubmission(viewId: string) {
  const value = (v: string) => ({ type: 'plain_text_input', value: v });
  return {
    type: 'view_submission',
    team: { id: 'T0001' },
    user: { id: 'U0001' },
    trigger_id: 'trig',
    view: {
      id: viewId,
      hash: 'h1',
      callback_id: 'escalation_modal',
      private_metadata: JSON.stringify({ set: 'request', code: 'UNABLE_TO_LOCK_ROW', tz: 'Europe/Paris' }),
      state: {
        values: {
          esc_org_id: { esc_org_id_input: value('00D000000000123') },
          esc_username: { esc_username_input: { type: 'email_text_input', value: 'integration@acme.com' } },
          esc_api_type: { esc_api_type_input: { type: 'static_select', selected_option: { value: 'REST' } } },
          esc_instance: { esc_instance_input: value('NA139') },
          esc_request_time: {
            esc_request_time_input: {
              type: 'datetimepicker',
              selected_date_time: Math.floor(Date.now() / 1000) - 600,
            },
          },
          esc_method: { esc_method_input: { type: 'static_select', selected_option: { value: 'PATCH' } } },
          esc_url: {
            esc_url_input: {
              type: 'url_text_input',
              value: 'https://na139.salesforce.com/services/data/v66.0/sobjects/Account/001000000000001',
            },
          },
          esc_request_body: { esc_request_body_input: value('{"Name":"Acme"}') },
          esc_response_body: { esc_response_body_input: value('[{"errorCode":"UNABLE_TO_LOCK_ROW"}]') },
          esc_attachments: { esc_attachments_input: { type: 'file_input', files: [] } },
        },
      },
    },
  };
}

describe('start-up and shutdown', () => {
  it('stops with a clear message when the database cannot be reached', async () => {
    slack = await startSlackStandin();
    const bot = await httpBot({ DATABASE_URL: 'postgres://bot:hunter2@127.0.0.1:1/assistant' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(
      /Could not start: Cannot open the PostgreSQL database at 127\.0\.0\.1:1\/assistant \(.*ECONNREFUSED.*\)\. Check DATABASE_URL/,
    );
    expect(bot.output()).not.toContain('hunter2');
  });

  it('stops with the variable to fix when the bot token is rejected', async () => {
    slack = await startSlackStandin({
      handler: (method) =>
        method === 'auth.test' ? { status: 200, body: { ok: false, error: 'invalid_auth' } } : undefined,
    });
    const bot = await httpBot();
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)');
    expect(bot.output()).not.toContain('xoxb-process-test');
  });

  it('names every missing variable and exits 1', async () => {
    slack = await startSlackStandin();
    const bot = spawnBot({ PORT: '3000' });
    bots.push(bot);
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('SLACK_BOT_TOKEN');
    expect(bot.output()).toContain('.env.example');
  });

  it('answers in HTTP mode, reports health, and on SIGTERM finishes and exits 0', async () => {
    slack = await startSlackStandin();
    const bot = await httpBot();
    await waitHealthy(bot);
    const health = (await (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toEqual({ status: 'ok', database: 'ok', store: 'sqlite', draining: false });

    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T0001',
      api_app_id: 'A0001',
      event_id: 'Ev-proc-1',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'message',
        channel: 'C0001',
        user: 'U0001',
        ts: '1700000000.000100',
        text: '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]',
      },
    });
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(body, ts, SECRET),
      },
    });
    expect(res.status).toBe(200);
    await eventually(() => expect(slack.of('chat.postMessage')).toHaveLength(1));
    expect(String(slack.of('chat.postMessage')[0]?.body.text)).toMatch(/^INVALID_SESSION_ID/);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('sf-api-assistant stopped');
    expect(bot.output()).not.toContain('xoxb-process-test');
  });
});

describe('Socket Mode', () => {
  it('connects through SLACK_API_URL, acknowledges envelopes and answers a pasted error', async () => {
    slack = await startSlackStandin({ socketMode: true });
    const bot = spawnBot({
      SLACK_BOT_TOKEN: 'xoxb-process-test',
      SLACK_APP_TOKEN: 'xapp-process-test',
      SLACK_API_URL: slack.apiUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    bots.push(bot);
    await Promise.race([
      slack.socketConnected(),
      bot.exited.then(() => {
        throw new Error(`exited:\n${bot.output()}`);
      }),
    ]);
    const ack = await slack.sendEnvelope('events_api', {
      type: 'event_callback',
      team_id: 'T0001',
      api_app_id: 'A0001',
      event_id: 'Ev-socket-1',
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'message',
        channel: 'C0001',
        user: 'U0001',
        ts: '1700000000.000200',
        text: 'System.LimitException: Too many SOQL queries: 101',
      },
    });
    expect(ack).toMatchObject({ envelope_id: expect.any(String) });
    await eventually(() => expect(slack.of('chat.postMessage')).toHaveLength(1));
    expect(slack.of('chat.postMessage')[0]?.body).toMatchObject({ channel: 'C0001', thread_ts: '1700000000.000200' });
    expect(slack.of('apps.connections.open')).toHaveLength(1);

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });
});

describe('a kill -9 between storing a case and posting it', () => {
  it('delivers the stored case once after the restart', async () => {
    // Slack accepts everything except the post to the escalation channel, which never returns.
    slack = await startSlackStandin({
      handler: (method, body) => (method === 'chat.postMessage' && body.channel === 'C0ESCALATE' ? 'hang' : undefined),
    });
    const env = { ESCALATION_CHANNEL_ID: 'C0ESCALATE' };
    const first = await httpBot(env);
    await waitHealthy(first);
    const res = await postInteraction(`http://127.0.0.1:${first.port}`, escalationSubmission('VCRASH'), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('is saved');
    // The post has left the bot: the case is stored and in flight. Kill it now.
    await eventually(() =>
      expect(slack.of('chat.postMessage').some((c) => c.body.channel === 'C0ESCALATE')).toBe(true),
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const db = new Database(join(dataDir, 'sf-api-assistant.db'), { readonly: true });
    const row = db.prepare('SELECT id, status FROM escalations').get() as { id: string; status: string };
    db.close();
    expect(row.status).toBe('pending');

    // Slack works again; the restarted bot finds the case and posts it, once.
    slack.setHandler(undefined);
    const before = slack.of('chat.postMessage').filter((c) => c.body.channel === 'C0ESCALATE').length;
    const second = await httpBot(env);
    await waitHealthy(second);
    await eventually(() => {
      const check = new Database(join(dataDir, 'sf-api-assistant.db'), { readonly: true });
      try {
        expect(check.prepare('SELECT status FROM escalations WHERE id = ?').get(row.id)).toEqual({
          status: 'delivered',
        });
      } finally {
        check.close();
      }
    }, 10_000);
    const posts = slack.of('chat.postMessage').filter((c) => c.body.channel === 'C0ESCALATE');
    expect(posts.length - before).toBe(1);
    expect(JSON.stringify(posts.at(-1)?.body)).toContain('00D000000000123');
    await eventually(() =>
      expect(
        slack
          .of('chat.postMessage')
          .some((c) => c.body.channel === 'U0001' && String(c.body.text).includes('now been posted')),
      ).toBe(true),
    );
  });
});
