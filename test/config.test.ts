import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { DEFAULT_API_VERSION, loadConfig } from '../src/config';
import { ConfigError } from '../src/errors';

const BASE = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('loadConfig', () => {
  it('reads an HTTP-mode config with defaults and freezes it', () => {
    const c = loadConfig(BASE);
    expect(c.slack).toMatchObject({ appToken: undefined, port: 3000, apiUrl: 'https://slack.com/api/' });
    expect(c.database.kind).toBe('sqlite');
    expect(c.cooldownMinutes).toBe(30);
    expect(c.salesforce).toMatchObject({
      orgs: [],
      apiVersion: DEFAULT_API_VERSION,
      limitsCacheSeconds: 300,
      timeoutMs: 10_000,
      warnPercent: 70,
      criticalPercent: 90,
    });
    expect(Object.isFrozen(c.slack)).toBe(true);
  });

  it('uses Socket Mode when SLACK_APP_TOKEN is set (no signing secret needed)', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A-1-x' });
    expect(c.slack.appToken).toBe('xapp-1-A-1-x');
  });

  it('reports every bad variable at once, by name, with how to fix it', () => {
    const found = problems({
      SLACK_BOT_TOKEN: 'xoxp-user',
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      SLACK_API_URL: 'not a url',
    });
    expect(found.join('\n')).toMatch(/SLACK_BOT_TOKEN must be a bot token starting with xoxb-/);
    expect(found.join('\n')).toMatch(/SLACK_SIGNING_SECRET is missing: .*Signing Secret/);
    expect(found.join('\n')).toMatch(/PORT: "eighty" must be a whole number/);
    expect(found.join('\n')).toMatch(/LOG_LEVEL: "loud"/);
    expect(found.join('\n')).toMatch(/DATABASE_URL must start with postgres:\/\//);
    expect(found.join('\n')).toMatch(/SLACK_API_URL: "not a url"/);
    expect(found.length).toBeGreaterThanOrEqual(6);
  });

  it('names a missing bot token', () => {
    expect(problems({ SLACK_SIGNING_SECRET: 's' })[0]).toMatch(/^SLACK_BOT_TOKEN is missing: .*xoxb-/);
  });

  it('takes PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ ...BASE, DATABASE_URL: 'postgres://u@db/x' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db/x',
    });
  });

  describe('Salesforce orgs', () => {
    it('static token; plain http only on loopback', () => {
      expect(
        loadConfig({ ...BASE, SF_INSTANCE_URL: 'http://127.0.0.1:9000', SF_ACCESS_TOKEN: 't' }).salesforce.orgs[0],
      ).toMatchObject({
        name: 'default',
        auth: { mode: 'access-token', instanceUrl: 'http://127.0.0.1:9000' },
      });
      expect(problems({ ...BASE, SF_INSTANCE_URL: 'http://acme.my.salesforce.com', SF_ACCESS_TOKEN: 't' })[0]).toMatch(
        /SF_INSTANCE_URL: plain http is only allowed for loopback/,
      );
    });

    it('JWT bearer from a key file; a missing file is reported', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
      try {
        const key = join(dir, 'server.key');
        writeFileSync(
          key,
          generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
        );
        const org = loadConfig({ ...BASE, SF_CLIENT_ID: 'ck', SF_USERNAME: 'u@acme.com', SF_JWT_KEY_FILE: key })
          .salesforce.orgs[0];
        expect(org?.auth).toMatchObject({
          mode: 'jwt',
          loginUrl: 'https://login.salesforce.com',
          clientId: 'ck',
          username: 'u@acme.com',
        });
        expect(
          problems({
            ...BASE,
            SF_CLIENT_ID: 'ck',
            SF_USERNAME: 'u@acme.com',
            SF_JWT_KEY_FILE: join(dir, 'missing.key'),
          })[0],
        ).toMatch(/SF_JWT_KEY_FILE: cannot read .* \(ENOENT\)/);
      } finally {
        rmSync(dir, { recursive: true });
      }
    });

    it('client credentials need the My Domain login URL', () => {
      expect(
        loadConfig({
          ...BASE,
          SF_LOGIN_URL: 'https://acme.my.salesforce.com',
          SF_CLIENT_ID: 'c',
          SF_CLIENT_SECRET: 's',
        }).salesforce.orgs[0]?.auth.mode,
      ).toBe('client-credentials');
      expect(problems({ ...BASE, SF_CLIENT_ID: 'c', SF_CLIENT_SECRET: 's' })[0]).toMatch(
        /SF_LOGIN_URL is required for client credentials/,
      );
    });

    it('refresh token needs the client ID and somewhere to refresh', () => {
      expect(
        loadConfig({
          ...BASE,
          SF_REFRESH_TOKEN: 'rt',
          SF_CLIENT_ID: 'c',
          SF_INSTANCE_URL: 'https://acme.my.salesforce.com',
        }).salesforce.orgs[0]?.auth.mode,
      ).toBe('refresh-token');
      expect(
        problems({ ...BASE, SF_REFRESH_TOKEN: 'rt', SF_INSTANCE_URL: 'https://acme.my.salesforce.com' })[0],
      ).toMatch(/needs SF_CLIENT_ID/);
    });

    it('an incomplete set of variables says which modes exist', () => {
      expect(problems({ ...BASE, SF_CLIENT_ID: 'c' })[0]).toMatch(/do not form a complete authentication mode/);
    });

    it('several named orgs, the first being the default', () => {
      const c = loadConfig({
        ...BASE,
        SF_ORGS: 'prod, uat',
        SF_PROD_INSTANCE_URL: 'https://acme.my.salesforce.com',
        SF_PROD_ACCESS_TOKEN: 'p',
        SF_UAT_LOGIN_URL: 'https://acme--uat.sandbox.my.salesforce.com',
        SF_UAT_CLIENT_ID: 'c',
        SF_UAT_CLIENT_SECRET: 's',
      });
      expect(c.salesforce.orgs.map((o) => [o.name, o.auth.mode])).toEqual([
        ['prod', 'access-token'],
        ['uat', 'client-credentials'],
      ]);
      expect(
        problems({
          ...BASE,
          SF_ORGS: 'prod,qa',
          SF_PROD_INSTANCE_URL: 'https://a.my.salesforce.com',
          SF_PROD_ACCESS_TOKEN: 'p',
        })[0],
      ).toMatch(/SF_ORGS lists "qa" but no SF_QA_\* variables are set/);
    });

    it('rejects API versions below 41.0 and odd thresholds', () => {
      expect(problems({ ...BASE, SF_API_VERSION: '40.0' })[0]).toMatch(/SF_API_VERSION/);
      expect(problems({ ...BASE, LIMITS_WARN_PERCENT: '95', LIMITS_CRITICAL_PERCENT: '90' })[0]).toMatch(
        /LIMITS_WARN_PERCENT must be lower/,
      );
    });
  });
});

describe('placeholders from .env.example', () => {
  // .env.example marks every value that must be filled in with an ellipsis ("xoxb-..."). Read
  // the file itself, so a placeholder added later is covered too.
  const example = parseEnv(readFileSync(join(__dirname, '..', '.env.example'), 'utf8')) as Record<string, string>;
  const placeholders = Object.entries(example).filter(([, value]) => /\.\.\.|…/.test(value));
  const socketBase = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A-1-x' };

  it('the example has placeholders to check', () => {
    expect(placeholders.map(([key]) => key)).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN']));
  });

  it.each(placeholders)('refuses %s=%s by name, without repeating the value', (key, value) => {
    const found = problems({ ...socketBase, [key]: value });
    const mine = found.filter((p) => p.startsWith(`${key} `));
    expect(mine).toEqual([expect.stringMatching(/still holds a placeholder from \.env\.example/)]);
    expect(mine[0]).not.toContain(value);
  });

  it('refuses the example copied unchanged, before any network call (loadConfig is synchronous)', () => {
    const found = problems(example);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SLACK_BOT_TOKEN still holds a placeholder/),
        expect.stringMatching(/^SLACK_APP_TOKEN still holds a placeholder/),
      ]),
    );
  });

  it('accepts every other value of the example as it stands', () => {
    const filled = Object.fromEntries(
      Object.entries(example).map(([key, value]) =>
        /\.\.\.|…/.test(value) ? [key, key === 'SLACK_APP_TOKEN' ? 'xapp-1-A-1-x' : 'xoxb-1'] : [key, value],
      ),
    );
    expect(problems(filled)).toEqual([]);
  });

  it('ignores variables the app does not read', () => {
    expect(problems({ ...socketBase, SOMETHING_ELSE: 'wait...' })).toEqual([]);
  });
});

describe('TOKEN_ENCRYPTION_KEY', () => {
  it('accepts 32 bytes as base64 or hex and keeps the value', () => {
    const b64 = randomBytes(32).toString('base64');
    expect(loadConfig({ ...BASE, TOKEN_ENCRYPTION_KEY: b64 }).salesforce.tokenEncryptionKey).toBe(b64);
    expect(problems({ ...BASE, TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('hex') })).toEqual([]);
    expect(loadConfig(BASE).salesforce.tokenEncryptionKey).toBeUndefined();
  });

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['16 bytes', randomBytes(16).toString('base64')],
    ['63 hex characters', 'a'.repeat(63)],
  ])('refuses %s, naming the variable and how to make a key', (_what, value) => {
    expect(problems({ ...BASE, TOKEN_ENCRYPTION_KEY: value })).toEqual([
      expect.stringMatching(/^TOKEN_ENCRYPTION_KEY must be 32 random bytes.*openssl rand -base64 32/),
    ]);
  });
});
