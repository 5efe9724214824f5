/**
 * Storage trouble is logged as state changes and a periodic summary, not once per failed
 * operation: a real SQLite store behind a driver that can be switched off, and a clock the test
 * moves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { createLogger } from '../../src/logger';
import { monitorStore, STORAGE_SUMMARY_INTERVAL_MS, StorageHealth } from '../../src/services/storage-health';
import type { Store } from '../../src/store';
import type { SqlDriver } from '../../src/store/sql';
import { SqlStore } from '../../src/store/sql-store';
import { openSqlite } from '../../src/store/sqlite-driver';
import { eventually, messageEvent, postEvent, recordSlackApi, startHarness } from '../helpers/slack';

/** A real SQLite driver that fails every statement while `down` is set, as an unreachable server does. */
function switchableDriver(inner: SqlDriver) {
  const state = { down: false };
  const guard = () => {
    if (state.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  };
  const driver: SqlDriver = {
    engine: inner.engine,
    all: async (sql, params) => {
      guard();
      return inner.all(sql, params);
    },
    run: async (sql, params) => {
      guard();
      return inner.run(sql, params);
    },
    transaction: async (fn, lockKey) => {
      guard();
      return inner.transaction(fn, lockKey);
    },
    close: () => inner.close(),
  };
  return { driver, state };
}

function captureLogs() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('debug', stream) };
}

let dir: string;
let raw: SqlStore;
let state: { down: boolean };
let store: Store;
let now: number;
let logs: ReturnType<typeof captureLogs>;
const storageLines = () => logs.lines.filter((l) => /^storage (trouble|recovered)/.test(String(l.msg)));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sf-assistant-health-'));
  const switchable = switchableDriver(openSqlite(join(dir, 'store.db')));
  state = switchable.state;
  raw = new SqlStore(switchable.driver);
  await raw.migrate();
  now = 1_000_000;
  logs = captureLogs();
  store = monitorStore(raw, new StorageHealth(logs.logger, () => now));
});
afterEach(async () => {
  await raw.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One failing store operation, as a listener would make it (and survive it). */
async function failingCall(i: number): Promise<void> {
  await expect(store.claimEvent(`Ev-${i}`, now)).rejects.toThrow(/ECONNREFUSED/);
}

describe('storage health', () => {
  it('N failures: one line when it starts failing, a summary after the interval, one line on recovery', async () => {
    await store.claimEvent('Ev-before', now); // healthy: nothing to log
    expect(storageLines()).toEqual([]);

    state.down = true;
    const N = 200;
    for (let i = 0; i < N; i++) {
      await failingCall(i);
      now += 250; // 40 operations a second, for 50 s: still inside the first minute
    }
    expect(storageLines()).toEqual([
      expect.objectContaining({
        level: 'error',
        operation: 'claimEvent',
        msg: expect.stringMatching(/is failing/),
        err: expect.objectContaining({ message: expect.stringMatching(/ECONNREFUSED/) }),
      }),
    ]);

    now += STORAGE_SUMMARY_INTERVAL_MS; // a minute after the first line
    await expect(store.getChannelSettings('C0001')).rejects.toThrow();
    expect(storageLines()).toHaveLength(2);
    expect(storageLines()[1]).toMatchObject({
      level: 'error',
      msg: 'storage trouble: still failing',
      failures: N, // every failure since the first line: N-1 claims and this read
      operations: { claimEvent: N - 1, getChannelSettings: 1 },
    });

    await failingCall(N); // right after a summary: counted, not logged
    expect(storageLines()).toHaveLength(2);

    state.down = false;
    now += 5_000;
    expect(await store.claimEvent('Ev-after', now)).toBe(true);
    await store.claimEvent('Ev-after-2', now); // still healthy: nothing more
    expect(storageLines()).toHaveLength(3);
    expect(storageLines()[2]).toMatchObject({
      level: 'info',
      msg: 'storage recovered',
      failures: 1,
      totalFailures: N + 2,
      failingForMs: N * 250 + STORAGE_SUMMARY_INTERVAL_MS + 5_000,
    });
  });

  it('a new outage after recovery is a new state change', async () => {
    state.down = true;
    await failingCall(1);
    state.down = false;
    await store.ping();
    state.down = true;
    await failingCall(2);
    expect(storageLines().map((l) => l.msg)).toEqual([
      expect.stringMatching(/is failing/),
      'storage recovered',
      expect.stringMatching(/is failing/),
    ]);
  });

  it('passes results and errors through unchanged, and does not count close()', async () => {
    expect(store.engine).toBe('sqlite');
    expect(await store.claimEvent('Ev-1', now)).toBe(true);
    expect(await store.claimEvent('Ev-1', now)).toBe(false);
    state.down = true;
    await expect(store.ping()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    state.down = false;
    await store.close();
    expect(storageLines().map((l) => l.msg)).toEqual([expect.stringMatching(/is failing/)]);
  });
});

describe('storage trouble through the app', () => {
  it('40 events while the database is closed: every paste answered, one warning-or-worse line', async () => {
    const captured = captureLogs();
    const h = await startHarness({}, { logger: captured.logger });
    try {
      const api = recordSlackApi();
      await h.store.close();
      const lock = '[{"message":"unable to obtain exclusive access to this record","errorCode":"UNABLE_TO_LOCK_ROW"}]';
      const events = Array.from({ length: 40 }, (_, i) =>
        messageEvent({ ts: `1700000000.${String(200000 + i)}`, text: i % 4 === 0 ? lock : 'lunch at noon?' }),
      );
      for (const [i, event] of events.entries())
        expect((await postEvent(h.base, event, `Ev-down-${i}`)).status).toBe(200);
      await eventually(() => expect(api.of('chat.postMessage')).toHaveLength(10));
      const loud = captured.lines.filter((l) => l.level === 'warn' || l.level === 'error' || l.level === 'fatal');
      expect(loud).toEqual([
        expect.objectContaining({ msg: expect.stringMatching(/^storage trouble: the database is failing/) }),
      ]);
    } finally {
      await h.close();
      nock.cleanAll();
    }
  });
});
