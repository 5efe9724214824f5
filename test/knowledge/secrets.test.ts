import { findSecrets, maskSecrets, redact } from '../../src/knowledge/secrets';
import { diagnose } from '../helpers/engine';

// Fake credentials in the real shapes. None of these is a live secret.
const SESSION_ID = '00D5g000004AbCd!AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1zA2qW3eE4rT5yU6iO7pA8sD9fG0hJ1kL2';
const REFRESH = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJRkuZgdvW2zTJ1yTGDHDKnmXz8Rz5oZK1hNa3eiA0QVvEXQmCs';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIzTVZHOXRlc3QiLCJzdWIiOiJ1QGV4YW1wbGUuY29tIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

const SAMPLES: ReadonlyArray<readonly [string, string, string]> = [
  ['session-id', `sid=${SESSION_ID}`, SESSION_ID.split('!')[1] as string],
  ['authorization-header', `curl -H "Authorization: Bearer ${SESSION_ID}" https://acme.my.salesforce.com`, SESSION_ID],
  ['refresh-token', `{"refresh_token": "${REFRESH}", "instance_url": "https://acme.my.salesforce.com"}`, REFRESH],
  [
    'client-secret',
    'client_secret=8F1E2D3C4B5A69788796A5B4C3D2E1F0&grant_type=client_credentials',
    '8F1E2D3C4B5A69788796A5B4C3D2E1F0',
  ],
  ['password', 'grant_type=password&username=u@example.com&password=Hunter2Summer!', 'Hunter2Summer!'],
  [
    'password',
    '<urn:login><urn:username>u@example.com</urn:username><urn:password>S3cret!pw</urn:password></urn:login>',
    'S3cret!pw',
  ],
  [
    'access-token',
    '<urn:sessionId>00D5g000004AbCd!AQ4AQF.some.opaque.part.1234567890</urn:sessionId>',
    'AQ4AQF.some.opaque.part.1234567890',
  ],
  ['jwt', `assertion=${JWT}`, JWT],
  [
    'private-key',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END RSA PRIVATE KEY-----',
    'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo',
  ],
  [
    'slack-token',
    'SLACK_BOT_TOKEN=xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv',
    'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv',
  ],
  ['security-token', 'security_token: "Zx9Yw8Vu7Ts6Rq5P"', 'Zx9Yw8Vu7Ts6Rq5P'],
];

describe('findSecrets / maskSecrets', () => {
  it.each(SAMPLES)('finds a %s and masks it completely', (kind, text, secret) => {
    const findings = findSecrets(text);
    expect(findings.map((f) => f.kind)).toContain(kind);
    const masked = maskSecrets(text, findings);
    expect(masked).not.toContain(secret);
    expect(masked).toContain('[redacted');
  });

  it('reports positions that cover exactly the secret', () => {
    const original = `Authorization: Bearer ${SESSION_ID} end`;
    const [finding] = findSecrets(original);
    expect(finding).toMatchObject({ kind: 'authorization-header' });
    expect(original.slice(finding?.start, finding?.end)).toBe(SESSION_ID);
  });

  it('keeps the org ID of a session ID (useful, not secret) and leaves placeholders alone', () => {
    expect(redact(`sid=${SESSION_ID}`).text).toBe('sid=00D5g000004AbCd![redacted session id]');
    expect(findSecrets('Authorization: Bearer <token>')).toEqual([]);
    expect(findSecrets('00Dxx0000000000!AQ0AQ...REDACTED')).toEqual([]);
    expect(findSecrets('password=********')).toEqual([]);
  });

  it('does not flag ordinary words', () => {
    expect(findSecrets('INVALID_LOGIN: Invalid username, password, security token; or user locked out.')).toEqual([]);
    expect(findSecrets('The password has expired and the session ID is gone')).toEqual([]);
  });
});

describe('diagnose() and secrets', () => {
  it('reports secrets by kind and position, and never puts them in its output', () => {
    const text = `curl -H "Authorization: Bearer ${SESSION_ID}" https://acme.my.salesforce.com/services/data/v62.0/sobjects/Account\n[{"errorCode":"INVALID_SESSION_ID","message":"Session expired or invalid"}]`;
    const d = diagnose(text);
    expect(d.isError).toBe(true);
    expect(d.secrets.map((s) => s.kind)).toEqual(['authorization-header']);
    expect(JSON.stringify(d)).not.toContain(SESSION_ID.slice(20));
    expect(d.maskedText).toContain('[redacted authorization header]');
  });

  it('masks tokens in the extracted URL', () => {
    const d = diagnose(
      `GET https://acme.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id+FROM+Account&access_token=${REFRESH} → 401 INVALID_SESSION_ID: Session expired or invalid`,
    );
    expect(d.context.url).toBeDefined();
    expect(d.context.url).not.toContain(REFRESH);
  });
});

/** Each pasted in issue 9 and came back out; each must now be masked wherever it is used. */
describe('issue 9: secrets that used to leak', () => {
  const opaque = SESSION_ID.split('!')[1] as string;
  const leaks = (text: string, secret: string) => {
    const d = diagnose(text);
    return {
      d,
      out: JSON.stringify({ masked: d.maskedText, context: d.context }),
      found: d.secrets.length > 0,
      secret,
    };
  };

  it('finds a URL-encoded session ID (%21 for !) and keeps it out of the Request line', () => {
    const encoded = SESSION_ID.replace('!', '%21');
    for (const paste of [
      `GET https://acme.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id+FROM+Account&token=${encoded} 401\nINVALID_SESSION_ID: Session expired or invalid`,
      // As Slack delivers it: the & escaped.
      `GET https://acme.my.salesforce.com/services/data/v62.0/query?q=SELECT+Id+FROM+Account&amp;token=${encoded} 401\nINVALID_SESSION_ID: Session expired or invalid`,
    ]) {
      const { d, out, found } = leaks(paste, opaque);
      expect(found).toBe(true);
      expect(d.isError).toBe(true);
      expect(d.context.url).toContain('/services/data/v62.0/query');
      expect(out).not.toContain(opaque.slice(0, 12));
      expect(out).not.toContain(opaque.slice(-12));
    }
  });

  it.each([
    ['SF_CLIENT_SECRET', 'client-secret', '8F1E2D3C4B5A69788796A5B4C3D2E1F0'],
    ['SF_PASSWORD', 'password', 'Hunter2Summer!'],
    ['SF_ACCESS_TOKEN', 'access-token', 'AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1'],
    ['SF_PROD_REFRESH_TOKEN', 'refresh-token', 'x9Rt7Lw3vT8sR6mN0bV5cX1zA2qW3eE4'],
    ['MY_APP_SECURITY_TOKEN', 'security-token', 'Zx9Yw8Vu7Ts6Rq5P'],
  ])('masks a .env line whose key has a prefix: %s', (key, kind, value) => {
    for (const line of [`${key}=${value}`, `export ${key}="${value}"`, `${key}: ${value}`]) {
      const findings = findSecrets(line);
      expect(findings.map((f) => f.kind)).toEqual([kind]);
      expect(maskSecrets(line, findings)).not.toContain(value);
    }
  });

  it('masks the client secret and refresh token of an sf CLI auth URL (force://)', () => {
    const url = `force://3MVG9rZjd7MXFdLgHqKVw.cWx0sEnXq:8F1E2D3C4B5A6978:${REFRESH}@acme.my.salesforce.com`;
    const display = `Sfdx Auth Url    ${url}\nforce://PlatformCLI::${REFRESH}@acme--uat.sandbox.my.salesforce.com`;
    const masked = redact(display).text;
    expect(masked).not.toContain(REFRESH.slice(0, 20));
    expect(masked).not.toContain('8F1E2D3C4B5A6978');
    expect(masked).toContain('force://PlatformCLI:[redacted refresh token]@acme--uat.sandbox.my.salesforce.com');
  });

  it.each([
    ['key=value', 'password=correct horse battery staple'],
    ['JSON', '{"username":"u@example.com","password":"correct horse battery staple"}'],
    ['YAML', 'salesforce:\n  password: correct horse battery staple\n  username: u@example.com'],
    ['.env', 'SF_PASSWORD="correct horse battery staple"'],
    ['sf CLI table', '│ Password    │ correct horse battery staple │'],
    ['XML', '<urn:password>correct horse battery staple</urn:password>'],
  ])('masks the whole of a password with spaces (%s)', (_form, text) => {
    const masked = diagnose(text).maskedText;
    for (const word of ['correct', 'horse', 'battery', 'staple']) expect(masked).not.toContain(word);
  });

  // Found by the property test (seed -2002934687): the dash word was read as a CLI flag, which
  // left a 2-character first word, under the minimum length, and nothing was masked.
  it.each([
    ['YAML', 'salesforce:\n  password: if -QFcQ\n  username: u@example.com'],
    ['key=value', 'SF_PASSWORD=ab -x9Yq host=db'],
    // Seed 214540266: "A_A" looked like an error code starting another field.
    ['YAML, a word like a code', 'salesforce:\n  password: ! A_A !!\n  username: u@example.com'],
  ])('masks a password whose next word starts with a single dash (%s)', (_form, text) => {
    const masked = diagnose(text).maskedText;
    expect(masked).toContain('[redacted password]');
    expect(masked).not.toMatch(/-QFcQ|-x9Yq|A_A/);
  });

  it('masks the password of a SOAP login request as Slack delivers it (&lt;urn:password&gt;)', () => {
    const soap =
      '&lt;soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com"&gt;&lt;soapenv:Body&gt;&lt;urn:login&gt;&lt;urn:username&gt;u@example.com&lt;/urn:username&gt;&lt;urn:password&gt;S3cret!pw&amp;Zx9Yw8Vu7Ts6Rq5P&lt;/urn:password&gt;&lt;/urn:login&gt;&lt;/soapenv:Body&gt;&lt;/soapenv:Envelope&gt;\n&lt;faultcode&gt;sf:INVALID_LOGIN&lt;/faultcode&gt;';
    const d = diagnose(soap);
    expect(d.secrets.map((s) => s.kind)).toContain('password');
    expect(d.maskedText).not.toContain('S3cret');
    expect(d.maskedText).not.toContain('Zx9Yw8Vu7Ts6Rq5P');
    expect(d.maskedText).toContain('&lt;urn:password&gt;[redacted password]&lt;/urn:password&gt;');
    expect(d.matches[0]?.code).toBe('INVALID_LOGIN');
  });
});

describe('credentials inside URLs and connection strings', () => {
  it.each([
    ['postgres', 'postgres://integration:S3cret%2Fpw%40x@db.example.com:5432/app', 'S3cret%2Fpw%40x'],
    ['https', 'https://deploy:Hunter2Summer@git.example.com/acme/repo.git', 'Hunter2Summer'],
    ['redis, no user', 'redis://:Hunter2Summer@cache.example.com:6379/0', 'Hunter2Summer'],
    ['JDBC query', 'jdbc:postgresql://db.example.com/app?user=sa&password=Hunter2Summer&ssl=true', 'Hunter2Summer'],
    ['JDBC SQL Server', 'jdbc:sqlserver://db;user=sa;password=Hun;ter2 Summer;database=app', 'ter2 Summer'],
    ['ODBC braces', 'Driver={ODBC Driver 18};Server=db;Uid=sa;Pwd={Hun;ter2 Summer};Encrypt=yes', 'ter2 Summer'],
    ['Oracle thin', 'jdbc:oracle:thin:scott/Hunter2Summer@db.example.com:1521/orcl', 'Hunter2Summer'],
    ['token as user', 'git clone https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/acme/x', '16C7e42F292c69'],
  ])('masks the password of a %s URL', (_what, text, secret) => {
    expect(redact(text).text).not.toContain(secret);
  });

  it('keeps the user and host readable', () => {
    expect(redact('postgres://integration:Hunter2Summer@db.example.com:5432/app').text).toBe(
      'postgres://integration:[redacted password]@db.example.com:5432/app',
    );
  });
});

describe('what is not a secret', () => {
  it.each([
    'INVALID_NEW_PASSWORD: Your password must be at least 8 characters long.',
    'INVALID_OPERATION_WITH_EXPIRED_PASSWORD: The users password has expired, you must call SetPassword before attempting any other API operations',
    'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session',
    'the token is invalid and my session: expired',
    'bypass=true consider: nothing',
    'https://acme.my.salesforce.com:443/services/data/v62.0/query?q=SELECT+Email+FROM+Contact+WHERE+Email=%27a@b.com%27',
    '{"token_type":"Bearer","passwordExpired":false,"password":null}',
  ])('leaves the error text readable: %s', (text) => {
    const d = diagnose(text);
    expect(d.secrets).toEqual([]);
    expect(d.maskedText).toBe(text);
  });
});
