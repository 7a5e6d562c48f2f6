import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Pricing tables (owned by the pricing capability; the lead wires this file into the schema and
 * generates the migration). Not seller-owned: FX snapshots are shared reference data.
 */

/** One FX snapshot: KRW per unit of each currency as exact decimal strings. Immutable once written. */
export const fxSnapshots = pgTable(
  'fx_snapshots',
  {
    /** `fx_` + content hash (source, taken_at, rates): saving the same snapshot twice is a no-op. */
    id: text('id').primaryKey(),
    /** Where the rates came from: `manual`, `file:<name>`, `http:<host>`, `default:<...>`. */
    source: text('source').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date' }).notNull(),
    base: text('base').notNull().default('KRW'),
    /** { "THB": "46.412", ... } KRW per one major unit. */
    rates: jsonb('rates').$type<Record<string, string>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('fx_snapshots_taken_idx').on(t.takenAt)],
);

/**
 * The current price of each variant on each site, as the last requote left it. Listings read it
 * to push prices; a requote upserts it, so running the same requote twice changes nothing.
 */
export const sitePrices = pgTable(
  'site_prices',
  {
    variantId: text('variant_id').notNull(),
    site: text('site').notNull(),
    sellerId: text('seller_id').notNull(),
    status: text('status', { enum: ['ok', 'rejected'] }).notNull(),
    currency: text('currency'),
    priceMinor: bigint('price_minor', { mode: 'number' }),
    /** Why there is no price: the quote failure (guard, shipping, FX) as returned by pricing. */
    failure: jsonb('failure').$type<Record<string, unknown>>(),
    fxSnapshotId: text('fx_snapshot_id').notNull(),
    dataVersion: text('data_version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.site] }),
    index('site_prices_seller_idx').on(t.sellerId, t.site),
  ],
);
