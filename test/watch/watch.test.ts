/**
 * The limits watch with a controllable clock: the real LimitsService and LimitsWatch on a real
 * SQLite file, a scripted org whose limits change between intervals, and a recording Slack client.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store';
import { messageProblems } from '../helpers/block-kit';
import {
  buildWatch,
  fakeSlack,
  INTERVAL,
  limitsAt,
  MINUTE,
  scriptedOrg,
  textOf,
  WATCH_CHANNEL,
} from '../helpers/watch';

const START = Date.UTC(2026, 11, 2, 12, 0, 0);

describe('limits watch (controllable clock)', () => {
  let dir: string;
  let store: Store;
  let now: number;
  let percent: number;
  const clock = () => now;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'watch-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 'watch.db') });
    now = START;
    percent = 10;
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Moves the clock one interval and lets the watcher look. */
  const step = async (w: ReturnType<typeof buildWatch>['watch'], slack: ReturnType<typeof fakeSlack>, to?: number) => {
    if (to !== undefined) percent = to;
    now += INTERVAL;
    await w.tick('prod', slack.client);
  };

  it('posts nothing while every limit is under its bands', async () => {
    const org = scriptedOrg(() => limitsAt(percent));
    const { watch } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    for (let i = 0; i < 4; i++) await step(watch, slack, 10 + i);
    expect(slack.calls).toEqual([]);
    expect(org.calls()).toBe(4);
  });

  it('opens one episode at 80 %, updates it in place and replies in the thread as it worsens, resolves after two intervals back under', async () => {
    const org = scriptedOrg(() => limitsAt(percent));
    const { watch } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    await step(watch, slack, 10);
    await step(watch, slack, 80);
    expect(slack.posts()).toHaveLength(1);
    const alert = slack.posts()[0];
    expect(alert?.args.channel).toBe(WATCH_CHANNEL);
    expect(textOf(alert)).toContain('DailyApiRequests');
    expect(textOf(alert)).toContain('80%');
    expect(messageProblems(alert?.args as { text: string; blocks: unknown })).toEqual([]);
    const ts = (await store.openWatchEpisodes('prod'))[0]?.messageTs;
    expect(ts).toBeDefined();

    // Same band again: edited in place, nothing new in the channel or the thread.
    await step(watch, slack, 82);
    expect(slack.posts()).toHaveLength(1);
    expect(slack.replies()).toHaveLength(0);
    expect(slack.updates().at(-1)?.args).toMatchObject({ channel: WATCH_CHANNEL, ts });
    expect(textOf(slack.updates().at(-1))).toContain('82%');

    // Critical: a thread reply under the same alert, once.
    await step(watch, slack, 95);
    await step(watch, slack, 96);
    expect(slack.posts()).toHaveLength(1);
    expect(slack.replies()).toHaveLength(1);
    expect(slack.replies()[0]?.args.thread_ts).toBe(ts);
    expect(textOf(slack.replies()[0])).toContain('critical');

    // Exhausted: one more reply.
    await step(watch, slack, 100);
    expect(slack.replies()).toHaveLength(2);
    expect(textOf(slack.replies()[1])).toContain('exhausted');

    // Back under: not resolved after one interval, resolved after the second.
    await step(watch, slack, 40);
    expect(textOf(slack.updates().at(-1))).not.toContain('Resolved');
    expect(await store.openWatchEpisodes('prod')).toHaveLength(1);
    await step(watch, slack, 40);
    expect(textOf(slack.updates().at(-1))).toContain('Resolved');
    expect(await store.openWatchEpisodes('prod')).toHaveLength(0);
    for (const c of slack.calls) expect(messageProblems(c.args as { text: string; blocks: unknown })).toEqual([]);

    // Quiet afterwards; a new crossing is a new episode with its own post.
    await step(watch, slack, 40);
    const after = slack.calls.length;
    await step(watch, slack, 40);
    expect(slack.calls.length).toBe(after);
    await step(watch, slack, 75);
    expect(slack.posts()).toHaveLength(2);
  });

  it("speaks the watch channel's language: Japanese after /sfassist language ja there, English by default", async () => {
    const org = scriptedOrg(() => limitsAt(percent));
    const { watch } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    await store.setChannelSettings({
      channelId: WATCH_CHANNEL,
      mode: 'auto',
      allowBots: false,
      language: 'ja',
      updatedBy: 'U1',
      updatedAt: 0,
    });
    await step(watch, slack, 80);
    await step(watch, slack, 95);
    const alert = slack.posts()[0];
    expect(textOf(alert)).toContain('DailyApiRequests');
    expect(textOf(alert)).toMatch(/警告レベル|危険レベル/);
    expect(textOf(slack.replies()[0])).toContain('悪化');
    expect(messageProblems(alert?.args as { text: string; blocks: unknown })).toEqual([]);
  });

  it('a bounce back into the band before the second interval keeps the episode open', async () => {
    const org = scriptedOrg(() => limitsAt(percent));
    const { watch } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    await step(watch, slack, 85);
    await step(watch, slack, 50);
    await step(watch, slack, 85);
    await step(watch, slack, 50);
    expect(await store.openWatchEpisodes('prod')).toHaveLength(1);
    expect(slack.posts()).toHaveLength(1);
  });

  it('alerts on a steady burn under the warning band that would run out within the horizon, with the time and how sure it is', async () => {
    // 3 % every 5 minutes (0.6 %/min): at 16 %, the remaining 84 % go in 140 minutes.
    const org = scriptedOrg(() => limitsAt(percent));
    const { watch } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    await step(watch, slack, 10);
    await step(watch, slack, 13);
    expect(slack.posts()).toHaveLength(0); // two snapshots over 5 minutes: too few to project
    await step(watch, slack, 16);
    expect(slack.posts()).toHaveLength(1);
    for (let p = 19; p <= 40; p += 3) await step(watch, slack, p);
    expect(slack.posts()).toHaveLength(1);
    const text = textOf(slack.posts()[0]);
    expect(text).toContain('DailyApiRequests');
    expect(text).toMatch(/runs out in about 2 h 20 min, around 15:35 Europe\/Paris \(14:35 UTC\)/);
    expect(text).toContain('Europe/Paris');
    expect(text).toContain('UTC');
    expect(text).toMatch(/Confidence: (medium|high)/);
    const episode = (await store.openWatchEpisodes('prod'))[0];
    expect(episode?.level).toBe('projected');
  });

  it('does not project from a burn that would last beyond the horizon', async () => {
    const org = scriptedOrg(() => limitsAt(percent));
    const { watch } = buildWatch(store, org.client, clock, { horizonHours: 1 });
    const slack = fakeSlack();
    for (let p = 10; p <= 40; p += 3) await step(watch, slack, p);
    expect(slack.calls).toEqual([]);
  });

  it('snooze: no thread replies while snoozed, the worsening is announced when it ends', async () => {
    const org = scriptedOrg(() => limitsAt(percent));
    const { watch } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    await step(watch, slack, 80);
    const episode = (await store.openWatchEpisodes('prod'))[0];
    expect(await watch.snooze(episode?.id ?? '', '1h', 'U0SNOOZER', slack.client)).toBe(true);
    expect(textOf(slack.updates().at(-1))).toContain('Snoozed by <@U0SNOOZER>');
    await step(watch, slack, 95);
    expect(slack.replies()).toHaveLength(0);
    expect(textOf(slack.updates().at(-1))).toContain('95%');
    // 1 h after snoozing: the next interval announces the critical level.
    now = START + INTERVAL + 60 * MINUTE;
    await step(watch, slack, 95);
    expect(slack.replies()).toHaveLength(1);
    expect(textOf(slack.replies()[0])).toContain('critical');
    expect(slack.posts()).toHaveLength(1);
  });

  it('mute: the muted limit never alerts again in that channel, other limits still do', async () => {
    const org = scriptedOrg(() =>
      limitsAt(percent, { DailyBulkApiBatches: { Max: 10_000, Remaining: percent >= 80 ? 500 : 9_000 } }),
    );
    const { watch } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    await step(watch, slack, 75);
    const episode = (await store.openWatchEpisodes('prod')).find((e) => e.limitKey === 'DailyApiRequests');
    expect(await watch.mute(episode?.id ?? '', 'U0MUTER', slack.client)).toBe(true);
    expect(textOf(slack.updates().at(-1))).toContain('Muted in this channel by <@U0MUTER>');
    await step(watch, slack, 40);
    await step(watch, slack, 40); // resolved
    await step(watch, slack, 80); // DailyApiRequests back in the band: muted; Bulk batches at 95 %: alert
    const posts = slack.posts();
    expect(posts.map((p) => textOf(p).includes('DailyBulkApiBatches'))).toEqual([false, true]);
    expect(posts.filter((p) => String(p.args.text).startsWith('DailyApiRequests'))).toHaveLength(1);
    // Unmuted: the next crossing alerts again.
    await watch.unmute(WATCH_CHANNEL, 'prod', 'DailyApiRequests');
    await step(watch, slack, 85);
    expect(slack.posts().filter((p) => String(p.args.text).startsWith('DailyApiRequests'))).toHaveLength(2);
  });

  it('acknowledge records who and redraws the alert without the button', async () => {
    const org = scriptedOrg(() => limitsAt(percent));
    const { watch } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    await step(watch, slack, 80);
    const episode = (await store.openWatchEpisodes('prod'))[0];
    expect(await watch.acknowledge(episode?.id ?? '', 'U0ACK', slack.client)).toBe(true);
    expect((await store.getWatchEpisode(episode?.id ?? ''))?.ackedBy).toBe('U0ACK');
    const redrawn = slack.updates().at(-1);
    expect(textOf(redrawn)).toContain('Acknowledged by <@U0ACK>');
    expect(JSON.stringify(redrawn?.args.blocks)).not.toContain('"watch_ack"');
    expect(await watch.acknowledge('no-such-episode', 'U0ACK', slack.client)).toBe(false);
  });

  it('a restart during an open episode continues it: same message, no second post', async () => {
    const org = scriptedOrg(() => limitsAt(percent));
    const first = buildWatch(store, org.client, clock).watch;
    const slack = fakeSlack();
    await step(first, slack, 85);
    const ts = slack.posts()[0]?.args;
    expect(slack.posts()).toHaveLength(1);
    // A new process: new service, cache and watcher on the same database.
    const second = buildWatch(store, org.client, clock).watch;
    const after = fakeSlack('1700000999');
    await step(second, after, 95);
    expect(after.posts()).toHaveLength(0);
    expect(after.updates()).toHaveLength(1);
    const episode = (await store.openWatchEpisodes('prod'))[0];
    expect(after.updates()[0]?.args.ts).toBe(episode?.messageTs);
    expect(after.replies()[0]?.args.thread_ts).toBe(episode?.messageTs);
    expect(ts).toBeDefined();
  });

  it('reads /limits at most once per interval, sharing the cache with /sflimits', async () => {
    const org = scriptedOrg(() => limitsAt(percent));
    const { watch, limits } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    await step(watch, slack, 10);
    // A second tick in the same interval (another timer, another replica): no call.
    await watch.tick('prod', slack.client);
    expect(org.calls()).toBe(1);
    // Someone runs `/sflimits refresh` a minute before the next tick: the watch reuses that snapshot.
    now += INTERVAL - MINUTE;
    await limits.check({ org: 'prod', view: 'compact', filter: undefined, refresh: true }, 'U1', 'en');
    expect(org.calls()).toBe(2);
    now += MINUTE;
    await watch.tick('prod', slack.client);
    expect(org.calls()).toBe(2);
    // The interval after that: the snapshot is old, one new call.
    await step(watch, slack);
    expect(org.calls()).toBe(3);
  });

  it('a failing org is logged and skipped; the next interval tries again', async () => {
    let fail = true;
    const org = scriptedOrg(() => {
      if (fail) throw new Error('ECONNRESET');
      return limitsAt(85);
    });
    const { watch } = buildWatch(store, org.client, clock);
    const slack = fakeSlack();
    await step(watch, slack);
    expect(slack.calls).toEqual([]);
    fail = false;
    await step(watch, slack);
    expect(slack.posts()).toHaveLength(1);
  });
});
