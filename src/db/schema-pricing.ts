import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
