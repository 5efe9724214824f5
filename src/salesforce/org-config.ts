/**
 * Reads the linked Salesforce orgs from the environment. One org uses plain `SF_*` variables;
 * several are listed in `SF_ORGS=prod,uat` and each reads `SF_PROD_*`, `SF_UAT_*`. The first
 * org is the default. The authentication mode follows from which variables are set:
 *
 *   JWT bearer (recommended)  SF_CLIENT_ID, SF_USERNAME, SF_JWT_KEY or SF_JWT_KEY_FILE [, SF_LOGIN_URL]
 *   Client credentials        SF_LOGIN_URL (My Domain), SF_CLIENT_ID, SF_CLIENT_SECRET
 *   Refresh token             SF_REFRESH_TOKEN, SF_CLIENT_ID [, SF_CLIENT_SECRET] and SF_INSTANCE_URL or SF_LOGIN_URL
 *   Static access token       SF_INSTANCE_URL, SF_ACCESS_TOKEN (for trying the app out)
 */
import { readFileSync } from 'node:fs';

export type OrgAuth =
  | {
      readonly mode: 'jwt';
      readonly loginUrl: string;
      readonly clientId: string;
      readonly username: string;
      readonly privateKey: string;
    }
  | {
      readonly mode: 'client-credentials';
      readonly loginUrl: string;
      readonly clientId: string;
      readonly clientSecret: string;
    }
  | {
      readonly mode: 'refresh-token';
      readonly loginUrl: string;
      readonly instanceUrl: string | undefined;
      readonly clientId: string;
      readonly clientSecret: string | undefined;
      readonly refreshToken: string;
    }
  | { readonly mode: 'access-token'; readonly instanceUrl: string; readonly accessToken: string };

export interface OrgConfig {
  readonly name: string;
  readonly auth: OrgAuth;
  /** Org ID and username to prefill escalations, when known in advance. */
  readonly orgId: string | undefined;
  readonly username: string | undefined;
}

export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com';

type Env = Readonly<Record<string, string | undefined>>;

/** Returns the configured orgs (possibly none) and every problem found, each naming its variable. */
export function readOrgs(env: Env): { orgs: OrgConfig[]; problems: string[] } {
  const problems: string[] = [];
  const listed = env.SF_ORGS?.trim();
  if (listed) {
    const names = listed
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
    const bad = names.filter((n) => !/^[A-Za-z][A-Za-z0-9_-]{0,30}$/.test(n));
    if (bad.length > 0) {
      problems.push(
        `SF_ORGS: "${bad.join('", "')}" is not a valid org name; use letters, digits, - and _ (e.g. SF_ORGS=prod,uat).`,
      );
      return { orgs: [], problems };
    }
    if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) {
      problems.push('SF_ORGS: an org is listed twice.');
      return { orgs: [], problems };
    }
    const orgs = names.flatMap((name) => {
      const prefix = `SF_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`;
      const org = readOne(name, prefix, env, problems);
      if (org === 'absent') {
        problems.push(
          `SF_ORGS lists "${name}" but no ${prefix}* variables are set; set ${prefix}INSTANCE_URL and ${prefix}ACCESS_TOKEN, or one of the OAuth modes (see .env.example).`,
        );
        return [];
      }
      return org === undefined ? [] : [org];
    });
    return { orgs, problems };
  }
  const name = env.SF_ORG_NAME?.trim() || 'default';
  const org = readOne(name, 'SF_', env, problems);
  return { orgs: org === undefined || org === 'absent' ? [] : [org], problems };
}

function readOne(name: string, prefix: string, env: Env, problems: string[]): OrgConfig | undefined | 'absent' {
  const v = (key: string) => {
    const value = env[`${prefix}${key}`]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const keys = [
    'INSTANCE_URL',
    'ACCESS_TOKEN',
    'LOGIN_URL',
    'CLIENT_ID',
    'CLIENT_SECRET',
    'USERNAME',
    'JWT_KEY',
    'JWT_KEY_FILE',
    'REFRESH_TOKEN',
  ];
  if (keys.every((k) => v(k) === undefined)) return 'absent';
  const before = problems.length;
  const url = (key: string): string | undefined => {
    const raw = v(key);
    if (raw === undefined) return undefined;
    const problem = checkOrgUrl(raw);
    if (problem !== undefined) problems.push(`${prefix}${key}: ${problem}`);
    return raw.replace(/\/+$/, '');
  };
  const instanceUrl = url('INSTANCE_URL');
  const loginUrl = url('LOGIN_URL');
  const clientId = v('CLIENT_ID');
  const orgId = v('ORG_ID');
  const username = v('USERNAME');
  let auth: OrgAuth | undefined;

  if (
    clientId !== undefined &&
    username !== undefined &&
    (v('JWT_KEY') !== undefined || v('JWT_KEY_FILE') !== undefined)
  ) {
    const privateKey = readKey(prefix, v('JWT_KEY'), v('JWT_KEY_FILE'), problems);
    if (privateKey !== undefined)
      auth = { mode: 'jwt', loginUrl: loginUrl ?? DEFAULT_LOGIN_URL, clientId, username, privateKey };
  } else if (v('REFRESH_TOKEN') !== undefined) {
    if (clientId === undefined)
      problems.push(`${prefix}REFRESH_TOKEN needs ${prefix}CLIENT_ID (the connected app's consumer key).`);
    else if (instanceUrl === undefined && loginUrl === undefined) {
      problems.push(
        `${prefix}REFRESH_TOKEN needs ${prefix}INSTANCE_URL or ${prefix}LOGIN_URL to know where to refresh.`,
      );
    } else {
      auth = {
        mode: 'refresh-token',
        loginUrl: loginUrl ?? instanceUrl ?? DEFAULT_LOGIN_URL,
        instanceUrl,
        clientId,
        clientSecret: v('CLIENT_SECRET'),
        refreshToken: v('REFRESH_TOKEN') as string,
      };
    }
  } else if (clientId !== undefined && v('CLIENT_SECRET') !== undefined) {
    if (loginUrl === undefined) {
      problems.push(
        `${prefix}LOGIN_URL is required for client credentials: use the org's My Domain URL (https://yourdomain.my.salesforce.com).`,
      );
    } else {
      auth = { mode: 'client-credentials', loginUrl, clientId, clientSecret: v('CLIENT_SECRET') as string };
    }
  } else if (instanceUrl !== undefined && v('ACCESS_TOKEN') !== undefined) {
    auth = { mode: 'access-token', instanceUrl, accessToken: v('ACCESS_TOKEN') as string };
  } else if (problems.length === before) {
    problems.push(
      `Salesforce org "${name}": the ${prefix}* variables set do not form a complete authentication mode. Use one of: ` +
        `${prefix}CLIENT_ID + ${prefix}USERNAME + ${prefix}JWT_KEY_FILE (JWT bearer); ${prefix}LOGIN_URL + ${prefix}CLIENT_ID + ${prefix}CLIENT_SECRET (client credentials); ` +
        `${prefix}REFRESH_TOKEN + ${prefix}CLIENT_ID (refresh token); ${prefix}INSTANCE_URL + ${prefix}ACCESS_TOKEN (static token).`,
    );
  }
  if (orgId !== undefined && !/^00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/.test(orgId)) {
    problems.push(`${prefix}ORG_ID: "${orgId}" is not an org ID (15 or 18 characters starting with 00D).`);
  }
  if (auth === undefined || problems.length > before) return undefined;
  return { name, auth, orgId, username };
}

function readKey(
  prefix: string,
  inline: string | undefined,
  file: string | undefined,
  problems: string[],
): string | undefined {
  let key = inline?.replace(/\\n/g, '\n');
  if (key === undefined && file !== undefined) {
    try {
      key = readFileSync(file, 'utf8');
    } catch (err) {
      problems.push(`${prefix}JWT_KEY_FILE: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
      return undefined;
    }
  }
  if (key === undefined || !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) {
    problems.push(
      `${prefix}JWT_KEY${file ? '_FILE' : ''}: expected a PEM private key ("-----BEGIN PRIVATE KEY-----").`,
    );
    return undefined;
  }
  return key;
}

/** https everywhere; plain http only for loopback (a local test double). */
export function checkOrgUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a URL; expected something like https://yourdomain.my.salesforce.com`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return url.protocol === 'http:'
    ? `plain http is only allowed for loopback addresses (localhost, 127.0.0.1, [::1]); use https for ${url.hostname}`
    : `unsupported protocol ${url.protocol}; use https`;
}

export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}
