import { type ApiFamily, type ErrorContext, type Match, matchedVariant } from './diagnosis';
import type { ScanDoc } from './scan-doc';

/**
 * Facts Salesforce Support asks for, read from the paste so the escalation modal can be
 * prefilled: method and endpoint, API version, timestamps, request/error IDs, org ID, username,
 * and the instance (for the Trust status check). Each is a bounded regex; absent facts stay
 * undefined rather than guessed.
 */
/** A URL character, or a whole mask placeholder (`[redacted session id]` holds spaces). Quotes
 * belong to URLs too (a SOQL filter `…WHERE+Name='Acme'`); unbalanced ones are trimmed. */
const URL_UNIT = String.raw`(?:\[redacted [a-z ]{1,30}\]|[^\s"<>\`)\][])`;
/** A request line, absolute or relative to the instance ("POST /services/data/v59.0/sobjects/Contact"). */
const METHOD_URL = new RegExp(
  String.raw`\b(GET|POST|PUT|PATCH|DELETE|HEAD)\s+((?:https?:\/\/|\/(?:services|cometd)\/)${URL_UNIT}{4,2000})`,
);
const METHOD_LABEL = /\bmethod["']?\s*[:=]\s*["']?(GET|POST|PUT|PATCH|DELETE|HEAD)\b/i;
const SALESFORCE_URL = new RegExp(
  String.raw`https?:\/\/[A-Za-z0-9.-]{1,200}(?:salesforce\.com|force\.com|salesforce-sites\.com|site\.com|cloudforce\.com|database\.com)(?::\d+)?(?:\/${URL_UNIT}{0,2000})?|https?:\/\/[^\s"'<>\`)\]/]{1,200}\/services\/(?:data|Soap|async|oauth2|apexrest)${URL_UNIT}{0,2000}`,
  'gi',
);
/** Addresses that name something other than the request: an XML namespace (Bulk API 1.0's
 * `xmlns="http://www.force.com/2009/06/asyncapi/dataload"`, or in the braces a parser's message
 * writes it in: `Element {http://soap.sforce.com/2006/04/metadata}types`), a JWT's audience or
 * issuer, a schema. */
const NOT_A_REQUEST = /(?:\bxmlns(?::\w+)?|\baud|\biss|\bschemaLocation|\btargetNamespace)["']?\s*[:=]\s*["']?$|\{$/i;
/** soap.sforce.com only names XML namespaces (the Metadata API's, outbound messages'). */
const NAMESPACE_URL = /^https?:\/\/soap\.sforce\.com\//i;
const API_VERSION =
  /\/services\/(?:data\/v|async\/|Soap\/[a-zA-Z]\/|meta\/|apexrest\/v?)(\d{2,3}\.\d)|\/cometd\/(\d{2,3}\.\d)|\b(?:api ?version|apiVersion)["']?\s*[:=]?\s*["']?v?(\d{2,3}\.\d)\b|\busing the v(\d{2,3}\.\d) (?:SOAP|REST|Metadata)/i;
const TIMESTAMP = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const REQUEST_IDS: readonly RegExp[] = [
  /\bError ?Id(?: if you contact support)?:?\s*(-?\d{3,}-\d{3,}(?:\s*\(-?\d+\))?)/gi,
  /\bREQUEST_ID="?([A-Za-z0-9_-]{8,64})/g,
  /\brpc[-_ ]?id["']?\s*[:=]?\s*["']?([A-Za-z0-9-]{8,64})/gi,
  /\bDeploy ID:\s*(0Af[A-Za-z0-9]{12,15})\b/g,
  /\bSforce-Request-Id["']?\s*[:=]\s*["']?([A-Za-z0-9_-]{8,64})/gi,
];
/** Bulk API job (750) and batch (751) IDs, in prose, XML (`<jobId>`) and URLs (`/jobs/ingest/750…`). */
const BULK_JOB_IDS: readonly RegExp[] = [
  /\b(?:job|batch)(?:\s*id)?\s*[:=]?\s*['"]?(75[01][A-Za-z0-9]{12,15})\b/gi,
  /<(?:id|jobId)>(75[01][A-Za-z0-9]{12,15})</g,
  /\/(?:jobs\/(?:ingest|query)|job)\/(75[01][A-Za-z0-9]{12,15})\b/g,
];
/** Clients that name themselves in what they print. Data Loader's error file has an ERROR column
 * whose cells read `CODE:message:FIELDS --`. */
const CLIENT_TOOLS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Data Loader', /\bdata ?loader\b|com\.salesforce\.dataloader/i],
  // Upper-case on purpose: Bulk API 1.0 result files have "Id",…,"Error".
  ['Data Loader', /^"?ID"?,(?:[^\n]*,)?"?ERROR"?\s*$/m],
  [
    'Salesforce CLI',
    /\bERROR running [\w:]+|\bsfdx\b|"commandName"\s*:|\bsf (?:org|project|data|apex|deploy|auth|package)\b/i,
  ],
  ['simple-salesforce', /\bsimple_salesforce\b|\bsimple-salesforce\b/i],
  ['jsforce', /\bjsforce\b/i],
  ['restforce', /\brestforce\b|\bRestforce::/i],
  ['Workbench', /\bworkbench\b/i],
  ['MuleSoft Salesforce Connector', /\bSALESFORCE:[A-Z_]+|\bmulesoft\b/i],
];
const ORG_ID = /\b(00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)\b(?!!)/;
const USERNAME =
  /\b(?:user(?:\s?name)?|login(?:\s+as)?|signed in as|authenticated as|for user)["']?\s*[:=]?\s*["']?([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})/i;
/** Classic instance hosts (na37, cs52, ap5, eu12, usa123s); My Domain hosts do not name one. */
const INSTANCE =
  /\b(?:https?:\/\/)?((?:na|cs|ap|eu|um|gs|usa|aus|can|deu|fra|gbr|ind|jpn|sgp|swe|che|isr|kor|bra|ita|zaf|are)\d{1,4}[a-z]?)\.(?:salesforce|my\.salesforce|force|visual\.force)\.com\b/i;

const FAMILY_BY_ENTRY: Record<string, ApiFamily> = {
  oauth: 'OAUTH',
  bulk: 'BULK',
  apex: 'APEX',
  streaming: 'STREAMING',
  pubsub: 'PUBSUB',
  metadata: 'METADATA',
  cli: 'CLI',
  network: 'HTTP',
  http: 'HTTP',
};

export interface ContextInput {
  readonly doc: ScanDoc;
  readonly primary: Match | undefined;
  readonly httpStatus: number | undefined;
  /** Where the primary error was seen: long pastes are read around it (see `contextText`). */
  readonly focus?: number;
}

/** Pastes longer than this are read in part: the head (the request line, the first timestamps)
 * and the stretch around the error. Every pattern below scans what it is given, and on a 40k
 * stack trace the whole text cost ~0.8 ms; the facts Support asks for sit in those two places. */
export const CONTEXT_FULL_TEXT = 12_000;
const CONTEXT_HEAD = 2_000;
const CONTEXT_AROUND = 4_000;

export function contextText(text: string, focus: number | undefined): string {
  if (text.length <= CONTEXT_FULL_TEXT || focus === undefined) return text;
  const from = Math.max(CONTEXT_HEAD, focus - CONTEXT_AROUND);
  return `${text.slice(0, CONTEXT_HEAD)}\n${text.slice(from, focus + CONTEXT_AROUND)}`;
}

export function extractContext({ doc, primary, httpStatus, focus }: ContextInput): ErrorContext {
  const text = contextText(doc.text, focus);
  const methodUrl = METHOD_URL.exec(text);
  const url = methodUrl?.[2] ?? requestUrl(text);
  const version = API_VERSION.exec(text);
  return {
    apiFamily: detectFamily(text, primary),
    httpStatus,
    method: methodUrl?.[1] ?? METHOD_LABEL.exec(text)?.[1]?.toUpperCase(),
    url: url === undefined ? undefined : trimUrl(url),
    apiVersion: version === null ? undefined : (version.slice(1).find((v) => v !== undefined) as string),
    timestamps: firstMatches(TIMESTAMP, text, 5, 0),
    requestIds: REQUEST_IDS.flatMap((re) => firstMatches(re, text, 3, 1)).slice(0, 5),
    bulkJobIds: [...new Set(BULK_JOB_IDS.flatMap((re) => firstMatches(re, text, 3, 1)))].slice(0, 4),
    clientTool: CLIENT_TOOLS.find(([, re]) => re.test(text.length > 20_000 ? text.slice(0, 20_000) : text))?.[0],
    orgId: ORG_ID.exec(text)?.[1],
    username: USERNAME.exec(text)?.[1],
    instance: INSTANCE.exec(text)?.[1]?.toLowerCase(),
  };
}

function firstMatches(pattern: RegExp, text: string, max: number, group: number): string[] {
  const out: string[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(text); m !== null && out.length < max; m = re.exec(text)) {
    const value = m[group];
    if (value !== undefined && !out.includes(value)) out.push(value);
  }
  return out;
}

/** The first Salesforce address in the text that is not a namespace, audience or issuer. */
function requestUrl(text: string): string | undefined {
  const re = new RegExp(SALESFORCE_URL.source, SALESFORCE_URL.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (NAMESPACE_URL.test(m[0])) continue;
    if (!NOT_A_REQUEST.test(text.slice(Math.max(0, m.index - 40), m.index))) return m[0];
  }
  return undefined;
}

/** Drops trailing punctuation (a closing quote only when it has no partner in the URL) and masks
 * query-string values that may carry tokens. */
function trimUrl(url: string): string {
  let trimmed = url.replace(/[.,;:"]+$/, '');
  while (trimmed.endsWith("'") && (trimmed.match(/'/g)?.length ?? 0) % 2 === 1) {
    trimmed = trimmed.slice(0, -1).replace(/[.,;:"]+$/, '');
  }
  return trimmed.replace(
    /([?&](?:access_token|sid|session_?id|refresh_token|client_secret|password|code)=)[^&#\s]*/gi,
    '$1[redacted]',
  );
}

// The failedResults CSV of a Bulk API 2.0 ingest job has sf__Id and sf__Error columns.
const BULK2_SURFACE = /\/jobs\/(?:ingest|query)\b|Bulk API 2\.0|\bsf__Error\b/i;
const BULK_SURFACE = /\/services\/async\/|\bstateMessage\b|Bulk API/i;

const SURFACES: ReadonlyArray<readonly [ApiFamily, RegExp]> = [
  [
    'CLI',
    /\bERROR running [\w:]+|\bsfdx\b|\bsf (?:org|project|data|apex|deploy|auth|package)\b|"commandName"|"exitCode"|Salesforce CLI/i,
  ],
  ['OAUTH', /\/services\/oauth2\/|\berror_description\b|\bgrant_type\b/i],
  ['STREAMING', /\b[45]0\d::[A-Z]|\/cometd\/|\/meta\/(?:handshake|connect|subscribe)/i],
  ['PUBSUB', /sfdc\.platform\.eventbus|StatusRuntimeException|Pub\/Sub API/i],
  ['BULK2', BULK2_SURFACE],
  ['BULK', BULK_SURFACE],
  ['METADATA', /\bdeploy(?:ment|ing|ed)?\b|\bcomponentFailures\b|package\.xml|Metadata API/i],
  [
    'APEX',
    /\bSystem\.[A-Z]\w*Exception\b|Apex script unhandled|execution of (?:Before|After)(?:Insert|Update|Delete|Undelete)|\bClass\.[\w.]+: line \d+/,
  ],
  // simple-salesforce's SalesforceAuthenticationFailed comes from its SOAP login() call.
  [
    'SOAP',
    /soapenv:|<faultcode>|\bApiFault\b|LoginFault|SOAPFault|SoapFault|\/services\/Soap\/|SessionHeader|\bSalesforceAuthenticationFailed\b/i,
  ],
  [
    'REST',
    /\/services\/(?:data|apexrest)\/|"errorCode"|'errorCode'|\berrorCode\b|jsforce|simple.salesforce|restforce/i,
  ],
];

function detectFamily(whole: string, primary: Match | undefined): ApiFamily | undefined {
  if (primary === undefined) return undefined;
  const text = whole.length > 20_000 ? whole.slice(0, 20_000) : whole;
  const cli = SURFACES[0] as readonly [ApiFamily, RegExp];
  if (cli[1].test(text)) return 'CLI';
  const surface = matchedVariant(primary)?.surface;
  if (surface !== undefined) return surface;
  const byEntry = FAMILY_BY_ENTRY[primary.entry.family];
  if (byEntry !== undefined && byEntry !== 'HTTP') return byEntry;
  for (const [family, re] of SURFACES) if (re.test(text)) return family;
  return byEntry ?? 'OTHER';
}
