/**
 * Rotated refresh tokens at rest: encrypted in a real SQLite store, or in memory only without a
 * key, and tokens left in plain text by an earlier version.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { TokenCipherError } from '../../src/salesforce/token-cipher';
import { createTokenVault } from '../../src/salesforce/token-vault';
import { openStore, type Store } from '../../src/store';
import { startHarness } from '../helpers/slack';

const ROTATED = '5Aep861TSESvWeug_xvFHRBTTbf_rotated_token_value.fdW8I5Dv1L7H9pA';

function captureLogs() {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        raw.push(line);
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { lines, raw, logger: createLogger('info', stream) };
}

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sf-assistant-tokens-'));
  store = await openStore({ kind: 'sqlite', file: join(dir, 'store.db') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('token vault with TOKEN_ENCRYPTION_KEY', () => {
  const key = randomBytes(32);

  it('stores a rotated token encrypted, and a new process reads it back with the same key', async () => {
    const logs = captureLogs();
    await createTokenVault({ store, key, logger: logs.logger, clock: () => 1 }).set('prod', ROTATED);
    const stored = await store.getRefreshToken('prod');
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(ROTATED.slice(0, 16));

    const restarted = createTokenVault({ store, key, logger: logs.logger, clock: () => 2 });
    expect(await restarted.get('prod')).toBe(ROTATED);
    expect(logs.raw.join('\n')).not.toContain(ROTATED);
  });

  it('a wrong key fails with a clear error naming the variable, not garbage', async () => {
    await createTokenVault({ store, key, logger: captureLogs().logger, clock: () => 1 }).set('prod', ROTATED);
    const wrong = createTokenVault({ store, key: randomBytes(32), logger: captureLogs().logger, clock: () => 2 });
    await expect(wrong.get('prod')).rejects.toThrow(TokenCipherError);
    await expect(wrong.get('prod')).rejects.toThrow(/TOKEN_ENCRYPTION_KEY is not the key it was encrypted with/);
  });

  it('re-encrypts a token stored in plain text by an earlier version on first read', async () => {
    await store.setRefreshToken('prod', ROTATED, 1); // what the old version wrote
    const logs = captureLogs();
    const vault = createTokenVault({ store, key, logger: logs.logger, clock: () => 2 });
    expect(await vault.get('prod')).toBe(ROTATED);
    expect(await store.getRefreshToken('prod')).toMatch(/^enc:v1:/);
    expect(await createTokenVault({ store, key, logger: logs.logger, clock: () => 3 }).get('prod')).toBe(ROTATED);
    expect(logs.lines.some((l) => /encrypted a refresh token stored in plain text/.test(String(l.msg)))).toBe(true);
    expect(logs.raw.join('\n')).not.toContain(ROTATED);
  });

  it('keeps the rotated token in memory when the store write fails (the old one is already revoked)', async () => {
    const logs = captureLogs();
    const failing = {
      getRefreshToken: store.getRefreshToken.bind(store),
      setRefreshToken: async () => {
        throw new Error('database is down');
      },
    };
    const vault = createTokenVault({ store: failing, key, logger: logs.logger, clock: () => 1 });
    await vault.set('prod', ROTATED);
    expect(await vault.get('prod')).toBe(ROTATED);
    expect(logs.lines.some((l) => l.level === 'error' && /kept in memory only/.test(String(l.msg)))).toBe(true);
  });
});

describe('token vault without a key', () => {
  it('never writes a rotated token to the store; keeps it in memory and says so without the token', async () => {
    const logs = captureLogs();
    const vault = createTokenVault({ store, key: undefined, logger: logs.logger, clock: () => 1 });
    await vault.set('prod', ROTATED);
    expect(await store.getRefreshToken('prod')).toBeUndefined();
    expect(await vault.get('prod')).toBe(ROTATED);
    const warning = logs.lines.find((l) => l.level === 'warn');
    expect(String(warning?.msg)).toMatch(/kept in memory only \(TOKEN_ENCRYPTION_KEY is not set\)/);
    expect(logs.raw.join('\n')).not.toContain(ROTATED);
  });

  it('uses a plain token from an earlier version and warns that it is unencrypted', async () => {
    await store.setRefreshToken('prod', ROTATED, 1);
    const logs = captureLogs();
    expect(await createTokenVault({ store, key: undefined, logger: logs.logger, clock: () => 2 }).get('prod')).toBe(
      ROTATED,
    );
    expect(logs.lines.some((l) => l.level === 'warn' && /TOKEN_ENCRYPTION_KEY/.test(String(l.msg)))).toBe(true);
  });

  it('an encrypted token without the key is a clear error', async () => {
    await createTokenVault({ store, key: randomBytes(32), logger: captureLogs().logger, clock: () => 1 }).set(
      'prod',
      ROTATED,
    );
    await expect(
      createTokenVault({ store, key: undefined, logger: captureLogs().logger, clock: () => 2 }).get('prod'),
    ).rejects.toThrow(/is encrypted, but TOKEN_ENCRYPTION_KEY is not set/);
  });
});

describe('start-up', () => {
  const REFRESH_ORG = {
    SF_REFRESH_TOKEN: 'configured-refresh-token',
    SF_CLIENT_ID: 'cid',
    SF_LOGIN_URL: 'https://login.salesforce.com',
  };
  const warned = (lines: Array<Record<string, unknown>>) =>
    lines.filter((l) => l.level === 'warn' && /^TOKEN_ENCRYPTION_KEY is not set/.test(String(l.msg)));

  it('warns, naming TOKEN_ENCRYPTION_KEY, when refresh-token mode is configured without it', async () => {
    const logs = captureLogs();
    const h = await startHarness(REFRESH_ORG, { logger: logs.logger });
    await h.close();
    expect(warned(logs.lines)).toHaveLength(1);
    expect(warned(logs.lines)[0]).toMatchObject({ orgs: ['default'] });
    expect(logs.raw.join('\n')).not.toContain('configured-refresh-token');
  });

  it('does not warn when the key is set', async () => {
    const logs = captureLogs();
    const h = await startHarness(
      { ...REFRESH_ORG, TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
      { logger: logs.logger },
    );
    await h.close();
    expect(warned(logs.lines)).toHaveLength(0);
    expect(logs.lines.some((l) => l.msg === 'sf-api-assistant started')).toBe(true);
  });
});
