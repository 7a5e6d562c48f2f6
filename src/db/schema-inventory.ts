import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * Inventory tables (owned by src/inventory). Stock is counted per variant (our seller SKU): one
 * row of current counts, guarded by CHECK constraints so no transaction can commit an oversell,
 * plus an append-only ledger of every movement and one row per reservation.
 */

/** Current counts per variant. `reserved <= on_hand` is the no-oversell invariant, enforced here. */
export const stockItems = pgTable(
  'stock_items',
  {
    variantId: text('variant_id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    sellerSku: text('seller_sku').notNull(),
    /** Units physically with the seller (received minus shipped, plus restocked returns). */
    onHand: integer('on_hand').notNull().default(0),
    /** Units promised to orders not shipped yet. */
    reserved: integer('reserved').notNull().default(0),
    /**
     * Bumped with every change of on_hand or reserved. The stock push (the listings sync) pushes
     * rows whose version is past synced_version: a coalescing outbox, one row per SKU.
     */
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    syncedVersion: bigint('synced_version', { mode: 'number' }).notNull().default(0),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_items_seller_sku_idx').on(t.sellerId, t.sellerSku),
    index('stock_items_unsynced_idx')
      .on(t.changedAt)
      .where(sql`${t.version} > ${t.syncedVersion}`),
    check('stock_items_on_hand_nonneg', sql`${t.onHand} >= 0`),
    check('stock_items_reserved_within', sql`${t.reserved} >= 0 AND ${t.reserved} <= ${t.onHand}`),
  ],
);

/** Every stock movement, append-only. Replaying it from zero gives stock_items' counts. */
export const stockLedger = pgTable(
  'stock_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sellerId: text('seller_id').notNull(),
    variantId: text('variant_id').notNull(),
    kind: text('kind', {
      enum: ['receipt', 'adjustment', 'reservation', 'release', 'shipment', 'restock', 'write_off'],
    }).notNull(),
    onHandDelta: integer('on_hand_delta').notNull(),
    reservedDelta: integer('reserved_delta').notNull(),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    site: text('site'),
    /** What caused it: an order line (`oli_…`), a return (`ret_…`), or a person's note. */
    ref: text('ref'),
    /** A movement happens once per key (`reserve:oli_…`, `ship:oli_…`, a client's request id). */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    actor: text('actor').notNull().default('system'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('stock_ledger_variant_idx').on(t.sellerId, t.variantId, t.id)],
);

/** One row per order line holding stock; its id is the order line's, so a line reserves once. */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    ref: text('ref').primaryKey(),
    sellerId: text('seller_id').notNull(),
    variantId: text('variant_id').notNull(),
    site: text('site').notNull(),
    quantity: integer('quantity').notNull(),
    state: text('state', { enum: ['active', 'released', 'shipped'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_reservations_variant_idx')
      .on(t.variantId, t.site)
      .where(sql`${t.state} = 'active'`),
  ],
);

/**
 * How a variant's free stock is offered to the sites: one shared pool with units held back per
 * site, or fixed splits. variant_id '*' is the seller's default.
 */
export const stockPolicies = pgTable(
  'stock_policies',
  {
    sellerId: text('seller_id').notNull(),
    variantId: text('variant_id').notNull(),
    mode: text('mode', { enum: ['shared', 'split'] }).notNull(),
    /** shared: units held back per site key, `*` for any other site. */
    buffers: jsonb('buffers').$type<Record<string, number>>().notNull().default({}),
    /** split: relative weights per site key; a site without a weight gets nothing. */
    weights: jsonb('weights').$type<Record<string, number>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.variantId] })],
);
