import { Writable } from 'node:stream';
import { boltLogger, createLogger } from '../src/logger';

const SESSION_ID = '00D5g000004AbCd!AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4';
const BOT_TOKEN = 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';

function capture(level: 'debug' | 'info' = 'debug') {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString('utf8');
      done();
    },
  });
  return { logger: createLogger(level, stream), output: () => out };
}

describe('logging', () => {
  it('redacts token, secret and pasted-text fields by path', () => {
    const { logger, output } = capture();
    logger.info(
      {
        token: BOT_TOKEN,
        headers: { authorization: `Bearer ${SESSION_ID}`, cookie: 'sid=abc' },
        body: { token: 'x', text: 'pasted body with password=Hunter2' },
        org: { accessToken: SESSION_ID, refresh_token: '5Aep861...' },
        text: 'a pasted message',
        channel: 'C0001',
      },
      'request',
    );
    const line = output();
    for (const secret of [BOT_TOKEN, SESSION_ID, 'sid=abc', 'Hunter2', '5Aep861', 'a pasted message'])
      expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
    expect(JSON.parse(line)).toMatchObject({ channel: 'C0001', msg: 'request', level: 'info' });
  });

  it('scrubs secrets from free-text messages and from error messages and stacks', () => {
    const { logger, output } = capture();
    logger.warn(`calling https://acme.my.salesforce.com/services/data?sid=${SESSION_ID}`);
    logger.error({ err: new Error(`INVALID_SESSION_ID for Authorization: Bearer ${SESSION_ID}`) }, 'call failed');
    expect(output()).not.toContain(SESSION_ID);
    expect(output()).not.toContain('AQ4AQFh1nQ9kP2xZy7Lw3vT8sR6mN0bV5cX1');
    expect(output()).toContain('INVALID_SESSION_ID');
  });

  it('scrubs secrets from fields of any name, nested, including the encodings the finder decodes', () => {
    const { logger, output } = capture();
    const encoded = SESSION_ID.replace('!', '%21');
    logger.warn(
      {
        url: `https://acme.my.salesforce.com/services/data/v62.0/query?q=x&token=${encoded}`,
        reason: { detail: ['SF_CLIENT_SECRET=8F1E2D3C4B5A69788796A5B4C3D2E1F0'] },
        dsn: 'postgres://integration:Hunter2Summer@db.example.com:5432/app',
        channel: 'C0001',
      },
      'call failed',
    );
    const line = output();
    for (const secret of [SESSION_ID.split('!')[1] as string, '8F1E2D3C4B5A6978', 'Hunter2Summer'])
      expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({
      channel: 'C0001',
      dsn: 'postgres://integration:[redacted password]@db.example.com:5432/app',
    });
  });

  it("routes Bolt's log calls through the same redaction and level", () => {
    const { logger, output } = capture('info');
    const bolt = boltLogger(logger);
    bolt.debug('not shown at info');
    bolt.error('An API error occurred: token', BOT_TOKEN, new Error(`boom ${BOT_TOKEN}`));
    expect(output()).not.toContain('not shown');
    expect(output()).not.toContain(BOT_TOKEN);
    expect(JSON.parse(output().trim())).toMatchObject({ level: 'error', component: 'bolt' });
  });

  it('honours the configured level', () => {
    const { logger, output } = capture('info');
    logger.debug('hidden');
    logger.info('shown');
    expect(output()).not.toContain('hidden');
    expect(output()).toContain('shown');
  });
});
