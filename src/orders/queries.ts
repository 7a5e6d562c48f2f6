import type { Store } from '../db/index.ts';
import { trackingTimeline } from '../logistics/index.ts';
import { scopedSellerId, type Scope } from '../shared/index.ts';
import type { PackageStatus } from './fulfilment.ts';
import type { LineStatus } from './line-states.ts';
import { linesOf, orderInScope, type LineRef } from './order-deps.ts';
import type { OrderSummary } from './order-list.ts';

/**
 * Reading orders on a seller's behalf: the to-do list (what to pack, print, hand over, fix), an
 * order with its lines and packages, and its timeline. Everything is scoped by seller.
 */
export const TODO_ACTIONS = [
  'answer-cancel',
  'pack',
  'print-label',
  'ready-to-ship',
  'hand-over',
  'short-of-stock',
  'map-sku',
  'receive-return',
] as const;

export type TodoAction = (typeof TODO_ACTIONS)[number];

export interface TodoItem {
  action: TodoAction;
  orderId: string;
  externalOrderId: string;
  site: string;
  sellerId: string;
  placedAt: Date;
  lines: { lineId: string; sellerSku: string | null; status: LineStatus; quantity: number }[];
  packageId: string | null;
  returnId?: string | undefined;
  /** `answer-cancel`: the buyer's cancellation request (the marketplace's reverse order) to accept or refuse. */
  reverseOrderId?: string | undefined;
}

const ORDER: Record<TodoAction, number> = {
  // Before anything is packed or shipped: the buyer may no longer want it.
  'answer-cancel': -1,
  'short-of-stock': 0,
  'map-sku': 1,
  pack: 2,
  'print-label': 3,
  'ready-to-ship': 4,
  'hand-over': 5,
  'receive-return': 6,
};

/** The seller's queue of orders to act on, oldest first within each action. */
export async function todoList(
  store: Pick<Store, 'query'>,
  scope: Scope,
  options: { limit?: number; site?: string } = {},
): Promise<TodoItem[]> {
  const rows = await store.query<{
    line_id: string;
    order_id: string;
    external_order_id: string;
    site: string;
    seller_id: string;
    placed_at: Date;
    seller_sku: string | null;
    status: LineStatus;
    quantity: number;
    stock_state: string;
    package_id: string | null;
    package_status: string | null;
    label_printed_at: Date | null;
    cancel_requested: boolean;
    external_reverse_order_id: string | null;
  }>(
    `SELECT l.id AS line_id, l.order_id, o.external_order_id, o.site, o.seller_id, o.placed_at, l.seller_sku, l.status,
       l.quantity, l.stock_state, l.package_id, p.status AS package_status, p.label_printed_at,
       (l.reverse_phase = 'requested' AND l.reverse_status LIKE 'CANCEL%') AS cancel_requested,
       l.external_reverse_order_id
     FROM order_lines l JOIN orders o ON o.id = l.order_id LEFT JOIN packages p ON p.id = l.package_id
     WHERE ($1::text IS NULL OR l.seller_id = $1) AND ($2::text IS NULL OR l.site = $2)
       AND l.status IN ('unpaid','pending','repacked','packed','ready_to_ship')
     ORDER BY o.placed_at, l.order_id, l.external_item_id LIMIT $3`,
    [scopedSellerId(scope) ?? null, options.site ?? null, options.limit ?? 1000],
  );
  const items = new Map<string, TodoItem>();
  for (const r of rows) {
    let action: TodoAction | undefined;
    if (r.cancel_requested) action = 'answer-cancel';
    else if (r.stock_state === 'unmatched') action = 'map-sku';
    else if (r.stock_state === 'short') action = 'short-of-stock';
    else if (r.status === 'pending' || r.status === 'repacked') action = 'pack';
    else if (r.status === 'packed') action = r.label_printed_at ? 'ready-to-ship' : 'print-label';
    else if (r.status === 'ready_to_ship' && r.package_status !== 'handed_over') action = 'hand-over';
    if (!action) continue;
    const key = `${action}\n${r.order_id}\n${action === 'answer-cancel' ? r.external_reverse_order_id : (r.package_id ?? '')}`;
    let item = items.get(key);
    if (!item) {
      item = {
        action,
        orderId: r.order_id,
        externalOrderId: r.external_order_id,
        site: r.site,
        sellerId: r.seller_id,
        placedAt: r.placed_at,
        lines: [],
        packageId: r.package_id,
        ...(action === 'answer-cancel' ? { reverseOrderId: r.external_reverse_order_id ?? undefined } : {}),
      };
      items.set(key, item);
    }
    item.lines.push({ lineId: r.line_id, sellerSku: r.seller_sku, status: r.status, quantity: r.quantity });
  }
  const returns = await store.query<{
    id: string;
    order_id: string;
    line_id: string;
    external_order_id: string;
    site: string;
    seller_id: string;
    placed_at: Date;
    seller_sku: string | null;
    status: LineStatus;
    quantity: number;
  }>(
    `SELECT r.id, r.order_id, r.line_id, o.external_order_id, o.site, o.seller_id, o.placed_at, l.seller_sku, l.status, l.quantity
     FROM order_returns r JOIN orders o ON o.id = r.order_id JOIN order_lines l ON l.id = r.line_id
     WHERE r.status = 'open' AND ($1::text IS NULL OR r.seller_id = $1) AND ($2::text IS NULL OR o.site = $2)
     ORDER BY r.created_at LIMIT $3`,
    [scopedSellerId(scope) ?? null, options.site ?? null, options.limit ?? 1000],
  );
  for (const r of returns) {
    items.set(`ret\n${r.id}`, {
      action: 'receive-return',
      orderId: r.order_id,
      externalOrderId: r.external_order_id,
      site: r.site,
      sellerId: r.seller_id,
      placedAt: r.placed_at,
      lines: [{ lineId: r.line_id, sellerSku: r.seller_sku, status: r.status, quantity: r.quantity }],
      packageId: null,
      returnId: r.id,
    });
  }
  return [...items.values()].sort(
    (a, b) => ORDER[a.action] - ORDER[b.action] || a.placedAt.getTime() - b.placedAt.getTime(),
  );
}

export interface OrderDetail extends OrderSummary {
  paymentMethod: string | null;
  buyerName: string | null;
  shippingFeeMinor: number;
  lines: LineRef[];
  packages: {
    id: string;
    externalPackageId: string;
    status: PackageStatus;
    trackingNumber: string | null;
    firstMileCarrier: string | null;
    firstMileTracking: string | null;
  }[];
}

export async function getOrderDetail(
  store: Pick<Store, 'query'>,
  scope: Scope,
  orderId: string,
): Promise<OrderDetail> {
  const ref = await orderInScope(store, scope, orderId);
  const [o] = await store.query<Record<string, unknown>>(`SELECT * FROM orders WHERE id = $1`, [ref.id]);
  const lines = await linesOf(store, ref.id);
  const packages = await store.query<Record<string, unknown>>(
    `SELECT id, external_package_id, status, tracking_number, first_mile_carrier, first_mile_tracking FROM packages WHERE order_id = $1 ORDER BY id`,
    [ref.id],
  );
  return {
    id: ref.id,
    sellerId: ref.sellerId,
    site: ref.site,
    externalOrderId: ref.externalOrderId,
    orderNumber: (o!.order_number as string | null) ?? null,
    currency: String(o!.currency),
    itemsTotalMinor: Number(o!.items_total_minor),
    itemsTotalKrw: Number(o!.items_total_krw),
    fxSnapshotId: String(o!.fx_snapshot_id),
    buyerCountry: (o!.buyer_country as string | null) ?? null,
    placedAt: o!.placed_at as Date,
    statuses: [...new Set(lines.map((l) => l.status))],
    paymentMethod: (o!.payment_method as string | null) ?? null,
    buyerName: (o!.buyer_name as string | null) ?? null,
    shippingFeeMinor: Number(o!.shipping_fee_minor),
    lines,
    packages: packages.map((p) => ({
      id: String(p.id),
      externalPackageId: String(p.external_package_id),
      status: p.status as PackageStatus,
      trackingNumber: (p.tracking_number as string | null) ?? null,
      firstMileCarrier: (p.first_mile_carrier as string | null) ?? null,
      firstMileTracking: (p.first_mile_tracking as string | null) ?? null,
    })),
  };
}

export interface TimelineEntry {
  at: Date;
  kind: string;
  lineId: string | null;
  from: string | null;
  to: string | null;
  source: string;
  detail: Record<string, unknown> | null;
}

/** Everything that happened to an order, oldest first: statuses, stock, seller actions, tracking. */
export async function orderTimeline(
  store: Pick<Store, 'query'>,
  scope: Scope,
  orderId: string,
): Promise<TimelineEntry[]> {
  const ref = await orderInScope(store, scope, orderId);
  const events = await store.query<Record<string, unknown>>(
    `SELECT at, kind, line_id, from_status, to_status, source, detail FROM order_events WHERE order_id = $1 ORDER BY at, id`,
    [ref.id],
  );
  const pkgs = await store.query<{ id: string }>(`SELECT id FROM packages WHERE order_id = $1`, [ref.id]);
  const tracking = await trackingTimeline(
    store,
    scope,
    pkgs.map((p) => p.id),
  );
  const out: TimelineEntry[] = events.map((e) => ({
    at: e.at as Date,
    kind: String(e.kind),
    lineId: (e.line_id as string | null) ?? null,
    from: (e.from_status as string | null) ?? null,
    to: (e.to_status as string | null) ?? null,
    source: String(e.source),
    detail: (e.detail as Record<string, unknown> | null) ?? null,
  }));
  for (const t of tracking) {
    out.push({
      at: t.at,
      kind: `tracking:${t.code}`,
      lineId: null,
      from: null,
      to: null,
      source: `${t.leg}:${t.carrier}`,
      detail: {
        packageId: t.packageId,
        trackingNumber: t.trackingNumber,
        description: t.description,
        location: t.location,
      },
    });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
