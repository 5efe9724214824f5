/**
 * Pasted secrets never leave: through the real signed receiver, secrets in several wrappings are
 * pasted, answered, edited, mentioned, diagnosed by shortcut, posted to the thread, escalated
 * (modal open, field-set switch, submit, channel post, DM). Then every Web API and response-URL
 * body as sent (form-encoded) and decoded (JSON), every log line, every row of every table of
 * the SQLite file, and the file's bytes are searched for any piece of any encoding of each secret.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import nock from 'nock';
import { defaultResponse, parseJsonFields } from '../../bench/slack-standin';
import { createLogger } from '../../src/logger';
import { ACTIONS, SHORTCUTS } from '../../src/slack/ids';
import { leakedPieces } from '../helpers/secrets';
import {
  BOT_USER,
  eventually,
  type Harness,
  messageEvent,
  postEvent,
  postInteraction,
  SLACK,
  startHarness,
} from '../helpers/slack';

// Fake credentials in their real shapes; none is live.
const ORG = '00D5e000000ABCD';
const OPAQUE = 'AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3eE4rT5yU6iO7pA8sD9fG0hJ1';
const CLIENT_SECRET = '8F1E2D3C4B5A69788796A5B4C3D2E1F0';
const ENV_PASSWORD = 'Tq8 vLz3 Wp9x Kr2m';
const ACCESS_TOKEN = 'Zt4Qm9Lx2Vb7Nc5Rw8Ks3Hd6Jf1Gp0Ya';
const REFRESH = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJRkuZgdvW2zTJ1yTGDHDKnmXz8Rz5oZK1';
const CLI_SECRET = 'C3A1B2D4E5F60718293A4B5C6D7E8F90';
const SOAP_PASSWORD = 'S3cr!t pw&Zx9Yw8Vu7';
const DSN_PASSWORD = 'Hn7%Kq2@Wm5/Xr4';
const JWT =
  'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIzTVZHOXRlc3QiLCJzdWIiOiJ1QGV4YW1wbGUuY29tIn0.c2lnbmF0dXJlLXNpZ25hdHVyZS14eXo';
const SLACK_TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv';
const TYPED_PASSWORD = 'Ru6 Fw2! Lk8#';

/** What must never come out (a session ID's org ID is kept on purpose). */
const SECRETS = [
  OPAQUE,
  CLIENT_SECRET,
  ENV_PASSWORD,
  ACCESS_TOKEN,
  REFRESH,
  CLI_SECRET,
  SOAP_PASSWORD,
  DSN_PASSWORD,
  JWT,
  SLACK_TOKEN,
  TYPED_PASSWORD,
];

/** Slack escapes & < > in message text. */
const slack = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The URL-encoded session ID (%21 for !) on a request line, as the issue reported it. */
const P_URL = `GET https://acme.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id+FROM+Account&token=${ORG}%21${OPAQUE} returned 401\n[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`;
/** .env names with prefixes, a connection string and the sf CLI auth URL. */
const P_ENV = [
  'my .env:',
  `SF_CLIENT_SECRET=${CLIENT_SECRET}`,
  `SF_PASSWORD="${ENV_PASSWORD}"`,
  `SF_ACCESS_TOKEN=${ACCESS_TOKEN}`,
  `DATABASE_URL=postgres://integration:${encodeURIComponent(DSN_PASSWORD)}@db.example.com:5432/app`,
  `Sfdx Auth Url    force://PlatformCLI:${CLI_SECRET}:${REFRESH}@acme.my.salesforce.com`,
  '[{"message":"unable to obtain exclusive access to this record","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]',
].join('\n');
/** A SOAP login request with its fault; Slack will escape it. */
const P_SOAP = `POST https://login.salesforce.com/services/Soap/u/62.0\n<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com"><soapenv:Body><urn:login><urn:username>u@example.com</urn:username><urn:password>${SOAP_PASSWORD.replace(/&/g, '&amp;')}</urn:password></urn:login></soapenv:Body></soapenv:Envelope>\n<soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring></soapenv:Fault>`;
/** A JWT in a header and a Slack token, in a message the escalation shortcut is used on. */
const P_JWT = `curl -H "Authorization: Bearer ${JWT}" https://na139.salesforce.com/services/data/v62.0/limits\nSLACK_BOT_TOKEN=${SLACK_TOKEN}\nREQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.`;

const TRUST = 'https://trust.test';
const ENV = {
  ESCALATION_CHANNEL_ID: 'C0ESCALATE',
  TRUST_API_URL: `${TRUST}/v1/`,
  SF_INSTANCE_URL: 'https://na139.salesforce.com',
  SF_ACCESS_TOKEN: 'static-token',
  SF_ORG_ID: '00D000000000123EAA',
  SF_USERNAME: 'integration@acme.com',
};

interface Captured {
  readonly method: string;
  readonly raw: string;
  readonly body: Record<string, unknown>;
}

/** Every Web API call, as sent on the wire and decoded, answered as Slack would. */
function captureSlackApi(): Captured[] {
  const calls: Captured[] = [];
  let n = 0;
  nock(SLACK)
    .persist()
    .post(/\/api\/[\w.]+/)
    .reply((uri, requestBody) => {
      const method = uri.replace(/^\/api\//, '');
      const raw = typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody);
      const body = parseJsonFields(
        typeof requestBody === 'string'
          ? Object.fromEntries(new URLSearchParams(requestBody))
          : ((requestBody ?? {}) as Record<string, unknown>),
      );
      calls.push({ method, raw, body });
      return [200, defaultResponse(method, body, ++n)];
    });
  return calls;
}

/** Bodies posted to response URLs (shortcut replies), as sent. */
function captureResponseUrls(): string[] {
  const bodies: string[] = [];
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(200, (_uri, body) => {
      bodies.push(typeof body === 'string' ? body : JSON.stringify(body));
      return 'ok';
    });
  return bodies;
}

/** Every row of every table of the SQLite file, and the raw bytes of the file and its WAL. */
function storedText(dataDir: string): string[] {
  const file = join(dataDir, 'sf-api-assistant.db');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    const rows = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).all()));
    const bytes = readdirSync(dataDir)
      .filter((f) => f.startsWith('sf-api-assistant.db'))
      .map((f) => readFileSync(join(dataDir, f)).toString('latin1'));
    return [...rows, ...bytes];
  } finally {
    db.close();
  }
}

type Blocks = Array<{ type: string; elements?: Array<{ action_id: string; value?: string }> }>;

function buttonValue(blocks: unknown, actionId: string): string | undefined {
  return (blocks as Blocks).find((b) => b.type === 'actions')?.elements?.find((e) => e.action_id === actionId)?.value;
}

/** The request field set as Slack sends it on submit, with secrets typed into the free-text fields. */
function typedState(over: Record<string, string> = {}) {
  const v = {
    orgId: '00D000000000123',
    username: 'integration@acme.com',
    instance: 'NA139',
    url: `https://na139.salesforce.com/services/data/v62.0/sobjects/Account?access_token=${ACCESS_TOKEN}`,
    requestBody: `{"Name":"Acme","password":"${TYPED_PASSWORD}"}`,
    responseBody: `Authorization: Bearer ${ORG}!${OPAQUE}\n[{"errorCode":"UNABLE_TO_LOCK_ROW"}]`,
    ...over,
  };
  return {
    esc_org_id: { esc_org_id_input: { type: 'plain_text_input', value: v.orgId } },
    esc_username: { esc_username_input: { type: 'email_text_input', value: v.username } },
    esc_api_type: { esc_api_type_input: { type: 'static_select', selected_option: { value: 'REST' } } },
    esc_instance: { esc_instance_input: { type: 'plain_text_input', value: v.instance } },
    esc_request_time: {
      esc_request_time_input: { type: 'datetimepicker', selected_date_time: Math.floor(Date.now() / 1000) - 3600 },
    },
    esc_method: { esc_method_input: { type: 'static_select', selected_option: { value: 'POST' } } },
    esc_url: { esc_url_input: { type: 'url_text_input', value: v.url } },
    esc_request_body: { esc_request_body_input: { type: 'plain_text_input', value: v.requestBody } },
    esc_response_body: { esc_response_body_input: { type: 'plain_text_input', value: v.responseBody } },
    esc_attachments: { esc_attachments_input: { type: 'file_input', files: [] } },
  };
}

describe('pasted secrets never leave (signed requests through the real HTTP receiver)', () => {
  let h: Harness;
  let logs: string;

  beforeEach(async () => {
    logs = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs += chunk.toString('utf8');
        done();
      },
    });
    h = await startHarness(ENV, { logger: createLogger('debug', sink) });
    nock(TRUST)
      .persist()
      .get(/\/v1\/instances\/.*/)
      .query(true)
      .reply(200, { key: 'NA139', status: 'OK', Incidents: [], Maintenances: [] });
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  /** Every place a secret could have gone, searched for every encoding of every secret. */
  function expectNothingLeaked(api: Captured[], responses: string[]): void {
    const outputs: Array<[string, string]> = [
      ...api.map((c, i): [string, string] => [`${c.method} #${i} (sent)`, c.raw]),
      ...api.map((c, i): [string, string] => [`${c.method} #${i} (decoded)`, JSON.stringify(c.body)]),
      ...responses.map((r, i): [string, string] => [`response_url #${i}`, r]),
      ['logs', logs],
      ...storedText(h.dataDir).map((s, i): [string, string] => [`store #${i}`, s]),
    ];
    const leaks = outputs.flatMap(([where, text]) =>
      SECRETS.flatMap((secret) => leakedPieces(text, secret).map((piece) => `${where}: ${piece}`)),
    );
    expect(leaks).toEqual([]);
  }

  it('has a leak check that finds every secret in the pastes themselves (it can fail)', () => {
    const pasted = [P_URL, P_ENV, P_SOAP, P_JWT, JSON.stringify(typedState())].map(slack).join('\n');
    for (const secret of SECRETS) expect(leakedPieces(pasted, secret)).not.toEqual([]);
  });

  it('answers, updates on edit and answers a mention without echoing a secret', async () => {
    const api = captureSlackApi();
    await postEvent(h.base, messageEvent({ text: slack(P_URL), ts: '1764062100.000100' }), 'Ev-s1');
    await eventually(() => expect(api.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1));
    await eventually(() => expect(api.filter((c) => c.method === 'chat.postEphemeral')).toHaveLength(1));
    const answer = api.find((c) => c.method === 'chat.postMessage')?.body;
    // The Request: line is there, with the token masked.
    expect(JSON.stringify(answer?.blocks)).toContain(
      'Request: GET https://acme.my.salesforce.com/services/data/v62.0/query',
    );
    await eventually(async () => expect(await h.store.findReplyForMessage('C0001', '1764062100.000100')).toBeDefined());

    await postEvent(
      h.base,
      {
        type: 'message',
        subtype: 'message_changed',
        channel: 'C0001',
        ts: '1764062200.000000',
        message: { type: 'message', user: 'U0001', ts: '1764062100.000100', text: slack(P_ENV) },
        previous_message: { type: 'message', user: 'U0001', ts: '1764062100.000100', text: slack(P_URL) },
      },
      'Ev-s2',
    );
    await eventually(() => expect(api.filter((c) => c.method === 'chat.update')).toHaveLength(1));

    await postEvent(
      h.base,
      {
        type: 'app_mention',
        channel: 'C0001',
        user: 'U0002',
        ts: '1764062300.000100',
        thread_ts: '1764062100.000100',
        text: `<@${BOT_USER}> what is this?`,
      },
      'Ev-s3',
    );
    await eventually(() => expect(api.filter((c) => c.method === 'chat.postMessage')).toHaveLength(2));
    expect(api.filter((c) => c.method === 'conversations.replies')).toEqual([]);
    expectNothingLeaked(api, []);
  });

  it('diagnoses by shortcut and posts to the thread without echoing a secret', async () => {
    const api = captureSlackApi();
    const responses = captureResponseUrls();
    await postInteraction(h.base, {
      type: 'message_action',
      callback_id: SHORTCUTS.diagnose,
      trigger_id: 'trig-d',
      response_url: 'https://hooks.slack.com/actions/T0001/1/x',
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      channel: { id: 'C0001' },
      message: { type: 'message', user: 'U0002', ts: '1764062400.000100', text: slack(P_SOAP) },
    });
    await eventually(() => expect(responses).toHaveLength(1));
    const reply = JSON.parse(responses[0] as string) as { text: string; blocks: unknown };
    expect(reply.text).toMatch(/^INVALID_LOGIN/);
    await postInteraction(h.base, {
      type: 'block_actions',
      trigger_id: 'trig-p',
      response_url: 'https://hooks.slack.com/actions/T0001/2/y',
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      channel: { id: 'C0001' },
      container: { type: 'message', channel_id: 'C0001' },
      actions: [
        {
          type: 'button',
          action_id: ACTIONS.postToThread,
          block_id: 'diag_actions',
          value: buttonValue(reply.blocks, ACTIONS.postToThread),
        },
      ],
    });
    await eventually(() => expect(api.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1));
    await eventually(() => expect(responses).toHaveLength(2));
    expectNothingLeaked(api, responses);
  });

  it('escalates (button, message shortcut, field-set switch, submit, channel post, DM) without a secret', async () => {
    const api = captureSlackApi();
    const responses = captureResponseUrls();
    await postEvent(h.base, messageEvent({ text: slack(P_ENV), ts: '1764062500.000100' }), 'Ev-s4');
    await eventually(() => expect(api.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1));
    const answer = api.find((c) => c.method === 'chat.postMessage')?.body;
    await postInteraction(h.base, {
      type: 'block_actions',
      trigger_id: 'trig-e',
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      channel: { id: 'C0001' },
      message: { ts: '1764062501.000000' },
      container: { type: 'message', channel_id: 'C0001' },
      actions: [
        {
          type: 'button',
          action_id: ACTIONS.escalate,
          block_id: 'diag_actions',
          value: buttonValue(answer?.blocks, ACTIONS.escalate),
        },
      ],
    });
    await postInteraction(h.base, {
      type: 'message_action',
      callback_id: SHORTCUTS.escalateMessage,
      trigger_id: 'trig-m',
      response_url: 'https://hooks.slack.com/actions/T0001/3/z',
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      channel: { id: 'C0001' },
      message: { type: 'message', user: 'U0002', ts: '1764062600.000100', text: slack(P_JWT) },
    });
    await eventually(() => expect(api.filter((c) => c.method === 'views.open')).toHaveLength(2));
    // The modal is prefilled from the paste: the masked body is there.
    expect(JSON.stringify(api.filter((c) => c.method === 'views.open').map((c) => c.body))).toContain(
      '[redacted client secret]',
    );

    const switchTo = (set: string, values: Record<string, unknown>) =>
      postInteraction(h.base, {
        type: 'block_actions',
        trigger_id: 'trig-s',
        team: { id: 'T0001' },
        user: { id: 'U0001' },
        view: {
          id: 'VSECRET',
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
    await switchTo('recent', typedState());
    await eventually(() => expect(api.filter((c) => c.method === 'views.update')).toHaveLength(1));
    await switchTo('request', {
      esc_extra: { esc_extra_input: { type: 'plain_text_input', value: `SF_PASSWORD="${ENV_PASSWORD}"` } },
    });
    await eventually(() => expect(api.filter((c) => c.method === 'views.update')).toHaveLength(2));

    await postInteraction(h.base, {
      type: 'view_submission',
      team: { id: 'T0001' },
      user: { id: 'U0001' },
      trigger_id: 'trig-sub',
      view: {
        id: 'VSUBMIT',
        hash: 'h1',
        callback_id: 'escalation_modal',
        private_metadata: JSON.stringify({ set: 'request', code: 'UNABLE_TO_LOCK_ROW', tz: 'Europe/Paris' }),
        state: { values: typedState() },
      },
    });
    // Posted to the escalation channel, DMed to the submitter, and the modal updated.
    await eventually(() =>
      expect(api.filter((c) => c.method === 'chat.postMessage').map((c) => c.body.channel)).toEqual(
        expect.arrayContaining(['C0001', 'C0ESCALATE', 'U0001']),
      ),
    );
    await eventually(() => expect(api.filter((c) => c.method === 'views.update')).toHaveLength(3));
    const posted = JSON.stringify(api.find((c) => c.body.channel === 'C0ESCALATE')?.body);
    expect(posted).toContain('[redacted password]');
    expectNothingLeaked(api, responses);
  });
});
