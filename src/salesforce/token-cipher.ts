/**
 * Encryption at rest for the refresh tokens Salesforce rotates. AES-256-GCM with a key from
 * TOKEN_ENCRYPTION_KEY, a fresh random IV on every write, and the org's name as associated data,
 * so a value copied to another org's row does not decrypt either.
 *
 * Stored form: `enc:v1:` + base64url(IV (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes)). The
 * version prefix leaves room for another algorithm or key later, and tells an encrypted value
 * from a plain one written by an older version of the app.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** A key that cannot be used, or a stored value that cannot be decrypted with the key given. */
export class TokenCipherError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('TOKEN_CIPHER', message, options);
  }
}

/**
 * TOKEN_ENCRYPTION_KEY: 32 bytes, as 64 hex characters (`openssl rand -hex 32`) or as base64
 * (`openssl rand -base64 32`, 44 characters). Anything else is refused: a short or mistyped key
 * would silently weaken the encryption.
 */
export function parseEncryptionKey(raw: string): Buffer {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(value) || /^[A-Za-z0-9_-]{43}$/.test(value)) {
    const key = Buffer.from(value, value.endsWith('=') ? 'base64' : 'base64url');
    if (key.length === KEY_BYTES) return key;
  }
  throw new TokenCipherError(
    'TOKEN_ENCRYPTION_KEY must be 32 random bytes, as 64 hex characters or 44 base64 characters: generate one with `openssl rand -base64 32`.',
  );
}

export function isEncryptedToken(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

export function encryptToken(token: string, key: Buffer, org: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(org));
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

export function decryptToken(stored: string, key: Buffer, org: string): string {
  if (!isEncryptedToken(stored))
    throw new TokenCipherError(`The stored refresh token of org "${org}" is not encrypted.`);
  const packed = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (packed.length < IV_BYTES + TAG_BYTES + 1) {
    throw new TokenCipherError(`The stored refresh token of org "${org}" is truncated or not an encrypted value.`);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, packed.subarray(0, IV_BYTES));
  decipher.setAAD(associatedData(org));
  decipher.setAuthTag(packed.subarray(packed.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(packed.subarray(IV_BYTES, packed.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch (err) {
    // GCM authentication failed: the key differs from the one it was written with, or the value was altered.
    throw new TokenCipherError(
      `Cannot decrypt the stored refresh token of org "${org}": TOKEN_ENCRYPTION_KEY is not the key it was encrypted with, or the stored value was altered. Set the original key, or set a new SF_REFRESH_TOKEN and delete the org's row from salesforce_tokens.`,
      { cause: err },
    );
  }
}

function associatedData(org: string): Buffer {
  return Buffer.from(`sf-api-assistant/refresh-token/${org}`, 'utf8');
}
