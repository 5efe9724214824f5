import nock from 'nock';
import { messageProblems } from '../helpers/block-kit';
import {
  BOT_ID,
  BOT_USER,
  eventually,
  type Harness,
  messageEvent,
  postEvent,
  recordSlackApi,
  SLACK,
  settle,
  startHarness,
} from '../helpers/slack';

const LOCK_ERROR =
  '[{"message":"unable to obtain exclusive access to this record or 3 records","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]';

describe('pasted errors in a channel (signed requests through the real HTTP receiver)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
    nock.cleanAll();
  });

  it('answers a pasted error in its thread, naming the code, with fallback text and valid blocks', async () => {
    const api = recordSlackApi();
    const res = await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-paste-1');
    expect(res.status).toBe(200);
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const post = api.of('chat.postMessage')[0]?.body as Record<string, unknown>;
    expect(post.channel).toBe('C0001');
    expect(post.thread_ts).toBe('1700000000.000100');
    expect(String(post.text)).toMatch(/^UNABLE_TO_LOCK_ROW: /);
    expect(JSON.stringify(post.blocks)).toContain('`UNABLE_TO_LOCK_ROW`');
    expect(messageProblems(post as { text: string; blocks: unknown })).toEqual([]);
    const actions = (post.blocks as Array<{ type: string; elements?: Array<{ action_id: string }> }>).find(
      (b) => b.type === 'actions',
    );
    expect(actions?.elements?.map((e) => e.action_id)).toEqual([
      'diag_more',
      'escalate',
      'feedback_up',
      'feedback_down',
    ]);
  });

  it('replies inside an existing thread when the paste is a thread reply', async () => {
    const api = recordSlackApi();
    await postEvent(
      h.base,
      messageEvent({ text: LOCK_ERROR, ts: '1700000000.000200', thread_ts: '1700000000.000001' }),
      'Ev-thread',
    );
    await eventually(() => expect(api.of('chat.postMessage')[0]?.body.thread_ts).toBe('1700000000.000001'));
  });

  it('makes no Web API call at all for ordinary chat', async () => {
    const api = recordSlackApi();
    for (const [i, text] of ['morning all', 'deploy went fine', 'lunch?', 'Can someone review my PR?'].entries()) {
      expect((await postEvent(h.base, messageEvent({ text, ts: `1700000001.00000${i}` }), `Ev-chat-${i}`)).status).toBe(
        200,
      );
    }
    await settle(h);
    expect(api.calls).toEqual([]);
  });

  it('settle() waits for work that finishes late, so the "nothing happens" checks can fail', async () => {
    // Slack takes 800 ms to answer the post: a check made after a fixed 300 ms would miss it.
    nock(SLACK)
      .post('/api/chat.postMessage')
      .delay(800)
      .reply(200, { ok: true, channel: 'C0001', ts: '1700000000.900000' });
    const res = await postEvent(h.base, messageEvent({ text: LOCK_ERROR, ts: '1700000000.000200' }), 'Ev-late');
    expect(res.status).toBe(200);
    await settle(h);
    // The handler has finished: the post went out and its answer was recorded.
    expect(await h.store.findReplyForMessage('C0001', '1700000000.000200')).toMatchObject({
      replyTs: '1700000000.900000',
    });
  });

  it('never answers twice when Slack redelivers the same event', async () => {
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-redeliver');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const again = await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-redeliver', { retryNum: 1 });
    expect(again.status).toBe(200);
    await settle(h);
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it('ignores its own messages and, by default, other bots', async () => {
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR, user: BOT_USER }), 'Ev-self');
    await postEvent(
      h.base,
      messageEvent({ text: LOCK_ERROR, subtype: 'bot_message', bot_id: BOT_ID, user: undefined }),
      'Ev-self-bot',
    );
    await postEvent(
      h.base,
      messageEvent({ text: LOCK_ERROR, subtype: 'bot_message', bot_id: 'BOTHER01', user: undefined }),
      'Ev-other-bot',
    );
    await settle(h);
    expect(api.of('chat.postMessage')).toEqual([]);
  });

  it('answers other bots in a channel that allows them', async () => {
    await h.store.setChannelSettings({
      channelId: 'C0001',
      mode: 'auto',
      allowBots: true,
      language: 'auto',
      updatedBy: 'U1',
      updatedAt: 1,
    });
    const api = recordSlackApi();
    await postEvent(
      h.base,
      messageEvent({ text: LOCK_ERROR, subtype: 'bot_message', bot_id: 'BOTHER01', user: undefined }),
      'Ev-bot-ok',
    );
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
  });

  it('points to the earlier answer when the same error comes back within the cooldown', async () => {
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR, ts: '1700000000.000100' }), 'Ev-cool-1');
    // The second paste comes once the first answer is recorded, whenever that is on this machine.
    await eventually(async () => expect(await h.store.findReplyForMessage('C0001', '1700000000.000100')).toBeDefined());
    const first = await h.store.findReplyForMessage('C0001', '1700000000.000100');
    await postEvent(h.base, messageEvent({ text: `again: ${LOCK_ERROR}`, ts: '1700000100.000100' }), 'Ev-cool-2');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(2));
    const pointer = api.of('chat.postMessage')[1]?.body as Record<string, unknown>;
    expect(String(pointer.text)).toContain('Same error as answered here');
    expect(String(pointer.text)).toContain(`https://slack.com/archives/C0001/p${first?.replyTs.replace('.', '')}`);
    expect(pointer.thread_ts).toBe('1700000100.000100');
    expect(JSON.stringify(pointer.blocks)).not.toContain('Likely causes');
    expect(messageProblems(pointer as { text: string; blocks: unknown })).toEqual([]);
  });

  it('gives one full answer when the same error is pasted twice at once', async () => {
    // Slack holds the first answer until the second paste's message arrives, so both pastes are
    // decided while neither answer has been posted: the window in which both used to answer.
    const posts: Array<Record<string, unknown>> = [];
    let releaseFirst: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    nock(SLACK)
      .persist()
      .post('/api/chat.postMessage')
      .reply(async (_uri, body) => {
        const fields = Object.fromEntries(new URLSearchParams(String(body)));
        posts.push(fields);
        const n = posts.length;
        if (n === 1) await firstHeld;
        else releaseFirst();
        return [200, { ok: true, channel: fields.channel, ts: `1700000900.00000${n}` }];
      });
    await Promise.all([
      postEvent(h.base, messageEvent({ text: LOCK_ERROR, ts: '1700000200.000100' }), 'Ev-twin-1'),
      postEvent(h.base, messageEvent({ text: LOCK_ERROR, ts: '1700000200.000200' }), 'Ev-twin-2'),
    ]);
    await eventually(() => expect(posts).toHaveLength(2), 8_000);
    // A full answer carries the More detail button; a pointer does not.
    const full = posts.filter((p) => String(p.blocks).includes('diag_more'));
    const pointers = posts.filter((p) => String(p.text).startsWith('Same error as'));
    expect(full).toHaveLength(1);
    expect(pointers).toHaveLength(1);
    // The first answer's ts was not known in time, so the pointer links to the first paste.
    const winner = String(full[0]?.thread_ts);
    expect(String(pointers[0]?.text)).toContain('Same error as pasted here');
    expect(String(pointers[0]?.text)).toContain(`https://slack.com/archives/C0001/p${winner.replace('.', '')}`);
    expect(pointers[0]?.thread_ts).not.toBe(winner);
    await settle(h);
    expect(posts).toHaveLength(2);
  });

  it('answers a message with several errors once, listing them all', async () => {
    const api = recordSlackApi();
    const text =
      'row 1: REQUIRED_FIELD_MISSING: Required fields are missing: [Name]\nrow 2: INVALID_EMAIL_ADDRESS: Email: invalid email address: bob@';
    await postEvent(h.base, messageEvent({ text }), 'Ev-many');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const blocks = JSON.stringify(api.of('chat.postMessage')[0]?.body.blocks);
    expect(blocks).toContain('REQUIRED_FIELD_MISSING');
    expect(blocks).toContain('Also in this paste');
    expect(blocks).toContain('INVALID_EMAIL_ADDRESS');
  });

  it('updates its answer when the pasted message is edited to a different error', async () => {
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-edit-1');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    // The reply is recorded just after Slack answers chat.postMessage; people edit seconds later.
    await eventually(async () => expect(await h.store.findReplyForMessage('C0001', '1700000000.000100')).toBeDefined());
    await postEvent(
      h.base,
      {
        type: 'message',
        subtype: 'message_changed',
        channel: 'C0001',
        ts: '1700000200.000000',
        message: {
          type: 'message',
          user: 'U0001',
          ts: '1700000000.000100',
          text: 'INVALID_SESSION_ID: Session expired or invalid',
        },
        previous_message: { type: 'message', user: 'U0001', ts: '1700000000.000100', text: LOCK_ERROR },
      },
      'Ev-edit-2',
    );
    await eventually(() => expect(api.of('chat.update')).toHaveLength(1));
    const update = api.of('chat.update')[0]?.body as Record<string, unknown>;
    const reply = await h.store.findReplyForMessage('C0001', '1700000000.000100');
    expect(update.ts).toBe(reply?.replyTs);
    expect(String(update.text)).toMatch(/^INVALID_SESSION_ID/);
    expect(api.of('chat.postMessage')).toHaveLength(1);
  });

  it("reads long pastes that Slack turned into a snippet, from Slack's file host only", async () => {
    const api = recordSlackApi();
    const file = nock('https://files.slack.com', { reqheaders: { authorization: 'Bearer xoxb-test-token' } })
      .get('/files-pri/T0001-F0001/download/snippet.txt')
      .reply(
        200,
        `${'at com.acme.Worker.run(Worker.java:1)\n'.repeat(200)}caused by: System.LimitException: Too many SOQL queries: 101`,
      );
    await postEvent(
      h.base,
      messageEvent({
        subtype: 'file_share',
        text: '',
        files: [
          {
            id: 'F0001',
            mode: 'snippet',
            filetype: 'text',
            size: 9000,
            url_private_download: 'https://files.slack.com/files-pri/T0001-F0001/download/snippet.txt',
          },
        ],
      }),
      'Ev-snippet',
    );
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    expect(String(api.of('chat.postMessage')[0]?.body.text)).toMatch(/^LIMIT_EXCEPTION_SOQL_QUERIES/);
    expect(file.isDone()).toBe(true);
  });

  it('does not send the bot token to a file URL outside Slack', async () => {
    const api = recordSlackApi();
    const evil = nock('https://evil.example.com')
      .get(/.*/)
      .reply(200, 'INVALID_SESSION_ID: Session expired or invalid');
    await postEvent(
      h.base,
      messageEvent({
        subtype: 'file_share',
        text: '',
        files: [{ id: 'F2', mode: 'snippet', url_private_download: 'https://evil.example.com/x.txt' }],
      }),
      'Ev-evil',
    );
    await settle(h);
    expect(evil.isDone()).toBe(false);
    expect(api.calls).toEqual([]);
  });

  it('warns the poster privately about a pasted secret and never quotes it', async () => {
    const api = recordSlackApi();
    const token = '00D5g000004AbCd!AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3eE4rT5yU6';
    await postEvent(
      h.base,
      messageEvent({ text: `curl -H "Authorization: Bearer ${token}" ...\n${LOCK_ERROR}` }),
      'Ev-secret',
    );
    await eventually(() => expect(api.of('chat.postEphemeral')).toHaveLength(1));
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const warning = api.of('chat.postEphemeral')[0]?.body as Record<string, unknown>;
    expect(warning.user).toBe('U0001');
    expect(String(warning.text)).toContain('rotate the credential');
    expect(JSON.stringify(api.calls)).not.toContain('AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3eE4rT5yU6');
    const blocks = api.of('chat.postMessage')[0]?.body.blocks as Array<{
      type: string;
      elements?: Array<{ value: string }>;
    }>;
    const refs = JSON.parse(String(blocks.find((b) => b.type === 'actions')?.elements?.[0]?.value)) as { p: string };
    const paste = await h.store.getPaste(refs.p);
    expect(paste?.maskedText).toContain('[redacted authorization header]');
    expect(paste?.maskedText).not.toContain('AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3eE4rT5yU6');
  });

  it('stays quiet in "mentions" and "off" channels', async () => {
    await h.store.setChannelSettings({
      channelId: 'C0001',
      mode: 'mentions',
      allowBots: false,
      language: 'auto',
      updatedBy: 'U1',
      updatedAt: 1,
    });
    await h.store.setChannelSettings({
      channelId: 'C0002',
      mode: 'off',
      allowBots: false,
      language: 'auto',
      updatedBy: 'U1',
      updatedAt: 1,
    });
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-mentions');
    await postEvent(h.base, messageEvent({ channel: 'C0002', text: LOCK_ERROR }), 'Ev-off');
    await settle(h);
    expect(api.of('chat.postMessage')).toEqual([]);
  });

  it("diagnoses the thread's parent message when mentioned in the thread", async () => {
    const api = recordSlackApi((method) =>
      method === 'conversations.replies'
        ? [
            200,
            {
              ok: true,
              messages: [
                {
                  type: 'message',
                  user: 'U0002',
                  ts: '1700000000.000500',
                  text: 'INVALID_LOGIN: Invalid username, password, security token; or user locked out.',
                },
              ],
            },
          ]
        : undefined,
    );
    await postEvent(
      h.base,
      {
        type: 'app_mention',
        channel: 'C0001',
        user: 'U0001',
        ts: '1700000000.000600',
        thread_ts: '1700000000.000500',
        text: `<@${BOT_USER}> what is this?`,
      },
      'Ev-mention',
    );
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    expect(api.of('conversations.replies')[0]?.body).toMatchObject({ channel: 'C0001', ts: '1700000000.000500' });
    expect(api.of('chat.postMessage')[0]?.body).toMatchObject({ thread_ts: '1700000000.000500' });
    expect(String(api.of('chat.postMessage')[0]?.body.text)).toMatch(/^INVALID_LOGIN/);
  });

  it('answers a mention under a paste it saw in a "mentions" channel without reading history', async () => {
    const api = recordSlackApi();
    await h.store.setChannelSettings({
      channelId: 'C0001',
      mode: 'mentions',
      allowBots: false,
      language: 'auto',
      updatedBy: 'U0001',
      updatedAt: 1,
    });
    await postEvent(h.base, messageEvent({ ts: '1700000000.000700', text: LOCK_ERROR }), 'Ev-quiet-paste');
    await eventually(async () => expect(await h.store.findPasteForMessage('C0001', '1700000000.000700')).toBeDefined());
    expect(api.calls).toEqual([]);
    await postEvent(
      h.base,
      {
        type: 'app_mention',
        channel: 'C0001',
        user: 'U0002',
        ts: '1700000000.000800',
        thread_ts: '1700000000.000700',
        text: `<@${BOT_USER}> ?`,
      },
      'Ev-quiet-mention',
    );
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    expect(api.of('conversations.replies')).toEqual([]);
    expect(api.of('chat.postMessage')[0]?.body).toMatchObject({ thread_ts: '1700000000.000700' });
    expect(String(api.of('chat.postMessage')[0]?.body.text)).toMatch(/^UNABLE_TO_LOCK_ROW/);
  });

  it("says so when Slack refuses to show a thread's first message", async () => {
    const api = recordSlackApi((method) =>
      method === 'conversations.replies'
        ? [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '60' }]
        : undefined,
    );
    await postEvent(
      h.base,
      {
        type: 'app_mention',
        channel: 'C0001',
        user: 'U0001',
        ts: '1700000000.000900',
        thread_ts: '1700000000.000850',
        text: `<@${BOT_USER}> what is this?`,
      },
      'Ev-mention-limited',
    );
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    expect(String(api.of('chat.postMessage')[0]?.body.text)).toContain('Diagnose this error');
  });

  it('answers a question mentioned to it from the FAQ', async () => {
    const api = recordSlackApi();
    await postEvent(
      h.base,
      {
        type: 'app_mention',
        channel: 'C0001',
        user: 'U0001',
        ts: '1700000000.000700',
        text: `<@${BOT_USER}> where can I see our API usage?`,
      },
      'Ev-faq',
    );
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const post = api.of('chat.postMessage')[0]?.body as Record<string, unknown>;
    expect(JSON.stringify(post.blocks)).toContain('System Overview');
    expect(messageProblems(post as { text: string; blocks: unknown })).toEqual([]);
  });

  it('logs a Web API failure (ratelimited, 500) and keeps serving', async () => {
    nock(SLACK).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR }), 'Ev-429');
    await settle(h);
    nock(SLACK).post('/api/chat.postMessage').reply(500, 'oops');
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR, channel: 'C0003' }), 'Ev-500');
    await settle(h);
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: LOCK_ERROR, channel: 'C0004' }), 'Ev-after');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
  });
});
