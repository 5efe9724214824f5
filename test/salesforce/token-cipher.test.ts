import { randomBytes } from 'node:crypto';
import {
  decryptToken,
  encryptToken,
  isEncryptedToken,
  parseEncryptionKey,
  TokenCipherError,
} from '../../src/salesforce/token-cipher';

const KEY = randomBytes(32);
const TOKEN = '5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrGl7AxvMvpmHnfAp6BOKbDXQ2O.fdW8I5Dv1L7H9pA';

describe('token cipher (AES-256-GCM)', () => {
  it('round-trips a token, with a version prefix and nothing of the token in the stored form', () => {
    const stored = encryptToken(TOKEN, KEY, 'prod');
    expect(isEncryptedToken(stored)).toBe(true);
    expect(stored.startsWith('enc:v1:')).toBe(true);
    expect(stored).not.toContain(TOKEN.slice(0, 12));
    expect(decryptToken(stored, KEY, 'prod')).toBe(TOKEN);
  });

  it('uses a fresh IV on every write', () => {
    const a = encryptToken(TOKEN, KEY, 'prod');
    const b = encryptToken(TOKEN, KEY, 'prod');
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(7), 'base64url').subarray(0, 12)).not.toEqual(
      Buffer.from(b.slice(7), 'base64url').subarray(0, 12),
    );
  });

  it('refuses another key with a clear message instead of garbage', () => {
    const stored = encryptToken(TOKEN, KEY, 'prod');
    expect(() => decryptToken(stored, randomBytes(32), 'prod')).toThrow(TokenCipherError);
    expect(() => decryptToken(stored, randomBytes(32), 'prod')).toThrow(
      /Cannot decrypt the stored refresh token of org "prod": TOKEN_ENCRYPTION_KEY is not the key it was encrypted with/,
    );
  });

  it('refuses a tampered ciphertext, IV or tag', () => {
    const stored = encryptToken(TOKEN, KEY, 'prod');
    const packed = Buffer.from(stored.slice(7), 'base64url');
    for (const at of [0, 20, packed.length - 1]) {
      const copy = Buffer.from(packed);
      copy[at] = (copy[at] ?? 0) ^ 0x01;
      expect(() => decryptToken(`enc:v1:${copy.toString('base64url')}`, KEY, 'prod')).toThrow(TokenCipherError);
    }
  });

  it("refuses a value moved to another org's row", () => {
    expect(() => decryptToken(encryptToken(TOKEN, KEY, 'prod'), KEY, 'uat')).toThrow(TokenCipherError);
  });

  it('refuses truncated and plain values', () => {
    expect(() => decryptToken('enc:v1:AAAA', KEY, 'prod')).toThrow(/truncated or not an encrypted value/);
    expect(() => decryptToken(TOKEN, KEY, 'prod')).toThrow(/is not encrypted/);
    expect(isEncryptedToken(TOKEN)).toBe(false);
  });
});

describe('TOKEN_ENCRYPTION_KEY format', () => {
  it('accepts 32 bytes as base64 (openssl rand -base64 32), base64url or 64 hex characters', () => {
    const raw = randomBytes(32);
    expect(parseEncryptionKey(raw.toString('base64'))).toEqual(raw);
    expect(parseEncryptionKey(raw.toString('base64url'))).toEqual(raw);
    expect(parseEncryptionKey(raw.toString('hex'))).toEqual(raw);
    expect(parseEncryptionKey(` ${raw.toString('hex').toUpperCase()}\n`)).toEqual(raw);
  });

  it.each([
    ['empty', ''],
    ['a passphrase', 'correct horse battery staple'],
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['48 bytes of base64', randomBytes(48).toString('base64')],
    ['62 hex characters', 'ab'.repeat(31)],
    ['64 characters that are not hex', 'g'.repeat(64)],
  ])('refuses %s with a message that says how to make one', (_what, value) => {
    expect(() => parseEncryptionKey(value)).toThrow(
      /^TOKEN_ENCRYPTION_KEY must be 32 random bytes.*openssl rand -base64 32/,
    );
  });
});
