import nock from 'nock';
import { messageProblems, viewProblems } from '../helpers/block-kit';
import {
  captureResponses,
  eventually,
  type Harness,
  messageEvent,
  postCommand,
  postEvent,
  postInteraction,
  postRaw,
  recordSlackApi,
  settle,
  startHarness,
} from '../helpers/slack';

const RESPONSE_URL = 'https://hooks.slack.com/actions/T0001/1/abc';

/** The "Diagnose this error" message shortcut, as U0009 uses it on a message of U0002's in C0001. */
function diagnoseShortcut(triggerId: string, message: Record<string, unknown>, channelName?: string) {
  return {
    type: 'message_action',
    callback_id: 'diagnose_error',
    trigger_id: triggerId,
    response_url: RESPONSE_URL,
    team: { id: 'T0001' },
    user: { id: 'U0009' },
    channel: channelName === undefined ? { id: 'C0001' } : { id: 'C0001', name: channelName },
    message: { type: 'message', user: 'U0002', ...message },
  };
}

describe('interactivity through the signed HTTP receiver', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  describe('request verification', () => {
    it('rejects a bad signature with 401 and does nothing', async () => {
      const api = recordSlackApi();
      const res = await postEvent(
        h.base,
        messageEvent({ text: 'INVALID_SESSION_ID: Session expired or invalid' }),
        'Ev-badsig',
        { secret: 'wrong-secret' },
      );
      expect(res.status).toBe(401);
      await settle(h);
      expect(api.calls).toEqual([]);
      expect(await h.store.claimEvent('Ev-badsig', 1)).toBe(true); // never claimed by the app
    });

    it('rejects a stale timestamp (older than 5 minutes) with 401', async () => {
      const api = recordSlackApi();
      const res = await postEvent(
        h.base,
        messageEvent({ text: 'INVALID_SESSION_ID: Session expired or invalid' }),
        'Ev-stale',
        {
          timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
        },
      );
      expect(res.status).toBe(401);
      await settle(h);
      expect(api.calls).toEqual([]);
    });

    it("answers Slack's URL verification challenge", async () => {
      const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' });
      const res = await postRaw(h.base, body, 'application/json');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('c-123');
    });

    it('refuses malformed JSON without crashing', async () => {
      const res = await postRaw(h.base, '{"type": "event_callback", "event": ', 'application/json');
      expect(res.status).toBeGreaterThanOrEqual(400);
      const ok = await postEvent(h.base, messageEvent({ text: 'hello' }), 'Ev-after-bad');
      expect(ok.status).toBe(200);
    });

    it('refuses an oversized body instead of buffering it', async () => {
      const small = await startHarness({ MAX_REQUEST_BYTES: '65536' });
      try {
        const huge = JSON.stringify({
          type: 'event_callback',
          event_id: 'Ev-huge',
          event: messageEvent({ text: 'x'.repeat(200_000) }),
        });
        const res = await postRaw(small.base, huge, 'application/json');
        expect(res.status).toBe(413);
        const ok = await postEvent(small.base, messageEvent({ text: 'hello' }), 'Ev-after-huge');
        expect(ok.status).toBe(200);
      } finally {
        await small.close();
      }
    });
  });

  it('answers the "Diagnose this error" message shortcut privately, with a button to post in the thread', async () => {
    const api = recordSlackApi();
    const responses = captureResponses();
    const res = await postInteraction(
      h.base,
      diagnoseShortcut(
        'trig-1',
        {
          ts: '1600000000.000100',
          thread_ts: '1600000000.000001',
          text: 'System.QueryException: List has no rows for assignment to SObject',
        },
        'integrations',
      ),
    );
    expect(res.status).toBe(200);
    await eventually(() => expect(responses).toHaveLength(1));
    const answer = responses[0] as Record<string, unknown>;
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.blocks)).toContain('System.QueryException');
    expect(messageProblems(answer as { text: string; blocks: unknown })).toEqual([]);
    expect(api.of('chat.postMessage')).toEqual([]);

    // "Post in thread" posts the answer where the error is, in the original thread.
    const actions = (
      answer.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    ).find((b) => b.type === 'actions');
    const post = actions?.elements?.find((e) => e.action_id === 'post_to_thread');
    expect(post).toBeDefined();
    await postInteraction(h.base, {
      type: 'block_actions',
      trigger_id: 'trig-2',
      response_url: RESPONSE_URL,
      team: { id: 'T0001' },
      user: { id: 'U0009' },
      channel: { id: 'C0001' },
      container: { type: 'message', channel_id: 'C0001', is_ephemeral: true },
      actions: [{ type: 'button', action_id: 'post_to_thread', block_id: 'diag_actions', value: post?.value }],
    });
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    expect(api.of('chat.postMessage')[0]?.body).toMatchObject({ channel: 'C0001', thread_ts: '1600000000.000001' });
    await eventually(() => expect(responses.some((r) => String(r.text).includes('Posted'))).toBe(true));
  });

  it('says so privately when the shortcut finds no error', async () => {
    recordSlackApi();
    const responses = captureResponses();
    await postInteraction(h.base, diagnoseShortcut('trig-3', { ts: '1600000000.000100', text: 'see you tomorrow' }));
    await eventually(() => expect(responses).toHaveLength(1));
    expect(String(responses[0]?.text)).toContain("didn't recognise a Salesforce API error");
  });

  it('explains a TLS trust-store failure when asked through the shortcut, though a paste of it alone gets no reply', async () => {
    const api = recordSlackApi();
    const responses = captureResponses();
    const text = 'sf org login web: Error authenticating with auth code due to: unable to get local issuer certificate';
    await postEvent(h.base, messageEvent({ text }), 'Ev-tls-paste');
    await settle(h);
    expect(api.of('chat.postMessage')).toEqual([]);

    await postInteraction(h.base, diagnoseShortcut('trig-tls', { ts: '1600000000.000200', text }));
    await eventually(() => expect(responses).toHaveLength(1));
    expect(JSON.stringify(responses[0]?.blocks)).toContain('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
    expect(messageProblems(responses[0] as { text: string; blocks: unknown })).toEqual([]);
  });

  it('records 👍/👎 feedback per knowledge entry', async () => {
    recordSlackApi();
    const responses = captureResponses();
    const click = (action: string, user: string) =>
      postInteraction(h.base, {
        type: 'block_actions',
        trigger_id: 'trig-f',
        response_url: RESPONSE_URL,
        team: { id: 'T0001' },
        user: { id: user },
        channel: { id: 'C0001' },
        message: { ts: '1700000000.999999', text: 'UNABLE_TO_LOCK_ROW: …' },
        container: { type: 'message', channel_id: 'C0001', message_ts: '1700000000.999999' },
        actions: [{ type: 'button', action_id: action, block_id: 'diag_actions', value: 'UNABLE_TO_LOCK_ROW' }],
      });
    await click('feedback_up', 'U0001');
    await click('feedback_down', 'U0002');
    await click('feedback_up', 'U0002'); // changes their vote
    await eventually(async () =>
      expect(await h.store.feedbackTotals('UNABLE_TO_LOCK_ROW')).toEqual({ up: 2, down: 0 }),
    );
    await eventually(() => expect(responses.filter((r) => String(r.text).startsWith('Thanks'))).toHaveLength(3));
  });

  it('sets the channel mode with /sfassist, for channel members only', async () => {
    recordSlackApi();
    const responses = captureResponses();
    const command = (text: string, user: string) =>
      postCommand(h.base, {
        command: '/sfassist',
        text,
        user_id: user,
        channel_id: 'C0001',
        team_id: 'T0001',
        response_url: 'https://hooks.slack.com/commands/T0001/2/xyz',
        trigger_id: 'trig-c',
      });
    expect((await command('mode mentions', 'U0001')).status).toBe(200);
    await eventually(async () => expect((await h.store.getChannelSettings('C0001')).mode).toBe('mentions'));
    await command('mode off', 'U0404'); // not a member (conversations.members says U0001, U0002)
    await eventually(() => expect(responses.some((r) => String(r.text).includes('Only members'))).toBe(true));
    expect((await h.store.getChannelSettings('C0001')).mode).toBe('mentions');
    await command('bogus', 'U0001');
    await eventually(() => expect(responses.some((r) => String(r.text).startsWith('Usage'))).toBe(true));
  });

  it('publishes App Home with the knowledge base size and recent escalations', async () => {
    const api = recordSlackApi();
    await postEvent(h.base, { type: 'app_home_opened', user: 'U0001', channel: 'D0001', tab: 'home' }, 'Ev-home');
    await eventually(() => expect(api.of('views.publish')).toHaveLength(1));
    const view = api.of('views.publish')[0]?.body.view as Record<string, unknown>;
    expect(viewProblems(view, 'home')).toEqual([]);
    expect(JSON.stringify(view)).toMatch(/Knowledge base\*: \d{4} entries/);
    expect(JSON.stringify(view)).toContain('exception-codes');
    expect(JSON.stringify(view)).toContain('Your recent escalations');
  });

  it("sets a channel's mode from the App Home modal, refusing non-members inline", async () => {
    const api = recordSlackApi();
    const submit = (user: string) =>
      postInteraction(h.base, {
        type: 'view_submission',
        team: { id: 'T0001' },
        user: { id: user },
        trigger_id: 'trig-v',
        view: {
          id: 'VCS1',
          callback_id: 'channel_settings_modal',
          private_metadata: '',
          hash: 'h',
          state: {
            values: {
              cs_channel: { cs_channel_input: { type: 'conversations_select', selected_conversation: 'C0007' } },
              cs_mode: { cs_mode_input: { type: 'radio_buttons', selected_option: { value: 'off' } } },
              cs_bots: { cs_bots_input: { type: 'checkboxes', selected_options: [{ value: 'bots' }] } },
            },
          },
        },
      });
    const refused = await submit('U0404');
    expect(await refused.json()).toMatchObject({
      response_action: 'errors',
      errors: { cs_channel: expect.stringContaining('Only members') },
    });
    const ok = await submit('U0001');
    expect(ok.status).toBe(200);
    expect(await h.store.getChannelSettings('C0007')).toMatchObject({
      mode: 'off',
      allowBots: true,
      updatedBy: 'U0001',
    });
    await eventually(() => expect(api.of('views.publish')).toHaveLength(1));
  });
});
