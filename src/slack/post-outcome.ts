import { webApi } from '@slack/bolt';

/**
 * What a failed Web API call tells us about whether Slack acted on it. A post is only worth
 * retrying when Slack definitely did not make it: retrying one that may have landed is how an
 * answer or a case ends up in the channel twice.
 */
export type CallFailure =
  /** Slack answered and refused (429, 5xx, ok:false), or the connection never opened. */
  | {
      readonly kind: 'rejected';
      /** Worth trying again later (rate limit, outage); false for permanent refusals. */
      readonly retryable: boolean;
      /** From Retry-After, when Slack said how long to wait. */
      readonly retryAfterMs: number | undefined;
      readonly error: string;
    }
  /** A timeout, a reset after sending, a gateway timeout: the post may be in Slack. */
  | { readonly kind: 'uncertain'; readonly error: string };

/** Slack's own errors that mean "try later" rather than "this request is wrong". */
const TRANSIENT_PLATFORM_ERRORS = new Set(['ratelimited', 'service_unavailable']);
/** Slack documents these as "some aspect of the operation may have succeeded". */
const MAYBE_DONE_PLATFORM_ERRORS = new Set(['fatal_error', 'internal_error']);
/** Network errors raised before any byte of the request reached Slack. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function classifyCallFailure(err: unknown): CallFailure {
  if (err instanceof webApi.WebAPIRateLimitedError) {
    return { kind: 'rejected', retryable: true, retryAfterMs: err.retryAfter * 1000, error: 'ratelimited' };
  }
  if (err instanceof webApi.WebAPIPlatformError) {
    const error = String(err.data.error);
    if (MAYBE_DONE_PLATFORM_ERRORS.has(error)) return { kind: 'uncertain', error };
    const retryAfter = (err.data.response_metadata as { retryAfter?: unknown } | undefined)?.retryAfter;
    return {
      kind: 'rejected',
      retryable: TRANSIENT_PLATFORM_ERRORS.has(error),
      retryAfterMs: typeof retryAfter === 'number' ? retryAfter * 1000 : undefined,
      error,
    };
  }
  if (err instanceof webApi.WebAPIHTTPError) {
    const error = `HTTP ${err.statusCode}`;
    // A gateway timeout means a proxy gave up waiting for Slack, which may have finished the post.
    if (err.statusCode === 504) return { kind: 'uncertain', error };
    return {
      kind: 'rejected',
      retryable: err.statusCode >= 500 || err.statusCode === 429,
      retryAfterMs: undefined,
      error,
    };
  }
  if (err instanceof webApi.WebAPIRequestError) {
    const code = networkCode(err.original);
    if (code !== undefined && NOT_SENT_CODES.has(code)) {
      return { kind: 'rejected', retryable: true, retryAfterMs: undefined, error: code };
    }
    return { kind: 'uncertain', error: code ?? 'request failed' };
  }
  return { kind: 'uncertain', error: err instanceof Error ? err.message.slice(0, 200) : 'unknown error' };
}

/** fetch wraps the socket error: `TypeError('fetch failed', { cause: { code } })`, or a TimeoutError. */
function networkCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const e = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
    // The client re-wraps a DOMException from another realm as `new Error(String(exception))`.
    if (typeof e.message === 'string' && /^(TimeoutError|AbortError)\b/.test(e.message)) return 'timeout';
    current = e.cause;
  }
  return undefined;
}
