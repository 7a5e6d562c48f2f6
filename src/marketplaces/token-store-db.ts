import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { schema, type Store } from '../db/index.ts';
import { AppError } from '../shared/index.ts';
import type { StoredTokenRecord, TokenStore } from './token-store.ts';

const KEY = /^([a-z]+):([^:]+)(?::[^:]+)?$/;

/**
 * The advisory-lock number of a token key: the first 32 bits of a SHA-256 of the key under a
 * prefix of our own, so it is stable across processes and releases and unlikely to meet another
 * capability's lock numbers.
 */
export function tokenLockKey(key: string): number {
  return createHash('sha256').update(`kbridge:marketplace-token:${key}`, 'utf8').digest().readInt32BE(0);
}

/** Per-store, per-key queues for PGlite (one process owns its database: see `withLock`). */
const LOCAL_QUEUES = new WeakMap<Store, Map<string, Promise<unknown>>>();

/**
 * Tokens in the marketplace_tokens table. Keys are `<platform>:<sellerId>[:<venture>]`, so each
 * row carries its seller for tenancy. Rows hold ciphertext only (the cipher seals before `put`).
 */
export class DbTokenStore implements TokenStore {
  constructor(private readonly store: Store) {}

  async get(key: string): Promise<StoredTokenRecord | undefined> {
    const [row] = await this.store.db
      .select()
      .from(schema.marketplaceTokens)
      .where(eq(schema.marketplaceTokens.key, key));
    if (!row) return undefined;
    return {
      key: row.key,
      ciphertext: row.ciphertext,
      accessExpiresAt: row.accessExpiresAt,
      refreshExpiresAt: row.refreshExpiresAt,
      updatedAt: row.updatedAt,
    };
  }

  async put(record: StoredTokenRecord): Promise<void> {
    const parsed = KEY.exec(record.key);
    if (!parsed) {
      throw new AppError(
        'invalid_input',
        `token key "${record.key}" must be <platform>:<sellerId>[:<venture>]`,
        {
          details: { key: record.key },
        },
      );
    }
    const row = {
      key: record.key,
      sellerId: parsed[2]!,
      platform: parsed[1]!,
      ciphertext: record.ciphertext,
      accessExpiresAt: record.accessExpiresAt,
      refreshExpiresAt: record.refreshExpiresAt,
      updatedAt: record.updatedAt,
    };
    await this.store.db
      .insert(schema.marketplaceTokens)
      .values(row)
      .onConflictDoUpdate({ target: schema.marketplaceTokens.key, set: row });
  }

  async delete(key: string): Promise<void> {
    await this.store.db.delete(schema.marketplaceTokens).where(eq(schema.marketplaceTokens.key, key));
  }

  /**
   * A lock on one token key for every process on the database: on PostgreSQL the Store's
   * advisory lock (`store.withLock(tokenLockKey(key))`). On PGlite, where one process owns the
   * database (its lockfile), a queue per key in this process does the same job; the Store's own
   * PGlite lock is one queue for all keys, and a refresh would wait behind a whole catalog import.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if (this.store.engine === 'postgres') return this.store.withLock(tokenLockKey(key), fn);
    let queues = LOCAL_QUEUES.get(this.store);
    if (!queues) LOCAL_QUEUES.set(this.store, (queues = new Map()));
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  }
}
