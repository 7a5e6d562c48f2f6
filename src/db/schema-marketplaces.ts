import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Seller OAuth tokens for the marketplaces, encrypted (AES-256-GCM, see
 * src/marketplaces/token-store.ts): only ciphertext and the two expiry times are stored in clear,
 * so a scheduler can find tokens due for refresh without decrypting them.
 */
export const marketplaceTokens = pgTable(
  'marketplace_tokens',
  {
    /** e.g. `lazada:sel_01J…` (platform + seller, + venture when the token is not cross-border). */
    key: text('key').primaryKey(),
    /** Tenancy: the seller whose token this is (the key's second part). */
    sellerId: text('seller_id').notNull(),
    platform: text('platform').notNull(),
    ciphertext: text('ciphertext').notNull(),
    /** Epoch milliseconds. */
    accessExpiresAt: bigint('access_expires_at', { mode: 'number' }).notNull(),
    refreshExpiresAt: bigint('refresh_expires_at', { mode: 'number' }),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('marketplace_tokens_refresh_due_idx').on(t.accessExpiresAt),
    index('marketplace_tokens_seller_idx').on(t.sellerId),
  ],
);
