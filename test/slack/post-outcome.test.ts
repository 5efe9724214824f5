import { webApi } from '@slack/bolt';
import { classifyCallFailure } from '../../src/slack/post-outcome';

/** fetch's shape for a socket error: TypeError('fetch failed') with the system error as cause. */
function fetchFailed(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

describe('what a failed Web API call says about whether Slack acted on it', () => {
  it.each([
    ['a 429 with Retry-After', new webApi.WebAPIRateLimitedError(7), true, 7_000],
    ['ok:false ratelimited', new webApi.WebAPIPlatformError({ ok: false, error: 'ratelimited' }), true, undefined],
    [
      'ok:false service_unavailable',
      new webApi.WebAPIPlatformError({ ok: false, error: 'service_unavailable' }),
      true,
      undefined,
    ],
    [
      'ok:false channel_not_found',
      new webApi.WebAPIPlatformError({ ok: false, error: 'channel_not_found' }),
      false,
      undefined,
    ],
    ['an HTTP 500', new webApi.WebAPIHTTPError(500, 'Internal Server Error', {}), true, undefined],
    ['an HTTP 503', new webApi.WebAPIHTTPError(503, 'Service Unavailable', {}), true, undefined],
    ['an HTTP 400', new webApi.WebAPIHTTPError(400, 'Bad Request', {}), false, undefined],
    ['a refused connection', new webApi.WebAPIRequestError(fetchFailed('ECONNREFUSED')), true, undefined],
    ['an unknown host', new webApi.WebAPIRequestError(fetchFailed('ENOTFOUND')), true, undefined],
  ])('%s: not posted', (_name, err, retryable, retryAfterMs) => {
    expect(classifyCallFailure(err)).toEqual({
      kind: 'rejected',
      retryable,
      retryAfterMs,
      error: expect.any(String),
    });
  });

  it.each([
    ['a client timeout', new webApi.WebAPIRequestError(new DOMException('aborted', 'TimeoutError')), 'timeout'],
    [
      'a timeout re-wrapped from another realm',
      new webApi.WebAPIRequestError(new Error('TimeoutError: The operation was aborted due to timeout')),
      'timeout',
    ],
    ['a reset after sending', new webApi.WebAPIRequestError(fetchFailed('ECONNRESET')), 'ECONNRESET'],
    ['a socket closed mid-answer', new webApi.WebAPIRequestError(fetchFailed('UND_ERR_SOCKET')), 'UND_ERR_SOCKET'],
    ['a gateway timeout', new webApi.WebAPIHTTPError(504, 'Gateway Timeout', {}), 'HTTP 504'],
    ['ok:false fatal_error', new webApi.WebAPIPlatformError({ ok: false, error: 'fatal_error' }), 'fatal_error'],
    [
      'ok:false internal_error',
      new webApi.WebAPIPlatformError({ ok: false, error: 'internal_error' }),
      'internal_error',
    ],
    ['something that is not a Slack error', new Error('boom'), 'boom'],
  ])('%s: may have been posted', (_name, err, error) => {
    expect(classifyCallFailure(err)).toEqual({ kind: 'uncertain', error });
  });
});
