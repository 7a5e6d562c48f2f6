import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Order tables (owned by src/orders): the marketplace accounts orders arrive through, the push
 * inbox (the durable queue between the receiver and the processor), orders and their lines, the
 * timeline, returns and fulfilment packages.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A seller's account on one site: routes pushes (which name the marketplace's seller id) to our
 * seller, names the token to call the site with, and keeps the polling sweep's cursor.
 */
export const orderChannels = pgTable(
  'order_channels',
  {
    site: text('site').notNull(),
    externalSellerId: text('external_seller_id').notNull(),
    sellerId: text('seller_id').notNull(),
    platform: text('platform').notNull(),
    /** The key of the seller's token in marketplace_tokens. */
    tokenKey: text('token_key').notNull(),
    status: text('status', { enum: ['active', 'paused'] })
      .notNull()
      .default('active'),
    /** The sweep has seen every order updated before this time. */
    sweptUntil: ts('swept_until'),
    lastSweepAt: ts('last_sweep_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.site, t.externalSellerId] }),
    index('order_channels_seller_idx').on(t.sellerId),
  ],
);

/**
 * Pushes as received (raw body kept) and sweep findings, deduplicated by key: the receiver commits
 * a row and acknowledges; the processor claims rows with FOR UPDATE SKIP LOCKED.
 */
export const pushInbox = pgTable(
  'push_inbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source', { enum: ['push', 'sweep', 'manual'] }).notNull(),
    platform: text('platform').notNull(),
    site: text('site'),
    externalSellerId: text('external_seller_id').notNull(),
    messageType: integer('message_type').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    externalOrderId: text('external_order_id'),
    body: text('body').notNull(),
    state: text('state', { enum: ['pending', 'processing', 'done', 'skipped', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: ts('available_at').notNull().defaultNow(),
    claimedAt: ts('claimed_at'),
    processedAt: ts('processed_at'),
    error: text('error'),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    index('push_inbox_due_idx')
      .on(t.availableAt, t.id)
      .where(sql`${t.state} IN ('pending', 'processing')`),
  ],
);

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    site: text('site').notNull(),
    platform: text('platform').notNull(),
    externalOrderId: text('external_order_id').notNull(),
    orderNumber: text('order_number'),
    externalSellerId: text('external_seller_id').notNull(),
    currency: text('currency').notNull(),
    /** Sum of item prices before vouchers and shipping, in the site's currency. */
    itemsTotalMinor: bigint('items_total_minor', { mode: 'number' }).notNull(),
    shippingFeeMinor: bigint('shipping_fee_minor', { mode: 'number' }).notNull().default(0),
    /** itemsTotal in KRW at the order-time FX snapshot. */
    itemsTotalKrw: bigint('items_total_krw', { mode: 'number' }).notNull(),
    fxSnapshotId: text('fx_snapshot_id').notNull(),
    fxRate: text('fx_rate').notNull(),
    paymentMethod: text('payment_method'),
    buyerName: text('buyer_name'),
    buyerCountry: text('buyer_country'),
    shippingAddress: jsonb('shipping_address').$type<Record<string, string>>(),
    placedAt: ts('placed_at').notNull(),
    remoteUpdatedAt: ts('remote_updated_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_site_external_uq').on(t.site, t.externalOrderId),
    index('orders_seller_placed_idx').on(t.sellerId, t.placedAt),
    // Analytics reads every seller's orders of a period (src/analytics).
    index('orders_placed_idx').on(t.placedAt),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    orderId: text('order_id').notNull(),
    site: text('site').notNull(),
    externalItemId: text('external_item_id').notNull(),
    sellerSku: text('seller_sku'),
    /** Our variant, matched by SellerSku; null when no variant of the seller has that SKU. */
    variantId: text('variant_id'),
    shopSku: text('shop_sku'),
    name: text('name'),
    quantity: integer('quantity').notNull().default(1),
    currency: text('currency').notNull(),
    itemPriceMinor: bigint('item_price_minor', { mode: 'number' }).notNull(),
    paidPriceMinor: bigint('paid_price_minor', { mode: 'number' }).notNull(),
    itemPriceKrw: bigint('item_price_krw', { mode: 'number' }).notNull(),
    /** The marketplace's item status (research 2.10); moves only forward (orders/line-states.ts). */
    status: text('status').notNull(),
    /** When the marketplace says the status was set (push time or the item's updated_at). */
    statusAt: ts('status_at'),
    /** none | reserved | short | released | shipped | unmatched. */
    stockState: text('stock_state').notNull().default('none'),
    packageId: text('package_id'),
    externalPackageId: text('external_package_id'),
    trackingNumber: text('tracking_number'),
    shipmentProvider: text('shipment_provider'),
    cancelReason: text('cancel_reason'),
    /** The reverse order (buyer cancel, return, refund) as the marketplace last reported it. */
    reverseStatus: text('reverse_status'),
    /** requested | collected | received | refunded | rejected | withdrawn (orders/reverse-states.ts). */
    reversePhase: text('reverse_phase'),
    reverseStatusAt: ts('reverse_status_at'),
    externalReverseOrderId: text('external_reverse_order_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('order_lines_site_external_uq').on(t.site, t.externalItemId),
    index('order_lines_order_idx').on(t.orderId),
    index('order_lines_seller_status_idx').on(t.sellerId, t.status),
  ],
);

/** The order timeline: every change, who or what made it, and when. Append-only. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sellerId: text('seller_id').notNull(),
    orderId: text('order_id').notNull(),
    lineId: text('line_id'),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    source: text('source').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    at: ts('at').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
);

/** A reverse flow: a buyer return, or a parcel that came back after a failed delivery. */
export const orderReturns = pgTable(
  'order_returns',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    orderId: text('order_id').notNull(),
    lineId: text('line_id').notNull(),
    kind: text('kind', { enum: ['buyer_return', 'returned_to_sender'] }).notNull(),
    externalReverseOrderId: text('external_reverse_order_id'),
    status: text('status', { enum: ['open', 'restocked', 'written_off'] })
      .notNull()
      .default('open'),
    reason: text('reason'),
    /** When the marketplace reported the item back with the seller (reverse status received). */
    arrivedAt: ts('arrived_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('order_returns_line_kind_uq').on(t.lineId, t.kind),
    index('order_returns_seller_idx').on(t.sellerId, t.status),
  ],
);

/** A fulfilment package: packed on the marketplace, labelled, handed to the first-mile carrier. */
export const packages = pgTable(
  'packages',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    orderId: text('order_id').notNull(),
    site: text('site').notNull(),
    externalPackageId: text('external_package_id').notNull(),
    trackingNumber: text('tracking_number'),
    shipmentProvider: text('shipment_provider'),
    status: text('status', {
      enum: ['packed', 'ready_to_ship', 'handed_over', 'shipped', 'delivered', 'canceled'],
    }).notNull(),
    /** The logistics option chosen (logistics/shipping-options.ts): `marketplace-hub`, `kpost-ems`… */
    serviceCode: text('service_code'),
    firstMileCarrier: text('first_mile_carrier'),
    firstMileTracking: text('first_mile_tracking'),
    /**
     * The international leg recorded at hand-over: Korea Post (`EMS`, `K-PACKET`, `EMS-PREMIUM`,
     * UPU S10 numbers) or the marketplace's hub (`HUB`, the marketplace's own number).
     */
    internationalCarrier: text('international_carrier'),
    internationalTracking: text('international_tracking'),
    weightG: integer('weight_g'),
    labelPrintedAt: ts('label_printed_at'),
    handedOverAt: ts('handed_over_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('packages_site_external_uq').on(t.site, t.externalPackageId),
    index('packages_seller_status_idx').on(t.sellerId, t.status),
  ],
);
