import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { messageProblems } from '../helpers/block-kit';
import {
  captureResponses,
  eventually,
  type Harness,
  postCommand,
  postInteraction,
  recordSlackApi,
  startHarness,
} from '../helpers/slack';

const LIMITS = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'salesforce', 'limits.json'), 'utf8'));
const INSTANCE = 'https://acme.my.salesforce.com';
const RESPONSE_URL = 'https://hooks.slack.com/commands/T0001/9/limits';

const command = (h: Harness, text: string, user = 'U0001') =>
  postCommand(h.base, {
    command: '/sflimits',
    text,
    user_id: user,
    channel_id: 'C0001',
    team_id: 'T0001',
    response_url: RESPONSE_URL,
    trigger_id: 't',
  });

describe('/sflimits end to end (signed command → jsforce → nock Salesforce → response_url)', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
    nock.cleanAll();
  });

  it('acknowledges at once, then answers privately with the limits and a Share button', async () => {
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token' });
    recordSlackApi();
    const responses = captureResponses();
    const sf = nock(INSTANCE, { reqheaders: { authorization: 'Bearer static-token' } })
      .get('/services/data/v66.0/limits')
      .delay(200)
      .reply(200, LIMITS, { 'Sforce-Limit-Info': 'api-usage=13900/15000' });
    const res = await command(h, '');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Checking the limits'),
    });
    await eventually(() => expect(responses).toHaveLength(1));
    const answer = responses[0] as Record<string, unknown>;
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const text = JSON.stringify(answer.blocks);
    expect(text).toContain('DailyApiRequests');
    expect(text).toContain('13,900 / 15,000');
    expect(text).toContain('over by 2,500');
    expect(messageProblems(answer as { text: string; blocks: unknown })).toEqual([]);
    sf.done();

    // Share in channel: same snapshot, posted for everyone, no new Salesforce call.
    const share = (
      answer.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    ).find((b) => b.type === 'actions')?.elements?.[0];
    await postInteraction(h.base, {
      type: 'block_actions',
      trigger_id: 't2',
      response_url: RESPONSE_URL,
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      channel: { id: 'C0001' },
      container: { type: 'message', channel_id: 'C0001', is_ephemeral: true },
      actions: [{ type: 'button', action_id: 'share_limits', block_id: 'lim_actions', value: share?.value }],
    });
    await eventually(() => expect(responses).toHaveLength(2));
    expect(responses[1]).toMatchObject({ response_type: 'in_channel' });
  });

  it('acknowledges before Salesforce answers, and reports its timeout', async () => {
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token', SF_TIMEOUT_MS: '1500' });
    recordSlackApi();
    const responses = captureResponses();
    nock(INSTANCE).get('/services/data/v66.0/limits').times(3).delay(10_000).reply(200, LIMITS);
    const res = await command(h, 'refresh');
    // The acknowledgement did not wait for Salesforce: nothing has been answered yet.
    expect(res.status).toBe(200);
    expect(responses).toEqual([]);
    await eventually(() => expect(responses).toHaveLength(1), 5_000);
    expect(String(responses[0]?.text)).toContain('did not answer in time');
  });

  it('explains a missing permission from the knowledge base', async () => {
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token' });
    recordSlackApi();
    const responses = captureResponses();
    nock(INSTANCE)
      .get('/services/data/v66.0/limits')
      .reply(403, [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on object id' }]);
    await command(h, '');
    await eventually(() => expect(responses).toHaveLength(1));
    expect(JSON.stringify(responses[0])).toContain('View Setup and Configuration');
  });

  it('works with several named orgs and refuses an unknown one', async () => {
    h = await startHarness({
      SF_ORGS: 'prod,uat',
      SF_PROD_INSTANCE_URL: INSTANCE,
      SF_PROD_ACCESS_TOKEN: 'p',
      SF_UAT_INSTANCE_URL: 'https://acme--uat.sandbox.my.salesforce.com',
      SF_UAT_ACCESS_TOKEN: 'u',
    });
    recordSlackApi();
    const responses = captureResponses();
    const uat = nock('https://acme--uat.sandbox.my.salesforce.com', { reqheaders: { authorization: 'Bearer u' } })
      .get('/services/data/v66.0/limits')
      .reply(200, LIMITS);
    await command(h, 'uat bulk');
    await eventually(() => expect(responses).toHaveLength(1));
    expect(JSON.stringify(responses[0])).toContain('DailyBulkApiBatches');
    expect(JSON.stringify(responses[0])).not.toContain('DataStorageMB');
    uat.done();
  });

  it('runs the same flow from the "Check org limits" button on a diagnosis', async () => {
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token' });
    recordSlackApi();
    const responses = captureResponses();
    nock(INSTANCE).get('/services/data/v66.0/limits').reply(200, LIMITS);
    await postInteraction(h.base, {
      type: 'block_actions',
      trigger_id: 't3',
      response_url: RESPONSE_URL,
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      channel: { id: 'C0001' },
      message: { ts: '1700000000.1', text: 'REQUEST_LIMIT_EXCEEDED' },
      container: { type: 'message', channel_id: 'C0001', message_ts: '1700000000.1' },
      actions: [
        {
          type: 'button',
          action_id: 'check_limits',
          block_id: 'diag_actions',
          value: '{"p":null,"c":"REQUEST_LIMIT_EXCEEDED"}',
        },
      ],
    });
    await eventually(() => expect(responses).toHaveLength(1));
    expect(JSON.stringify(responses[0])).toContain('DailyApiRequests');
  });

  it('refuses people outside the allow-list', async () => {
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token', ALLOWED_USERS: 'U0ADMIN1' });
    recordSlackApi();
    const responses = captureResponses();
    const sf = nock(INSTANCE).get('/services/data/v66.0/limits').reply(200, LIMITS);
    await command(h, '', 'U0001');
    await eventually(() => expect(responses).toHaveLength(1));
    expect(String(responses[0]?.text)).toContain('not on the list');
    expect(sf.isDone()).toBe(false);
  });

  it('admits members of an allowed user group and anyone in an allowed channel, once per group read', async () => {
    h = await startHarness({
      SF_INSTANCE_URL: INSTANCE,
      SF_ACCESS_TOKEN: 'static-token',
      ALLOWED_USERGROUPS: 'S0INTEGRATION',
      ALLOWED_CHANNELS: 'C0OPSTEAM1',
    });
    const api = recordSlackApi((method, body) =>
      method === 'usergroups.users.list' && body.usergroup === 'S0INTEGRATION'
        ? [200, { ok: true, users: ['U0MEMBER'] }]
        : undefined,
    );
    const responses = captureResponses();
    nock(INSTANCE).persist().get('/services/data/v66.0/limits').reply(200, LIMITS);
    await command(h, '', 'U0MEMBER');
    await eventually(() => expect(responses).toHaveLength(1));
    expect(JSON.stringify(responses[0])).toContain('DailyApiRequests');

    await command(h, '', 'U0STRANGER');
    await eventually(() => expect(responses).toHaveLength(2));
    expect(String(responses[1]?.text)).toContain('not on the list');

    // Same person, allowed channel.
    await postCommand(h.base, {
      command: '/sflimits',
      text: '',
      user_id: 'U0STRANGER',
      channel_id: 'C0OPSTEAM1',
      team_id: 'T0001',
      response_url: RESPONSE_URL,
      trigger_id: 't',
    });
    await eventually(() => expect(responses).toHaveLength(3));
    expect(JSON.stringify(responses[2])).toContain('DailyApiRequests');
    // The group's members were read once and cached.
    expect(api.of('usergroups.users.list')).toHaveLength(1);
  });

  it('tells people how to link an org when none is configured', async () => {
    h = await startHarness();
    recordSlackApi();
    const res = await command(h, '');
    expect(JSON.stringify(await res.json())).toContain('No Salesforce org is linked');
  });
});
