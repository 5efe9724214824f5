import nock from 'nock';
import { messageProblems, viewProblems } from '../helpers/block-kit';
import {
  eventually,
  type Harness,
  messageEvent,
  postEvent,
  postInteraction,
  recordSlackApi,
  SLACK,
  startHarness,
} from '../helpers/slack';

const TRUST = 'https://trust.test';
const ENV = {
  ESCALATION_CHANNEL_ID: 'C0ESCALATE',
  TRUST_API_URL: `${TRUST}/v1/`,
  SF_INSTANCE_URL: 'https://na139.salesforce.com',
  SF_ACCESS_TOKEN: 'static-token',
  SF_ORG_ID: '00D000000000123EAA',
  SF_USERNAME: 'integration@acme.com',
};
const PASTE =
  'POST https://na139.salesforce.com/services/data/v66.0/sobjects/Account failed with Authorization: Bearer 00D000000000123!AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1\n[{"message":"unable to obtain exclusive access to this record","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]';

type Blocks = Array<{
  type: string;
  block_id?: string;
  elements?: Array<{ action_id: string; value?: string }>;
  element?: Record<string, unknown>;
}>;

function trustOk() {
  return nock(TRUST)
    .persist()
    .get('/v1/instances/NA139/status')
    .query(true)
    .reply(200, { key: 'NA139', status: 'OK', Incidents: [], Maintenances: [] });
}

/** A filled-in view state for the request field set, as Slack sends it on submit. */
function requestState(over: Record<string, unknown> = {}) {
  const v = {
    orgId: '00D000000000123',
    username: 'integration@acme.com',
    apiType: 'REST',
    instance: 'NA139',
    requestTime: Math.floor(Date.now() / 1000) - 3600,
    method: 'POST',
    url: 'https://na139.salesforce.com/services/data/v66.0/sobjects/Account',
    requestBody: '{"Name":"Acme","password":"Hunter2Summer!"}',
    responseBody: '[{"errorCode":"UNABLE_TO_LOCK_ROW"}]',
    ...over,
  };
  return {
    esc_org_id: { esc_org_id_input: { type: 'plain_text_input', value: v.orgId } },
    esc_username: { esc_username_input: { type: 'email_text_input', value: v.username } },
    esc_api_type: { esc_api_type_input: { type: 'static_select', selected_option: { value: v.apiType } } },
    esc_instance: { esc_instance_input: { type: 'plain_text_input', value: v.instance } },
    esc_request_time: { esc_request_time_input: { type: 'datetimepicker', selected_date_time: v.requestTime } },
    esc_method: { esc_method_input: { type: 'static_select', selected_option: { value: v.method } } },
    esc_url: { esc_url_input: { type: 'url_text_input', value: v.url } },
    esc_request_body: { esc_request_body_input: { type: 'plain_text_input', value: v.requestBody } },
    esc_response_body: { esc_response_body_input: { type: 'plain_text_input', value: v.responseBody } },
    esc_attachments: { esc_attachments_input: { type: 'file_input', files: [] } },
  };
}

function submit(
  h: Harness,
  viewId: string,
  values: Record<string, unknown>,
  meta: Record<string, unknown> = { set: 'request', code: 'UNABLE_TO_LOCK_ROW', tz: 'Europe/Paris' },
) {
  return postInteraction(h.base, {
    type: 'view_submission',
    team: { id: 'T0001' },
    user: { id: 'U0001' },
    trigger_id: 'trig-sub',
    view: {
      id: viewId,
      hash: 'h1',
      callback_id: 'escalation_modal',
      private_metadata: JSON.stringify(meta),
      state: { values },
    },
  });
}

describe('escalation end to end', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(ENV);
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  it('opens a prefilled modal from the Escalate button on a diagnosis', async () => {
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: PASTE, ts: '1764062100.000100' }), 'Ev-esc');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const blocks = api.of('chat.postMessage')[0]?.body.blocks as Blocks;
    const escalate = blocks.find((b) => b.type === 'actions')?.elements?.find((e) => e.action_id === 'escalate');
    const res = await postInteraction(h.base, {
      type: 'block_actions',
      trigger_id: 'trig-esc',
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      channel: { id: 'C0001' },
      message: { ts: '1764062101.000000' },
      container: { type: 'message', channel_id: 'C0001' },
      actions: [{ type: 'button', action_id: 'escalate', block_id: 'diag_actions', value: escalate?.value }],
    });
    expect(res.status).toBe(200);
    await eventually(() => expect(api.of('views.open')).toHaveLength(1));
    const open = api.of('views.open')[0]?.body as { trigger_id: string; view: Record<string, unknown> };
    expect(open.trigger_id).toBe('trig-esc');
    expect(viewProblems(open.view, 'modal')).toEqual([]);
    const view = JSON.stringify(open.view);
    expect(view).toContain('"initial_value":"00D000000000123EAA"');
    expect(view).toContain('"initial_value":"integration@acme.com"');
    expect(view).toContain('"initial_option":{"text":{"type":"plain_text","text":"REST"},"value":"REST"}');
    expect(view).toContain('"initial_option":{"text":{"type":"plain_text","text":"POST"},"value":"POST"}');
    expect(view).toContain('"initial_value":"https://na139.salesforce.com/services/data/v66.0/sobjects/Account"');
    expect(view).toContain('"initial_value":"NA139"');
    expect(view).toContain('"initial_date_time":1764062100');
    expect(view).toContain('Central European Time');
    expect(view).toContain('redacted authorization header');
    expect(view).not.toContain('AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1');
    expect(api.of('users.info')[0]?.body.user).toBe('U0001');
  });

  it('opens from the global shortcut and from the message shortcut', async () => {
    const api = recordSlackApi();
    await postInteraction(h.base, {
      type: 'shortcut',
      callback_id: 'escalate_global',
      trigger_id: 'trig-g',
      team: { id: 'T0001' },
      user: { id: 'U0001' },
    });
    await postInteraction(h.base, {
      type: 'message_action',
      callback_id: 'escalate_message',
      trigger_id: 'trig-m',
      response_url: 'https://hooks.slack.com/actions/x',
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      channel: { id: 'C0001' },
      message: {
        type: 'message',
        user: 'U2',
        ts: '1764062100.000200',
        text: 'INVALID_SESSION_ID: Session expired or invalid',
      },
    });
    await eventually(() => expect(api.of('views.open')).toHaveLength(2));
    for (const call of api.of('views.open')) expect(viewProblems(call.body.view as never, 'modal')).toEqual([]);
    expect(JSON.stringify(api.of('views.open').find((c) => c.body.trigger_id === 'trig-m')?.body.view)).toContain(
      'INVALID_SESSION_ID',
    );
  });

  it('switches field sets with views.update and keeps what was typed in both', async () => {
    const api = recordSlackApi();
    const switchTo = (set: string, values: Record<string, unknown>) =>
      postInteraction(h.base, {
        type: 'block_actions',
        trigger_id: 'trig-s',
        team: { id: 'T0001' },
        user: { id: 'U0001' },
        view: {
          id: 'VSWITCH',
          hash: 'h1',
          callback_id: 'escalation_modal',
          private_metadata: JSON.stringify({ set: set === 'recent' ? 'request' : 'recent' }),
          state: { values },
        },
        actions: [
          {
            type: 'radio_buttons',
            action_id: 'escalation_field_set',
            block_id: 'esc_field_set',
            selected_option: { value: set },
          },
        ],
      });
    await switchTo('recent', requestState({ responseBody: 'the response I typed' }));
    await eventually(() => expect(api.of('views.update')).toHaveLength(1));
    const recent = api.of('views.update')[0]?.body as { view_id: string; hash: string; view: { blocks: Blocks } };
    expect(recent.view_id).toBe('VSWITCH');
    expect(recent.hash).toBe('h1');
    const ids = recent.view.blocks.map((b) => b.block_id);
    expect(ids).toContain('esc_frequency');
    expect(ids).not.toContain('esc_response_body');
    expect(JSON.stringify(recent.view)).toContain('"initial_value":"00D000000000123"');

    await switchTo('request', {
      esc_frequency: { esc_frequency_input: { type: 'plain_text_input', value: '8 of 10 in 3 minutes' } },
    });
    await eventually(() => expect(api.of('views.update')).toHaveLength(2));
    const back = JSON.stringify(api.of('views.update')[1]?.body.view);
    expect(back).toContain('the response I typed');
    expect(back).toContain('"initial_value":"00D000000000123"');
    expect(await h.store.getDraft('VSWITCH')).toMatchObject({
      frequency: '8 of 10 in 3 minutes',
      responseBody: 'the response I typed',
    });
  });

  it('shows per-field errors for an invalid submission and stores nothing', async () => {
    recordSlackApi();
    const res = await submit(
      h,
      'VBAD',
      requestState({
        orgId: '00D000000000123EAB',
        username: 'nope',
        url: 'not a url',
        requestTime: Math.floor(Date.now() / 1000) + 86_400,
      }),
    );
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['esc_org_id', 'esc_request_time', 'esc_url', 'esc_username']);
    expect(await h.store.recentEscalations(10)).toEqual([]);
  });

  it('stores a valid case first, then posts it to the escalation channel and DMs the submitter', async () => {
    const api = recordSlackApi();
    trustOk();
    const res = await submit(h, 'VOK', requestState());
    const ack = (await res.json()) as { response_action: string; view: Record<string, unknown> };
    expect(ack.response_action).toBe('update');
    expect(viewProblems(ack.view, 'modal')).toEqual([]);
    expect(JSON.stringify(ack.view)).toContain('is saved');
    expect(JSON.stringify(ack.view)).toContain('00D000000000123EAA');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(2));
    const [channelPost, dm] = [
      api.of('chat.postMessage').find((c) => c.body.channel === 'C0ESCALATE'),
      api.of('chat.postMessage').find((c) => c.body.channel === 'U0001'),
    ];
    expect(messageProblems(channelPost?.body as never)).toEqual([]);
    expect(messageProblems(dm?.body as never)).toEqual([]);
    expect(JSON.stringify(channelPost?.body)).toContain('NA139 reports no incident');
    expect(JSON.stringify(dm?.body)).toContain('Ready to paste');
    expect(JSON.stringify(api.calls)).not.toContain('Hunter2Summer!');
    const [stored] = await h.store.recentEscalations(5);
    expect(stored).toMatchObject({ status: 'delivered', userId: 'U0001', submissionKey: 'VOK' });
    expect(JSON.stringify(stored?.caseData)).not.toContain('Hunter2Summer!');
    expect(stored?.caseData).toMatchObject({ orgId18: '00D000000000123EAA', masked: true, code: 'UNABLE_TO_LOCK_ROW' });
    await eventually(() =>
      expect(api.of('views.update').some((c) => JSON.stringify(c.body.view).includes('posted to'))).toBe(true),
    );
  });

  it('creates one case for a double submission', async () => {
    recordSlackApi();
    trustOk();
    const [a, b] = await Promise.all([submit(h, 'VDUP', requestState()), submit(h, 'VDUP', requestState())]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    await eventually(async () => expect(await h.store.recentEscalations(10)).toHaveLength(1));
    const texts = [JSON.stringify(await a.json()), JSON.stringify(await b.json())];
    expect(texts.some((t) => t.includes('already submitted'))).toBe(true);
  });

  it('keeps a case pending when the channel post fails, tells the submitter, and delivers it on the next try', async () => {
    trustOk();
    nock(SLACK)
      .post('/api/chat.postMessage', (body) => String(body.channel ?? '').startsWith('C0ESC'))
      .reply(500, 'down');
    const api = recordSlackApi();
    await submit(h, 'VPEND', requestState());
    await eventually(async () =>
      expect((await h.store.recentEscalations(1))[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'HTTP 500',
      }),
    );
    await eventually(() => expect(api.of('chat.postMessage').find((c) => c.body.channel === 'U0001')).toBeDefined());
    expect(JSON.stringify(api.of('chat.postMessage').find((c) => c.body.channel === 'U0001')?.body)).toContain(
      'retry automatically',
    );

    // The retrier runs when the next attempt is due (here: forced), and the post goes through.
    const [pending] = await h.store.recentEscalations(1);
    await h.store.markEscalationAttemptFailed(pending?.id as string, 'HTTP 500', 0);
    await h.assistant.services.delivery.retryDue(h.assistant.app.client);
    expect((await h.store.recentEscalations(1))[0]).toMatchObject({ status: 'delivered' });
    expect(api.of('chat.postMessage').filter((c) => c.body.channel === 'C0ESCALATE')).toHaveLength(1);
    expect(api.of('chat.postMessage').some((c) => String(c.body.text).includes('has now been posted'))).toBe(true);
  });

  it.each([
    [
      'an active incident',
      () =>
        nock(TRUST)
          .get('/v1/instances/NA139/status')
          .query(true)
          .reply(200, {
            key: 'NA139',
            status: 'MAJOR_INCIDENT_CORE',
            Incidents: [{ id: 99, IncidentImpacts: [{ endTime: null }], message: { title: 'Login failures' } }],
          }),
      'Active incident on NA139: Login failures',
    ],
    ['no incident', trustOk, 'NA139 reports no incident'],
    [
      'an unreachable status API',
      () => nock(TRUST).get('/v1/instances/NA139/status').query(true).reply(503, 'nope'),
      'Could not reach the Salesforce Trust status API',
    ],
  ])('reports Trust status in the summary and the confirmation: %s', async (_name, mock, expected) => {
    const api = recordSlackApi();
    mock();
    await submit(h, `VTRUST-${expected.length}`, requestState());
    await eventually(() =>
      expect(api.of('chat.postMessage').find((c) => c.body.channel === 'C0ESCALATE')).toBeDefined(),
    );
    expect(JSON.stringify(api.of('chat.postMessage').find((c) => c.body.channel === 'C0ESCALATE')?.body)).toContain(
      expected,
    );
    await eventually(() =>
      expect(api.of('views.update').some((c) => JSON.stringify(c.body.view).includes(expected))).toBe(true),
    );
  });
});

describe('an escalation post whose outcome is unknown', () => {
  let h: Harness;
  beforeEach(async () => {
    // One request per attempt and a short client timeout, so a slow Slack shows as a timeout.
    h = await startHarness(ENV, {
      clientOptions: { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 300 },
    });
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  it('looks for the case in the channel before posting it again, and waits out a rate-limited lookup', async () => {
    trustOk();
    const channelPosts: Array<Record<string, unknown>> = [];
    // Slack accepts the post but answers after the client has given up: it may have landed.
    nock(SLACK)
      .post('/api/chat.postMessage', (body) => {
        if (body.channel !== 'C0ESCALATE') return false;
        channelPosts.push(body);
        return true;
      })
      .delay(2_000)
      .reply(200, { ok: true, channel: 'C0ESCALATE', ts: '1700000500.000100' });
    const history: Array<Record<string, unknown>> = [];
    let caseId = ''; // known after the submission; read when Slack is asked
    // The lookups: the first is refused (one history read a minute), the second finds the post.
    nock(SLACK)
      .post('/api/conversations.history', (body) => {
        history.push(body);
        return true;
      })
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '45' });
    nock(SLACK)
      .post('/api/conversations.history', (body) => {
        history.push(body);
        return true;
      })
      .reply(200, () => ({
        ok: true,
        has_more: false,
        messages: [
          {
            type: 'message',
            ts: '1700000600.000100',
            text: 'another case',
            metadata: { event_type: 'sf_escalation_case', event_payload: { case_id: 'other' } },
          },
          {
            type: 'message',
            ts: '1700000500.000100',
            text: 'this case',
            metadata: { event_type: 'sf_escalation_case', event_payload: { case_id: caseId } },
          },
        ],
      }));
    const api = recordSlackApi();
    await submit(h, 'VSLOW', requestState());
    await eventually(async () =>
      expect((await h.store.recentEscalations(1))[0]).toMatchObject({ status: 'pending', lastError: 'timeout' }),
    );
    const [pending] = await h.store.recentEscalations(1);
    caseId = pending?.id as string;
    expect(pending?.attemptStartedAt).toEqual(expect.any(Number));
    expect(JSON.parse(String(channelPosts[0]?.metadata))).toEqual({
      event_type: 'sf_escalation_case',
      event_payload: { case_id: caseId },
    });

    // The next round looks first; Slack allows one history read a minute and refuses this one.
    await h.store.markEscalationAttemptFailed(caseId, 'timeout', 0, true);
    const before = Date.now();
    expect(await h.assistant.services.delivery.retryDue(h.assistant.app.client)).toBe(0);
    const waiting = await h.store.getEscalation(caseId);
    expect(waiting).toMatchObject({ status: 'pending', lastError: 'lookup: ratelimited' });
    expect(waiting?.nextAttemptAt).toBeGreaterThanOrEqual(before + 45_000);
    expect(channelPosts).toHaveLength(1); // not posted blindly

    // A round later the lookup finds the first post: recorded as delivered, not posted again.
    await h.store.markEscalationAttemptFailed(caseId, 'lookup: ratelimited', 0, true);
    expect(await h.assistant.services.delivery.retryDue(h.assistant.app.client)).toBe(1);
    expect(await h.store.getEscalation(caseId)).toMatchObject({
      status: 'delivered',
      channelMessageTs: '1700000500.000100',
      attemptStartedAt: undefined,
    });
    expect(channelPosts).toHaveLength(1);
    expect(history).toHaveLength(2);
    const started = (pending?.attemptStartedAt as number) / 1000;
    expect(history[1]).toMatchObject({ channel: 'C0ESCALATE', include_all_metadata: 'true', limit: '15' });
    expect(Number(history[1]?.oldest)).toBeLessThanOrEqual(started);
    expect(Number(history[1]?.latest)).toBeGreaterThan(started);
    expect(api.of('chat.postMessage').some((c) => String(c.body.text).includes('has now been posted'))).toBe(true);
  });
});
