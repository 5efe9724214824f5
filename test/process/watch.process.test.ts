/**
 * The limits watch with real intervals, as acceptance runs it: the bot started as `npm start`
 * starts it, against the Slack stand-in and a loopback stand-in org whose DailyApiRequests goes
 * 10 % → 80 % → 95 % → back down, with LIMITS_WATCH_INTERVAL_SECONDS=5 and SF_LIMITS_CACHE_SECONDS=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SlackStandin, startSlackStandin } from '../../bench/slack-standin';
import { type BotProcess, freePort, spawnBot, waitHealthy } from '../helpers/process';
import { eventually, postCommand } from '../helpers/slack';
import { type StandinOrg, startStandinOrg } from '../helpers/standin-org';
import { limitsAt } from '../helpers/watch';

jest.setTimeout(120_000);

const SECRET = 'watch-process-secret';
const WATCH = 'C0WATCH01';
const INTERVAL_MS = 5_000;

let dataDir: string;
let slack: SlackStandin;
let org: StandinOrg;
let bot: BotProcess | undefined;

afterEach(async () => {
  if (bot !== undefined) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  await slack?.close();
  await org?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('posts one alert per episode, updates it as it worsens, says resolved, and reads /limits at most once per interval', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sf-assistant-watch-'));
  slack = await startSlackStandin();
  org = await startStandinOrg([10, 10, 80, 80, 95, 95, 40, 40, 40].map((p) => limitsAt(p)));
  const port = await freePort();
  bot = spawnBot({
    SLACK_BOT_TOKEN: 'xoxb-watch-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    TRUST_API_URL: slack.trustUrl,
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SF_INSTANCE_URL: org.url,
    SF_ACCESS_TOKEN: 'standin-token',
    LIMITS_WATCH_CHANNEL_ID: WATCH,
    LIMITS_WATCH_INTERVAL_SECONDS: '5',
    SF_LIMITS_CACHE_SECONDS: '1',
  });
  await waitHealthy(bot);
  const inWatch = () => slack.calls.filter((c) => c.body.channel === WATCH);
  const topLevel = () => inWatch().filter((c) => c.method === 'chat.postMessage' && c.body.thread_ts === undefined);

  // Two snapshots at 10 %: nothing in the watch channel, no start-up announcement.
  await eventually(() => expect(org.limitsCalls.length).toBeGreaterThanOrEqual(2), 20_000);
  expect(inWatch()).toEqual([]);

  // 80 %: exactly one top-level post naming the limit and the percentage.
  await eventually(() => expect(topLevel()).toHaveLength(1), 20_000);
  const alert = topLevel()[0];
  expect(String(alert?.body.text)).toContain('DailyApiRequests');
  expect(String(alert?.body.text)).toContain('80%');
  const ts = await eventually(() => expect(inWatch().some((c) => c.method === 'chat.update')).toBe(true), 20_000).then(
    () => inWatch().find((c) => c.method === 'chat.update')?.body.ts,
  );
  expect(typeof ts).toBe('string');

  // 95 %: the same post is updated and answered in its thread.
  await eventually(() => {
    const said = inWatch().filter((c) => c.body.ts === ts || c.body.thread_ts === ts);
    expect(said.some((c) => JSON.stringify(c.body).includes('95%'))).toBe(true);
    expect(said.some((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts)).toBe(true);
  }, 20_000);

  // Back down: after two intervals under the band the post says resolved.
  await eventually(
    () =>
      expect(
        inWatch().some(
          (c) => c.method === 'chat.update' && c.body.ts === ts && String(c.body.text).startsWith('Resolved'),
        ),
      ).toBe(true),
    30_000,
  );
  expect(topLevel()).toHaveLength(1);

  // Never two /limits calls within one interval (the tick lease allows a 0.5 s margin for clock skew).
  const gaps = org.limitsCalls.slice(1).map((t, i) => t - (org.limitsCalls[i] as number));
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS - 500);

  // /sflimits trend from the same snapshots: the v2 upload flow into the channel it was asked in.
  const res = await postCommand(
    `http://127.0.0.1:${port}`,
    {
      command: '/sflimits',
      text: 'trend',
      user_id: 'U0001',
      channel_id: 'C0001',
      team_id: 'T0001',
      response_url: slack.hooksUrl,
      trigger_id: 't',
    },
    { secret: SECRET },
  );
  expect(res.status).toBe(200);
  await eventually(() => expect(slack.of('files.completeUploadExternal')).toHaveLength(1), 15_000);
  const asked = slack.of('files.getUploadURLExternal')[0]?.body;
  expect(asked?.filename).toBe('default-DailyApiRequests-24h.png');
  expect(Number(slack.of('file_upload')[0]?.body.bytes)).toBe(Number(asked?.length));
  expect(slack.of('files.completeUploadExternal')[0]?.body.channel_id).toBe('C0001');
});
