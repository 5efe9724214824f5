/**
 * The only reader of process.env. Every setting is parsed once, every problem is reported
 * together with the variable's name and how to fix it, and the result is frozen.
 * `.env.example` documents each variable.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from './errors';
import { projectRoot } from './paths';
import { type OrgConfig, readOrgs } from './salesforce/org-config';
import { parseEncryptionKey } from './salesforce/token-cipher';
import { isValidTimeZone } from './watch/time';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface Config {
  readonly slack: {
    readonly botToken: string;
    readonly signingSecret: string | undefined;
    /** Set → Socket Mode; unset → HTTP receiver on `port`. */
    readonly appToken: string | undefined;
    readonly apiUrl: string;
    readonly port: number;
    /** Largest HTTP request body accepted, in bytes (Slack's own payloads are far smaller). */
    readonly maxRequestBytes: number;
  };
  readonly logLevel: LogLevel;
  readonly database: DatabaseConfig;
  readonly dataDir: string;
  readonly escalationChannelId: string | undefined;
  readonly cooldownMinutes: number;
  readonly snippetMaxBytes: number;
  readonly allow: {
    readonly users: readonly string[];
    readonly usergroups: readonly string[];
    readonly channels: readonly string[];
  };
  readonly salesforce: {
    readonly orgs: readonly OrgConfig[];
    readonly apiVersion: string;
    readonly timeoutMs: number;
    readonly limitsCacheSeconds: number;
    readonly refreshCooldownSeconds: number;
    readonly warnPercent: number;
    readonly criticalPercent: number;
    /** TOKEN_ENCRYPTION_KEY as given (validated); rotated refresh tokens are encrypted with it. */
    readonly tokenEncryptionKey: string | undefined;
  };
  readonly trust: { readonly apiUrl: string; readonly cacheSeconds: number; readonly timeoutMs: number };
  /** The limits watch: which org posts alerts where, how often it looks, how far it projects. */
  readonly watch: {
    /** Org name → channel for its alerts (SF_<ORG>_WATCH_CHANNEL_ID, else LIMITS_WATCH_CHANNEL_ID); absent = not watched. */
    readonly channels: Readonly<Record<string, string>>;
    readonly intervalSeconds: number;
    readonly horizonHours: number;
    /** Time zone for times in the watch channel (it has no single reader); UTC is always shown too. */
    readonly timezone: string;
  };
}

/** An explicit recent default: jsforce's own default (50.0) is years old. Spring '26 is on every org. */
export const DEFAULT_API_VERSION = '66.0';

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const get = (key: string) => {
    const v = env[key]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const required = (key: string, fix: string) => {
    const v = get(key);
    if (v === undefined) problems.push(`${key} is missing: ${fix}`);
    return v ?? '';
  };
  const int = (key: string, fallback: number, min: number, max: number) => {
    const raw = get(key);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${key}: "${raw}" must be a whole number from ${min} to ${max} (default ${fallback}).`);
      return fallback;
    }
    return n;
  };
  const list = (key: string, pattern: RegExp, what: string) => {
    const items = (get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const bad = items.filter((s) => !pattern.test(s));
    if (bad.length > 0)
      problems.push(`${key}: "${bad.join('", "')}" ${bad.length === 1 ? 'is not' : 'are not'} ${what}.`);
    return items.filter((s) => pattern.test(s));
  };
  const httpUrl = (key: string, fallback: string) => {
    const raw = get(key) ?? fallback;
    try {
      const u = new URL(raw);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('protocol');
      return raw.endsWith('/') ? raw : `${raw}/`;
    } catch {
      problems.push(`${key}: "${raw}" is not an http(s) URL.`);
      return fallback;
    }
  };

  problems.push(...placeholderProblems(env));

  const botToken = required(
    'SLACK_BOT_TOKEN',
    'set it to the Bot User OAuth Token (xoxb-…) from the app\'s "OAuth & Permissions" page.',
  );
  if (botToken && !botToken.startsWith('xoxb-'))
    problems.push('SLACK_BOT_TOKEN must be a bot token starting with xoxb-.');
  const appToken = get('SLACK_APP_TOKEN');
  if (appToken !== undefined && !appToken.startsWith('xapp-')) {
    problems.push(
      'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write), or unset for HTTP mode.',
    );
  }
  const signingSecret = get('SLACK_SIGNING_SECRET');
  if (appToken === undefined && signingSecret === undefined) {
    problems.push(
      'SLACK_SIGNING_SECRET is missing: HTTP mode verifies every request with it (Basic Information → Signing Secret). Or set SLACK_APP_TOKEN to use Socket Mode.',
    );
  }
  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    problems.push(`LOG_LEVEL: "${logLevel}" must be debug, info, warn or error.`);

  const { database, dataDir, problem: databaseProblem } = databaseConfigFrom(env);
  if (databaseProblem !== undefined) problems.push(databaseProblem);

  const escalationChannelId = get('ESCALATION_CHANNEL_ID');
  if (escalationChannelId !== undefined && !/^[CGD][A-Z0-9]{6,20}$/.test(escalationChannelId)) {
    problems.push(
      'ESCALATION_CHANNEL_ID must be a channel ID such as C0123456789 (channel details → bottom of the About tab).',
    );
  }

  const { orgs, problems: orgProblems } = readOrgs(env);
  problems.push(...orgProblems);
  const apiVersion = get('SF_API_VERSION') ?? DEFAULT_API_VERSION;
  if (!/^\d{2}\.0$/.test(apiVersion) || Number(apiVersion) < 41) {
    problems.push(`SF_API_VERSION: "${apiVersion}" must look like ${DEFAULT_API_VERSION} and be 41.0 or later.`);
  }
  const tokenEncryptionKey = get('TOKEN_ENCRYPTION_KEY');
  if (tokenEncryptionKey !== undefined) {
    try {
      parseEncryptionKey(tokenEncryptionKey);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  const warnPercent = int('LIMITS_WARN_PERCENT', 70, 1, 100);
  const criticalPercent = int('LIMITS_CRITICAL_PERCENT', 90, 1, 100);
  if (warnPercent >= criticalPercent) problems.push('LIMITS_WARN_PERCENT must be lower than LIMITS_CRITICAL_PERCENT.');

  // Limits watch: a global channel, and per org SF_<ORG>_WATCH_CHANNEL_ID (SF_WATCH_CHANNEL_ID for a single org).
  const channelId = (key: string) => {
    const v = get(key);
    if (v !== undefined && !/^[CG][A-Z0-9]{6,20}$/.test(v))
      problems.push(`${key} must be a channel ID such as C0123456789 (channel details → bottom of the About tab).`);
    return v;
  };
  const watchDefault = channelId('LIMITS_WATCH_CHANNEL_ID');
  const watchChannels: Record<string, string> = {};
  for (const org of orgs) {
    const prefix = get('SF_ORGS') === undefined ? 'SF_' : `SF_${org.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`;
    const channel = channelId(`${prefix}WATCH_CHANNEL_ID`) ?? watchDefault;
    if (channel !== undefined) watchChannels[org.name] = channel;
  }
  const watchTimezone = get('LIMITS_WATCH_TIMEZONE') ?? 'UTC';
  if (!isValidTimeZone(watchTimezone))
    problems.push(`LIMITS_WATCH_TIMEZONE: "${watchTimezone}" is not an IANA time zone (e.g. Europe/Paris, UTC).`);

  const config: Config = {
    slack: {
      botToken,
      signingSecret,
      appToken,
      apiUrl: httpUrl('SLACK_API_URL', 'https://slack.com/api/'),
      port: int('PORT', 3000, 0, 65535),
      maxRequestBytes: int('MAX_REQUEST_BYTES', 1_048_576, 1024, 50_000_000),
    },
    logLevel: logLevel as LogLevel,
    database,
    dataDir,
    escalationChannelId,
    cooldownMinutes: int('COOLDOWN_MINUTES', 30, 0, 24 * 60),
    snippetMaxBytes: int('SNIPPET_MAX_BYTES', 1_000_000, 1_000, 20_000_000),
    allow: {
      users: list('ALLOWED_USERS', /^[UW][A-Z0-9]{6,20}$/, 'a user ID (U…)'),
      usergroups: list('ALLOWED_USERGROUPS', /^S[A-Z0-9]{6,20}$/, 'a user group ID (S…)'),
      channels: list('ALLOWED_CHANNELS', /^[CGD][A-Z0-9]{6,20}$/, 'a channel ID (C…/G…)'),
    },
    salesforce: {
      orgs,
      apiVersion,
      timeoutMs: int('SF_TIMEOUT_MS', 10_000, 500, 120_000),
      limitsCacheSeconds: int('SF_LIMITS_CACHE_SECONDS', 300, 0, 86_400),
      refreshCooldownSeconds: int('SF_LIMITS_REFRESH_COOLDOWN_SECONDS', 60, 0, 3_600),
      warnPercent,
      criticalPercent,
      tokenEncryptionKey,
    },
    trust: {
      apiUrl: httpUrl('TRUST_API_URL', 'https://api.status.salesforce.com/v1/'),
      cacheSeconds: int('TRUST_CACHE_SECONDS', 120, 0, 3_600),
      timeoutMs: int('TRUST_TIMEOUT_MS', 3_000, 200, 30_000),
    },
    watch: {
      channels: watchChannels,
      intervalSeconds: int('LIMITS_WATCH_INTERVAL_SECONDS', 300, 5, 86_400),
      horizonHours: int('LIMITS_WATCH_HORIZON_HOURS', 6, 1, 72),
      timezone: watchTimezone,
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config);
}

/** The variables this app reads (SF_<ORG>_* included), for the placeholder check. */
const APP_VARIABLE =
  /^(?:(?:SLACK|SF|TRUST|LIMITS|ALLOWED|TOKEN)_\w+|DATABASE_URL|DATA_DIR|PORT|LOG_LEVEL|COOLDOWN_MINUTES|SNIPPET_MAX_BYTES|MAX_REQUEST_BYTES|ESCALATION_CHANNEL_ID)$/;
/** `.env.example` marks what must be filled in with an ellipsis (`xoxb-...`); no real value has one. */
const PLACEHOLDER = /\.\.\.|…|^<[^>]*>$/;

/**
 * A value copied unchanged from .env.example would pass a prefix check (`xoxb-...` starts with
 * xoxb-) and reach Slack before failing; refuse it here, by name, before any network call.
 */
function placeholderProblems(env: Env): string[] {
  return (
    Object.entries(env)
      .filter(([key, value]) => APP_VARIABLE.test(key) && value !== undefined && PLACEHOLDER.test(value.trim()))
      // The value is not repeated: a real secret that happens to contain "..." must not be printed.
      .map(([key]) => `${key} still holds a placeholder from .env.example (a value with "..."): set the real value.`)
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Where the store lives: PostgreSQL when DATABASE_URL is set, else the SQLite file under DATA_DIR.
 * Shared by the bot and the CLI's `gaps`, which reads the same store without Slack settings.
 */
export function databaseConfigFrom(env: Env): { database: DatabaseConfig; dataDir: string; problem?: string } {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const dataDirRaw = value('DATA_DIR') ?? 'data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(projectRoot(), dataDirRaw);
  const sqlite: DatabaseConfig = { kind: 'sqlite', file: join(dataDir, 'sf-api-assistant.db') };
  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl === undefined) return { database: sqlite, dataDir };
  if (/^postgres(?:ql)?:\/\//.test(databaseUrl)) return { database: { kind: 'postgres', url: databaseUrl }, dataDir };
  return {
    database: sqlite,
    dataDir,
    problem: 'DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite file under DATA_DIR).',
  };
}
