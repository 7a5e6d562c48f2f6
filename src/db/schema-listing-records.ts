import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Listing records (owned by src/listings): one listing per product and site with its lifecycle
 * state, one row per variant and site with what was last pushed there, and the sync log. Every
 * row carries seller_id.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const listings = pgTable(
  'listings',
  {
    /** `lst_` + ULID. */
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    productId: text('product_id').notNull(),
    site: text('site').notNull(),
    /** See src/listings/lifecycle.ts for the transition table. */
    state: text('state').notNull().default('draft'),
    categoryId: text('category_id'),
    categoryPath: text('category_path'),
    categoryConfidence: real('category_confidence'),
    /** The platform's item id once created (or found by SellerSku). */
    itemId: text('item_id'),
    /** The localized title as last built (what people see in lists). */
    title: text('title'),
    /** Preflight issues and missing attributes of the last build (blocking ones keep it in draft). */
    issues: jsonb('issues').$type<Record<string, unknown>[]>().notNull().default([]),
    /** Hash of the built payload: a rebuild with the same hash changes nothing. */
    contentHash: text('content_hash'),
    qcReason: text('qc_reason'),
    lastErrorCode: text('last_error_code'),
    lastErrorMessage: text('last_error_message'),
    lastSyncAt: ts('last_sync_at'),
    /** Publish attempts that ended in an unknown outcome or a retryable failure. */
    attempts: integer('attempts').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('listings_product_site_uq').on(t.productId, t.site),
    index('listings_site_state_idx').on(t.site, t.state),
    index('listings_seller_idx').on(t.sellerId, t.site),
  ],
);

/** One variant on one site: the SKU sent and what was last pushed (the sync pushes deltas against it). */
export const listingSkus = pgTable(
  'listing_skus',
  {
    variantId: text('variant_id').notNull(),
    site: text('site').notNull(),
    listingId: text('listing_id').notNull(),
    sellerId: text('seller_id').notNull(),
    sellerSku: text('seller_sku').notNull(),
    /** The platform item holding this SKU (a product whose option axis the category cannot express is sent as one item per value). */
    itemId: text('item_id'),
    skuId: text('sku_id'),
    pushedCurrency: text('pushed_currency'),
    pushedPriceMinor: bigint('pushed_price_minor', { mode: 'number' }),
    pushedQuantity: integer('pushed_quantity'),
    pushedAt: ts('pushed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.site] }),
    index('listing_skus_listing_idx').on(t.listingId),
    index('listing_skus_site_sku_idx').on(t.site, t.sellerSku),
  ],
);

/** The sync log: transitions, pushes, platform errors and repairs, newest last. */
export const listingEvents = pgTable(
  'listing_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    listingId: text('listing_id').notNull(),
    sellerId: text('seller_id').notNull(),
    /** `transition`, `push`, `error`, `repair`, `qc`. */
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    code: text('code'),
    message: text('message'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('listing_events_listing_idx').on(t.listingId, t.id)],
);

/** External image URL → the URL the platform hosts it at (migrated once per platform and venture). */
export const hostedImages = pgTable(
  'hosted_images',
  {
    site: text('site').notNull(),
    sourceUrl: text('source_url').notNull(),
    hostedUrl: text('hosted_url').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.site, t.sourceUrl] })],
);
