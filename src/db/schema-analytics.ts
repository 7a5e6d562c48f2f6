import { bigint, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Analytics tables (owned by src/analytics): the operator's annual GMV target. Program-wide, so no
 * seller_id; sellers never see it (docs/analytics.md).
 */
export const gmvTargets = pgTable('gmv_targets', {
  year: integer('year').primaryKey(),
  amountKrw: bigint('amount_krw', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  /** Who set it: the operator's API key id, or `operator` for the configured operator key. */
  updatedBy: text('updated_by').notNull(),
});
