import { eq } from 'drizzle-orm';
import { schema, type Database } from '../db/index.ts';
import { AppError } from '../shared/index.ts';
import type { StoredTokenRecord, TokenStore } from './token-store.ts';

const KEY = /^([a-z]+):([^:]+)(?::[^:]+)?$/;

/**
 * Tokens in the marketplace_tokens table. Keys are `<platform>:<sellerId>[:<venture>]`, so each
 * row carries its seller for tenancy. Rows hold ciphertext only (the cipher seals before `put`).
 */
export class DbTokenStore implements TokenStore {
  constructor(private readonly db: Database) {}

  async get(key: string): Promise<StoredTokenRecord | undefined> {
    const [row] = await this.db
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
    await this.db
      .insert(schema.marketplaceTokens)
      .values(row)
      .onConflictDoUpdate({ target: schema.marketplaceTokens.key, set: row });
  }

  async delete(key: string): Promise<void> {
    await this.db.delete(schema.marketplaceTokens).where(eq(schema.marketplaceTokens.key, key));
  }
}
