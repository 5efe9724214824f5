import nock from 'nock';
import { COLLAPSED_VISIBLE_MAX } from '../../src/blocks/diagnosis';
import { visibleLength } from '../../src/blocks/visible-text';
import { messageProblems, viewProblems } from '../helpers/block-kit';
import {
  eventually,
  type Harness,
  messageEvent,
  postCommand,
  postEvent,
  postInteraction,
  recordSlackApi,
  settle,
  startHarness,
} from '../helpers/slack';

/**
 * Japanese-speaking users end to end, through the real HTTP receiver: the language follows the
 * poster's Slack locale (users.info with include_locale, ja-JP for the stand-in's `UJP…` members),
 * a paste written in Japanese, or the channel's `/sfassist language`; the modal opened from a
 * Japanese answer is Japanese, and so are its validation errors.
 */

const JA_USER = 'UJP0001';
const JAPANESE = /[\u3040-\u30ff]/;

/** One paste per API family, each a real shape of error. */
const PASTES: ReadonlyArray<readonly [string, string, string]> = [
  [
    'REST',
    '[{"message":"Amount must be positive","errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","fields":["Amount"]}]',
    'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  ],
  [
    'SOAP',
    '<soapenv:Fault><faultcode>sf:INVALID_SESSION_ID</faultcode><faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session</faultstring></soapenv:Fault>',
    'INVALID_SESSION_ID',
  ],
  [
    'Bulk API 1.0',
    '<batchInfo xmlns="http://www.force.com/2009/06/asyncapi/dataload"><id>7515e00000AbCdE</id><state>Failed</state><stateMessage>InvalidBatch : Field name not found : Foo__c</stateMessage></batchInfo>',
    'InvalidBatch',
  ],
  [
    'Bulk API 2.0',
    '"sf__Id","sf__Error",FirstName\n"","REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --","Ann"',
    'REQUIRED_FIELD_MISSING',
  ],
  ['OAuth', '{"error":"invalid_grant","error_description":"expired access/refresh token"}', 'invalid_grant'],
  [
    'Apex',
    'System.LimitException: Too many SOQL queries: 101\nClass.AccountService.load: line 42, column 1\nTrigger.AccountTrigger: line 3, column 1',
    'LIMIT_EXCEPTION_SOQL_QUERIES',
  ],
  [
    'sf CLI',
    '{"status":1,"name":"INVALID_FIELD","message":"No such column \'Regoin__c\' on entity \'Account\'.","exitCode":1}',
    'INVALID_FIELD',
  ],
  [
    'Streaming',
    '{"channel":"/meta/connect","successful":false,"error":"403::Unknown client"}',
    'STREAMING_UNKNOWN_CLIENT',
  ],
  [
    'HTTP',
    'GET https://acme.my.salesforce.com/services/data/v66.0/query?q=SELECT+Id+FROM+Account returned HTTP 503 Service Unavailable',
    'HTTP_503',
  ],
];

type Blocks = Array<{ type: string; elements?: Array<{ action_id: string; value?: string }> }>;

describe('Japanese-speaking users, end to end', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ ESCALATION_CHANNEL_ID: 'C0ESCALATE' });
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  it.each(PASTES)(
    'answers a ja-JP user in Japanese for a %s paste, naming the code as Salesforce spells it',
    async (_family, text, code) => {
      const api = recordSlackApi();
      await postEvent(h.base, messageEvent({ text, user: JA_USER }), `Ev-ja-${code}`);
      await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
      const post = api.of('chat.postMessage')[0]?.body as { text: string; blocks: Blocks };
      const shown = JSON.stringify(post.blocks);
      expect(shown).toContain(`\`${code}\``);
      expect(shown).toMatch(/対処方法|再試行/);
      expect(shown).not.toMatch(/What to do|Retry:|More detail/);
      expect(String(post.text)).toMatch(JAPANESE);
      expect(messageProblems(post)).toEqual([]);
      expect(visibleLength(post)).toBeLessThanOrEqual(COLLAPSED_VISIBLE_MAX);
      // The locale came from users.info, asked with include_locale.
      const info = api.of('users.info');
      expect(info.map((c) => c.body.user)).toContain(JA_USER);
      expect(info.every((c) => String(c.body.include_locale) === 'true')).toBe(true);
    },
  );

  it('asks Slack for a person’s locale once, then remembers it', async () => {
    const api = recordSlackApi();
    const [, first] = PASTES[0] as readonly [string, string, string];
    const [, second] = PASTES[1] as readonly [string, string, string];
    await postEvent(h.base, messageEvent({ text: first, user: JA_USER, ts: '1700000000.000100' }), 'Ev-ja-a');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    await postEvent(h.base, messageEvent({ text: second, user: JA_USER, ts: '1700000000.000200' }), 'Ev-ja-b');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(2));
    await settle(h);
    expect(api.of('users.info').filter((c) => c.body.user === JA_USER)).toHaveLength(1);
  });

  it('answers an English-locale user in Japanese when the paste itself is written in Japanese', async () => {
    const api = recordSlackApi();
    await postEvent(
      h.base,
      messageEvent({
        text: 'データローダーで取引先を更新すると、次のエラーが出ます。\nUNABLE_TO_LOCK_ROW: unable to obtain exclusive access to this record',
        user: 'U0001',
      }),
      'Ev-ja-text',
    );
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const shown = JSON.stringify(api.of('chat.postMessage')[0]?.body.blocks);
    expect(shown).toContain('UNABLE_TO_LOCK_ROW');
    expect(shown).toMatch(/対処方法|再試行/);
    // Decided from the text: Slack was not asked.
    expect(api.of('users.info')).toEqual([]);
  });

  it('answers a Japanese user in English in a channel set to `en`, and in Japanese after `language auto`', async () => {
    const api = recordSlackApi((method) =>
      method === 'conversations.members'
        ? [200, { ok: true, members: [JA_USER], response_metadata: { next_cursor: '' } }]
        : undefined,
    );
    const responses: unknown[] = [];
    nock('https://hooks.slack.com')
      .persist()
      .post(/.*/)
      .reply(200, (_u, body) => {
        responses.push(body);
        return 'ok';
      });
    const command = (text: string) =>
      postCommand(h.base, {
        command: '/sfassist',
        text,
        user_id: JA_USER,
        channel_id: 'C0001',
        team_id: 'T0001',
        response_url: 'https://hooks.slack.com/commands/T0001/1/abc',
        trigger_id: 'trig-cmd',
      });
    expect((await command('language en')).status).toBe(200);
    await eventually(() => expect(responses).toHaveLength(1));
    // The confirmation itself is private, so it is in the asker's language.
    expect(JSON.stringify(responses[0])).toMatch(/English \(英語\)/);

    const [, rest] = PASTES[0] as readonly [string, string, string];
    await postEvent(h.base, messageEvent({ text: rest, user: JA_USER, ts: '1700000000.000300' }), 'Ev-en-chan');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const english = JSON.stringify(api.of('chat.postMessage')[0]?.body.blocks);
    expect(english).toContain('What to do');
    expect(english).not.toMatch(JAPANESE);

    expect((await command('language auto')).status).toBe(200);
    await eventually(() => expect(responses).toHaveLength(2));
    const [, soap] = PASTES[1] as readonly [string, string, string];
    await postEvent(h.base, messageEvent({ text: soap, user: JA_USER, ts: '1700000000.000400' }), 'Ev-auto-chan');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(2));
    expect(JSON.stringify(api.of('chat.postMessage')[1]?.body.blocks)).toMatch(/対処方法|再試行/);
  });

  it('opens the escalation modal from a Japanese answer in Japanese, and shows its validation errors in Japanese', async () => {
    const api = recordSlackApi();
    const [, text] = PASTES[0] as readonly [string, string, string];
    await postEvent(h.base, messageEvent({ text, user: JA_USER, ts: '1764062100.000100' }), 'Ev-ja-esc');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const blocks = api.of('chat.postMessage')[0]?.body.blocks as Blocks;
    const escalate = blocks.find((b) => b.type === 'actions')?.elements?.find((e) => e.action_id === 'escalate');
    expect(escalate).toBeDefined();
    await postInteraction(h.base, {
      type: 'block_actions',
      trigger_id: 'trig-ja',
      team: { id: 'T0001' },
      user: { id: JA_USER },
      channel: { id: 'C0001' },
      message: { ts: '1764062101.000000' },
      container: { type: 'message', channel_id: 'C0001' },
      actions: [{ type: 'button', action_id: 'escalate', block_id: 'diag_actions', value: escalate?.value }],
    });
    await eventually(() => expect(api.of('views.open')).toHaveLength(1));
    const view = api.of('views.open')[0]?.body.view as Record<string, unknown> & {
      title: { text: string };
      private_metadata: string;
    };
    expect(viewProblems(view, 'modal')).toEqual([]);
    expect(view.title.text).toBe('SF サポートにエスカレーション');
    const shown = JSON.stringify(view);
    for (const label of [
      '組織 ID',
      'API 実行ユーザー',
      'API の種類',
      'リクエスト日時 (タイムゾーンを含む)',
      'レスポンスボディ',
    ])
      expect(shown).toContain(label);
    expect(shown).toContain('Asia/Tokyo');
    expect(shown).not.toMatch(/Organization ID|Response body|Create case/);

    // Submit with a bad org ID and a username that is not an e-mail address: errors in Japanese.
    const res = await postInteraction(h.base, {
      type: 'view_submission',
      team: { id: 'T0001' },
      user: { id: JA_USER },
      trigger_id: 'trig-ja-sub',
      view: {
        id: 'V-ja',
        hash: 'h1',
        callback_id: 'escalation_modal',
        private_metadata: view.private_metadata,
        state: {
          values: {
            esc_org_id: { esc_org_id_input: { type: 'plain_text_input', value: '00D000000000123EAB' } },
            esc_username: { esc_username_input: { type: 'email_text_input', value: 'not-an-email' } },
            esc_api_type: { esc_api_type_input: { type: 'static_select', selected_option: { value: 'REST' } } },
          },
        },
      },
    });
    expect(res.status).toBe(200);
    const ack = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(ack.response_action).toBe('errors');
    expect(ack.errors.esc_org_id).toContain('チェックサム');
    expect(ack.errors.esc_username).toContain('メールアドレス');
    expect(ack.errors.esc_response_body).toContain('必須');
    for (const message of Object.values(ack.errors)) expect(message).toMatch(JAPANESE);
  });

  it('shows App Home in the person’s language, and lets them pick one there', async () => {
    const api = recordSlackApi();
    await postEvent(h.base, { type: 'app_home_opened', user: JA_USER, tab: 'home', channel: 'D0001' }, 'Ev-home-ja');
    await eventually(() => expect(api.of('views.publish')).toHaveLength(1));
    const home = api.of('views.publish')[0]?.body.view as Record<string, unknown>;
    expect(viewProblems(home, 'home')).toEqual([]);
    expect(JSON.stringify(home)).toContain('使い方');

    // An English-locale person picks Japanese in App Home: stored, and App Home is redrawn in it.
    await postInteraction(h.base, {
      type: 'block_actions',
      trigger_id: 'trig-lang',
      team: { id: 'T0001' },
      user: { id: 'U0002' },
      container: { type: 'view', view_id: 'V-home' },
      actions: [
        {
          type: 'static_select',
          action_id: 'home_language',
          block_id: 'home_language',
          selected_option: { value: 'ja' },
        },
      ],
    });
    await eventually(() => expect(api.of('views.publish')).toHaveLength(2));
    expect(await h.store.getUserLanguage('U0002')).toBe('ja');
    expect(JSON.stringify(api.of('views.publish')[1]?.body.view)).toContain('使い方');

    // Their next paste is answered in Japanese though their Slack locale is English.
    const [, text] = PASTES[4] as readonly [string, string, string];
    await postEvent(h.base, messageEvent({ text, user: 'U0002' }), 'Ev-picked-ja');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    expect(JSON.stringify(api.of('chat.postMessage')[0]?.body.blocks)).toMatch(/対処方法|再試行/);
  });
});
