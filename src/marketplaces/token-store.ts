import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../shared/index.ts';
import type { SecretLike } from './signing.ts';

/**
 * Seller tokens at rest. The store only ever sees ciphertext (AES-256-GCM under a key derived
 * from the configured KBRIDGE_SECRET_KEY, bound to the record key so a blob cannot be moved to
 * another seller) plus the two expiry times in clear, so a scheduler can find tokens to refresh
 * without decrypting. A database-backed store implements the same three methods.
 */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  accessExpiresAt: number;
  /** Epoch ms; null when the platform said the token cannot be refreshed (`refresh_expires_in` 0). */
  refreshExpiresAt: number | null;
  /** `sg`…`vn`, `cb` (cross-border, valid for every venture), or the platform's equivalent. */
  country?: string | undefined;
  account?: string | undefined;
  accountId?: string | undefined;
  /** Per-venture seller ids (`country_user_info`; one entry per venture for cross-border). */
  sellers: {
    country: string;
    sellerId: string;
    userId?: string | undefined;
    shortCode?: string | undefined;
  }[];
  obtainedAt: number;
}

export interface StoredTokenRecord {
  key: string;
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url). */
  ciphertext: string;
  accessExpiresAt: number;
  refreshExpiresAt: number | null;
  updatedAt: number;
}

export interface TokenStore {
  get(key: string): Promise<StoredTokenRecord | undefined>;
  put(record: StoredTokenRecord): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Runs fn holding a lock on one key that every process sharing the store respects (stores
   * shared across processes implement it). The token manager refreshes under it and re-reads the
   * record first, so two processes never both spend one refresh token.
   */
  withLock?<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/** A process-local store (tests, the embedded demo before a table exists). */
export class InMemoryTokenStore implements TokenStore {
  readonly #records = new Map<string, StoredTokenRecord>();
  async get(key: string): Promise<StoredTokenRecord | undefined> {
    const r = this.#records.get(key);
    return r ? { ...r } : undefined;
  }
  async put(record: StoredTokenRecord): Promise<void> {
    this.#records.set(record.key, { ...record });
  }
  async delete(key: string): Promise<void> {
    this.#records.delete(key);
  }
  /** Raw records as stored (tests check that no plaintext token is in them). */
  dump(): StoredTokenRecord[] {
    return [...this.#records.values()].map((r) => ({ ...r }));
  }
}

/** Encrypts and decrypts token sets with a key derived from the configured secret key. */
export class TokenCipher {
  readonly #key: Buffer;

  constructor(secretKey: SecretLike) {
    const text = typeof secretKey === 'string' ? secretKey : secretKey.reveal();
    if (text.length < 16)
      throw new AppError('config', 'the token encryption key must be at least 16 characters');
    this.#key = Buffer.from(
      hkdfSync('sha256', Buffer.from(text, 'utf8'), 'kbridge', 'marketplace-tokens/v1', 32),
    );
  }

  seal(key: string, tokens: TokenSet, now: number): StoredTokenRecord {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(key, 'utf8'));
    const ct = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return {
      key,
      ciphertext: ['v1', iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join(
        '.',
      ),
      accessExpiresAt: tokens.accessExpiresAt,
      refreshExpiresAt: tokens.refreshExpiresAt,
      updatedAt: now,
    };
  }

  open(record: StoredTokenRecord): TokenSet {
    const [version, iv, tag, ct] = record.ciphertext.split('.');
    if (version !== 'v1' || !iv || !tag || ct === undefined) {
      throw new AppError('internal', `stored tokens for ${record.key} are in an unknown format`);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(record.key, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const text = Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
      return JSON.parse(text) as TokenSet;
    } catch {
      // Wrong key, tampered blob or a blob moved between sellers: say so without detail.
      throw new AppError(
        'config',
        `stored tokens for ${record.key} cannot be decrypted with the configured key`,
      );
    }
  }
}
