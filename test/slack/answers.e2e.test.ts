import nock from 'nock';
import { COLLAPSED_VISIBLE_MAX } from '../../src/blocks/diagnosis';
import { visibleLength, visibleText } from '../../src/blocks/visible-text';
import { messageProblems } from '../helpers/block-kit';
import {
  eventually,
  type Harness,
  messageEvent,
  postEvent,
  postInteraction,
  recordSlackApi,
  settle,
  startHarness,
} from '../helpers/slack';

/**
 * Issue 11's contracts through the real receiver: the first screen is about this paste, and a
 * limit error gets the linked org's live figure, with at most one /limits call.
 */

const INSTANCE = 'https://acme.my.salesforce.com';
const VALIDATION =
  '[{"message":"Postal code must have 5 digits for Germany.","errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","fields":["MailingPostalCode","MailingCountry"]}]';

type Block = { type: string; block_id?: string; elements?: Array<{ action_id: string; value?: string }> };

function limitsWithDailyApi(used: number, max = 15_000) {
  return {
    DailyApiRequests: { Max: max, Remaining: max - used },
    DailyBulkApiBatches: { Max: 15_000, Remaining: 15_000 },
    ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
  };
}

describe('answers about this paste, end to end', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
    nock.cleanAll();
  });

  it('names the code, quotes the message and the fields, and gives the retry verdict in the first three blocks', async () => {
    h = await startHarness();
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: VALIDATION }), 'Ev-validation');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const post = api.of('chat.postMessage')[0]?.body as { text: string; blocks: Block[] };
    expect(messageProblems(post)).toEqual([]);
    expect(visibleLength(post)).toBeLessThanOrEqual(COLLAPSED_VISIBLE_MAX);
    const firstThree = JSON.stringify(post.blocks.slice(0, 3));
    expect(firstThree).toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(firstThree).toContain('Postal code must have 5 digits for Germany.');
    expect(firstThree).toContain('MailingPostalCode');
    expect(firstThree).toContain('MailingCountry');
    expect(firstThree).toContain('*Retry:*');
    // No internal family ids or raw confidence in what people read.
    expect(visibleText(post)).not.toMatch(/status-codes|exception-codes|confidence|seen via/i);
  });

  it('expands in place with More detail (chat.update), and collapses again with Less', async () => {
    h = await startHarness();
    const api = recordSlackApi();
    await postEvent(h.base, messageEvent({ text: VALIDATION }), 'Ev-more');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    const blocks = api.of('chat.postMessage')[0]?.body.blocks as Block[];
    const more = blocks.find((b) => b.type === 'actions')?.elements?.find((e) => e.action_id === 'diag_more');
    const click = (action: string, value: string | undefined) =>
      postInteraction(h.base, {
        type: 'block_actions',
        trigger_id: 'trig',
        team: { id: 'T0001' },
        user: { id: 'U0002' },
        channel: { id: 'C0001' },
        message: { ts: '1700000000.000900' },
        container: { type: 'message', channel_id: 'C0001', message_ts: '1700000000.000900' },
        actions: [{ type: 'button', action_id: action, block_id: 'diag_actions', value }],
      });
    await click('diag_more', more?.value);
    await eventually(() => expect(api.of('chat.update')).toHaveLength(1));
    const expanded = api.of('chat.update')[0]?.body as { ts: string; blocks: Block[]; text: string };
    expect(expanded.ts).toBe('1700000000.000900');
    expect(JSON.stringify(expanded.blocks)).toContain('Likely causes');
    expect(messageProblems(expanded)).toEqual([]);
    const less = expanded.blocks.find((b) => b.type === 'actions')?.elements?.find((e) => e.action_id === 'diag_less');
    await click('diag_less', less?.value);
    await eventually(() => expect(api.of('chat.update')).toHaveLength(2));
    expect(JSON.stringify(api.of('chat.update')[1]?.body.blocks)).not.toContain('Likely causes');
  });

  it('states the live DailyApiRequests figure (99 %) for a prose REQUEST_LIMIT_EXCEEDED, with one /limits call for two pastes', async () => {
    h = await startHarness({ SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: 'static-token' });
    const api = recordSlackApi();
    const sf = nock(INSTANCE)
      .get('/services/data/v66.0/limits')
      .delay(300)
      .reply(200, limitsWithDailyApi(14_850), { 'Sforce-Limit-Info': 'api-usage=14850/15000' });
    await postEvent(
      h.base,
      messageEvent({ text: 'our nightly sync has been failing with REQUEST_LIMIT_EXCEEDED since 02:00', ts: '1.1' }),
      'Ev-limit-1',
    );
    await postEvent(
      h.base,
      messageEvent({
        channel: 'C0002',
        text: 'the ETL job is failing with REQUEST_LIMIT_EXCEEDED again this morning',
        ts: '1.2',
      }),
      'Ev-limit-2',
    );
    // Either the first post carries the figure, or an update adds it within 10 s.
    const stated = () => {
      const bodies = [...api.of('chat.postMessage'), ...api.of('chat.update')].map((c) => JSON.stringify(c.body));
      return ['C0001', 'C0002'].every((ch) =>
        bodies.some((b) => b.includes(`"channel":"${ch}"`) && /DailyApiRequests\*? is at 99 %/.test(b)),
      );
    };
    await eventually(() => expect(stated()).toBe(true), 10_000);
    await settle(h);
    sf.done();
    for (const c of [...api.of('chat.postMessage'), ...api.of('chat.update')])
      expect(messageProblems(c.body as { text: string; blocks: unknown })).toEqual([]);
  });

  it('records an error it answered without an entry, masked, and lists it in App Home for admins only', async () => {
    h = await startHarness({ ALLOWED_USERS: 'U0ADMIN1' });
    const api = recordSlackApi();
    const paste =
      'acme.OrderSync.SyncException: Order 42 could not be synced (token=00D000000000001!AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1)\nClass.acme.OrderSync.run: line 88, column 1';
    await postEvent(h.base, messageEvent({ text: paste }), 'Ev-gap');
    await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(1));
    expect(JSON.stringify(api.of('chat.postMessage')[0]?.body.blocks)).toContain('acme.OrderSync.SyncException');
    await settle(h);
    const gaps = await h.store.knowledgeGaps(0, 10);
    expect(gaps.map((g) => [g.code, g.count])).toEqual([['acme.OrderSync.SyncException', 1]]);
    expect(gaps[0]?.excerpt).not.toContain('AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1');

    const home = async (user: string, n: number) => {
      await postEvent(h.base, { type: 'app_home_opened', user, tab: 'home', channel: 'D0001' }, `Ev-home-${user}`);
      await eventually(() => expect(api.of('views.publish')).toHaveLength(n));
      return JSON.stringify(api.of('views.publish')[n - 1]?.body.view);
    };
    expect(await home('U0ADMIN1', 1)).toContain('acme.OrderSync.SyncException');
    expect(await home('U0OTHER1', 2)).not.toContain('Errors I could not explain');
  });
});
