import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The one schema of kbridge. `drizzle-kit generate` turns changes into SQL migrations under
 * src/db/migrations, applied at start on PGlite and PostgreSQL alike. Keep it within PostgreSQL 15.
 * Every seller-owned table carries seller_id.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const sellers = pgTable('sellers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** 사업자등록번호, ten digits without dashes, check digit verified. */
  bizNo: text('biz_no').notNull().unique(),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  contactPhone: text('contact_phone'),
  status: text('status', { enum: ['active', 'suspended', 'closed'] })
    .notNull()
    .default('active'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the key; the key itself is shown once and never stored. */
    keyHash: text('key_hash').notNull().unique(),
    /** The first characters of the key, so people can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    role: text('role', { enum: ['operator', 'seller'] }).notNull(),
    sellerId: text('seller_id').references(() => sellers.id),
    label: text('label'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('api_keys_seller_idx').on(t.sellerId)],
);

/** Product attributes as imported: free-form name → value (Korean), e.g. 원산지, 용량. */
export type ProductAttributes = Record<string, string>;
/** Option axes in order, e.g. [{ name: '색상', values: ['블랙', '화이트'] }]. */
export type ProductOption = { name: string; values: string[] };

export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id')
      .notNull()
      .references(() => sellers.id),
    sellerSku: text('seller_sku').notNull(),
    titleKo: text('title_ko').notNull(),
    descriptionHtml: text('description_html').notNull().default(''),
    brand: text('brand'),
    manufacturer: text('manufacturer'),
    origin: text('origin'),
    /** The seller's own category path, e.g. 뷰티 > 스킨케어 > 에센스/세럼. */
    sourceCategoryPath: text('source_category_path').notNull().default(''),
    attributes: jsonb('attributes').$type<ProductAttributes>().notNull().default({}),
    options: jsonb('options').$type<ProductOption[]>().notNull().default([]),
    /** Image URLs in display order; the first is the main image. */
    images: jsonb('images').$type<string[]>().notNull().default([]),
    priceKrw: bigint('price_krw', { mode: 'number' }).notNull(),
    weightG: integer('weight_g'),
    lengthMm: integer('length_mm'),
    widthMm: integer('width_mm'),
    heightMm: integer('height_mm'),
    hsCode: text('hs_code'),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    /** Hash of the imported content, so a re-import can tell unchanged from updated. */
    contentHash: text('content_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('products_seller_sku_uq').on(t.sellerId, t.sellerSku),
    index('products_seller_created_idx').on(t.sellerId, t.id),
  ],
);

export const variants = pgTable(
  'variants',
  {
    id: text('id').primaryKey(),
    // No foreign key to sellers: the product's key already ties a variant to its seller, and one
    // check per variant row less made bulk imports on PGlite ~8% faster.
    sellerId: text('seller_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sellerSku: text('seller_sku').notNull(),
    /** This variant's value on each option axis, e.g. { 색상: '블랙', 사이즈: 'M' }. */
    optionValues: jsonb('option_values').$type<Record<string, string>>().notNull().default({}),
    /** 추가금: the price difference from the product's base price, in KRW (may be negative). */
    priceDeltaKrw: bigint('price_delta_krw', { mode: 'number' }).notNull().default(0),
    stock: integer('stock').notNull().default(0),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('variants_seller_sku_uq').on(t.sellerId, t.sellerSku),
    index('variants_product_idx').on(t.productId),
  ],
);

export const importRuns = pgTable(
  'import_runs',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').references(() => sellers.id),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    status: text('status', { enum: ['running', 'completed', 'failed'] }).notNull(),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** The first rejected rows (row, column, reason); the full list is in the command's output. */
    errors: jsonb('errors').$type<{ row: number; column: string; reason: string }[]>().notNull().default([]),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('import_runs_seller_idx').on(t.sellerId)],
);

// Tables owned by other capabilities live in their own files and are part of the one schema here.
export * from './schema-pricing.ts';
export * from './schema-marketplaces.ts';
export * from './schema-inventory.ts';
export * from './schema-orders.ts';
export * from './schema-logistics.ts';
export * from './schema-translation.ts';
export * from './schema-listings.ts';
export * from './schema-listing-records.ts';
export * from './schema-images.ts';
export * from './schema-analytics.ts';
