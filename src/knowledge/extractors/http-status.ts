import type { Signal } from '../diagnosis';
import { HTTP_ALONE, HTTP_WITH_SALESFORCE } from '../weights';
import { adjustForLine } from './cues';
import type { ExtractInput } from './types';

/**
 * HTTP statuses that a client printed for a failed Salesforce call, when no Salesforce code is
 * visible: `HTTP/1.1 503`, `status=400`, `returned code 500`, `400 Bad Request`,
 * `ClientResponseError: 404`, `[400] Bulk API HTTP Error`, `httpStatusCode: 403`, AppAuth's
 * `Non-200 HTTP response (500) making token request`.
 * Only error statuses (the 3xx that a Salesforce call fails on, 4xx, 5xx) count.
 */
const REASONS =
  'Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed|Conflict|Gone|Length Required|Precondition Failed|Request Entity Too Large|Payload Too Large|Content Too Large|URI Too Long|Request-URI Too Large|Unsupported Media Type|Precondition Required|Too Many Requests|Request Header Fields Too Large|Unprocessable Entity|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out|Multiple Choices|Moved Permanently|Temporary Redirect|Permanent Redirect';
/** The writer got something, not after a negation (`connect without getting a 404`, `no longer get 500 errors`). */
const GOT = String.raw`(?<!\b(?:without|not|stopped|stop|avoid|longer)\s)\b(?:getting|got|get|gets|receiving|received|receive)`;
const STATUS_PATTERNS: readonly RegExp[] = [
  /\bHTTP(?:\/\d(?:\.\d)?)?(?:\s+error)?[\s:]+([345]\d\d)\b/gi,
  /\bhttp[ _-]?code\b['"]?\s*[=:]?\s*([345]\d\d)\b/gi,
  /\b(?:http[ _]?)?status(?:[ _]?code)?\b['"]?\s*(?:=>|[=:])?\s*['"]?([345]\d\d)\b/gi,
  /\bhttpStatusCode\b['"]?\s*[=:]\s*([345]\d\d)\b/g,
  /\b(?:returned|returns|returning|resulted in|results? in|respond(?:s|ed|ing)? with|response)\s+(?:an?\s+|the\s+)?(?:code\s+|status\s+|http\s+|error\s+)?[`(]?([345]\d\d)s?\b/gi,
  // `400 Bad Request`, `400: Bad Request`, and .NET's `(401) Unauthorized`.
  new RegExp(String.raw`\b([345]\d\d)\)?\s*(?:[-:]\s*)?(?:${REASONS})\b`, 'gi'),
  /\b(?:ClientResponseError|HTTPError|HttpError|StatusCodeError|ResponseError)\b[:(]\s*([345]\d\d)\b/g,
  // A client's exception class with the status in brackets: Forrest's `SalesforceException (403)`.
  /\b[A-Z]\w*(?:Exception|Error)\s*\(\s*([345]\d\d)\s*\)/g,
  /\[([345]\d\d)\]\s*[A-Za-z]/g,
  /\[code\]\s*=>\s*([345]\d\d)\b/g,
  // `302 Found`: case-sensitive, since "500 found" in a sentence is a count, not a status.
  /\b(302)\s+Found\b/g,
  // Guzzle 3's `Client error response [url] … [status code] 400 [reason phrase] Bad Request` (PHP clients).
  /\[status code\]\s*([345]\d\d)\b/gi,
  /\bErrors?\s+([45]\d\d)\b/gi,
  /\b([45]\d\d)\s+(?:Client|Server)\s+Error\b/g,
  /\b(?:the|an?)\s+([45]\d\d)\s+(?:error|response|status)\b/gi,
  /\bBad Message ([45]\d\d)\b/g,
  // OkHttp's `Response{protocol=http/1.1, code=400, message=Bad Request, url=…}` (Java clients).
  /\bResponse\{protocol=[^,}]{1,20},\s*code=([345]\d\d)\b/g,
  // `Unexpected response code: 405`, `error code 403`, and a log's `Code: 400` field line.
  /\b(?:response|error) code:?\s*([345]\d\d)\b/gi,
  /^[ \t"]*Code:[ \t]*([45]\d\d)\b/gm,
  // A sentence: `getting 431 error`, `got 503 responses`.
  new RegExp(String.raw`${GOT}\s+(?:with\s+)?([45]\d\d)\s+(?:errors?|responses?)\b`, 'gi'),
  // `always getting a 400`, `I get a 401.`: the article makes the number a status, not a count.
  new RegExp(
    String.raw`${GOT}\s+an?\s+([45]\d\d)\b(?=[ \t]*(?:$|[^\w\s%-]|\n|(?:errors?|responses?|status|code|http)\b))`,
    'gi',
  ),
  // Japanese writes the status before エラー: `503エラーが返ってきます`, `401 エラーになります`.
  /(?<![\d.])\b([45]\d\d)[ \t]?エラー/g,
  // Apple's NSError description: `… Code=403 "(null)"`.
  /\bCode=([45]\d\d)\b/g,
  // A JSON error object led by its status: `{"error":{"code":404,"message":"Session not found"}}`
  // (the hosted MCP and other API gateways).
  /["']error["']\s*:\s*\{\s*["']code["']\s*:\s*([45]\d\d)\b/g,
];
/**
 * A JSON error body whose message is only a reason phrase: Marketing Cloud's token endpoint
 * answers `{"message":"Unauthorized","errorcode":1}` and `{"message":"Internal Server Error"}`.
 */
const STATUS_OF_REASON: Readonly<Record<string, number>> = {
  'bad request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not found': 404,
  'method not allowed': 405,
  conflict: 409,
  'too many requests': 429,
  'internal server error': 500,
  'bad gateway': 502,
  'service unavailable': 503,
  'gateway timeout': 504,
  'gateway time-out': 504,
  'moved permanently': 301,
  'temporary redirect': 307,
  'permanent redirect': 308,
};
/** A client's rendering of a failed response as "Error - Bad Request: <the server's message>"
 * (the sf CLI, Lightning components' error toasts). */
const REASON_AS_ERROR_TITLE = new RegExp(
  String.raw`\berror\s+[-–]\s+(${Object.keys(STATUS_OF_REASON).join('|')})\s*:`,
  'gi',
);
const REASON_AS_MESSAGE = new RegExp(
  String.raw`["']message["']\s*:\s*["'](${Object.keys(STATUS_OF_REASON).join('|')})["']`,
  'gi',
);

/**
 * A status printed as its enum name: Python's `HTTPStatus.INTERNAL_SERVER_ERROR` (FuelSDK-Python,
 * requests-based clients), Spring's `HttpStatus.NOT_FOUND`. The name is the reason phrase in
 * upper-case snake form, so it is read as that status (code-tokens.ts leaves such names alone).
 */
const STATUS_ENUM = /\bHttpStatus\.([A-Z]+(?:_[A-Z]+)*)\b/gi;
const STATUS_ENUM_PREFIX = 'httpstatus.';

/** Whether the name starting at `start` is written under that enum (`HTTPStatus.NOT_FOUND`). */
export function namedAsStatusEnum(text: string, start: number): boolean {
  const from = start - STATUS_ENUM_PREFIX.length;
  return (
    from >= 0 &&
    text.slice(from, start).toLowerCase() === STATUS_ENUM_PREFIX &&
    (from === 0 || !/\w/.test(text.charAt(from - 1)))
  );
}

/** An HTML error page: Salesforce serves these for maintenance and Edge failures. */
const HTML_UNAVAILABLE = /<title>[^<]{0,80}(?:maintenance|unavailable)[^<]{0,80}<\/title>|down for maintenance/gi;

/**
 * Apex prints a callout's response as `System.HttpResponse[Status=Forbidden, StatusCode=403]`.
 * That status is whatever the called endpoint answered, most often another company's service.
 */
const APEX_CALLOUT_RESPONSE = /System\.HttpResponse\[[^\]\n]{0,40}$/;
/** The callout went to Salesforce: its API path or host, or a Salesforce error or action-result body. */
const CALLOUT_TO_SALESFORCE =
  /\/services\/(?:data|apexrest|async|Soap)\b|\.(?:salesforce|force)\.com\b|["']errorCode["']\s*:|["']actionName["']\s*:/i;

/**
 * A request the paste shows being sent (`curl … https://host/…`, `POST https://host/…`). When every
 * one goes to another company's host and nothing in the paste is Salesforce's API, the statuses
 * are that service's answers (an exporter's 403 from its metrics API), not Salesforce's. Local
 * hosts and bare addresses may be a proxy in front of Salesforce, so they prove nothing.
 */
const REQUEST_HOST =
  /\bcurl\b[^\n]{0,300}?\bhttps?:\/\/([\w.-]+)|\b(?:GET|POST|PUT|PATCH|DELETE)\s+https?:\/\/([\w.-]+)/g;
/** Salesforce's API hosts, Account Engagement's (pi.pardot.com) and Marketing Cloud's among them. */
const SALESFORCE_HOST =
  /(?:^|\.)(?:salesforce|force|site|cloudforce|database|salesforce-sites|pardot|marketingcloudapis)\.com$|^localhost$|^[\d.]+$/i;

function requestsGoElsewhere(text: string): boolean {
  if (!/curl|https?:\/\//.test(text)) return false;
  let other = false;
  for (const m of text.matchAll(REQUEST_HOST)) {
    if (SALESFORCE_HOST.test((m[1] ?? m[2]) as string)) return false;
    other = true;
  }
  return other && !CALLOUT_TO_SALESFORCE.test(text);
}

/**
 * 301, 302, 307 and 308 count because Salesforce redirects API calls sent to a host that is not
 * the org's current one, and clients that do not follow redirects fail on them.
 */
const SALESFORCE_ERROR_STATUSES = new Set([
  300, 301, 302, 307, 308, 400, 401, 403, 404, 405, 409, 410, 411, 412, 413, 414, 415, 420, 422, 428, 429, 431, 500,
  502, 503, 504,
]);

export interface HttpFindings {
  readonly signals: Signal[];
  /** The first error status shown in the text, for the escalation context. */
  readonly firstStatus: number | undefined;
}

/**
 * `range` limits the search to part of the text (positions stay those of the whole text): long
 * pastes whose error is already known only need the status near it, for the escalation context.
 */
export function extractHttpStatuses({ doc }: ExtractInput, range?: readonly [number, number]): HttpFindings {
  const offset = range === undefined ? 0 : Math.max(0, range[0]);
  const text = range === undefined ? doc.text : doc.text.slice(offset, range[1]);
  const signals: Signal[] = [];
  let firstStatus: { status: number; index: number } | undefined;
  let calloutToSalesforce: boolean | undefined;
  let sentElsewhere: boolean | undefined;
  const add = (status: number, at: number) => {
    if (!SALESFORCE_ERROR_STATUSES.has(status)) return;
    sentElsewhere ??= requestsGoElsewhere(doc.text);
    if (sentElsewhere) return;
    if (APEX_CALLOUT_RESPONSE.test(doc.text.slice(Math.max(0, at - 60), at))) {
      calloutToSalesforce ??= CALLOUT_TO_SALESFORCE.test(doc.text);
      if (!calloutToSalesforce) return;
    }
    const base = doc.salesforceContext() ? HTTP_WITH_SALESFORCE : HTTP_ALONE;
    if (firstStatus === undefined || at < firstStatus.index) firstStatus = { status, index: at };
    signals.push({ code: `HTTP_${status}`, kind: 'http', strength: adjustForLine(doc, at, base, false), index: at });
  };
  for (const pattern of STATUS_PATTERNS) {
    const re = new RegExp(pattern.source, pattern.flags);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      add(Number(m[1]), offset + m.index);
      if (signals.length > 100) break;
    }
  }
  if (text.includes('essage')) {
    const reasons = new RegExp(REASON_AS_MESSAGE.source, 'gi');
    for (let m = reasons.exec(text); m !== null; m = reasons.exec(text)) {
      const status = STATUS_OF_REASON[(m[1] as string).toLowerCase()];
      if (status !== undefined) add(status, offset + m.index);
    }
  }
  if (/httpstatus\./i.test(text)) {
    const enums = new RegExp(STATUS_ENUM.source, 'gi');
    for (let m = enums.exec(text); m !== null; m = enums.exec(text)) {
      const status = STATUS_OF_REASON[(m[1] as string).toLowerCase().replace(/_/g, ' ')];
      if (status !== undefined) add(status, offset + m.index);
    }
  }
  if (text.includes(' - ')) {
    const titles = new RegExp(REASON_AS_ERROR_TITLE.source, 'gi');
    for (let m = titles.exec(text); m !== null; m = titles.exec(text)) {
      const status = STATUS_OF_REASON[(m[1] as string).toLowerCase()];
      if (status !== undefined) add(status, offset + m.index);
    }
  }
  const html = new RegExp(HTML_UNAVAILABLE.source, 'gi');
  const page = html.exec(text);
  if (page !== null) add(503, offset + page.index);
  return { signals, firstStatus: firstStatus?.status };
}
