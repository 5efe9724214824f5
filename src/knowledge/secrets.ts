import type { SecretFinding, SecretKind } from './diagnosis';

/**
 * Finds credentials people paste by accident. Each rule marks only the secret value, so the
 * masked text keeps its shape ("Authorization: Bearer [redacted access token]") and the rest of
 * the paste stays readable.
 *
 * Pasted text arrives encoded in many ways: Slack escapes `& < >`, URLs carry `%21` for `!`, JSON
 * escapes quotes and slashes, and these nest (a JSON body inside a Slack message inside a URL).
 * The rules therefore run twice: on the text as given, and on a decoded copy whose offsets map
 * back to the original, so a secret found in either is masked in the original. Where the two
 * disagree the union wins: a false mask costs nothing, a missed one leaks a credential.
 *
 * Every pattern is bounded and linear (no nested quantifiers over the same characters), because
 * every channel message passes through here.
 */

export interface FindOptions {
  /** Names of known error codes. "INVALID_NEW_PASSWORD: Your password must…" is an error code and
   * its message, not a key and its value; without this, such messages are masked (harmless). */
  readonly isErrorCode?: (name: string) => boolean;
}

type Emit = (kind: SecretKind, start: number, end: number) => void;

interface SecretRule {
  /** Lower-case words one of which must appear for the rule to be worth running. */
  readonly needs: readonly string[];
  readonly scan: (text: string, emit: Emit, options: FindOptions) => void;
}

/** A pattern whose capture group `group` (0 = the whole match) is the secret. Needs the `d` flag. */
function patternRule(
  kind: SecretKind | ((m: RegExpExecArray) => SecretKind),
  needs: readonly string[],
  pattern: RegExp,
  group: number,
): SecretRule {
  return {
    needs,
    scan(text, emit) {
      const re = new RegExp(pattern.source, pattern.flags);
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const span = m.indices?.[group];
        if (span === undefined) continue;
        emit(typeof kind === 'function' ? kind(m) : kind, span[0], span[1]);
      }
    },
  };
}

/** Token characters, wide on purpose: base64, base64url, URL-encoded and Salesforce's `!` and `.`. */
const TOKEN_CHARS = '[A-Za-z0-9._~+/=!%-]';

const RULES: readonly SecretRule[] = [
  // A Salesforce session ID / access token: 15- or 18-char org ID, '!', then a long opaque part.
  // The org ID is kept (it is not secret, and Support asks for it).
  patternRule('session-id', ['!'], /00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?!([A-Za-z0-9._-]{20,4000})/dg, 1),
  // A Salesforce refresh token has a recognisable prefix wherever it appears (sf CLI tables too).
  patternRule('refresh-token', ['5aep8'], /\b5Aep8[A-Za-z0-9._]{30,4000}/dg, 0),
  patternRule(
    'private-key',
    ['private key'],
    /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----(?:[\s\S]{0,8000}?-----END [A-Z ]{0,20}PRIVATE KEY-----|[A-Za-z0-9+/=\s\\]{0,8000})/dg,
    0,
  ),
  patternRule('jwt', ['eyj'], /\beyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{8,2000}/dg, 0),
  patternRule('slack-token', ['xox'], /\bxox[a-z]{1,2}(?:\.xox[a-z]{1,2})?-[A-Za-z0-9-]{10,400}/dg, 0),
  patternRule('slack-token', ['xapp-'], /\bxapp-[0-9]-[A-Za-z0-9-]{10,400}/dg, 0),
  patternRule(
    'slack-token',
    ['hooks.slack.com'],
    /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9_/-]{10,400})/dg,
    1,
  ),
  patternRule(
    'authorization-header',
    ['authorization'],
    new RegExp(
      String.raw`authorization\\?["']?[ \t]*[:=][ \t]*\\?["']?(?:(?:bearer|oauth|basic|token|digest|negotiate)[ \t]+)?(${TOKEN_CHARS}{8,4000})`,
      'dgi',
    ),
    1,
  ),
  // "Bearer <token>" outside a header (curl flags, log lines). A digit tells a token from prose.
  patternRule(
    'authorization-header',
    ['bearer', 'oauth'],
    new RegExp(String.raw`\b(?:bearer|OAuth)[ \t]+(?=[A-Za-z._~+/=!%-]*[0-9])(${TOKEN_CHARS}{16,4000})`, 'dgi'),
    1,
  ),
  // Credentials in a URL: postgres://user:pass@host, https://user:pass@host, and the sf CLI's
  // force://<client id>:<client secret>:<refresh token>@<host> (everything after the client id).
  patternRule(
    (m) => ((m[1] ?? '').toLowerCase() === 'force' ? 'refresh-token' : 'password'),
    ['://'],
    /\b([a-z][a-z0-9+.-]{1,30}):\/\/[^\s:/?#@<>|"'`]{0,400}:([^\s/?#<>|"`]{1,4000})@/dgi,
    2,
  ),
  // A token as the whole user part (https://ghp_…@github.com): long and with a digit, unlike a name.
  patternRule(
    'access-token',
    ['://'],
    /\b[a-z][a-z0-9+.-]{1,30}:\/\/(?=[A-Za-z_.-]*[0-9])([A-Za-z0-9_.-]{20,400})@/dgi,
    1,
  ),
  // Oracle's JDBC thin URL: jdbc:oracle:thin:scott/tiger@host:1521/orcl.
  patternRule('password', ['thin:'], /\bthin:[^\s/@:]{1,200}\/([^\s@]{1,400})@/dgi, 1),
  {
    needs: ['pass', 'pwd', 'secret', 'token', 'session', 'credential', 'key'],
    scan: scanXmlElements,
  },
  {
    needs: ['pass', 'pwd', 'secret', 'token', 'session', 'sid', 'credential', 'key'],
    scan: scanKeyValues,
  },
];

/** Words that make a key (JSON, .env, YAML, query string, header, XML element) a secret's name. */
const KEY_WORDS =
  'pass(?:word|wd|phrase|code)?|pwd|secret|token|session(?:[ _.-]?id)?|sid|(?:api|private|access|auth|signing|encryption|master)[ _.-]?key|credentials?';

/**
 * A secret word, the rest of its key name (any prefix is allowed: the match starts at the word, so
 * `SF_CLIENT_SECRET` and `x-auth-token` are found), an optional closing quote, and a separator:
 * `=`, `:`, `=>`, a table column (sf CLI output) or, after a `--flag`, spaces.
 */
const KEY_VALUE = new RegExp(
  String.raw`(${KEY_WORDS})([A-Za-z0-9_-]{0,24})(?:\\?["'])?\]?([ \t]*(?:=>|:=|=|:)[ \t]*|[ \t]*[│┃|][ \t]*|[ \t]+)`,
  'dgi',
);

const SESSION_ID_AHEAD = /^["']?00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?(?:!|%21)/;

/** Short words that are secrets' names only as a whole word or a camelCase part (not "bypass="). */
const SHORT_WORDS = new Set(['pass', 'pwd', 'sid']);

/** Minimum value length by kind: long enough to skip prose ("token: expired"), short enough for passwords. */
const MIN_LENGTH: Record<SecretKind, number> = {
  password: 3,
  'client-secret': 4,
  'security-token': 8,
  'refresh-token': 8,
  'access-token': 12,
  'session-id': 16,
  'authorization-header': 8,
  jwt: 8,
  'private-key': 8,
  'slack-token': 8,
};

function scanKeyValues(text: string, emit: Emit, options: FindOptions): void {
  const re = new RegExp(KEY_VALUE.source, KEY_VALUE.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const word = (m[1] ?? '').toLowerCase();
    const suffix = m[2] ?? '';
    const separator = m[3] ?? '';
    const wordStart = m.index;
    if (SHORT_WORDS.has(word) && !shortWordStands(text, wordStart, suffix)) continue;
    const keyStart = keyStartBefore(text, wordStart);
    const key = text.slice(keyStart, wordStart + (m[1] ?? '').length + suffix.length);
    const assigned = /[:=]/.test(separator);
    const table = !assigned && (/[│┃|]/.test(separator) || /^[ \t]{2,}$/.test(separator));
    if (table ? !startsCell(text, keyStart) : !assigned && !key.startsWith('-')) continue;
    if (separator.includes(':') && !separator.includes('=') && options.isErrorCode?.(key) === true) continue;
    // "unexpected token: 'JOIN'" is the SOQL parser naming a word of the query, not a credential.
    if (word === 'token' && /unexpected\s+$/i.test(text.slice(Math.max(0, keyStart - 12), keyStart))) continue;
    const kind = kindOfKey(key.toLowerCase());
    const valueStart = m.index + m[0].length;
    // A full session ID is left to the session-id rule, which keeps its (non-secret) org ID.
    if (SESSION_ID_AHEAD.test(text.slice(valueStart, valueStart + 24))) continue;
    const parameter = /[?&;#]/.test(text[keyStart - 1] ?? '') || text.slice(keyStart - 5, keyStart) === '&amp;';
    const form: ValueForm = table ? 'cell' : parameter ? 'parameter' : 'assigned';
    // A bare password may hold spaces after "=" or ":", not after a --flag. On a line of its own
    // (YAML, .env) it runs to the line's end: nothing else can follow it there.
    const spaces: Spaces =
      kind !== 'password' || !assigned ? 'none' : startsLine(text, keyStart) ? 'to-line-end' : 'between-words';
    const value = readValue(text, valueStart, form, spaces);
    if (value === undefined) continue;
    if (value[1] - value[0] >= MIN_LENGTH[kind]) emit(kind, value[0], value[1]);
    re.lastIndex = Math.max(re.lastIndex, value[1]);
  }
}

function shortWordStands(text: string, at: number, suffix: string): boolean {
  const before = text.charCodeAt(at - 1);
  const first = text.charCodeAt(at);
  const camel = isLower(before) && isUpper(first);
  if (isLetter(before) && !camel) return false;
  const next = suffix.charCodeAt(0);
  return suffix === '' || !isLower(next);
}

/** Where the key name containing the secret word begins: `SF_CLIENT_SECRET`, `--client-secret`. */
function keyStartBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && i > at - 80 && /[A-Za-z0-9_.-]/.test(text[i - 1] as string)) i--;
  // Table rows name keys in words: "Access Token", "Refresh Token", "Client Secret".
  if (text[i - 1] === ' ' && i >= 2 && /[A-Za-z]/.test(text[i - 2] as string)) {
    let j = i - 1;
    while (j > 0 && j > i - 20 && /[A-Za-z]/.test(text[j - 1] as string)) j--;
    if (
      /^(?:access|refresh|client|consumer|security|api|auth|session|private|app|signing)$/i.test(text.slice(j, i - 1))
    )
      return j;
  }
  return i;
}

/** A table cell starts the line (after any quote marker), or follows a column border. */
function startsCell(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  // A quoted paste ("> Access Token   00D…") is still a table row.
  while (i > 0 && (text[i - 1] === '>' || text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  const before = text[i - 1];
  return i === 0 || before === '\n' || before === '\r' || before === '│' || before === '┃' || before === '|';
}

function kindOfKey(key: string): SecretKind {
  if (key.includes('refresh')) return 'refresh-token';
  if (key.includes('security') && key.includes('token')) return 'security-token';
  if (/pass|pwd/.test(key)) return 'password';
  if (key.includes('secret')) return 'client-secret';
  return 'access-token';
}

/** How a value is written: after `key=` or `key:`; as a URL or connection-string parameter
 * (never quoted: a quote there is part of the value); or in an sf CLI table cell. */
type ValueForm = 'assigned' | 'parameter' | 'cell';

/** Longest value read: any credential is shorter, and it bounds the work a hostile paste causes. */
const MAX_VALUE = 4_000;

/**
 * The value after a separator: a quoted string (JSON escapes honoured, also `\"` from JSON inside
 * JSON), an ODBC `{braced}` value, a `<link>` or `[placeholder]`, a table cell, or bare text.
 * Bare passwords may hold spaces: they run to the end of the line, a table border, or the next
 * `key=`.
 */
function readValue(text: string, from: number, form: ValueForm, spaces: Spaces): [number, number] | undefined {
  const c = text[from];
  if (c === undefined || c === '\n' || c === '\r') return undefined;
  if (form === 'cell') return readCell(text, from);
  if (form === 'assigned' && c === '\\' && (text[from + 1] === '"' || text[from + 1] === "'")) {
    const close = scanLine(text, from + 2, (i) => text[i] === '\\' && text[i + 1] === text[from + 1]);
    return [from + 2, close];
  }
  if (form === 'assigned' && (c === '"' || c === "'")) {
    let i = from + 1;
    const limit = Math.min(text.length, from + MAX_VALUE);
    while (i < limit && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    // A "closing" quote glued to more text (password='ab'cd) was part of a bare value.
    if (text[i] === c && !/^(?:$|[\s,;&)\]}>|:])/.test(text[i + 1] ?? '')) {
      const bare = readBare(text, from, spaces);
      if (bare !== undefined) return bare;
    }
    return [from + 1, Math.min(i, text.length)];
  }
  if (c === '{' || c === '[' || c === '<') {
    const closer = c === '{' ? '}' : c === '[' ? ']' : '>';
    const close = scanLine(text, from, (i) => text[i] === closer);
    if (text[close] !== closer) return undefined;
    return c === '{' ? [from + 1, close] : [from, close + 1];
  }
  return readBare(text, from, spaces);
}

/** The first offset from `from` where `stop` holds, or the line's end, within MAX_VALUE. */
function scanLine(text: string, from: number, stop: (i: number) => boolean): number {
  const limit = Math.min(text.length, from + MAX_VALUE);
  let i = from;
  while (i < limit && text[i] !== '\n' && text[i] !== '\r' && !stop(i)) i++;
  return i;
}

/** A table cell's value: up to the column border or the line's end, without trailing spaces. */
function readCell(text: string, from: number): [number, number] | undefined {
  let end = scanLine(text, from, (i) => text[i] === '│' || text[i] === '┃' || text[i] === '|');
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end > from ? [from, end] : undefined;
}

/**
 * Whether a bare value may hold spaces: never (tokens, a --flag's value); between words until
 * something that looks like another field (a one-line log: `user=bob password=ab cd host=x`); or
 * to the end of the line, for a key that starts its line (YAML, .env).
 */
type Spaces = 'none' | 'between-words' | 'to-line-end';

/** The key is the first thing on its line, after indentation, a YAML list dash or `export`. */
function startsLine(text: string, keyStart: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', keyStart - 1), text.lastIndexOf('\r', keyStart - 1)) + 1;
  return /^[ \t]*(?:- |export )?[ \t]*["']?$/.test(text.slice(lineStart, keyStart));
}

function readBare(text: string, from: number, spaces: Spaces): [number, number] | undefined {
  if (spaces === 'to-line-end') {
    let end = scanLine(text, from, () => false);
    while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    return end > from ? [from, end] : undefined;
  }
  let i = from;
  let end = from;
  for (;;) {
    const wordStart = i;
    const limit = Math.min(text.length, from + MAX_VALUE);
    while (i < limit && !endsBareWord(text, i)) i++;
    if (i === wordStart) break;
    end = i;
    if (spaces === 'none') break;
    let k = i;
    while (k < text.length && k - i <= 3 && (text[k] === ' ' || text[k] === '\t')) k++;
    if (k === i || k - i > 3 || k >= text.length || startsAnotherField(text, k)) break;
    i = k;
  }
  return end > from ? [from, end] : undefined;
}

const BARE_STOP = new Set([' ', '\t', '\n', '\r', '"', '`', '<', '>', '|', '│', '┃']);

function endsBareWord(text: string, i: number): boolean {
  const c = text[i] as string;
  if (BARE_STOP.has(c)) return true;
  // A closing bracket inside a word is part of it; at a word's end it closes the syntax
  // ("password":null}). A stray quote is kept in the value: masking it costs nothing.
  if (c === '}' || c === ']') return /^(?:$|[\s,;"'\]}])/.test(text[i + 1] ?? '');
  // `&`, `;` and `,` are kept inside a value unless another field follows (a=1&b=2; Pwd=x;Db=y).
  if (c === '&' || c === ';' || c === ',') {
    const next = text[i + 1];
    return (
      next === undefined ||
      /[\s"'{}[\]]/.test(next) ||
      /^(?:amp;)?[A-Za-z_][\w.-]{0,40}=/.test(text.slice(i + 1, i + 48))
    );
  }
  return false;
}

/**
 * After a space: "user=bob", "--flag", "│", or an error code start a new field, not more password.
 * A single dash does not: "-QFcQ" is as likely a password's next word as a short flag, and a false
 * mask costs nothing.
 */
function startsAnotherField(text: string, at: number): boolean {
  const head = text.slice(at, at + 64);
  return /^(?:[\w.-]{1,40}[=:]|--[A-Za-z]|[│┃|#]|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|[\r\n])/.test(head);
}

/** `<urn:password>…</urn:password>`, `<sessionId>`, `<client_secret>`: the element's text. */
const XML_ELEMENT = /<((?:[\w.-]{1,40}:)?([\w.-]{1,80}))(?:[ \t][^<>]{0,500})?>([^<]{1,4000})<\/\1>/dg;
const XML_SECRET_NAME =
  /password|passwd|passphrase|pwd|secret|token|session_?id|credential|api_?key|private_?key|access_?key|(?:^|[_.-])pass(?:$|[_.-])/i;

function scanXmlElements(text: string, emit: Emit): void {
  const re = new RegExp(XML_ELEMENT.source, XML_ELEMENT.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const name = m[2] ?? '';
    if (!XML_SECRET_NAME.test(name)) continue;
    const span = m.indices?.[3];
    if (span === undefined) continue;
    const kind = kindOfKey(name.toLowerCase());
    if (span[1] - span[0] >= (kind === 'password' ? 1 : MIN_LENGTH[kind])) emit(kind, span[0], span[1]);
  }
}

/** Placeholders people already use ("xxxx", "<token>", "REDACTED", "****", "$TOKEN") are not secrets. */
const PLACEHOLDER =
  /^(?:[x*•.…]+|<[^>]*>|\$\{[^}]*\}|\$\{\{.*\}\}|\{\{[^}]*\}\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_]+%|.*redacted.*|your[\s_-].*|null|none|undefined|true|false)$/i;

/** At most this many findings per text: enough for any paste, bounded for a hostile one. */
const MAX_FINDINGS = 500;

export function findSecrets(text: string, options: FindOptions = {}): SecretFinding[] {
  const found: SecretFinding[] = [];
  scanView(text, undefined, options, found);
  // The decoded copy is only built when there is something to decode (most chat lines have none).
  let view: DecodedView | undefined = { text, toRaw: undefined };
  for (let level = 0; level < 3 && view !== undefined; level++) {
    view = decodeOnce(view);
    if (view !== undefined) scanView(view.text, view.toRaw, options, found);
  }
  return mergeOverlaps(found);
}

function scanView(text: string, toRaw: Int32Array | undefined, options: FindOptions, found: SecretFinding[]): void {
  const lower = text.toLowerCase();
  const emit: Emit = (kind, start, end) => {
    if (found.length >= MAX_FINDINGS || end <= start) return;
    const value = text.slice(start, end).trim();
    if (value.length === 0 || PLACEHOLDER.test(value)) return;
    // "Error in retrieving token: "invalid_grant"": a value that is an error code's name is the
    // error, not a credential (no token, key or password is spelled like one).
    if (options.isErrorCode?.(value.replace(/^["'`]+|["'`]+$/g, '')) === true) return;
    found.push(
      toRaw === undefined ? { kind, start, end } : { kind, start: toRaw[start] as number, end: toRaw[end] as number },
    );
  };
  for (const rule of RULES) {
    // Most pastes hold no credential at all: a substring test skips the rule's regex.
    if (rule.needs.some((word) => lower.includes(word))) rule.scan(text, emit, options);
  }
}

interface DecodedView {
  readonly text: string;
  /** Offset in the original text of each decoded character (and one past the end). */
  readonly toRaw: Int32Array | undefined;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/y;
const JSON_SIMPLE: Record<string, string> = { '"': '"', "'": "'", '/': '/', '\\': '\\', n: '\n', r: '\r', t: '\t' };

/**
 * One layer of the encodings pasted text carries: HTML/Slack entities, URL percent-escapes and
 * JSON string escapes. Returns undefined when there is nothing to decode. Offsets map back to the
 * original through `toRaw`, composed with the view's own map for nested layers.
 */
function decodeOnce(view: DecodedView): DecodedView | undefined {
  const text = view.text;
  if (!/[%&\\]/.test(text)) return undefined;
  const parts: string[] = [];
  const toRaw = new Int32Array(text.length + 1);
  let out = 0;
  let copied = 0;
  let changed = false;
  const push = (decoded: string, rawStart: number, rawEnd: number) => {
    if (rawStart > copied) {
      parts.push(text.slice(copied, rawStart));
      for (let k = copied; k < rawStart; k++) toRaw[out++] = k;
    }
    parts.push(decoded);
    for (let k = 0; k < decoded.length; k++) toRaw[out++] = rawStart;
    copied = rawEnd;
    changed = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 37 /* % */) {
      const escaped = percentDecodeAt(text, i);
      if (escaped !== undefined) {
        push(escaped.char, i, escaped.end);
        i = escaped.end - 1;
      }
    } else if (c === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      if (m !== null) {
        const code = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? Number.parseInt(m[3], 16) : undefined;
        const decoded =
          m[1] !== undefined
            ? (NAMED_ENTITIES[m[1]] as string)
            : code !== undefined && code < 0x110000
              ? String.fromCodePoint(code)
              : m[0];
        push(decoded, i, i + m[0].length);
        i += m[0].length - 1;
      }
    } else if (c === 92 /* \ */) {
      const next = text[i + 1] ?? '';
      const simple = JSON_SIMPLE[next];
      if (simple !== undefined) {
        push(simple, i, i + 2);
        i += 1;
      } else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
        push(String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16)), i, i + 6);
        i += 5;
      }
    }
  }
  if (!changed) return undefined;
  if (copied < text.length) {
    parts.push(text.slice(copied));
    for (let k = copied; k < text.length; k++) toRaw[out++] = k;
  }
  toRaw[out] = text.length;
  const map = toRaw.subarray(0, out + 1);
  const outer = view.toRaw;
  if (outer !== undefined) for (let k = 0; k < map.length; k++) map[k] = outer[map[k] as number] as number;
  return { text: parts.join(''), toRaw: map };
}

/** One percent-escaped character at `at`: a byte, or a whole UTF-8 sequence (`%E2%94%82` is │). */
function percentDecodeAt(text: string, at: number): { char: string; end: number } | undefined {
  const byte = hexByte(text, at);
  if (byte === undefined) return undefined;
  const length = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte < 0xe0 ? 2 : 1;
  const bytes = [byte];
  for (let k = 1; k < length; k++) {
    const next = hexByte(text, at + 3 * k);
    if (next === undefined || next < 0x80 || next > 0xbf) break;
    bytes.push(next);
  }
  if (bytes.length !== length) return { char: String.fromCharCode(byte), end: at + 3 };
  return { char: UTF8.decode(Uint8Array.from(bytes)), end: at + 3 * length };
}

const UTF8 = new TextDecoder('utf-8');

function hexByte(text: string, at: number): number | undefined {
  if (text.charCodeAt(at) !== 37) return undefined;
  const hex = text.slice(at + 1, at + 3);
  return /^[0-9A-Fa-f]{2}$/.test(hex) ? Number.parseInt(hex, 16) : undefined;
}

/** Replaces each finding with `[redacted <kind>]`. Findings must come from `findSecrets(text)`. */
export function maskSecrets(text: string, findings: readonly SecretFinding[]): string {
  if (findings.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const f of findings) {
    out += `${text.slice(cursor, f.start)}[redacted ${f.kind.replace(/-/g, ' ')}]`;
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

/** Convenience for callers that only have text (escalation fields, log lines). */
export function redact(text: string, options: FindOptions = {}): { text: string; findings: SecretFinding[] } {
  const findings = findSecrets(text, options);
  return { text: maskSecrets(text, findings), findings };
}

function mergeOverlaps(findings: SecretFinding[]): SecretFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretFinding[] = [];
  for (const f of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && f.start < last.end) {
      if (f.end > last.end) merged[merged.length - 1] = { ...last, end: f.end };
      continue;
    }
    merged.push(f);
  }
  return merged;
}

function isLetter(code: number): boolean {
  return isLower(code) || isUpper(code);
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}
function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}
