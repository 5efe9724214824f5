/**
 * The only module that imports jsforce. It turns an org's configuration into a narrow client:
 * `fetchLimits()` reads `/limits` with the right authentication, a bounded timeout and bounded
 * retries for GETs, re-authenticates once when the session has expired, and reports failures as
 * SalesforceError with a stable kind. Listeners depend on the OrgClient interface, so tests can
 * use a fake.
 */
import { createSign } from 'node:crypto';
import { Connection, OAuth2 } from '@jsforce/jsforce-node';
import { AppError } from '../errors';
import type { AppLogger } from '../logger';
import type { OrgAuth, OrgConfig } from './org-config';
import { TokenCipherError } from './token-cipher';

export interface LimitsResult {
  readonly raw: Record<string, unknown>;
  /** From the Sforce-Limit-Info header of the same response: fresher than /limits itself. */
  readonly apiUsage: { readonly used: number; readonly limit: number } | undefined;
  readonly instanceUrl: string;
}

export interface OrgClient {
  readonly name: string;
  fetchLimits(): Promise<LimitsResult>;
  /**
   * A GET on the org's REST API (`/services/data/vXX.X/…`, the version filled in from
   * SF_API_VERSION), with the same session handling, timeout and retries as `fetchLimits`.
   * `text` returns the body unparsed (CSV event log files).
   */
  get(path: string, options?: { readonly text?: boolean }): Promise<unknown>;
}

export type SalesforceErrorKind = 'api' | 'auth' | 'timeout' | 'network' | 'http';

/** A failed Salesforce call: what kind, the Salesforce code if any, never a stack for users. */
export class SalesforceError extends AppError {
  constructor(
    readonly kind: SalesforceErrorKind,
    message: string,
    readonly details: {
      readonly sfCode?: string | undefined;
      readonly status?: number | undefined;
      readonly host?: string | undefined;
    },
    options?: { cause?: unknown },
  ) {
    super(`SF_${kind.toUpperCase()}`, message, options);
  }
}

export interface ClientOptions {
  readonly apiVersion: string;
  readonly timeoutMs: number;
  readonly logger: AppLogger;
  /** Where rotated refresh tokens live (the store); read before the configured one. */
  readonly tokens: {
    get(org: string): Promise<string | undefined>;
    set(org: string, token: string): Promise<void>;
  };
  readonly clock?: () => number;
}

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Identifies the bot's own calls in Event Monitoring (CLIENT_NAME); `/sflimits who` flags them. */
export const OWN_CLIENT_NAME = 'sf-api-assistant';
const CALL_OPTIONS = { client: OWN_CLIENT_NAME };
/** GETs are retried on these (and on network errors); POSTs never are (jsforce's own rule). */
const RETRY = {
  maxRetries: 2,
  minTimeout: 300,
  timeoutFactor: 2,
  statusCodes: [429, 500, 502, 503, 504],
  methods: ['GET'],
};

interface Session {
  readonly accessToken: string;
  readonly instanceUrl: string;
}

export function createOrgClient(org: OrgConfig, options: ClientOptions): OrgClient {
  let session: Session | undefined =
    org.auth.mode === 'access-token'
      ? { accessToken: org.auth.accessToken, instanceUrl: org.auth.instanceUrl }
      : undefined;
  let authenticating: Promise<Session> | undefined;

  const authenticate = (): Promise<Session> => {
    authenticating ??= obtainSession(org, options).finally(() => {
      authenticating = undefined;
    });
    return authenticating;
  };

  const connect = (s: Session) =>
    new Connection({
      instanceUrl: s.instanceUrl,
      accessToken: s.accessToken,
      version: options.apiVersion,
      callOptions: CALL_OPTIONS,
    });

  const readLimits = async (s: Session): Promise<LimitsResult> => {
    const conn = connect(s);
    const raw = await conn.request<Record<string, unknown>>(
      { method: 'GET', url: `/services/data/v${options.apiVersion}/limits` },
      { retry: RETRY, timeout: options.timeoutMs },
    );
    return { raw, apiUsage: conn.limitInfo?.apiUsage, instanceUrl: s.instanceUrl };
  };

  /** Runs one call with the session, re-authenticating once when it has expired. */
  const withSession = <T>(call: (s: Session) => Promise<T>): Promise<T> =>
    withDeadline(options.timeoutMs, hostOf(org), async () => {
      session ??= await authenticate();
      try {
        return await call(session);
      } catch (err) {
        // An expired session: get a new one once and replay. A second failure is final.
        if (isSessionExpired(err) && org.auth.mode !== 'access-token') {
          options.logger.info({ org: org.name }, 'Salesforce session expired; re-authenticating once');
          session = await authenticate();
          try {
            return await call(session);
          } catch (second) {
            throw toSalesforceError(second, hostOf(org));
          }
        }
        throw toSalesforceError(err, hostOf(org));
      }
    });

  return {
    name: org.name,
    fetchLimits: () => withSession(readLimits),
    get: (path, getOptions) =>
      withSession((s) =>
        connect(s).request<unknown>(
          { method: 'GET', url: `/services/data/v${options.apiVersion}${path.startsWith('/') ? path : `/${path}`}` },
          {
            retry: RETRY,
            timeout: options.timeoutMs,
            ...(getOptions?.text === true ? { responseType: 'text/plain' } : {}),
          },
        ),
      ),
  };
}

async function obtainSession(org: OrgConfig, options: ClientOptions): Promise<Session> {
  const auth = org.auth;
  try {
    switch (auth.mode) {
      case 'access-token':
        return { accessToken: auth.accessToken, instanceUrl: auth.instanceUrl };
      case 'jwt': {
        const oauth2 = new OAuth2({
          clientId: auth.clientId,
          loginUrl: auth.loginUrl,
          redirectUri: 'http://localhost',
        });
        const res = await oauth2.requestToken({
          grant_type: JWT_GRANT,
          assertion: signAssertion(auth, options.clock ?? Date.now),
        });
        return { accessToken: res.access_token, instanceUrl: res.instance_url };
      }
      case 'client-credentials': {
        const oauth2 = new OAuth2({
          clientId: auth.clientId,
          clientSecret: auth.clientSecret,
          loginUrl: auth.loginUrl,
          redirectUri: 'http://localhost',
        });
        const res = await oauth2.requestToken({ grant_type: 'client_credentials' });
        return { accessToken: res.access_token, instanceUrl: res.instance_url };
      }
      case 'refresh-token': {
        const oauth2 = new OAuth2({
          clientId: auth.clientId,
          ...(auth.clientSecret === undefined ? {} : { clientSecret: auth.clientSecret }),
          loginUrl: auth.loginUrl,
          redirectUri: 'http://localhost',
        });
        // A store outage falls back to the configured token; a token that cannot be decrypted is
        // reported as it is, since the configured one has most likely been revoked by rotation.
        const current =
          (await options.tokens.get(org.name).catch((err: unknown) => {
            if (err instanceof TokenCipherError) throw err;
            return undefined;
          })) ?? auth.refreshToken;
        const res = await oauth2.refreshToken(current);
        // With refresh-token rotation Salesforce issues a new token and revokes the old one.
        if (typeof res.refresh_token === 'string' && res.refresh_token !== current) {
          await options.tokens.set(org.name, res.refresh_token);
        }
        return { accessToken: res.access_token, instanceUrl: res.instance_url ?? auth.instanceUrl ?? auth.loginUrl };
      }
    }
  } catch (err) {
    throw toAuthError(err, auth);
  }
}

/** RS256-signed JWT bearer assertion (jsforce has no signer). Valid for 3 minutes, as Salesforce allows. */
export function signAssertion(auth: Extract<OrgAuth, { mode: 'jwt' }>, clock: () => number): string {
  const b64 = (value: object | Buffer) =>
    Buffer.from(value instanceof Buffer ? value : JSON.stringify(value)).toString('base64url');
  const header = b64({ alg: 'RS256', typ: 'JWT' });
  const claims = b64({
    iss: auth.clientId,
    sub: auth.username,
    aud: audienceFor(auth.loginUrl),
    exp: Math.floor(clock() / 1000) + 180,
  });
  const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(auth.privateKey);
  return `${header}.${claims}.${b64(signature)}`;
}

/** `aud` is the authorization server: production or sandbox login, or the site itself (Experience Cloud, test doubles). */
export function audienceFor(loginUrl: string): string {
  const host = new URL(loginUrl).hostname;
  if (host === 'test.salesforce.com' || host.endsWith('.sandbox.my.salesforce.com'))
    return 'https://test.salesforce.com';
  if (host === 'login.salesforce.com' || host.endsWith('.my.salesforce.com')) return 'https://login.salesforce.com';
  return loginUrl.replace(/\/+$/, '');
}

function hostOf(org: OrgConfig): string {
  const url =
    org.auth.mode === 'access-token'
      ? org.auth.instanceUrl
      : org.auth.mode === 'refresh-token'
        ? (org.auth.instanceUrl ?? org.auth.loginUrl)
        : org.auth.loginUrl;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function isSessionExpired(err: unknown): boolean {
  const e = err as { errorCode?: unknown; name?: unknown; statusCode?: unknown };
  return e.errorCode === 'INVALID_SESSION_ID' || e.name === 'INVALID_SESSION_ID' || e.errorCode === 'ERROR_HTTP_401';
}

async function withDeadline<T>(ms: number, host: string, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new SalesforceError('timeout', `Salesforce did not answer within ${Math.round(ms / 1000)} s`, { host })),
      ms,
    );
  });
  try {
    return await Promise.race([fn(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);

/** jsforce failures → SalesforceError. jsforce names API errors after their errorCode. */
export function toSalesforceError(err: unknown, host: string): SalesforceError {
  if (err instanceof SalesforceError) return err;
  const e = err as { name?: unknown; errorCode?: unknown; message?: unknown; code?: unknown; type?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(err);
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (
    (code !== undefined && NETWORK_CODES.has(code)) ||
    e.type === 'system' ||
    /ECONNREFUSED|ENOTFOUND|ECONNRESET|socket hang up/.test(message)
  ) {
    return new SalesforceError(
      'network',
      `Could not reach ${host}: ${code ?? message}`,
      { host, sfCode: code },
      { cause: err },
    );
  }
  if (e.name === 'AbortError' || /aborted due to timeout/i.test(message)) {
    return new SalesforceError('timeout', `Salesforce did not answer in time (${host})`, { host }, { cause: err });
  }
  const errorCode = typeof e.errorCode === 'string' ? e.errorCode : typeof e.name === 'string' ? e.name : undefined;
  const http = errorCode === undefined ? undefined : /^ERROR_HTTP_(\d{3})$/.exec(errorCode);
  if (http !== null && http !== undefined) {
    return new SalesforceError(
      'http',
      `Salesforce answered HTTP ${http[1]} without an error body`,
      { host, status: Number(http[1]) },
      { cause: err },
    );
  }
  if (errorCode !== undefined && /^[A-Z][A-Z0-9_]+$/.test(errorCode)) {
    return new SalesforceError('api', message, { host, sfCode: errorCode }, { cause: err });
  }
  return new SalesforceError('api', message, { host }, { cause: err });
}

function toAuthError(err: unknown, auth: OrgAuth): SalesforceError {
  if (err instanceof SalesforceError) return err;
  const url = 'loginUrl' in auth ? auth.loginUrl : auth.instanceUrl;
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const base = toSalesforceError(err, host);
  if (base.kind === 'network' || base.kind === 'timeout') return base;
  const e = err as { name?: unknown; message?: unknown };
  // OAuth errors arrive as `invalid_grant: authentication failure` or with name = error.
  const oauth =
    typeof e.name === 'string' && /^[a-z_]+$/.test(e.name) ? e.name : /^([a-z_]+):/.exec(String(e.message ?? ''))?.[1];
  return new SalesforceError(
    'auth',
    `Could not authenticate to ${host} (${auth.mode}): ${String(e.message ?? err)}`,
    { host, sfCode: oauth },
    { cause: err },
  );
}
