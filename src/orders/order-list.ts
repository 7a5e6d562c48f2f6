import type { Store } from '../db/index.ts';
import { containsPattern, scopedSellerId, type Scope } from '../shared/index.ts';
import type { LineStatus } from './line-states.ts';

/** One order as lists show it: its value in the order currency and in KRW, and its line statuses. */
export interface OrderSummary {
  id: string;
  sellerId: string;
  site: string;
  externalOrderId: string;
  orderNumber: string | null;
  currency: string;
  itemsTotalMinor: number;
  itemsTotalKrw: number;
  fxSnapshotId: string;
  buyerCountry: string | null;
  placedAt: Date;
  statuses: LineStatus[];
}

export interface OrderListOptions {
  /** Operator only: the scope wins for a seller. */
  sellerId?: string | undefined;
  site?: string | undefined;
  /** Orders with a line in this status. */
  status?: string | undefined;
  /** Placed at or after. */
  from?: Date | undefined;
  /** Placed before. */
  to?: Date | undefined;
  /** Part of the order number, the marketplace's order id or the buyer's name (any case). */
  q?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}

/** Orders in scope, newest first (keyset paging on the id). */
export async function listOrders(
  store: Pick<Store, 'query'>,
  scope: Scope,
  options: OrderListOptions = {},
): Promise<OrderSummary[]> {
  const q = options.q?.trim();
  const rows = await store.query<Record<string, unknown>>(
    `SELECT o.id, o.seller_id, o.site, o.external_order_id, o.order_number, o.currency, o.items_total_minor,
       o.items_total_krw, o.fx_snapshot_id, o.buyer_country, o.placed_at,
       (SELECT array_agg(DISTINCT l.status) FROM order_lines l WHERE l.order_id = o.id) AS statuses
     FROM orders o
     WHERE ($1::text IS NULL OR o.seller_id = $1) AND ($2::text IS NULL OR o.site = $2)
       AND ($3::text IS NULL OR o.id < $3)
       AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.status = $4))
       AND ($6::timestamptz IS NULL OR o.placed_at >= $6) AND ($7::timestamptz IS NULL OR o.placed_at < $7)
       AND ($8::text IS NULL OR o.order_number ILIKE $8 OR o.external_order_id ILIKE $8 OR o.buyer_name ILIKE $8)
     ORDER BY o.id DESC LIMIT $5`,
    [
      scopedSellerId(scope) ?? options.sellerId ?? null,
      options.site ?? null,
      options.after ?? null,
      options.status ?? null,
      options.limit ?? 50,
      options.from ?? null,
      options.to ?? null,
      q ? containsPattern(q) : null,
    ],
  );
  return rows.map((r) => ({
    id: String(r.id),
    sellerId: String(r.seller_id),
    site: String(r.site),
    externalOrderId: String(r.external_order_id),
    orderNumber: (r.order_number as string | null) ?? null,
    currency: String(r.currency),
    itemsTotalMinor: Number(r.items_total_minor),
    itemsTotalKrw: Number(r.items_total_krw),
    fxSnapshotId: String(r.fx_snapshot_id),
    buyerCountry: (r.buyer_country as string | null) ?? null,
    placedAt: r.placed_at as Date,
    // Line statuses are written only through line-states.ts.
    statuses: ((r.statuses as LineStatus[] | null) ?? []).filter(Boolean),
  }));
}
