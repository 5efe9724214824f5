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
