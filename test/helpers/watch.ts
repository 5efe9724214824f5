import { Writable } from 'node:stream';
import type { webApi } from '@slack/bolt';
import { EngineHolder } from '../../src/knowledge/engine-holder';
import { createLogger } from '../../src/logger';
import type { OrgClient } from '../../src/salesforce/client';
import { LimitsService } from '../../src/services/limits-service';
import { LimitsWatch } from '../../src/services/limits-watch';
import type { Store } from '../../src/store';
import { engine } from './engine';

export const WATCH_CHANNEL = 'C0WATCH01';
export const MAX = 15_000;
export const MINUTE = 60_000;
export const INTERVAL = 5 * MINUTE;

/** A `/limits` body with DailyApiRequests at `percent` used (of 15,000) and a quiet storage limit. */
export function limitsAt(percent: number, extra: Record<string, { Max: number; Remaining: number }> = {}) {
  return {
    DailyApiRequests: { Max: MAX, Remaining: Math.round(MAX - (MAX * percent) / 100) },
    DataStorageMB: { Max: 1024, Remaining: 900 },
    ...extra,
  };
}

/** A scripted org: each /limits call returns what `next()` says now; calls are counted. */
export function scriptedOrg(next: () => Record<string, unknown>) {
  let calls = 0;
  const client: OrgClient = {
    name: 'prod',
    async fetchLimits() {
      calls++;
      return { raw: next(), apiUsage: undefined, instanceUrl: 'https://acme.my.salesforce.com' };
    },
    async get() {
      throw new Error('not used by the watch');
    },
  };
  return { client, calls: () => calls };
}

export interface SlackCall {
  readonly method: 'chat.postMessage' | 'chat.update';
  readonly args: Record<string, unknown>;
}

/** Records chat.postMessage / chat.update and answers like Slack (a fresh ts per post). */
export function fakeSlack(prefix = '1700000000') {
  const calls: SlackCall[] = [];
  let n = 0;
  const client = {
    chat: {
      postMessage: async (args: Record<string, unknown>) => {
        calls.push({ method: 'chat.postMessage', args });
        return { ok: true, ts: `${prefix}.${String(++n).padStart(6, '0')}`, channel: args.channel };
      },
      update: async (args: Record<string, unknown>) => {
        calls.push({ method: 'chat.update', args });
        return { ok: true, ts: args.ts, channel: args.channel };
      },
    },
  } as unknown as webApi.WebClient;
  return {
    client,
    calls,
    posts: () => calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === undefined),
    replies: () => calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts !== undefined),
    updates: () => calls.filter((c) => c.method === 'chat.update'),
  };
}

export function quietLogger() {
  return createLogger('error', new Writable({ write: (_c, _e, done) => done() }));
}

/** The real LimitsService and LimitsWatch over a scripted org, a store and a clock the test moves. */
export function buildWatch(store: Store, org: OrgClient, clock: () => number, over: { horizonHours?: number } = {}) {
  const logger = quietLogger();
  const thresholds = { warnPercent: 70, criticalPercent: 90 };
  const limits = new LimitsService({
    clients: new Map([['prod', org]]),
    store,
    engines: new EngineHolder({}, engine()),
    logger,
    clock,
    cacheMs: 300_000,
    refreshCooldownMs: 60_000,
    thresholds,
  });
  const watch = new LimitsWatch({
    limits,
    store,
    logger,
    clock,
    channels: { prod: WATCH_CHANNEL },
    intervalMs: INTERVAL,
    horizonMs: (over.horizonHours ?? 6) * 3_600_000,
    thresholds,
    timezone: 'Europe/Paris',
  });
  return { watch, limits };
}

/** All mrkdwn and plain text of a Slack call, for "does it say X" checks. */
export function textOf(call: SlackCall | undefined): string {
  return call === undefined ? '' : `${String(call.args.text)} ${JSON.stringify(call.args.blocks ?? [])}`;
}
