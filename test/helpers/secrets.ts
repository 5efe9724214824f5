/**
 * Fake credentials in their real shapes, the wrappings people paste them in, and a leak check
 * that looks for every encoding of a secret. Shared by the finder's property tests and the
 * end-to-end test that reads every Web API call, log line and stored row. None is a live secret.
 */
import fc from 'fast-check';

export type SecretType =
  | 'session-id'
  | 'access-token'
  | 'refresh-token'
  | 'client-secret'
  | 'password'
  | 'jwt'
  | 'slack';

export interface Secret {
  readonly type: SecretType;
  /** What is pasted. */
  readonly value: string;
  /** What must never come back out (a session ID's org ID is kept on purpose: it is not secret). */
  readonly hidden: string;
}

/** Values people already write as stand-ins ("xxxx", "null", "${TOKEN}") are not secrets. */
const PLACEHOLDER_LIKE =
  /^(?:[x*•.…]+|.*redacted.*|null|none|true|false|undefined|your[\s_-].*|\$.*|<.*>|%.*%|\{\{.*\}\})$/i;

const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
const withDigit = (s: string) => /[0-9]/.test(s);

const sessionId = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/), fc.stringMatching(/^[A-Za-z0-9._]{40,110}$/))
  .filter(([, opaque]) => !PLACEHOLDER_LIKE.test(opaque) && withDigit(opaque))
  .map(([org, opaque]): Secret => ({ type: 'session-id', value: `00D${org}!${opaque}`, hidden: opaque }));

const accessToken = fc
  .stringMatching(/^[A-Za-z0-9._~+/-]{24,90}$/)
  .filter((s) => withDigit(s) && !PLACEHOLDER_LIKE.test(s))
  .map((v): Secret => ({ type: 'access-token', value: v, hidden: v }));

const refreshToken = fc
  .stringMatching(/^[A-Za-z0-9._]{40,90}$/)
  .map((tail): Secret => ({ type: 'refresh-token', value: `5Aep861${tail}`, hidden: `5Aep861${tail}` }));

const clientSecret = alnum(16, 64)
  .filter(withDigit)
  .map((v): Secret => ({ type: 'client-secret', value: v, hidden: v }));

/** Words of a password that can stand unquoted (.env, YAML, an sf CLI table): no quotes, `=`, `:` or `#`. */
const bareWord = fc.stringMatching(/^[A-Za-z0-9!@$%^*()+.?/~]{1,12}$/);
/** Any printable ASCII, as it goes into a quoted or encoded value (JSON, XML, URL). */
const anyWord = fc.stringMatching(/^[!-~]{1,12}$/);

const passwordOf = (word: fc.Arbitrary<string>, bare: boolean) =>
  fc
    .tuple(word, fc.array(word, { maxLength: 4 }))
    .map(([first, rest]) => [first, ...rest].join(' '))
    .filter((p) => p.length >= 8 && !PLACEHOLDER_LIKE.test(p) && (!bare || !/^[!-/]/.test(p)))
    .map((v): Secret => ({ type: 'password', value: v, hidden: v }));

export const barePassword = passwordOf(bareWord, true);
export const anyPassword = passwordOf(anyWord, false);

const b64url = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{${min},${max}}$`));
const jwt = fc.tuple(b64url(10, 40), b64url(10, 120), b64url(16, 86)).map(([h, p, s]): Secret => {
  const v = `eyJ${h}.eyJ${p}.${s}`;
  return { type: 'jwt', value: v, hidden: v };
});

const slackToken = fc
  .tuple(fc.constantFrom('xoxb', 'xoxp', 'xoxe.xoxp'), fc.stringMatching(/^[0-9]{10,13}$/), alnum(24, 32))
  .map(([prefix, n, tail]): Secret => {
    const v = `${prefix}-${n}-${n}-${tail}`;
    return { type: 'slack', value: v, hidden: v };
  });

export const SECRETS = {
  sessionId,
  accessToken,
  refreshToken,
  clientSecret,
  barePassword,
  anyPassword,
  jwt,
  slackToken,
};

// ---- Wrappings ------------------------------------------------------------------------------

const KEYS: Record<SecretType, readonly string[]> = {
  'session-id': ['sessionId', 'sid', 'access_token', 'SF_ACCESS_TOKEN', 'token'],
  'access-token': ['access_token', 'SF_ACCESS_TOKEN', 'accessToken', 'x-auth-token', 'api_key', 'bearer_token'],
  'refresh-token': ['refresh_token', 'SF_REFRESH_TOKEN', 'refreshToken', 'SF_PROD_REFRESH_TOKEN'],
  'client-secret': ['client_secret', 'SF_CLIENT_SECRET', 'clientSecret', 'consumer_secret', 'SF_UAT_CLIENT_SECRET'],
  password: ['password', 'Password', 'SF_PASSWORD', 'db_password', 'userPassword', 'PWD', 'passwd', 'DB_PASS'],
  jwt: ['assertion', 'id_token', 'jwt'],
  slack: ['SLACK_BOT_TOKEN', 'token', 'slack_token'],
};

const TABLE_LABEL: Partial<Record<SecretType, string>> = {
  'session-id': 'Access Token',
  'access-token': 'Access Token',
  'refresh-token': 'Refresh Token',
  'client-secret': 'Client Secret',
  password: 'Password',
};

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const envQuote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const isBare = (s: string) => /^[A-Za-z0-9!@$%^*()+.?/~ ._-]+$/.test(s);
const kebab = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();

export interface Wrapping {
  readonly name: string;
  readonly wrap: (s: Secret, key: string) => string | undefined;
}

/** Each returns the pasted text, or undefined when the form cannot carry that value. */
export const WRAPPINGS: readonly Wrapping[] = [
  {
    name: 'JSON',
    wrap: (s, k) => `{"${k}":${JSON.stringify(s.value)},"instance_url":"https://acme.my.salesforce.com"}`,
  },
  { name: 'JSON, pretty', wrap: (s, k) => `{\n  "${k}" : ${JSON.stringify(s.value)},\n  "id": "005"\n}` },
  { name: 'JSON inside JSON', wrap: (s, k) => JSON.stringify({ body: JSON.stringify({ [k]: s.value }) }) },
  { name: 'XML', wrap: (s, k) => `<urn:login><urn:${k}>${xmlEscape(s.value)}</urn:${k}></urn:login>` },
  {
    name: 'URL query',
    wrap: (s, k) =>
      `POST https://acme.my.salesforce.com/services/oauth2/token?grant_type=password&${k}=${encodeURIComponent(s.value)}&format=json`,
  },
  { name: 'form body', wrap: (s, k) => `grant_type=password&${new URLSearchParams({ [k]: s.value }).toString()}&x=1` },
  {
    name: 'URL fragment',
    wrap: (s, k) => `https://login.example.com/callback#${k}=${encodeURIComponent(s.value)}&token_type=Bearer&state=1`,
  },
  {
    name: '.env quoted',
    wrap: (s, k) => `${k.toUpperCase()}=${envQuote(s.value)}\nSF_LOGIN_URL=https://login.salesforce.com`,
  },
  {
    name: '.env bare',
    wrap: (s, k) => (isBare(s.value) && !s.value.includes(' ') ? `export ${k.toUpperCase()}=${s.value}\n` : undefined),
  },
  { name: 'YAML quoted', wrap: (s, k) => `salesforce:\n  ${k}: ${JSON.stringify(s.value)}\n  username: u@example.com` },
  {
    name: 'YAML bare',
    wrap: (s, k) => (isBare(s.value) ? `salesforce:\n  ${k}: ${s.value}\n  username: u@example.com` : undefined),
  },
  { name: 'header', wrap: (s, k) => (isBare(s.value) ? `X-${kebab(k)}: ${s.value}\r\nAccept: */*` : undefined) },
  {
    name: 'CLI flag',
    wrap: (s, k) =>
      `sf org login --${kebab(k)} ${s.value.includes(' ') || !isBare(s.value) ? envQuote(s.value) : s.value} --json`,
  },
  {
    name: 'sf org display table',
    wrap: (s) => {
      const label = TABLE_LABEL[s.type];
      if (label === undefined || !isBare(s.value)) return undefined;
      return `KEY              VALUE\n──────────────── ─────\nApi Version      62.0\n${label.padEnd(16)} ${s.value}\nClient Id        PlatformCLI\nUsername         u@example.com`;
    },
  },
  {
    name: 'sf org display box table',
    wrap: (s) => {
      const label = TABLE_LABEL[s.type];
      if (label === undefined || !isBare(s.value)) return undefined;
      return `┌──────────────┬───────┐\n│ Key          │ Value │\n├──────────────┼───────┤\n│ ${label.padEnd(12)} │ ${s.value} │\n│ Username     │ u@example.com │\n└──────────────┴───────┘`;
    },
  },
  {
    name: 'Authorization header',
    wrap: (s) =>
      ['session-id', 'access-token', 'jwt'].includes(s.type)
        ? `curl -H "Authorization: Bearer ${s.value}" https://acme.my.salesforce.com/services/data/v62.0/limits`
        : undefined,
  },
  {
    name: 'OAuth header',
    wrap: (s) => (['session-id', 'access-token'].includes(s.type) ? `Authorization: OAuth ${s.value}\n` : undefined),
  },
  {
    name: 'Cookie',
    wrap: (s) =>
      ['session-id', 'access-token'].includes(s.type) ? `Cookie: BrowserId=x1; sid=${s.value}; oid=00D` : undefined,
  },
  {
    name: 'SOAP session header',
    wrap: (s) =>
      s.type === 'session-id' || s.type === 'access-token'
        ? `<soapenv:Header><urn:SessionHeader><urn:sessionId>${xmlEscape(s.value)}</urn:sessionId></urn:SessionHeader></soapenv:Header>`
        : undefined,
  },
  {
    name: 'connection URL',
    wrap: (s) =>
      s.type === 'password'
        ? `DATABASE_URL=postgres://integration:${encodeURIComponent(s.value)}@db.example.com:5432/app`
        : undefined,
  },
  {
    name: 'https user-info',
    wrap: (s) =>
      s.type === 'password' ? `https://deploy:${encodeURIComponent(s.value)}@git.example.com/acme.git` : undefined,
  },
  {
    name: 'JDBC',
    wrap: (s) =>
      s.type === 'password'
        ? `jdbc:postgresql://db.example.com/app?user=sa&password=${encodeURIComponent(s.value)}&ssl=true`
        : undefined,
  },
  {
    name: 'ODBC',
    wrap: (s) =>
      s.type === 'password' && !s.value.includes('}')
        ? `Driver={ODBC Driver 18};Server=db;Uid=sa;Pwd={${s.value}};Encrypt=yes`
        : undefined,
  },
  {
    name: 'Oracle thin',
    wrap: (s) =>
      s.type === 'password' && /^[A-Za-z0-9!$%^*()+.?~]+$/.test(s.value)
        ? `jdbc:oracle:thin:scott/${s.value}@db.example.com:1521/orcl`
        : undefined,
  },
  {
    name: 'force:// auth URL',
    wrap: (s) =>
      s.type === 'refresh-token' || s.type === 'client-secret'
        ? `Sfdx Auth Url    force://PlatformCLI:${s.type === 'client-secret' ? s.value : ''}:${s.type === 'refresh-token' ? s.value : '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJRkuZgdv'}@acme.my.salesforce.com`
        : undefined,
  },
  {
    name: 'bare in a sentence',
    wrap: (s) =>
      ['session-id', 'refresh-token', 'jwt', 'slack'].includes(s.type)
        ? `my token is ${s.value} and it fails`
        : undefined,
  },
];

export interface Outer {
  readonly name: string;
  readonly wrap: (text: string) => string;
}

const slackEscape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** How the whole paste may reach the finder: as typed, as Slack delivers it, nested in a log. */
export const OUTERS: readonly Outer[] = [
  { name: 'as typed', wrap: (t) => t },
  { name: 'Slack-escaped', wrap: slackEscape },
  {
    name: 'Slack link',
    wrap: (t) => {
      const url = /https?:\/\/\S+/.exec(t)?.[0];
      if (url === undefined) return slackEscape(t);
      const escaped = slackEscape(url);
      return slackEscape(t).replace(escaped, `<${escaped}|${escaped}>`);
    },
  },
  { name: 'code fence', wrap: (t) => `\`\`\`\n${t}\n\`\`\`` },
  { name: 'quoted', wrap: (t) => t.replace(/^/gm, '> ') },
  {
    name: 'with an error',
    wrap: (t) => `${t}\n[{"errorCode":"INVALID_SESSION_ID","message":"Session expired or invalid"}]`,
  },
  { name: 'percent-encoded', wrap: (t) => `body=${encodeURIComponent(t)}` },
  { name: 'JSON log line', wrap: (t) => JSON.stringify({ level: 'error', msg: t }) },
];

export const ALL_SECRETS = fc.oneof(
  SECRETS.sessionId,
  SECRETS.accessToken,
  SECRETS.refreshToken,
  SECRETS.clientSecret,
  SECRETS.barePassword,
  SECRETS.anyPassword,
  SECRETS.jwt,
  SECRETS.slackToken,
);

/** A secret in a wrapping, under an outer form, with a key name that suits it. */
export const pastedSecret = ALL_SECRETS.chain((secret) =>
  fc
    .record({
      wrapping: fc.constantFrom(...WRAPPINGS),
      outer: fc.constantFrom(...OUTERS),
      key: fc.constantFrom(...KEYS[secret.type]),
    })
    .map(({ wrapping, outer, key }) => {
      const inner = wrapping.wrap(secret, key);
      return inner === undefined
        ? undefined
        : {
            secret,
            how: `${wrapping.name} / ${outer.name} / ${key}`,
            text: outer.wrap(inner),
            // The same paste with a stand-in, to tell a leak from the wrapping's own text.
            template: outer.wrap(wrapping.wrap({ ...secret, value: STAND_IN, hidden: STAND_IN }, key) ?? ''),
          };
    })
    .filter((p): p is NonNullable<typeof p> => p !== undefined),
);

const STAND_IN = 'Zq7Zq7Zq7Zq7';

// ---- Leak check -------------------------------------------------------------------------------

/** Every form a secret can take on its way out: as is, URL-encoded, JSON-escaped, HTML-escaped, base64. */
export function encodingsOf(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(JSON.stringify(secret)).slice(2, -2),
    xmlEscape(secret),
    Buffer.from(secret).toString('base64'),
  ];
  return [...new Set(forms)];
}

/** Every mask placeholder, so a window of a secret that reads like one is not called a leak. */
const PLACEHOLDERS = [
  'session id',
  'access token',
  'refresh token',
  'authorization header',
  'password',
  'client secret',
  'jwt',
  'private key',
  'slack token',
  'security token',
]
  .map((k) => `[redacted ${k}]`)
  .join(' ');

/**
 * Pieces of the secret (any 8 consecutive characters of any of its encodings) found in `output`.
 * A piece that also occurs in `allowed` (the paste's own text around the secret) is not a leak.
 * Looking at pieces, not only the whole, catches a mask that stopped early.
 */
export function leakedPieces(output: string, secret: string, allowed = ''): string[] {
  const width = Math.min(8, secret.length);
  const fence = `${allowed} ${PLACEHOLDERS}`;
  const leaks = new Set<string>();
  for (const form of encodingsOf(secret)) {
    for (let i = 0; i + width <= form.length; i++) {
      const piece = form.slice(i, i + width);
      if (output.includes(piece) && !fence.includes(piece)) leaks.add(piece);
    }
  }
  return [...leaks];
}
