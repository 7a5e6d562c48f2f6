import type { Describe } from './customs-papers.ts';
import type { Store } from '../db/index.ts';
import type { HubRateCard } from '../logistics/index.ts';
import { AppError, scopedSellerId, type Clock, type Scope } from '../shared/index.ts';
import type { LineStatus } from './line-states.ts';
import type { StockState } from './line-stock.ts';
import { applyOrders, type ApplySummary, type ReportSource } from './apply-orders.ts';
import { applyReverse } from './apply-reverse.ts';
import { cancelRequestReports } from './cancel-requests.ts';
import { siteById, type ChannelDirectory, type MarketplaceGateway, type OrderChannel } from './channels.ts';
import type { OrderFx } from './order-fx.ts';
import { snapshotFromRemote } from './snapshot.ts';

/** What seller and operator actions on orders need. */
export interface OrderDeps {
  store: Store;
  gateway: MarketplaceGateway;
  channels: ChannelDirectory;
  fx: OrderFx;
  clock: Clock;
  /** The English description of goods for customs papers (localization's English title). */
  describe?: Describe | undefined;
  /** The operator's rate card for the Daraz hub (KBRIDGE_DARAZ_HUB_RATE_CARD), when one is loaded. */
  darazHubRateCard?: HubRateCard | undefined;
}

export interface OrderRef {
  id: string;
  sellerId: string;
  site: string;
  externalOrderId: string;
  externalSellerId: string;
}

export interface LineRef {
  id: string;
  orderId: string;
  externalItemId: string;
  status: LineStatus;
  stockState: StockState;
  variantId: string | null;
  sellerSku: string | null;
  quantity: number;
  packageId: string | null;
  externalPackageId: string | null;
  trackingNumber: string | null;
  shipmentProvider: string | null;
}

/** An order in scope (a seller key sees only its own; another's is "not found"). */
export async function orderInScope(
  store: Pick<Store, 'query'>,
  scope: Scope,
  orderId: string,
): Promise<OrderRef> {
  const [r] = await store.query<{
    id: string;
    seller_id: string;
    site: string;
    external_order_id: string;
    external_seller_id: string;
  }>(
    `SELECT id, seller_id, site, external_order_id, external_seller_id FROM orders
     WHERE (id = $1 OR external_order_id = $1) AND ($2::text IS NULL OR seller_id = $2) ORDER BY id LIMIT 1`,
    [orderId, scopedSellerId(scope) ?? null],
  );
  if (!r) throw new AppError('not_found', `order ${orderId} not found`, { details: { orderId } });
  return {
    id: r.id,
    sellerId: r.seller_id,
    site: r.site,
    externalOrderId: r.external_order_id,
    externalSellerId: r.external_seller_id,
  };
}

export async function linesOf(store: Pick<Store, 'query'>, orderId: string): Promise<LineRef[]> {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT id, order_id, external_item_id, status, stock_state, variant_id, seller_sku, quantity, package_id,
       external_package_id, tracking_number, shipment_provider
     FROM order_lines WHERE order_id = $1 ORDER BY external_item_id`,
    [orderId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    orderId: String(r.order_id),
    externalItemId: String(r.external_item_id),
    // Written only through line-states/line-stock, so the stored text is one of their values.
    status: r.status as LineStatus,
    stockState: r.stock_state as StockState,
    variantId: (r.variant_id as string | null) ?? null,
    sellerSku: (r.seller_sku as string | null) ?? null,
    quantity: Number(r.quantity),
    packageId: (r.package_id as string | null) ?? null,
    externalPackageId: (r.external_package_id as string | null) ?? null,
    trackingNumber: (r.tracking_number as string | null) ?? null,
    shipmentProvider: (r.shipment_provider as string | null) ?? null,
  }));
}

/** The channel an order came through. */
export async function channelOf(deps: Pick<OrderDeps, 'channels'>, order: OrderRef): Promise<OrderChannel> {
  const c = await deps.channels.find(order.site, order.externalSellerId);
  if (!c) throw new AppError('not_found', `no channel for ${order.site} seller ${order.externalSellerId}`);
  return c;
}

/**
 * Reads the order from the marketplace and applies it (after a seller action, or on request):
 * the same exactly-once path as pushes, so the result is the same whichever comes first.
 */
export async function refreshOrder(
  deps: OrderDeps,
  order: OrderRef,
  source: ReportSource = 'manual',
): Promise<ApplySummary> {
  const channel = await channelOf(deps, order);
  const adapter = deps.gateway.adapter(channel);
  const [remote, items] = await Promise.all([
    adapter.getOrder(order.externalOrderId),
    adapter.getOrderItems(order.externalOrderId),
  ]);
  const snapshot = snapshotFromRemote(
    siteById(order.site),
    order.externalSellerId,
    remote,
    items,
    deps.clock.now(),
  );
  const fx = await deps.fx.at(snapshot.placedAt);
  return deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const requests = await cancelRequestReports(tx, snapshot, source, now);
    const summary = await applyOrders(tx, [{ kind: 'snapshot', channel, snapshot, fx, source }], now);
    if (requests.length > 0) await applyReverse(tx, requests, now);
    return summary;
  });
}

/** Appends one event to an order's timeline. */
export async function recordEvent(
  store: Pick<Store, 'query'>,
  e: {
    sellerId: string;
    orderId: string;
    lineId?: string | null;
    kind: string;
    source: string;
    detail?: Record<string, unknown> | null;
    at: Date;
  },
): Promise<void> {
  await store.query(
    `INSERT INTO order_events (seller_id, order_id, line_id, kind, source, detail, at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [
      e.sellerId,
      e.orderId,
      e.lineId ?? null,
      e.kind,
      e.source,
      e.detail ? JSON.stringify(e.detail) : null,
      e.at,
    ],
  );
}
