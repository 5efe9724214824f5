import { toRow } from '../../src/salesforce/limits';
import type { WatchEpisodeRecord } from '../../src/store/types';
import { decide, levelOf, RESOLVE_AFTER, rankOf } from '../../src/watch/decide';
import { projectExhaustion, projectionRules, type UsagePoint } from '../../src/watch/projection';
import { NO_DATA, sparkline } from '../../src/watch/sparkline';
import { aboutDuration, tomorrowAt, zonedTime } from '../../src/watch/time';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 2, 12, 0);
const rules = projectionRules(5 * MIN);
const line = (n: number, stepMin: number, from: number, per: number): UsagePoint[] =>
  Array.from({ length: n }, (_, i) => ({ at: T0 + i * stepMin * MIN, used: from + i * per, max: 10_000 }));

describe('projection guards', () => {
  it('needs three snapshots', () => {
    const pts = line(2, 10, 1_000, 500);
    expect(projectExhaustion(pts, T0 + 10 * MIN, rules)).toEqual({ kind: 'none', reason: 'too-few' });
  });

  it('needs them to span two intervals (10 minutes at the default 5)', () => {
    const pts = line(4, 2, 1_000, 500); // 6 minutes
    expect(projectExhaustion(pts, T0 + 6 * MIN, rules)).toEqual({ kind: 'none', reason: 'too-short' });
  });

  it('does not project a flat or falling line', () => {
    expect(projectExhaustion(line(5, 5, 5_000, 0), T0 + 20 * MIN, rules)).toMatchObject({ reason: 'not-rising' });
    expect(projectExhaustion(line(5, 5, 5_000, -100), T0 + 20 * MIN, rules)).toMatchObject({ reason: 'not-rising' });
  });

  it('says nothing about an allocation already used up', () => {
    expect(projectExhaustion(line(4, 5, 9_700, 100), T0 + 15 * MIN, rules)).toMatchObject({ reason: 'exhausted' });
  });

  it('ignores snapshots outside the rate window', () => {
    // An old spike two hours ago, then a slow, steady climb.
    const old: UsagePoint[] = [{ at: T0 - 120 * MIN, used: 0, max: 10_000 }];
    const p = projectExhaustion([...old, ...line(7, 5, 5_000, 50)], T0 + 30 * MIN, rules);
    expect(p.kind).toBe('projection');
    if (p.kind !== 'projection') return;
    expect(p.samples).toBe(7);
    expect(p.ratePerHour).toBeCloseTo(600, 5);
  });

  it('projects a steady burn: rate, time left and exhaustion time', () => {
    const p = projectExhaustion(line(7, 5, 4_000, 100), T0 + 30 * MIN, rules);
    expect(p).toMatchObject({ kind: 'projection', samples: 7, spanMs: 30 * MIN, confidence: 'high' });
    if (p.kind !== 'projection') return;
    expect(p.ratePerHour).toBeCloseTo(1_200, 5);
    // 5,400 left at 20 per minute: 270 minutes after the last snapshot.
    expect(p.exhaustAt).toBe(T0 + 30 * MIN + 270 * MIN);
    expect(p.msLeft).toBe(270 * MIN);
  });

  it('is less sure of a bare minimum or a noisy line', () => {
    const minimum = projectExhaustion(line(3, 5, 4_000, 100), T0 + 10 * MIN, rules);
    expect(minimum).toMatchObject({ kind: 'projection', confidence: 'medium' });
    const noisy = [0, 900, 100, 1_000, 200, 1_100].map((u, i) => ({
      at: T0 + i * 5 * MIN,
      used: 3_000 + u,
      max: 10_000,
    }));
    expect(projectExhaustion(noisy, T0 + 25 * MIN, rules)).toMatchObject({ kind: 'projection', confidence: 'low' });
  });
});

describe('levels and decisions', () => {
  const t = { warnPercent: 70, criticalPercent: 90, horizonMs: 6 * 60 * MIN };
  const row = (used: number) => toRow('DailyApiRequests', 10_000, 10_000 - used, t);
  const projection = (msLeft: number, confidence: 'low' | 'medium' | 'high' = 'high') =>
    ({
      kind: 'projection',
      ratePerHour: 1,
      exhaustAt: T0 + msLeft,
      msLeft,
      confidence,
      samples: 6,
      spanMs: 1,
    }) as const;
  const episode = (over: Partial<WatchEpisodeRecord> = {}): WatchEpisodeRecord => ({
    id: 'e1',
    org: 'prod',
    limitKey: 'DailyApiRequests',
    channelId: 'C1',
    status: 'open',
    level: 'warning',
    notifiedRank: rankOf('warning'),
    openedAt: T0,
    updatedAt: T0,
    resolvedAt: undefined,
    messageTs: '1.1',
    belowCount: 0,
    ackedBy: undefined,
    ackedAt: undefined,
    detail: {},
    ...over,
  });

  it('maps bands and the projection to levels', () => {
    expect(levelOf(row(6_999), undefined, t)).toBeUndefined();
    expect(levelOf(row(7_000), undefined, t)).toBe('warning');
    expect(levelOf(row(9_000), undefined, t)).toBe('critical');
    expect(levelOf(row(10_000), undefined, t)).toBe('exhausted');
    expect(levelOf(row(10_500), undefined, t)).toBe('exhausted');
    expect(levelOf(row(3_000), projection(2 * 60 * MIN), t)).toBe('projected');
    expect(levelOf(row(3_000), projection(7 * 60 * MIN), t)).toBeUndefined();
    // A low-confidence guess does not raise an alert on its own.
    expect(levelOf(row(3_000), projection(2 * 60 * MIN, 'low'), t)).toBeUndefined();
    expect(levelOf(toRow('X', 0, 0, t), undefined, t)).toBeUndefined();
  });

  it('opens only when something is wrong and nothing silences it', () => {
    expect(decide({ level: undefined, episode: undefined, silence: undefined, now: T0 })).toEqual({ kind: 'none' });
    expect(decide({ level: 'warning', episode: undefined, silence: undefined, now: T0 })).toEqual({
      kind: 'open',
      level: 'warning',
    });
    const snooze = {
      channelId: 'C1',
      org: 'prod',
      limitKey: 'DailyApiRequests',
      kind: 'snooze',
      byUser: 'U',
      at: 0,
    } as const;
    expect(decide({ level: 'critical', episode: undefined, silence: { ...snooze, until: T0 + 1 }, now: T0 })).toEqual({
      kind: 'none',
    });
    // The snooze has ended.
    expect(decide({ level: 'critical', episode: undefined, silence: { ...snooze, until: T0 }, now: T0 }).kind).toBe(
      'open',
    );
    expect(
      decide({ level: 'critical', episode: undefined, silence: { ...snooze, kind: 'mute', until: undefined }, now: T0 })
        .kind,
    ).toBe('none');
  });

  it('announces only a level worse than any announced, and resolves after two evaluations back under', () => {
    expect(decide({ level: 'critical', episode: episode(), silence: undefined, now: T0 })).toMatchObject({
      kind: 'update',
      notifyRank: rankOf('critical'),
    });
    expect(
      decide({ level: 'warning', episode: episode({ notifiedRank: rankOf('critical') }), silence: undefined, now: T0 }),
    ).toMatchObject({ kind: 'update', notifyRank: undefined, level: 'warning' });
    expect(decide({ level: undefined, episode: episode(), silence: undefined, now: T0 })).toEqual({
      kind: 'update',
      level: undefined,
      belowCount: 1,
      notifyRank: undefined,
    });
    expect(
      decide({ level: undefined, episode: episode({ belowCount: RESOLVE_AFTER - 1 }), silence: undefined, now: T0 }),
    ).toEqual({ kind: 'resolve' });
    // Back in the band resets the count.
    expect(
      decide({ level: 'warning', episode: episode({ belowCount: 1 }), silence: undefined, now: T0 }),
    ).toMatchObject({ belowCount: 0 });
  });
});

describe('time wording', () => {
  it('rounds durations as people say them', () => {
    expect(aboutDuration(20_000)).toBe('less than a minute');
    expect(aboutDuration(25 * MIN)).toBe('about 25 min');
    expect(aboutDuration(130 * MIN)).toBe('about 2 h 10 min');
    expect(aboutDuration(128 * MIN)).toBe('about 2 h 10 min');
    expect(aboutDuration(180 * MIN)).toBe('about 3 h');
  });

  it('shows the watch time zone and UTC, with the weekday when it is not today', () => {
    const at = Date.UTC(2026, 11, 2, 20, 40);
    expect(zonedTime(at, 'Europe/Paris', at)).toBe('21:40 Europe/Paris (20:40 UTC)');
    expect(zonedTime(at, 'UTC', at)).toBe('20:40 UTC');
    expect(zonedTime(Date.UTC(2026, 11, 2, 23, 30), 'Europe/Paris', at)).toBe('00:30 Thu Europe/Paris (23:30 UTC)');
  });

  it('"until tomorrow" is 08:00 tomorrow in the watch time zone, across a DST change', () => {
    expect(tomorrowAt(Date.UTC(2026, 11, 2, 20, 0), 'Europe/Paris', 8)).toBe(Date.UTC(2026, 11, 3, 7, 0));
    expect(tomorrowAt(Date.UTC(2026, 11, 2, 23, 30), 'Europe/Paris', 8)).toBe(Date.UTC(2026, 11, 4, 7, 0));
    // Paris moves to summer time on 2026-03-29: 08:00 that day is 06:00 UTC.
    expect(tomorrowAt(Date.UTC(2026, 2, 28, 12, 0), 'Europe/Paris', 8)).toBe(Date.UTC(2026, 2, 29, 6, 0));
    expect(tomorrowAt(Date.UTC(2026, 11, 2, 12, 0), 'UTC', 8)).toBe(Date.UTC(2026, 11, 3, 8, 0));
  });
});

describe('App Home sparkline', () => {
  it('one character per bucket, the bucket peak on a 0–100 % scale, a dot where nothing was stored', () => {
    const at = (h: number) => T0 + h * 60 * MIN + 1;
    const line = sparkline(
      [
        { at: at(0), percent: 0 },
        { at: at(1), percent: 40 },
        { at: at(1) + MIN, percent: 55 },
        { at: at(3), percent: 100 },
        { at: at(3) + MIN, percent: 130 },
        { at: at(9), percent: 99 }, // outside the window
      ],
      T0,
      T0 + 4 * 60 * MIN,
      4,
    );
    expect(line).toBe(`▁▅${NO_DATA}█`);
  });
});
