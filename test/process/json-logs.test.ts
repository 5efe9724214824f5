/**
 * Every line the bot prints is JSON, including what Slack's own clients log (the Web API client
 * logs each `response_metadata.warnings` entry Slack sends, such as `missing_charset`, at warn
 * level), in both Socket Mode and HTTP mode. Started as `npm start` starts it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SlackStandin, startSlackStandin } from '../../bench/slack-standin';
import { type BotProcess, freePort, spawnBot, waitHealthy } from '../helpers/process';
import { eventually, sign } from '../helpers/slack';

jest.setTimeout(60_000);

const SECRET = 'process-test-secret';
let dataDir: string;
let slack: SlackStandin;
const bots: BotProcess[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sf-assistant-logs-'));
  slack = await startSlackStandin({ socketMode: true, responseWarnings: ['missing_charset'] });
});
afterEach(async () => {
  for (const bot of bots.splice(0)) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  await slack.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>): BotProcess {
  const bot = spawnBot({
    SLACK_BOT_TOKEN: 'xoxb-process-test',
    SLACK_API_URL: slack.apiUrl,
    TRUST_API_URL: slack.trustUrl,
    DATA_DIR: dataDir,
    ...env,
  });
  bots.push(bot);
  return bot;
}

/** Lines that are not a JSON object (stdout and stderr together). */
function notJson(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        return typeof parsed !== 'object' || parsed === null;
      } catch {
        return true;
      }
    });
}

const slackWarnings = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.level === 'warn' && String(l.msg).includes('missing_charset'));

async function stop(bot: BotProcess): Promise<void> {
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
}

function pasteEvent(eventId: string) {
  return {
    type: 'event_callback',
    team_id: 'T0001',
    api_app_id: 'A0001',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: 'message',
      channel: 'C0001',
      user: 'U0001',
      ts: '1700000000.000300',
      text: 'System.LimitException: Too many SOQL queries: 101',
    },
  };
}

async function postSigned(port: number, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(body, ts, SECRET),
    },
  });
  return res.status;
}

describe('every line of output is JSON', () => {
  it('Socket Mode: start-up (auth.test, apps.connections.open), an answer, and shutdown', async () => {
    const bot = start({ SLACK_APP_TOKEN: 'xapp-process-test', LOG_LEVEL: 'info' });
    await Promise.race([
      slack.socketConnected(),
      bot.exited.then(() => {
        throw new Error(`exited:\n${bot.output()}`);
      }),
    ]);
    await slack.sendEnvelope('events_api', pasteEvent('Ev-json-socket'));
    await eventually(() => expect(slack.of('chat.postMessage')).toHaveLength(1));
    await stop(bot);

    expect(notJson(bot.output())).toEqual([]);
    // Slack's warnings did reach the log (so the check above had something to catch), as JSON:
    // from auth.test, apps.connections.open and chat.postMessage.
    expect(slackWarnings(bot.output()).length).toBeGreaterThanOrEqual(3);
  });

  it('HTTP mode: start-up, an answer, and shutdown', async () => {
    const port = await freePort();
    const bot = start({ SLACK_SIGNING_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'info' });
    await waitHealthy(bot);
    expect(await postSigned(port, pasteEvent('Ev-json-http'))).toBe(200);
    await eventually(() => expect(slack.of('chat.postMessage')).toHaveLength(1));
    await stop(bot);

    expect(notJson(bot.output())).toEqual([]);
    expect(slackWarnings(bot.output()).length).toBeGreaterThanOrEqual(2);
  });

  it("LOG_LEVEL=error also holds for Bolt's own logger and its Web API client", async () => {
    const port = await freePort();
    const bot = start({ SLACK_SIGNING_SECRET: SECRET, PORT: String(port), LOG_LEVEL: 'error' });
    await waitHealthy(bot);
    expect(await postSigned(port, pasteEvent('Ev-json-quiet'))).toBe(200);
    await eventually(() => expect(slack.of('chat.postMessage')).toHaveLength(1));
    await stop(bot);

    expect(notJson(bot.output())).toEqual([]);
    expect(slackWarnings(bot.output())).toEqual([]);
  });
});
