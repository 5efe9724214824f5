import { createVerify, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { createLogger } from '../../src/logger';
import {
  audienceFor,
  type ClientOptions,
  createOrgClient,
  type OrgClient,
  SalesforceError,
} from '../../src/salesforce/client';
import type { OrgConfig } from '../../src/salesforce/org-config';
import { TokenCipherError } from '../../src/salesforce/token-cipher';

const LIMITS = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'salesforce', 'limits.json'), 'utf8'));
const INSTANCE = 'https://acme.my.salesforce.com';
const LIMITS_PATH = '/services/data/v66.0/limits';
const logger = createLogger('error');

function tokenStore(initial?: string) {
  const saved: string[] = [];
  let current = initial;
  return {
    saved,
    get: async () => current,
    set: async (_org: string, token: string) => {
      current = token;
      saved.push(token);
    },
  };
}

function client(auth: OrgConfig['auth'], tokens: ClientOptions['tokens'] = tokenStore(), timeoutMs = 5_000): OrgClient {
  return createOrgClient(
    { name: 'prod', auth, orgId: undefined, username: undefined },
    { apiVersion: '66.0', timeoutMs, logger, tokens },
  );
}

/** nock hands form bodies to matchers already parsed (as a null-prototype object). */
function formBody(body: unknown): Record<string, string> {
  return typeof body === 'string'
    ? Object.fromEntries(new URLSearchParams(body))
    : { ...(body as Record<string, string>) };
}

afterEach(() => nock.cleanAll());

describe('Salesforce org client (jsforce against nock)', () => {
  it('reads /limits with a static access token, the Sforce-Limit-Info header and the pinned API version', async () => {
    const scope = nock(INSTANCE, { reqheaders: { authorization: 'Bearer static-token' } })
      .get(LIMITS_PATH)
      .reply(200, LIMITS, { 'Sforce-Limit-Info': 'api-usage=13900/15000' });
    const result = await client({
      mode: 'access-token',
      instanceUrl: INSTANCE,
      accessToken: 'static-token',
    }).fetchLimits();
    expect(result.raw.DailyApiRequests).toMatchObject({ Max: 15000, Remaining: 1200 });
    expect(result.apiUsage).toEqual({ used: 13900, limit: 15000 });
    scope.done();
  });

  it('refresh token: gets an access token, and persists a rotated refresh token', async () => {
    const tokens = tokenStore();
    const token = nock('https://login.salesforce.com')
      .post('/services/oauth2/token', (b) => {
        const f = formBody(b);
        return f.grant_type === 'refresh_token' && f.refresh_token === 'rt-original' && f.client_id === 'cid';
      })
      .reply(200, { access_token: 'at-1', instance_url: INSTANCE, refresh_token: 'rt-rotated', token_type: 'Bearer' });
    const api = nock(INSTANCE, { reqheaders: { authorization: 'Bearer at-1' } })
      .get(LIMITS_PATH)
      .reply(200, LIMITS);
    const c = client(
      {
        mode: 'refresh-token',
        loginUrl: 'https://login.salesforce.com',
        instanceUrl: undefined,
        clientId: 'cid',
        clientSecret: 'secret',
        refreshToken: 'rt-original',
      },
      tokens,
    );
    await c.fetchLimits();
    expect(tokens.saved).toEqual(['rt-rotated']);
    token.done();
    api.done();

    // A new process starts from the rotated token, not the configured (now revoked) one.
    const second = nock('https://login.salesforce.com')
      .post('/services/oauth2/token', (b) => formBody(b).refresh_token === 'rt-rotated')
      .reply(200, { access_token: 'at-2', instance_url: INSTANCE });
    nock(INSTANCE, { reqheaders: { authorization: 'Bearer at-2' } })
      .get(LIMITS_PATH)
      .reply(200, LIMITS);
    await client(
      {
        mode: 'refresh-token',
        loginUrl: 'https://login.salesforce.com',
        instanceUrl: undefined,
        clientId: 'cid',
        clientSecret: 'secret',
        refreshToken: 'rt-original',
      },
      tokens,
    ).fetchLimits();
    second.done();
  });

  const REFRESH_AUTH: OrgConfig['auth'] = {
    mode: 'refresh-token',
    loginUrl: 'https://login.salesforce.com',
    instanceUrl: undefined,
    clientId: 'cid',
    clientSecret: 'secret',
    refreshToken: 'rt-original',
  };

  it('refresh token that cannot be decrypted: a clear auth error, not a silent fall-back to the configured token', async () => {
    const oauth = nock('https://login.salesforce.com').post('/services/oauth2/token').reply(200, {});
    const tokens = {
      get: async () => {
        throw new TokenCipherError(
          'Cannot decrypt the stored refresh token of org "prod": TOKEN_ENCRYPTION_KEY is not the key it was encrypted with',
        );
      },
      set: async () => {},
    };
    const err = await client(REFRESH_AUTH, tokens)
      .fetchLimits()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SalesforceError);
    expect((err as SalesforceError).kind).toBe('auth');
    expect((err as Error).message).toMatch(/TOKEN_ENCRYPTION_KEY is not the key it was encrypted with/);
    expect(oauth.isDone()).toBe(false);
  });

  it('refresh token store unavailable: falls back to the configured token', async () => {
    const oauth = nock('https://login.salesforce.com')
      .post('/services/oauth2/token', (b) => formBody(b).refresh_token === 'rt-original')
      .reply(200, { access_token: 'at-1', instance_url: INSTANCE });
    nock(INSTANCE).get(LIMITS_PATH).reply(200, LIMITS);
    const tokens = {
      get: async () => {
        throw new Error('database is down');
      },
      set: async () => {},
    };
    await client(REFRESH_AUTH, tokens).fetchLimits();
    oauth.done();
  });

  it('re-authenticates once on an expired session and replays the call', async () => {
    let grants = 0;
    nock('https://acme.my.salesforce.com')
      .post('/services/oauth2/token')
      .times(2)
      .reply(200, () => {
        grants++;
        return { access_token: `cc-${grants}`, instance_url: INSTANCE };
      });
    nock(INSTANCE, { reqheaders: { authorization: 'Bearer cc-1' } })
      .get(LIMITS_PATH)
      .reply(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]);
    nock(INSTANCE, { reqheaders: { authorization: 'Bearer cc-2' } })
      .get(LIMITS_PATH)
      .reply(200, LIMITS);
    const result = await client({
      mode: 'client-credentials',
      loginUrl: INSTANCE,
      clientId: 'cid',
      clientSecret: 'cs',
    }).fetchLimits();
    expect(result.raw.DailyApiRequests).toBeDefined();
    expect(grants).toBe(2);
  });

  it('reports a second expired-session failure instead of looping', async () => {
    let grants = 0;
    nock(INSTANCE)
      .post('/services/oauth2/token')
      .times(5)
      .reply(200, () => {
        grants++;
        return { access_token: `cc-${grants}`, instance_url: INSTANCE };
      });
    nock(INSTANCE)
      .get(LIMITS_PATH)
      .times(5)
      .reply(401, [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]);
    const err = await client({ mode: 'client-credentials', loginUrl: INSTANCE, clientId: 'cid', clientSecret: 'cs' })
      .fetchLimits()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SalesforceError);
    expect(err).toMatchObject({ kind: 'api', details: { sfCode: 'INVALID_SESSION_ID' } });
    expect(grants).toBe(2);
  });

  it('JWT bearer: signs an RS256 assertion for the connected app and user', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let assertion = '';
    nock('https://login.salesforce.com')
      .post('/services/oauth2/token', (b) => {
        const f = formBody(b);
        assertion = f.assertion ?? '';
        return f.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer';
      })
      .reply(200, {
        access_token: 'jwt-at',
        instance_url: INSTANCE,
        id: 'https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA',
      });
    nock(INSTANCE, { reqheaders: { authorization: 'Bearer jwt-at' } })
      .get(LIMITS_PATH)
      .reply(200, LIMITS);
    await client({
      mode: 'jwt',
      loginUrl: 'https://login.salesforce.com',
      clientId: 'consumer-key',
      username: 'integration@acme.com',
      privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    }).fetchLimits();
    const [header, claims, signature] = assertion.split('.');
    const verify = createVerify('RSA-SHA256').update(`${header}.${claims}`);
    expect(verify.verify(publicKey, Buffer.from(signature ?? '', 'base64url'))).toBe(true);
    const body = JSON.parse(Buffer.from(claims ?? '', 'base64url').toString());
    expect(body).toMatchObject({
      iss: 'consumer-key',
      sub: 'integration@acme.com',
      aud: 'https://login.salesforce.com',
    });
    expect(body.exp - Date.now() / 1000).toBeLessThanOrEqual(180);
    expect(audienceFor('https://acme--uat.sandbox.my.salesforce.com')).toBe('https://test.salesforce.com');
  });

  it('reports an OAuth failure with its error code', async () => {
    nock(INSTANCE)
      .post('/services/oauth2/token')
      .reply(400, { error: 'invalid_client', error_description: 'invalid client credentials' });
    const err = await client({ mode: 'client-credentials', loginUrl: INSTANCE, clientId: 'cid', clientSecret: 'bad' })
      .fetchLimits()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', details: { sfCode: 'invalid_client' } });
    expect(String((err as Error).message)).not.toContain('bad');
  });

  it('retries a 5xx on GET a bounded number of times, then reports it', async () => {
    const calls = nock(INSTANCE)
      .get(LIMITS_PATH)
      .times(3)
      .reply(503, '<html>down</html>', { 'content-type': 'text/html' });
    const err = await client({ mode: 'access-token', instanceUrl: INSTANCE, accessToken: 't' })
      .fetchLimits()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'http', details: { status: 503 } });
    expect(calls.isDone()).toBe(true); // 1 call + 2 retries, then it stopped
  });

  it('recovers when a retry succeeds', async () => {
    nock(INSTANCE).get(LIMITS_PATH).reply(502, 'bad gateway');
    nock(INSTANCE).get(LIMITS_PATH).reply(200, LIMITS);
    const result = await client({ mode: 'access-token', instanceUrl: INSTANCE, accessToken: 't' }).fetchLimits();
    expect(result.raw.DataStorageMB).toBeDefined();
  });

  it('gives up at the timeout', async () => {
    // Salesforce would answer after 2 s, well past the 600 ms timeout: the call must fail as a timeout.
    nock(INSTANCE).get(LIMITS_PATH).times(3).delay(2_000).reply(200, LIMITS);
    const err = await client({ mode: 'access-token', instanceUrl: INSTANCE, accessToken: 't' }, tokenStore(), 600)
      .fetchLimits()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout' });
  });

  it('reports network failures and permission refusals by kind', async () => {
    // A real refused connection on loopback (nock's replyWithError does not reach node-fetch's error path).
    const refused = await client({ mode: 'access-token', instanceUrl: 'http://127.0.0.1:1', accessToken: 't' })
      .fetchLimits()
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'network', details: { sfCode: 'ECONNREFUSED' } });
    nock(INSTANCE)
      .get(LIMITS_PATH)
      .reply(403, [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights on object id' }]);
    expect(
      await client({ mode: 'access-token', instanceUrl: INSTANCE, accessToken: 't' })
        .fetchLimits()
        .catch((e: unknown) => e),
    ).toMatchObject({
      kind: 'api',
      details: { sfCode: 'INSUFFICIENT_ACCESS' },
    });
    nock(INSTANCE)
      .get(LIMITS_PATH)
      .reply(403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]);
    expect(
      await client({ mode: 'access-token', instanceUrl: INSTANCE, accessToken: 't' })
        .fetchLimits()
        .catch((e: unknown) => e),
    ).toMatchObject({
      details: { sfCode: 'REQUEST_LIMIT_EXCEEDED' },
    });
  });

  it('works against a local server on loopback over plain http', async () => {
    nock('http://127.0.0.1:8765').get(LIMITS_PATH).reply(200, LIMITS);
    const result = await client({
      mode: 'access-token',
      instanceUrl: 'http://127.0.0.1:8765',
      accessToken: 't',
    }).fetchLimits();
    expect(result.instanceUrl).toBe('http://127.0.0.1:8765');
  });
});
