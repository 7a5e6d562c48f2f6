import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sellers } from './schema.ts';

/**
 * Localized product images (owned by localization/images). One row per source image content,
 * target locale, translation-memory version and memory scope, so an image shared by many products
 * is processed once per locale, and is processed again only when the memory or term base changed.
 * The bytes live in the database (not on a local disk) because workers on several machines share
 * the one PostgreSQL.
 */

/** PostgreSQL bytea: PGlite hands back a Uint8Array, node-postgres a Buffer. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** The per-image report, as stored (see localization/images/report.ts for its shape). */
export type StoredImageReport = Record<string, unknown>;

export const localizedImages = pgTable(
  'localized_images',
  {
    /** `limg_` + hash of (source_hash, locale, tm_version, scope_key). */
    id: text('id').primaryKey(),
    /** SHA-256 of the source image's bytes. */
    sourceHash: text('source_hash').notNull(),
    locale: text('locale').notNull(),
    /** Term-base version plus a digest of the memory rows for the target language. */
    tmVersion: text('tm_version').notNull(),
    /** Memory scope the translation ran under: `global` or `seller:<id>`. */
    scopeKey: text('scope_key').notNull(),
    /** Set when the scope is a seller's: their memory shaped the text. */
    sellerId: text('seller_id').references(() => sellers.id),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    data: bytea('data').notNull(),
    report: jsonb('report').$type<StoredImageReport>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('localized_images_key_idx').on(t.sourceHash, t.locale, t.tmVersion, t.scopeKey),
    index('localized_images_seller_idx').on(t.sellerId),
  ],
);

/**
 * Which image bytes a product's image URL held when it was localized (owned by
 * localization/images). Listings find a URL's localized variants through it when publishing.
 */
export const imageSources = pgTable(
  'image_sources',
  {
    sellerId: text('seller_id')
      .notNull()
      .references(() => sellers.id),
    url: text('url').notNull(),
    sourceHash: text('source_hash').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('image_sources_key_idx').on(t.sellerId, t.url)],
);
