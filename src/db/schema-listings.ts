import { index, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { sellers } from './schema.ts';

/**
 * Listings tables (owned by src/listings). Category mappings confirmed by an operator: a row with
 * no seller_id holds for every seller on that site; a seller's own row wins over it.
 */

/** A confirmed Korean category path → one site's category. */
export const categoryMappings = pgTable(
  'category_mappings',
  {
    /** `cmap_` + hash of (seller_id, site_id, source_path): confirming twice is an upsert. */
    id: text('id').primaryKey(),
    /** null: operator-wide (every seller's products with this path). */
    sellerId: text('seller_id').references(() => sellers.id),
    siteId: text('site_id').notNull(),
    /** The Korean path's segments joined by ' > ', normalized (see category/source-path.ts). */
    sourcePath: text('source_path').notNull(),
    categoryId: text('category_id').notNull(),
    /** The category's path on the site when confirmed (names joined by ' > '), for people. */
    categoryPath: text('category_path'),
    confirmedBy: text('confirmed_by').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    unique('category_mappings_key').on(t.sellerId, t.siteId, t.sourcePath).nullsNotDistinct(),
    index('category_mappings_site_idx').on(t.siteId, t.sourcePath),
  ],
);

/** The last category tree fetched for each site (`/category/tree/get`), so a restart need not refetch. */
export const categoryTrees = pgTable('category_trees', {
  siteId: text('site_id').primaryKey(),
  /** CategoryNode[] as the adapter returned it. */
  tree: jsonb('tree').notNull(),
  nodeCount: integer('node_count').notNull(),
  fetchedAt: timestamp('fetched_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
