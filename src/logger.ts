/**
 * Structured logs with pino. Tokens and secrets never reach the output: known fields are redacted
 * by path, and free text (error messages, URLs) goes through the engine's secret finder. Pasted
 * bodies are never logged: callers log codes and sizes, not text.
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel as ConfigLogLevel } from './config';
import { redact } from './knowledge/secrets';

export type AppLogger = Logger;

const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'signingSecret',
  'password',
  'privateKey',
  'authorization',
  'text',
  'maskedText',
  'headers.authorization',
  'headers.cookie',
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.refresh_token',
  '*.client_secret',
  '*.authorization',
  '*.password',
  '*.text',
  'body.token',
  'body.text',
];

export function createLogger(level: ConfigLogLevel, destination?: DestinationStream): AppLogger {
  return pino(
    {
      level,
      base: { app: 'sf-api-assistant' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }), log: scrubFields },
      hooks: {
        // Free-text messages (an error's message can quote a URL with a token) are scanned too.
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? redact(a).text : a)) as Parameters<typeof method>,
          );
        },
      },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}

/**
 * Every string in a log object goes through the secret finder, whatever its field is called: a
 * redaction path covers the names we know of, this covers the ones we do not (a URL, a reason).
 * Errors are left to `serializeError`; depth and width are bounded.
 */
export function scrubFields(object: Record<string, unknown>): Record<string, unknown> {
  return scrubValue(object, 0) as Record<string, unknown>;
}

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redact(value).text;
  if (depth >= 6 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => scrubValue(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, 100)) out[k] = scrubValue(v, depth + 1);
  return out;
}

/** Error fields that help operators, with the message scrubbed; no request bodies or configs. */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const e = err as Error & { code?: unknown; statusCode?: unknown; data?: { error?: unknown } };
  return {
    type: e.name,
    message: redact(e.message).text,
    code: e.code,
    statusCode: e.statusCode,
    slackError: e.data?.error,
    stack: e.stack === undefined ? undefined : redact(e.stack).text,
  };
}

const TO_BOLT: Record<string, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};
const FROM_BOLT: Record<string, ConfigLogLevel> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** LOG_LEVEL in Bolt's terms. */
export function boltLogLevel(level: ConfigLogLevel): LogLevel {
  return TO_BOLT[level] ?? LogLevel.INFO;
}

/** Bolt's Logger interface over pino, so Bolt's own messages share format and redaction. */
export function boltLogger(logger: AppLogger): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  const text = (msg: unknown[]) =>
    msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => child.debug(text(msg)),
    info: (...msg) => child.info(text(msg)),
    warn: (...msg) => child.warn(text(msg)),
    error: (...msg) => child.error(text(msg)),
    setLevel: (level) => {
      child.level = FROM_BOLT[level] ?? 'info';
    },
    getLevel: () => TO_BOLT[child.level] ?? LogLevel.INFO,
    setName: (name) => {
      child = logger.child({ component: name });
    },
  };
}
