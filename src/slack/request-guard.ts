/**
 * Checks in front of Bolt's HTTP receiver for two gaps in its own request handling:
 *
 * - Bolt refuses timestamps more than 5 minutes in the past but accepts any in the future, so a
 *   signed request captured once could be replayed until its (future) time. Both directions are
 *   refused here, with the same 401 as a stale one.
 * - A correctly signed body of JSON `null` (or `payload=null`) makes Bolt throw after parsing,
 *   inside a promise nobody awaits: no response is ever written and the socket stays open. Any
 *   signed body that is not a JSON object is answered 400 here and the connection closed.
 *
 * Everything else (signature failures, unparsable bodies, size limits, ssl_check) is left to Bolt,
 * which handles them correctly; the request is buffered once and Bolt reuses the buffer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import type { AppLogger } from '../logger';

/** Slack's documented replay window, in seconds, applied both ways. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  readonly signingSecret: string;
  readonly bodyLimit: number;
  readonly endpoint: string;
  readonly logger: AppLogger;
  readonly now?: () => number;
}

export function guardSlackRequests(receiver: HTTPReceiver, options: RequestGuardOptions): void {
  const passOn = receiver.requestListener;
  const now = options.now ?? Date.now;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== options.endpoint) {
      passOn(req, res);
      return;
    }
    void inspect(req, options, now()).then(
      (verdict) => {
        if (verdict === 'pass') passOn(req, res);
        else refuse(res, verdict);
      },
      (err: unknown) => {
        options.logger.warn({ err }, 'could not read a Slack request');
        if (!res.headersSent) refuse(res, 400);
      },
    );
  };
}

type Verdict = 'pass' | 400 | 401 | 413;

async function inspect(req: IncomingMessage, options: RequestGuardOptions, nowMs: number): Promise<Verdict> {
  let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.bufferIncomingMessage>>;
  try {
    buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, options.bodyLimit);
  } catch (err) {
    if (HTTPModuleFunctions.isRawBodyError(err) && (err.type === 'entity.too.large' || err.statusCode === 413)) {
      options.logger.warn({ limit: options.bodyLimit }, 'refused a Slack request: body over MAX_REQUEST_BYTES');
      return 413;
    }
    throw err;
  }
  const raw = buffered.rawBody.toString();
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  const signature = header(req, 'x-slack-signature');
  // Missing or malformed headers: Bolt answers 401 and logs why.
  if (!Number.isFinite(timestamp) || signature === undefined) return 'pass';
  const skew = timestamp - Math.floor(nowMs / 1000);
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
    options.logger.warn(
      { skewSeconds: skew },
      `refused a Slack request: its timestamp is more than ${MAX_CLOCK_SKEW_SECONDS / 60} minutes ${skew > 0 ? 'in the future' : 'old'}`,
    );
    return 401;
  }
  const contentType = header(req, 'content-type');
  if (contentType === 'application/x-www-form-urlencoded' && new URLSearchParams(raw).get('ssl_check') === '1') {
    return 'pass';
  }
  const signed = isValidSlackRequest({
    signingSecret: options.signingSecret,
    body: raw,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: nowMs,
  });
  if (!signed) return 'pass';
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return 'pass'; // Bolt answers 400 "Malformed request body"
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    options.logger.warn(
      { bodyType: body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body },
      'refused a signed Slack request: the body is not a JSON object',
    );
    return 400;
  }
  return 'pass';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function refuse(res: ServerResponse, status: 400 | 401 | 413): void {
  // Close the connection: a client that sends such requests gets no keep-alive socket to reuse.
  res.writeHead(status, { connection: 'close' });
  res.end();
}
