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

describe('a kill -9 while a case is being posted', () => {
  const env = { ESCALATION_CHANNEL_ID: 'C0ESCALATE' };

  function readCase(): { id: string; status: string; channel_message_ts: string | null } {
    const db = new Database(join(dataDir, 'sf-api-assistant.db'), { readonly: true });
    try {
      return db.prepare('SELECT id, status, channel_message_ts FROM escalations').get() as {
        id: string;
        status: string;
        channel_message_ts: string | null;
      };
    } finally {
      db.close();
    }
  }

  /** Submits a case with the escalation post stuck as `stuck` says, and kills the bot mid-post. */
  async function submitAndKill(stuck: 'hang' | 'hang-after-posting'): Promise<string> {
    slack = await startSlackStandin({
      handler: (method, body) => (method === 'chat.postMessage' && body.channel === 'C0ESCALATE' ? stuck : undefined),
    });
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
    const row = readCase();
    expect(row.status).toBe('pending');
    // Slack works again for the restarted bot.
    slack.setHandler(undefined);
    return row.id;
  }

  const casePosts = (caseId: string) =>
    slack
      .messages('C0ESCALATE')
      .filter((m) => m.metadata?.event_type === 'sf_escalation_case' && m.metadata.event_payload.case_id === caseId);

  it('finds the post that reached Slack before the kill and does not post the case again', async () => {
    const caseId = await submitAndKill('hang-after-posting');
    expect(slack.messages('C0ESCALATE')).toHaveLength(1);
    const postsBefore = slack.of('chat.postMessage').filter((c) => c.body.channel === 'C0ESCALATE').length;

    const second = await httpBot(env);
    await waitHealthy(second);
    await eventually(() => expect(readCase().status).toBe('delivered'), 10_000);

    // One copy in the channel: the first post, marked with the case ID, recorded as the delivery.
    expect(slack.messages('C0ESCALATE')).toHaveLength(1);
    expect(casePosts(caseId)).toHaveLength(1);
    expect(readCase().channel_message_ts).toBe(casePosts(caseId)[0]?.ts);
    expect(slack.of('chat.postMessage').filter((c) => c.body.channel === 'C0ESCALATE')).toHaveLength(postsBefore);
    const lookups = slack.of('conversations.history');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.body).toMatchObject({ channel: 'C0ESCALATE', include_all_metadata: 'true' });
    await eventually(() =>
      expect(
        slack
          .of('chat.postMessage')
          .some((c) => c.body.channel === 'U0001' && String(c.body.text).includes('now been posted')),
      ).toBe(true),
    );
  });

  it('posts the case once after the restart when the first post never reached Slack', async () => {
    const caseId = await submitAndKill('hang');
    expect(slack.messages('C0ESCALATE')).toHaveLength(0);

    const second = await httpBot(env);
    await waitHealthy(second);
    await eventually(() => expect(readCase().status).toBe('delivered'), 10_000);

    expect(slack.messages('C0ESCALATE')).toHaveLength(1);
    expect(casePosts(caseId)).toHaveLength(1);
    expect(readCase().channel_message_ts).toBe(casePosts(caseId)[0]?.ts);
    const posted = slack.of('chat.postMessage').filter((c) => c.body.channel === 'C0ESCALATE');
    expect(JSON.stringify(posted.at(-1)?.body)).toContain('00D000000000123');
    // It looked first (the earlier attempt might have landed), found nothing, then posted.
    expect(slack.of('conversations.history')).toHaveLength(1);
  });
});
