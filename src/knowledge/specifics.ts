import { normalise } from './normalise';
import { redact } from './secrets';

/**
 * What this paste itself says, beyond the code: the message Salesforce returned (a validation
 * rule's own text, a trigger's addError), the fields, the object, the record id, the position in
 * a query, the trigger or class and line of an Apex error, the inner cause of a wrapped error,
 * and the Sforce-Limit-Info figure. Pure and bounded: a few linear regexes per format, no JSON
 * parsing of the whole paste. Everything returned is re-masked, so no secret can come back out.
 */
export type PasteFormat =
  | 'rest-json'
  | 'soap-fault'
  | 'bulk1-batch'
  | 'bulk1-rows'
  | 'bulk2-rows'
  | 'oauth'
  | 'apex'
  | 'cli-json'
  | 'simple-salesforce'
  | 'jsforce'
  | 'data-loader';

export interface QueryPosition {
  readonly row: number | undefined;
  readonly column: number | undefined;
  /** `unexpected token: FORM` → `FORM`. */
  readonly token: string | undefined;
}

export interface ApexLocation {
  /** `OpportunityTrigger` from "OpportunityTrigger: execution of AfterUpdate". */
  readonly trigger: string | undefined;
  readonly event: string | undefined;
  /** The innermost frame: "Class.OpportunityService.syncAmounts: line 42, column 1". */
  readonly frame: string | undefined;
}

export interface PasteSpecifics {
  readonly format: PasteFormat | undefined;
  /** Salesforce's message for the primary error, without the code in front. */
  readonly message: string | undefined;
  readonly fields: readonly string[];
  readonly object: string | undefined;
  readonly recordId: string | undefined;
  readonly query: QueryPosition | undefined;
  readonly apex: ApexLocation | undefined;
  /** The error inside a wrapper ("first error: UNABLE_TO_LOCK_ROW, unable to…"). */
  readonly innerCause: { readonly code: string; readonly message: string | undefined } | undefined;
  /** The code of the error object the primary error was found inside, when that is another code. */
  readonly wrapper: string | undefined;
  /** `Sforce-Limit-Info: api-usage=14850/15000`. */
  readonly apiUsage: { readonly used: number; readonly max: number } | undefined;
  /** Failed rows in a result file (Bulk, Data Loader). */
  readonly failedRows: number | undefined;
}

/** One error as a structured format carries it. */
interface ErrorRecord {
  readonly code: string | undefined;
  readonly message: string | undefined;
  readonly fields: readonly string[];
}

const MAX_MESSAGE = 300;
const MAX_FIELDS = 6;
const RECORD_ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';

/** `text` is the masked paste; `primaryCode` the code the answer is about; `messageAt`, where the
 * paste shows that code's message when the code itself is not shown (Match.messageOnlyAt). */
export function extractSpecifics(text: string, primaryCode: string | undefined, messageAt?: number): PasteSpecifics {
  const pasted = normalise(text).text;
  const format = detectFormat(pasted);
  const records = readRecords(pasted, format);
  // Messages inside JSON carry their own line breaks and frames ("…\n\nTrigger.X: line 18"):
  // the rest is read from the paste and those messages, unescaped.
  const t = [pasted, ...records.map((r) => r.message ?? '')].join('\n');
  const own = records.find((r) => r.code !== undefined && sameCode(r.code, primaryCode));
  const inline =
    primaryCode === undefined
      ? undefined
      : (inlineMessage(records.map((r) => r.message ?? '').join('\n'), primaryCode) ??
        inlineMessage(pasted, primaryCode));
  const rawMessage = own?.message ?? inline ?? records[0]?.message ?? messageLineAt(pasted, messageAt);
  const query = queryPosition(t);
  const message = rawMessage === undefined ? undefined : cleanMessage(rawMessage, primaryCode);
  const fields = unique([...((own ?? records[0])?.fields ?? []), ...fieldsFromText(`${rawMessage ?? ''}\n${t}`)]);
  return {
    format,
    message: message === undefined || message.length === 0 ? undefined : safe(clipText(message, MAX_MESSAGE)),
    fields: fields.slice(0, MAX_FIELDS).map(safe),
    object: optionalSafe(objectName(t)),
    recordId: optionalSafe(recordId(t)),
    query,
    apex: apexLocation(t),
    innerCause: innerCause(t, primaryCode),
    wrapper:
      own === undefined && records[0]?.code !== undefined && !sameCode(records[0].code, primaryCode)
        ? optionalSafe(records[0].code)
        : undefined,
    apiUsage: apiUsage(t),
    failedRows:
      format === 'bulk1-rows' || format === 'bulk2-rows' || format === 'data-loader' ? records.length : undefined,
  };
}

function detectFormat(t: string): PasteFormat | undefined {
  if (/"sf__Error"|\bsf__Error\b/.test(t)) return 'bulk2-rows';
  if (/^\s*"?ID"?,.*"?ERROR"?\s*$/m.test(t) || /\bdata ?loader\b|com\.salesforce\.dataloader/i.test(t))
    return 'data-loader';
  if (/^\s*"?Id"?,"?Success"?,"?Created"?,"?Error"?\s*$/m.test(t)) return 'bulk1-rows';
  if (/<stateMessage>|"stateMessage"\s*:/.test(t)) return 'bulk1-batch';
  if (
    /simple_salesforce|Salesforce(?:MalformedRequest|ExpiredSession|RefusedRequest|ResourceNotFound|GeneralError)\b/.test(
      t,
    )
  )
    return 'simple-salesforce';
  if (/"commandName"\s*:|"exitCode"\s*:/.test(t)) return 'cli-json';
  if (/\bjsforce\b|HttpApi\.getError/.test(t)) return 'jsforce';
  if (/<(?:\w+:)?Fault>|<faultcode>|<faultstring>/i.test(t)) return 'soap-fault';
  if (/"error_description"|\berror_description=/.test(t)) return 'oauth';
  if (/"errorCode"\s*:/.test(t)) return 'rest-json';
  if (/\bexecution of (?:Before|After)\w+|\b(?:Class|Trigger)\.[\w.]+: line \d+|Apex script unhandled/.test(t))
    return 'apex';
  return undefined;
}

function readRecords(t: string, format: PasteFormat | undefined): ErrorRecord[] {
  switch (format) {
    case 'bulk1-rows':
    case 'bulk2-rows':
    case 'data-loader':
      return csvErrorRows(t);
    case 'soap-fault':
      return soapRecords(t);
    case 'bulk1-batch':
      return stateMessages(t);
    case 'oauth':
      return oauthRecords(t);
    default:
      return objectRecords(t);
  }
}

/** Flat `{…}` objects: REST JSON, Python and JS reprs (simple-salesforce, jsforce), sf CLI JSON. */
function objectRecords(t: string): ErrorRecord[] {
  const out: ErrorRecord[] = [];
  const re = /\{[^{}]{0,24000}\}/g;
  for (let m = re.exec(t); m !== null && out.length < 20; m = re.exec(t)) {
    const body = m[0];
    const code = keyValue(body, 'errorCode') ?? keyValue(body, 'statusCode') ?? keyValue(body, 'name');
    const message = keyValue(body, 'message');
    if (code === undefined && message === undefined) continue;
    out.push({ code, message, fields: listValue(body, 'fields') });
  }
  return out;
}

function soapRecords(t: string): ErrorRecord[] {
  const tag = (name: string) =>
    new RegExp(String.raw`<(?:\w+:)?${name}>([\s\S]{0,4000}?)</(?:\w+:)?${name}>`).exec(t)?.[1]?.trim();
  const code = tag('exceptionCode') ?? tag('faultcode')?.replace(/^\w+:/, '') ?? tag('statusCode');
  const message = tag('exceptionMessage') ?? tag('faultstring') ?? tag('message');
  const fields = [...t.matchAll(/<(?:\w+:)?fields>([^<]{1,200})<\/(?:\w+:)?fields>/g)].map((m) =>
    (m[1] as string).trim(),
  );
  return code === undefined && message === undefined ? [] : [{ code, message, fields }];
}

/** "InvalidBatch : Failed to process query: INVALID_FIELD: No such column…" */
function stateMessages(t: string): ErrorRecord[] {
  const raw = /<stateMessage>([^<]{1,4000})<\/stateMessage>/.exec(t)?.[1] ?? keyValue(t, 'stateMessage');
  if (raw === undefined) return [];
  const inner = /\b([A-Z][A-Z0-9_]{3,}):\s*([^\n]+)$/.exec(raw);
  const outer = /^\s*(\w+)\s*:\s*(.*)$/.exec(raw);
  const records: ErrorRecord[] = [];
  if (inner !== null) records.push({ code: inner[1], message: inner[2], fields: [] });
  if (outer !== null) records.push({ code: outer[1], message: outer[2], fields: [] });
  return records;
}

function oauthRecords(t: string): ErrorRecord[] {
  const code = keyValue(t, 'error') ?? /(?:^|[?&\s])error=([a-z_]+)/m.exec(t)?.[1];
  const description = keyValue(t, 'error_description') ?? decodeForm(/error_description=([^&\s]{1,400})/.exec(t)?.[1]);
  return [{ code, message: description, fields: [] }];
}

/**
 * Result files: Bulk 2.0 failedResults (`sf__Error`), Bulk 1.0 results (`Error`) and Data Loader
 * error files (`ERROR`). Each error cell reads `CODE:message:FIELD1,FIELD2 --`.
 */
function csvErrorRows(t: string): ErrorRecord[] {
  const lines = t.split('\n');
  const headerAt = lines.findIndex(
    (l) => /^\s*"?[\w ]+"?(?:,"?[\w ]*"?)+\s*$/.test(l) && /\b(?:sf__Error|Error|ERROR)\b/.test(l),
  );
  if (headerAt === -1) return [];
  const header = csvCells(lines[headerAt] as string);
  const col = header.findIndex((h) => /^(?:sf__Error|Error|ERROR)$/.test(h.trim()));
  if (col === -1) return [];
  const out: ErrorRecord[] = [];
  for (const line of lines.slice(headerAt + 1, headerAt + 2001)) {
    if (line.trim().length === 0) continue;
    const cell = csvCells(line)[col]?.trim();
    if (cell === undefined || cell.length === 0) continue;
    const m = /^([A-Za-z_]{3,}):([\s\S]*?)(?::([\w, ]*?))?\s*--\s*$/.exec(cell);
    out.push(
      m === null
        ? { code: undefined, message: cell, fields: [] }
        : {
            code: m[1],
            message: (m[2] as string).trim(),
            fields: (m[3] ?? '')
              .split(',')
              .map((f) => f.trim())
              .filter((f) => f.length > 0),
          },
    );
  }
  return out;
}

function csvCells(line: string): string[] {
  const cells: string[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|([^,]*))\s*(?:,|$)/g;
  for (let m = re.exec(line); m !== null && m.index < line.length; m = re.exec(line)) {
    cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
    if (m[0].length === 0) re.lastIndex++;
  }
  return cells;
}

/** `"key": "value"`, `'key': 'value'`, `key: 'value'`, with escapes in double-quoted JSON. */
function keyValue(body: string, key: string): string | undefined {
  const dq = new RegExp(String.raw`["']?\b${key}\b["']?\s*[:=]\s*u?"((?:[^"\\]|\\.){0,20000})"`).exec(body);
  if (dq !== null) return unescapeJson(dq[1] as string);
  const sq = new RegExp(String.raw`["']?\b${key}\b["']?\s*[:=]\s*u?'((?:[^'\\]|\\.){0,20000})'`).exec(body);
  return sq === null ? undefined : (sq[1] as string).replace(/\\'/g, "'").replace(/\\n/g, '\n');
}

function listValue(body: string, key: string): string[] {
  const m = new RegExp(String.raw`["']?\b${key}\b["']?\s*:\s*\[([^\]]{0,1000})\]`).exec(body);
  if (m === null) return [];
  return [...(m[1] as string).matchAll(/u?["']([A-Za-z0-9_.]{1,100})["']/g)].map((f) => f[1] as string);
}

function unescapeJson(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw.replace(/\\n/g, '\n').replace(/\\"/g, '"');
  }
}

function decodeForm(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** "CODE: message" or "CODE, message" written out in the text, up to the end of its paragraph. */
function inlineMessage(t: string, code: string): string | undefined {
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(
    String.raw`(?:^|[^\w.])${escaped}\s*[:,]\s*([^\n"]*(?:\n(?!\s*\n|\s+at\s|\s*[{}]\s*$)[^\n"]*){0,6})`,
  );
  const m = re.exec(t);
  return m?.[1];
}

/**
 * The message a paste shows without its code ("Our upload died with: Maximum size of request
 * reached. …"), from where it starts to the end of its line: quoted back, it tells the reader which
 * words the answer was recognised from, since the code in the answer is not in their paste.
 */
function messageLineAt(pasted: string, at: number | undefined): string | undefined {
  if (at === undefined || at < 0 || at >= pasted.length) return undefined;
  // Long messages are matched without their first letter (index-builder.ts, uncutOpening), so the
  // offset may sit inside the first word: start at the word.
  let start = at;
  while (start > 0 && /[\p{L}\p{N}_]/u.test(pasted.charAt(start - 1))) start--;
  const end = pasted.indexOf('\n', start);
  const line = withoutOuterCloser(
    withinQuotes(pasted.slice(start, end === -1 ? pasted.length : end), pasted.charAt(start - 1)).trim(),
  );
  return line.length === 0 ? undefined : line;
}

/** A message inside a quote or code span that opened before it (`ERROR running …:  Always provide
 * …property.`): the closer at the line's end belongs to that span, not to the message. Dropped
 * only when nothing in the line opens it; spans nest (`"…names." `), so the next closer too. */
function withoutOuterCloser(line: string): string {
  let text = line;
  for (let i = 0; i < 2; i++) {
    const last = text.charAt(text.length - 1);
    const opener = OPENING_QUOTE[last];
    if (opener === undefined) break;
    const body = text.slice(0, -1);
    const opened = opener === last ? body.split(last).length % 2 === 0 : body.includes(opener);
    if (opened) break;
    text = body.trimEnd();
  }
  return text;
}

/** Where a quoted message ends: `fails with the error "admin operation already in progress".`
 * shows the message, not its closing quote and the writer's full stop. Only double quotes,
 * backticks and brackets: Salesforce's messages hold single quotes of their own ("Entity 'Lead'
 * is not supported"), so a single quote cannot tell where one ends. */
const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', '“': '”', '`': '`', '「': '」' };
const OPENING_QUOTE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CLOSING_QUOTE).map(([open, close]) => [close, open]),
);
function withinQuotes(line: string, before: string): string {
  const closer = CLOSING_QUOTE[before];
  const at = closer === undefined ? -1 : line.indexOf(closer);
  return at > 0 ? line.slice(0, at) : line;
}

/** Drops the echoed query, caret and position lines (shown apart) and a leading code. */
function cleanMessage(raw: string, code: string | undefined): string {
  const lines = raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .filter((l) => !/^\^$/.test(l) && !/^ERROR at Row:\d+:Column:\d+$/i.test(l))
    .filter((l) => !/^(?:SELECT|FIND)\s/i.test(l));
  let text = lines.join(' ');
  if (code !== undefined)
    text = text.replace(new RegExp(`^${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:,]\\s*`), '');
  return text.replace(/\s+/g, ' ').trim();
}

function queryPosition(t: string): QueryPosition | undefined {
  const pos = /\bRow:(\d+):Column:(\d+)/.exec(t);
  const token = /\bunexpected token:\s*'?([^'\s<]{1,80})'?/.exec(t)?.[1];
  if (pos === null && token === undefined) return undefined;
  return {
    row: pos === null ? undefined : Number(pos[1]),
    column: pos === null ? undefined : Number(pos[2]),
    token: optionalSafe(token),
  };
}

function apexLocation(t: string): ApexLocation | undefined {
  const trigger = /\b(\w{1,80}): execution of ((?:Before|After)(?:Insert|Update|Delete|Undelete))\b/.exec(t);
  const frame = /\b((?:Class|Trigger)\.[\w.]{1,200}: line \d+, column \d+)/.exec(t)?.[1];
  if (trigger === null && frame === undefined) return undefined;
  return { trigger: trigger?.[1], event: trigger?.[2], frame };
}

/** The root error a wrapper carries, when it is not the primary code itself. */
function innerCause(t: string, primary: string | undefined): PasteSpecifics['innerCause'] {
  const first = /\bfirst error:\s*([A-Z][A-Z0-9_]{3,})\s*,\s*([^\n"]{0,300})/.exec(t);
  const causedBy = /\bcaused by:\s*((?:System|ConnectApi)\.\w+)\s*:\s*([^\n"]{0,300})/.exec(t);
  for (const m of [first, causedBy]) {
    if (m === null) continue;
    const code = m[1] as string;
    // DmlException only carries the DML error that follows it ("first error: …").
    if (sameCode(code, primary) || code === 'System.DmlException') continue;
    return { code, message: optionalSafe(m[2]?.replace(/\\n.*$/, '').trim()) };
  }
  return undefined;
}

function apiUsage(t: string): PasteSpecifics['apiUsage'] {
  const m = /\bapi-usage=(\d{1,12})\/(\d{1,12})/i.exec(t);
  return m === null ? undefined : { used: Number(m[1]), max: Number(m[2]) };
}

function objectName(t: string): string | undefined {
  return (
    /\bon entity '(\w{1,80})'/.exec(t)?.[1] ??
    /\bsObject type '(\w{1,80})'/.exec(t)?.[1] ??
    /(?:^|[\s'"[{])(\w{1,80}): bad field names on insert\/update call/.exec(t)?.[1] ??
    /\/sobjects\/(\w{1,80})/.exec(t)?.[1] ??
    /\bentity type:?\s*(\w{1,80})/i.exec(t)?.[1] ??
    undefined
  );
}

function recordId(t: string): string | undefined {
  return (
    new RegExp(String.raw`\bwith id:?\s*(${RECORD_ID})\b`).exec(t)?.[1] ??
    new RegExp(String.raw`/sobjects/\w+/(${RECORD_ID})\b`).exec(t)?.[1] ??
    undefined
  );
}

function fieldsFromText(t: string): string[] {
  const out: string[] = [];
  const add = (list: string | undefined) => {
    for (const f of (list ?? '').split(/,\s*/)) if (/^\w{1,100}$/.test(f.trim())) out.push(f.trim());
  };
  add(/\bNo such column '(\w{1,100})'/.exec(t)?.[1]);
  add(/\bbad field names on insert\/update call:\s*([\w, ]{1,300})/.exec(t)?.[1]);
  add(/\bRequired fields are missing:\s*\[([\w, ]{1,300})\]/.exec(t)?.[1]);
  add(/\bduplicate value found:\s*(\w{1,100}) duplicates/.exec(t)?.[1]);
  add(/\bInvalid field:?\s*'?(\w{1,100})'?/.exec(t)?.[1]);
  return out;
}

function sameCode(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  return a === b || a.replace(/^\w+:/, '') === b;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Re-masks what is shown: a credential can sit inside a message ("…session 00D…!AQ…"). */
function safe(text: string): string {
  return redact(text).text;
}

function optionalSafe(text: string | undefined): string | undefined {
  return text === undefined || text.length === 0 ? undefined : safe(text);
}
