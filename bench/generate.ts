/**
 * Deterministic generators for the benchmark: long pastes (stack traces, JSON bodies, logs) and
 * ordinary chat lines. Seeded, so every run measures the same inputs.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const WORDS =
  'the a we it is was deploy sync job account contact opportunity lead report dashboard meeting review today tomorrow yesterday ' +
  'please thanks looks good merged pipeline release customer ticket issue branch test fixed works again slow fast data load ' +
  'field object trigger flow batch schedule weekend coffee lunch standup sprint demo roadmap api integration token sandbox prod';
const CHAT_WORDS = WORDS.split(' ');
const OPENERS = ['', 'hey ', 'ok ', 'fyi ', 'btw ', 'quick q: ', '+1 ', 'lol ', 'hmm '];
const CLOSERS = ['', '.', '?', '!', ' 🙂', ' :thumbsup:', ' thanks', ' — will check'];

export function chatLines(n: number, seed = 1): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const len = 3 + Math.floor(r() * 14);
    const words = Array.from({ length: len }, () => pick(r, CHAT_WORDS));
    return `${pick(r, OPENERS)}${words.join(' ')}${pick(r, CLOSERS)}`;
  });
}

const ERRORS = [
  '[{"message":"unable to obtain exclusive access to this record or 3 records","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]',
  'caused by: System.LimitException: Too many SOQL queries: 101',
  '<faultcode>sf:INVALID_SESSION_ID</faultcode><faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session</faultstring>',
  "InvalidBatch : Failed to process query: INVALID_FIELD: No such column 'Foo__c' on entity 'Account'",
  '{"error":"invalid_grant","error_description":"expired access/refresh token"}',
];

function javaFrame(r: () => number): string {
  const pkg = pick(r, [
    'com.acme.sync',
    'com.sforce.soap.partner',
    'org.apache.cxf.jaxws',
    'sun.reflect',
    'java.util.concurrent',
  ]);
  const cls = pick(r, ['Worker', 'PartnerConnection', 'JaxWsClientProxy', 'ThreadPoolExecutor', 'BatchRunner']);
  return `\tat ${pkg}.${cls}.${pick(r, ['run', 'invoke', 'call', 'execute', 'login'])}(${cls}.java:${Math.floor(r() * 900) + 10})`;
}

function jsonRecord(r: () => number): string {
  return JSON.stringify({
    attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/001${Math.floor(r() * 1e12)}` },
    Name: `Acme ${Math.floor(r() * 10000)}`,
    Industry: pick(r, ['Energy', 'Retail', 'Banking']),
    AnnualRevenue: Math.floor(r() * 1e7),
  });
}

function logLine(r: () => number, i: number): string {
  const level = pick(r, ['INFO', 'DEBUG', 'INFO', 'WARN']);
  return `2026-11-24T10:${String(i % 60).padStart(2, '0')}:00.${String(i % 1000).padStart(3, '0')}Z ${level} [worker-${i % 8}] processed batch ${i} of account sync (${Math.floor(r() * 200)} records)`;
}

export type PasteKind = 'stack' | 'json' | 'log';

/** A paste of about `size` characters with one real error somewhere in it. */
export function longPaste(kind: PasteKind, size: number, seed: number): string {
  const r = rng(seed);
  const lines: string[] = [];
  let length = 0;
  let i = 0;
  while (length < size) {
    const line = kind === 'stack' ? javaFrame(r) : kind === 'json' ? jsonRecord(r) : logLine(r, i);
    lines.push(line);
    length += line.length + 1;
    i++;
  }
  lines.splice(Math.floor(r() * lines.length), 0, pick(r, ERRORS));
  return lines.join('\n').slice(0, size);
}

/** Inputs aimed at the regexes: long runs of the characters they key on. */
export function adversarial(size: number): string[] {
  const rep = (s: string) => s.repeat(Math.ceil(size / s.length)).slice(0, size);
  return [
    rep('_'),
    rep('A_'),
    rep('errorCode:"'),
    rep('caused by: '),
    rep('::'),
    rep('I keep getting an error '),
    rep('Too many SOQL queries: '),
    rep('['),
    rep('<errorCode>'),
    rep('Authorization: Bearer '),
    rep('00D000000000000!'),
    rep('https://a.salesforce.com/'),
    rep('\u0000\uffff'),
  ];
}
