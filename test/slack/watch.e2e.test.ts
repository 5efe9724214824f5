/**
 * The limits watch's buttons, `/sflimits trend` and `/sflimits who` end to end: signed requests
 * into the real Bolt receiver, jsforce against nock at Salesforce's edge, Slack's Web API (and
 * its upload host) at nock too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { messageProblems, viewProblems } from '../helpers/block-kit';
import {
  captureResponses,
  eventually,
  type Harness,
  postCommand,
  postEvent,
  postInteraction,
  recordSlackApi,
  startHarness,
} from '../helpers/slack';
import { limitsAt } from '../helpers/watch';

const INSTANCE = 'https://acme.my.salesforce.com';
const RESPONSE_URL = 'https://hooks.slack.com/commands/T0001/9/watch';
const WATCH = 'C0WATCH01';
const CSV = readFileSync(join(__dirname, '..', 'fixtures', 'salesforce', 'api-total-usage.csv'), 'utf8');
const ENV = {
  SF_INSTANCE_URL: INSTANCE,
  SF_ACCESS_TOKEN: 'static-token',
  LIMITS_WATCH_CHANNEL_ID: WATCH,
  LIMITS_WATCH_INTERVAL_SECONDS: '3600',
};

const command = (h: Harness, text: string, channel = 'C0001') =>
  postCommand(h.base, {
    command: '/sflimits',
    text,
    user_id: 'U0001',
    channel_id: channel,
    team_id: 'T0001',
    response_url: RESPONSE_URL,
    trigger_id: 't',
  });

const click = (h: Harness, action: Record<string, unknown>, messageTs: string, user = 'U0CLICK') =>
  postInteraction(h.base, {
    type: 'block_actions',
    trigger_id: 'tr',
    response_url: RESPONSE_URL,
    team: { id: 'T0001' },
    user: { id: user },
    channel: { id: WATCH },
    message: { ts: messageTs, text: 'alert' },
    container: { type: 'message', channel_id: WATCH, message_ts: messageTs },
    actions: [{ block_id: 'watch_actions', ...action }],
  });

/** Salesforce's event log: no Event Monitoring object, one daily file. */
function eventLog() {
  return nock(INSTANCE)
    .get('/services/data/v66.0/query')
    .query((q) => String(q.q).includes('ApiTotalUsageEventLog'))
    .reply(400, [{ errorCode: 'INVALID_TYPE', message: "sObject type 'ApiTotalUsageEventLog' is not supported." }])
    .get('/services/data/v66.0/query')
    .query((q) => String(q.q).includes('FROM EventLogFile'))
    .reply(200, { totalSize: 1, done: true, records: [{ Id: '0AT000000000001', LogDate: yesterdayIso() }] })
    .get('/services/data/v66.0/sobjects/EventLogFile/0AT000000000001/LogFile')
    .reply(200, CSV, { 'content-type': 'text/csv' });
}

function yesterdayIso(): string {
  return `${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T00:00:00.000+0000`;
}

describe('limits watch end to end', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
    nock.cleanAll();
  });

  /** Starts the bot with an org at 85 %: the first interval posts the alert. */
  async function withAlert() {
    nock(INSTANCE).get('/services/data/v66.0/limits').reply(200, limitsAt(85));
    const api = recordSlackApi();
    h = await startHarness(ENV);
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const alert = api.of('chat.postMessage')[0]?.body as Record<string, unknown>;
    expect(alert.channel).toBe(WATCH);
    expect(JSON.stringify(alert)).toContain('DailyApiRequests');
    expect(JSON.stringify(alert)).toContain('85%');
    expect(messageProblems(alert as { text: string; blocks: unknown })).toEqual([]);
    // The ts is stored right after Slack answers the post.
    let episode: { id: string; messageTs: string | undefined } | undefined;
    await eventually(async () => {
      episode = (await h.store.openWatchEpisodes('default'))[0];
      expect(episode?.messageTs).toBeDefined();
    });
    const ts = episode?.messageTs as string;
    const episodeId = episode?.id as string;
    return { api, ts, episodeId };
  }

  it('Acknowledge records who and edits the alert in place', async () => {
    const { api, ts, episodeId } = await withAlert();
    const res = await click(h, { type: 'button', action_id: 'watch_ack', value: episodeId }, ts);
    expect(res.status).toBe(200);
    await eventually(() => expect(api.of('chat.update')).toHaveLength(1));
    const update = api.of('chat.update')[0]?.body as Record<string, unknown>;
    expect(update).toMatchObject({ channel: WATCH, ts });
    expect(JSON.stringify(update.blocks)).toContain('Acknowledged by <@U0CLICK>');
    expect(messageProblems(update as { text: string; blocks: unknown })).toEqual([]);
    expect((await h.store.getWatchEpisode(episodeId))?.ackedBy).toBe('U0CLICK');
  });

  it('Snooze and Mute are stored and shown; App Home lists them with Unmute', async () => {
    const { api, ts, episodeId } = await withAlert();
    await click(
      h,
      { type: 'static_select', action_id: 'watch_snooze', selected_option: { value: `4h|${episodeId}` } },
      ts,
    );
    await eventually(() => expect(api.of('chat.update')).toHaveLength(1));
    expect(JSON.stringify(api.of('chat.update')[0]?.body)).toContain('Snoozed by <@U0CLICK>');
    const [snooze] = await h.store.activeWatchSilences(Date.now(), 'default');
    expect(snooze).toMatchObject({ kind: 'snooze', limitKey: 'DailyApiRequests', byUser: 'U0CLICK' });
    expect((snooze?.until ?? 0) - Date.now()).toBeGreaterThan(3.9 * 3_600_000);

    // A tampered select value is ignored.
    await click(h, { type: 'static_select', action_id: 'watch_snooze', selected_option: { value: 'forever|x' } }, ts);

    await click(h, { type: 'button', action_id: 'watch_mute', value: episodeId }, ts, 'U0MUTER');
    await eventually(() => expect(api.of('chat.update')).toHaveLength(2));
    expect(JSON.stringify(api.of('chat.update')[1]?.body)).toContain('Muted in this channel by <@U0MUTER>');

    await postEvent(h.base, { type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home' }, 'Ev-home-w1');
    await eventually(() => expect(api.of('views.publish')).toHaveLength(1));
    const view = api.of('views.publish')[0]?.body.view as Record<string, unknown>;
    expect(viewProblems(view, 'home')).toEqual([]);
    const home = JSON.stringify(view);
    expect(home).toContain(`alerts in <#${WATCH}>`);
    expect(home).toContain('Open: `DailyApiRequests` warning band at 85%');
    expect(home).toContain('text sparkline');
    expect(home).toContain('watch_unmute');

    const unmute = (view.blocks as Array<{ accessory?: { action_id: string; value: string } }>).find(
      (b) => b.accessory?.action_id === 'watch_unmute',
    );
    await postInteraction(h.base, {
      type: 'block_actions',
      trigger_id: 'tr',
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      container: { type: 'view', view_id: 'V1' },
      view: { id: 'V1', type: 'home' },
      actions: [
        { type: 'button', action_id: 'watch_unmute', block_id: 'home_mute_0_0', value: unmute?.accessory?.value },
      ],
    });
    await eventually(() => expect(api.of('views.publish')).toHaveLength(2));
    expect(await h.store.activeWatchSilences(Date.now(), 'default')).toEqual([]);
  });

  it('"Who is using it?" answers /sflimits who in the alert thread', async () => {
    const { api, ts, episodeId } = await withAlert();
    const sf = eventLog();
    await click(h, { type: 'button', action_id: 'watch_who', value: episodeId }, ts);
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(2));
    const answer = api.of('chat.postMessage')[1]?.body as Record<string, unknown>;
    expect(answer).toMatchObject({ channel: WATCH, thread_ts: ts });
    const text = JSON.stringify(answer.blocks);
    expect(text).toMatch(/yesterday, \d{4}-\d{2}-\d{2} UTC, from the ApiTotalUsage event log/);
    expect(text).toMatch(/1\. \*Nightly Sync, ERP\* · sync@acme.com: 3 calls/);
    expect(text).toContain('this bot');
    expect(messageProblems(answer as { text: string; blocks: unknown })).toEqual([]);
    sf.done();
  });
});

describe('/sflimits trend and who end to end', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
    nock.cleanAll();
  });

  it('trend uploads a PNG through the v2 flow: URL with filename and length, the bytes, then complete', async () => {
    let uploaded: Buffer | undefined;
    const api = recordSlackApi((method) =>
      method === 'files.getUploadURLExternal'
        ? [200, { ok: true, upload_url: 'https://files.slack.com/upload/v1/ABC', file_id: 'F0CHART' }]
        : method === 'files.completeUploadExternal'
          ? [200, { ok: true, files: [{ id: 'F0CHART' }] }]
          : undefined,
    );
    const upload = nock('https://files.slack.com')
      .post('/upload/v1/ABC')
      .reply(200, (_uri, body) => {
        uploaded = Buffer.from(body as string, 'hex');
        return 'OK - 1';
      });
    const responses = captureResponses();
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token' });
    const now = Date.now();
    for (let i = 0; i < 6; i++)
      await h.store.saveLimitsSnapshot({
        id: `s${i}`,
        org: 'default',
        takenAt: now - (6 - i) * 3_600_000,
        raw: limitsAt(20 + i * 10),
        apiUsage: undefined,
      });
    const res = await command(h, 'trend DailyApiRequests 24h');
    expect(await res.json()).toMatchObject({ text: expect.stringContaining('Drawing the trend') });
    await eventually(() => expect(responses).toHaveLength(1));
    expect(String(responses[0]?.text)).toContain('Posted the trend of DailyApiRequests');
    const url = api.of('files.getUploadURLExternal')[0]?.body;
    expect(url?.filename).toBe('default-DailyApiRequests-24h.png');
    expect(Number(url?.length)).toBeGreaterThan(1000);
    upload.done();
    expect(uploaded?.length).toBe(Number(url?.length));
    expect(uploaded?.subarray(1, 4).toString('latin1')).toBe('PNG');
    // PNG IHDR: width and height at bytes 16–23.
    expect(uploaded?.readUInt32BE(16)).toBeGreaterThanOrEqual(600);
    expect(uploaded?.readUInt32BE(20)).toBeGreaterThanOrEqual(300);
    const complete = api.of('files.completeUploadExternal')[0]?.body as Record<string, unknown>;
    expect(complete.channel_id).toBe('C0001');
    expect(JSON.stringify(complete.files)).toContain('F0CHART');
  });

  it('trend explains a missing channel membership and too little history', async () => {
    recordSlackApi((method) =>
      method === 'files.getUploadURLExternal'
        ? [200, { ok: true, upload_url: 'https://files.slack.com/upload/v1/X', file_id: 'F0X' }]
        : method === 'files.completeUploadExternal'
          ? [200, { ok: false, error: 'not_in_channel' }]
          : undefined,
    );
    nock('https://files.slack.com').post('/upload/v1/X').reply(200, 'OK');
    const responses = captureResponses();
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token' });
    await command(h, 'trend');
    await eventually(() => expect(responses).toHaveLength(1));
    expect(String(responses[0]?.text)).toContain('Not enough history');
    for (let i = 0; i < 3; i++)
      await h.store.saveLimitsSnapshot({
        id: `s${i}`,
        org: 'default',
        takenAt: Date.now() - i * 60_000,
        raw: limitsAt(30),
        apiUsage: undefined,
      });
    await command(h, 'trend');
    await eventually(() => expect(responses).toHaveLength(2));
    expect(String(responses[1]?.text)).toContain('invite me to this channel');
  });

  it('who names the top consumer first, with the window, and is cached for the day', async () => {
    recordSlackApi();
    const responses = captureResponses();
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token' });
    const sf = eventLog();
    await command(h, 'who');
    await eventually(() => expect(responses).toHaveLength(1));
    const text = JSON.stringify(responses[0]);
    expect(text).toMatch(/1\. \*Nightly Sync, ERP\* · sync@acme.com: 3 calls \(50%\)/);
    expect(text.indexOf('Nightly Sync')).toBeLessThan(text.indexOf('marketing@acme.com'));
    expect(text).toMatch(/yesterday, \d{4}-\d{2}-\d{2} UTC/);
    expect(messageProblems(responses[0] as { text: string; blocks: unknown })).toEqual([]);
    sf.done();
    // Asked again: no Salesforce call (nock has no more answers and would refuse).
    await command(h, 'who default');
    await eventually(() => expect(responses).toHaveLength(2));
    expect(JSON.stringify(responses[1])).toContain('Nightly Sync, ERP');
  });

  it('who says which permission is missing when the org has neither source', async () => {
    recordSlackApi();
    const responses = captureResponses();
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token' });
    nock(INSTANCE)
      .get('/services/data/v66.0/query')
      .query(true)
      .times(2)
      .reply(400, [{ errorCode: 'INVALID_TYPE', message: "sObject type 'EventLogFile' is not supported." }]);
    await command(h, 'who');
    await eventually(() => expect(responses).toHaveLength(1));
    expect(JSON.stringify(responses[0])).toContain('View Event Log Files');
  });
});
