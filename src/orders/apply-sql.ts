import type { SqlTx } from '../db/index.ts';
import type { StockState } from './line-stock.ts';
import type { LineStatus } from './line-states.ts';
import type { LineSnapshot } from './snapshot.ts';

/**
 * The batched statements behind applyOrders: one statement per kind of write for a whole batch
 * (PGlite runs one statement at a time, PostgreSQL pays a round trip each), rows always in
 * (site, order) order so concurrent batches lock them in the same order.
 */

/** Rows per statement so that rows × columns stays under PostgreSQL's 65,535 parameters. */
export function chunks<T>(rows: T[], cols: number): T[][] {
  const size = Math.floor(60_000 / cols);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `($1,$2,…),($n+1,…)` for `rows` rows of `cols` parameters. */
export function placeholders(rows: number, cols: number, casts: readonly string[] = []): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) cells.push(`$${r * cols + c + 1}${casts[c] ? `::${casts[c]}` : ''}`);
    out.push(`(${cells.join(',')})`);
  }
  return out.join(',');
}

export interface OrderInsert {
  id: string;
  sellerId: string;
  site: string;
  platform: string;
  externalOrderId: string;
  orderNumber: string | null;
  externalSellerId: string;
  currency: string;
  itemsTotalMinor: number;
  shippingFeeMinor: number;
  itemsTotalKrw: number;
  fxSnapshotId: string;
  fxRate: string;
  paymentMethod: string | null;
  buyerName: string | null;
  buyerCountry: string | null;
  address: string | null;
  placedAt: Date;
  remoteUpdatedAt: Date | null;
  now: Date;
}

/** Inserts orders, or touches the ones already there; returns each order's id and whether it is new. */
export async function upsertOrders(
  tx: SqlTx,
  rows: OrderInsert[],
): Promise<Map<string, { id: string; sellerId: string; inserted: boolean }>> {
  const out = new Map<string, { id: string; sellerId: string; inserted: boolean }>();
  for (const chunk of chunks(rows, 21)) await upsertOrderChunk(tx, chunk, out);
  return out;
}

async function upsertOrderChunk(
  tx: SqlTx,
  rows: OrderInsert[],
  out: Map<string, { id: string; sellerId: string; inserted: boolean }>,
): Promise<void> {
  const values = rows.flatMap((r) => [
    r.id,
    r.sellerId,
    r.site,
    r.platform,
    r.externalOrderId,
    r.orderNumber,
    r.externalSellerId,
    r.currency,
    r.itemsTotalMinor,
    r.shippingFeeMinor,
    r.itemsTotalKrw,
    r.fxSnapshotId,
    r.fxRate,
    r.paymentMethod,
    r.buyerName,
    r.buyerCountry,
    r.address,
    r.placedAt,
    r.remoteUpdatedAt,
    r.now,
    r.now,
  ]);
  const got = await tx.query<{
    id: string;
    seller_id: string;
    site: string;
    external_order_id: string;
    inserted: boolean;
  }>(
    `INSERT INTO orders (id, seller_id, site, platform, external_order_id, order_number, external_seller_id, currency,
       items_total_minor, shipping_fee_minor, items_total_krw, fx_snapshot_id, fx_rate, payment_method, buyer_name,
       buyer_country, shipping_address, placed_at, remote_updated_at, created_at, updated_at)
     VALUES ${placeholders(rows.length, 21)}
     ON CONFLICT (site, external_order_id) DO UPDATE SET updated_at = EXCLUDED.updated_at,
       remote_updated_at = GREATEST(orders.remote_updated_at, EXCLUDED.remote_updated_at)
     RETURNING id, seller_id, site, external_order_id, (xmax = 0) AS inserted`,
    values,
  );
  for (const g of got)
    out.set(`${g.site}\n${g.external_order_id}`, { id: g.id, sellerId: g.seller_id, inserted: g.inserted });
}

/** Locks orders already stored; returns the ones found. */
export async function lockOrders(
  tx: SqlTx,
  keys: { site: string; externalOrderId: string }[],
): Promise<Map<string, { id: string; sellerId: string }>> {
  const out = new Map<string, { id: string; sellerId: string }>();
  if (keys.length === 0) return out;
  const rows = await tx.query<{ id: string; seller_id: string; site: string; external_order_id: string }>(
    `SELECT o.id, o.seller_id, o.site, o.external_order_id FROM orders o
     JOIN unnest($1::text[], $2::text[]) AS k(site, oid) ON o.site = k.site AND o.external_order_id = k.oid
     ORDER BY o.site, o.external_order_id FOR UPDATE OF o`,
    [keys.map((k) => k.site), keys.map((k) => k.externalOrderId)],
  );
  for (const r of rows) out.set(`${r.site}\n${r.external_order_id}`, { id: r.id, sellerId: r.seller_id });
  return out;
}

export interface LineRow {
  id: string;
  order_id: string;
  external_item_id: string;
  status: string;
  status_at: Date | null;
  stock_state: StockState;
  variant_id: string | null;
  quantity: number;
}

/** The lines of these orders, locked, by order id. */
export async function lockLines(tx: SqlTx, orderIds: string[]): Promise<Map<string, LineRow[]>> {
  const out = new Map<string, LineRow[]>();
  if (orderIds.length === 0) return out;
  const rows = await tx.query<LineRow>(
    `SELECT id, order_id, external_item_id, status, status_at, stock_state, variant_id, quantity FROM order_lines
     WHERE order_id = ANY($1::text[]) ORDER BY order_id, external_item_id FOR UPDATE`,
    [orderIds],
  );
  for (const r of rows) (out.get(r.order_id) ?? out.set(r.order_id, []).get(r.order_id)!).push(r);
  return out;
}

export interface NewLine {
  id: string;
  sellerId: string;
  orderId: string;
  site: string;
  line: LineSnapshot;
  variantId: string | null;
  currency: string;
  itemPriceKrw: number;
  stockState: StockState;
}

export async function insertLines(tx: SqlTx, all: NewLine[], now: Date): Promise<void> {
  for (const lines of chunks(all, 23)) await insertLineChunk(tx, lines, now);
}

async function insertLineChunk(tx: SqlTx, lines: NewLine[], now: Date): Promise<void> {
  const values = lines.flatMap((n) => {
    const l = n.line;
    return [
      n.id,
      n.sellerId,
      n.orderId,
      n.site,
      l.externalItemId,
      l.sellerSku ?? null,
      n.variantId,
      l.shopSku ?? null,
      l.name ?? null,
      l.quantity,
      n.currency,
      l.itemPriceMinor,
      l.paidPriceMinor,
      n.itemPriceKrw,
      l.status,
      l.statusAt ?? null,
      n.stockState,
      l.externalPackageId ?? null,
      l.trackingNumber ?? null,
      l.shipmentProvider ?? null,
      l.reason ?? null,
      now,
      now,
    ];
  });
  await tx.query(
    `INSERT INTO order_lines (id, seller_id, order_id, site, external_item_id, seller_sku, variant_id, shop_sku, name,
       quantity, currency, item_price_minor, paid_price_minor, item_price_krw, status, status_at, stock_state,
       external_package_id, tracking_number, shipment_provider, cancel_reason, created_at, updated_at)
     VALUES ${placeholders(lines.length, 23)} ON CONFLICT (site, external_item_id) DO NOTHING`,
    values,
  );
}

export interface LineUpdate {
  id: string;
  status: LineStatus;
  statusAt: Date | null;
  stockState: StockState;
  reason?: string | undefined;
  packageId?: string | undefined;
  tracking?: string | undefined;
  provider?: string | undefined;
}

/** Updates lines' status, stock state and fulfilment facts in one statement. */
export async function updateLines(tx: SqlTx, all: LineUpdate[], now: Date): Promise<void> {
  for (const updates of chunks(all, 8)) await updateLineChunk(tx, updates, now);
}

async function updateLineChunk(tx: SqlTx, updates: LineUpdate[], now: Date): Promise<void> {
  const values = updates.flatMap((u) => [
    u.id,
    u.status,
    u.statusAt,
    u.stockState,
    u.reason ?? null,
    u.packageId ?? null,
    u.tracking ?? null,
    u.provider ?? null,
  ]);
  await tx.query(
    `UPDATE order_lines l SET status = v.status, status_at = COALESCE(v.status_at, l.status_at),
       stock_state = v.stock_state, cancel_reason = COALESCE(v.reason, l.cancel_reason),
       external_package_id = COALESCE(v.package_id, l.external_package_id),
       tracking_number = COALESCE(v.tracking, l.tracking_number),
       shipment_provider = COALESCE(v.provider, l.shipment_provider), updated_at = $${values.length + 1}::timestamptz
     FROM (VALUES ${placeholders(updates.length, 8, ['text', 'text', 'timestamptz', 'text', 'text', 'text', 'text', 'text'])})
       AS v(id, status, status_at, stock_state, reason, package_id, tracking, provider)
     WHERE l.id = v.id`,
    [...values, now],
  );
}

export interface EventRow {
  sellerId: string;
  orderId: string;
  lineId: string | null;
  kind: string;
  from: string | null;
  to: string | null;
  source: string;
  detail: Record<string, unknown> | null;
  at: Date;
}

export async function insertEvents(tx: SqlTx, all: EventRow[]): Promise<void> {
  for (const events of chunks(all, 9)) await insertEventChunk(tx, events);
}

async function insertEventChunk(tx: SqlTx, events: EventRow[]): Promise<void> {
  const values = events.flatMap((e) => [
    e.sellerId,
    e.orderId,
    e.lineId,
    e.kind,
    e.from,
    e.to,
    e.source,
    e.detail ? JSON.stringify(e.detail) : null,
    e.at,
  ]);
  await tx.query(
    `INSERT INTO order_events (seller_id, order_id, line_id, kind, from_status, to_status, source, detail, at)
     VALUES ${placeholders(events.length, 9)}`,
    values,
  );
}
