/**
 * Where rotated Salesforce refresh tokens are kept between calls and restarts.
 *
 * With TOKEN_ENCRYPTION_KEY: encrypted in the store (see token-cipher.ts). A token stored in plain
 * text by an earlier version is used once and rewritten encrypted, so upgrading needs no manual
 * step and the plain copy does not outlive the first read.
 *
 * Without a key: a rotated token is never written to the store; it is kept in this process's
 * memory only, and the log says so (without the token). After a restart the configured
 * SF_REFRESH_TOKEN is used again.
 */
import type { Config } from '../config';
import type { AppLogger } from '../logger';
import type { Store } from '../store';
import { decryptToken, encryptToken, isEncryptedToken, parseEncryptionKey, TokenCipherError } from './token-cipher';

export interface TokenVault {
  get(org: string): Promise<string | undefined>;
  set(org: string, token: string): Promise<void>;
}

export interface TokenVaultDeps {
  readonly store: Pick<Store, 'getRefreshToken' | 'setRefreshToken'>;
  readonly key: Buffer | undefined;
  readonly logger: AppLogger;
  readonly clock: () => number;
}

export function createTokenVault(deps: TokenVaultDeps): TokenVault {
  const inMemory = new Map<string, string>();
  const { store, key, logger, clock } = deps;

  return {
    async get(org) {
      const remembered = inMemory.get(org);
      if (remembered !== undefined) return remembered;
      const stored = await store.getRefreshToken(org);
      if (stored === undefined) return undefined;
      if (isEncryptedToken(stored)) {
        if (key === undefined) {
          throw new TokenCipherError(
            `The stored refresh token of org "${org}" is encrypted, but TOKEN_ENCRYPTION_KEY is not set: set the key it was written with.`,
          );
        }
        return decryptToken(stored, key, org);
      }
      // Plain text, written before tokens were encrypted.
      if (key === undefined) {
        logger.warn({ org }, 'a refresh token is stored in plain text: set TOKEN_ENCRYPTION_KEY to encrypt it');
      } else {
        await store.setRefreshToken(org, encryptToken(stored, key, org), clock());
        logger.info({ org }, 'encrypted a refresh token stored in plain text by an earlier version');
      }
      return stored;
    },
    async set(org, token) {
      // Memory first: Salesforce has already revoked the previous token, so this one must not be
      // lost even if the store write below fails.
      inMemory.set(org, token);
      if (key === undefined) {
        logger.warn(
          { org },
          'rotated Salesforce refresh token kept in memory only (TOKEN_ENCRYPTION_KEY is not set); after a restart SF_REFRESH_TOKEN is used again',
        );
        return;
      }
      try {
        await store.setRefreshToken(org, encryptToken(token, key, org), clock());
        logger.info({ org }, 'stored the rotated Salesforce refresh token, encrypted');
      } catch (err) {
        logger.error({ err, org }, 'could not store the rotated refresh token; kept in memory only');
      }
    },
  };
}

/**
 * The vault for the configured orgs, with the key from TOKEN_ENCRYPTION_KEY (already validated by
 * config.ts). Warns at start-up when refresh-token mode is configured without a key.
 */
export function tokenVaultFor(
  salesforce: Pick<Config['salesforce'], 'orgs' | 'tokenEncryptionKey'>,
  deps: Omit<TokenVaultDeps, 'key'>,
): TokenVault {
  const raw = salesforce.tokenEncryptionKey;
  const refreshTokenOrgs = salesforce.orgs.filter((o) => o.auth.mode === 'refresh-token').map((o) => o.name);
  if (raw === undefined && refreshTokenOrgs.length > 0) {
    deps.logger.warn(
      { orgs: refreshTokenOrgs },
      'TOKEN_ENCRYPTION_KEY is not set: refresh tokens Salesforce rotates will be kept in memory only, not stored (set it to keep them across restarts, encrypted)',
    );
  }
  return createTokenVault({ ...deps, key: raw === undefined ? undefined : parseEncryptionKey(raw) });
}
