import type { ItemStatus, OrderItemRecord, OrderRecord } from '../core/model.ts';
import type { Runtime } from '../core/runtime.ts';

/**
 * The order item lifecycle as data (one item per unit): unpaid → pending → packed (↔ repacked)
 * → ready_to_ship → shipped → delivered | failed_delivery …; cancel up to ready_to_ship;
 * returns after delivery. Every move is checked against this table.
 */
export const ITEM_TRANSITIONS: Readonly<Record<ItemStatus, readonly ItemStatus[]>> = {
  unpaid: ['pending', 'canceled'],
  pending: ['packed', 'canceled'],
  packed: ['ready_to_ship', 'repacked', 'canceled'],
  repacked: ['packed', 'canceled'],
  ready_to_ship: ['shipped', 'canceled'],
  shipped: ['delivered', 'failed_delivery', 'lost_by_3pl'],
  failed_delivery: ['shipped_back', 'shipped'],
  shipped_back: ['shipped_back_success'],
  delivered: ['returned'],
  canceled: [],
  returned: [],
  lost_by_3pl: [],
  shipped_back_success: [],
};

export function canMove(from: ItemStatus, to: ItemStatus): boolean {
  return ITEM_TRANSITIONS[from].includes(to);
}

/** Statuses in which the stock of the item is still held (not shipped, not released). */
const HOLDS_STOCK: ReadonlySet<ItemStatus> = new Set([
  'unpaid',
  'pending',
  'packed',
  'repacked',
  'ready_to_ship',
]);

/**
 * Moves one item if the table allows it: stock follows (released on cancel, leaves the warehouse
 * on shipping, comes back on a successful ship-back), and a type-0 push goes out. Returns false,
 * changing nothing, for an illegal move.
 */
export function moveItem(
  rt: Runtime,
  order: OrderRecord,
  item: OrderItemRecord,
  to: ItemStatus,
  extra: Record<string, unknown> = {},
): boolean {
  const from = item.status;
  if (!canMove(from, to)) return false;
  const now = rt.now();
  item.status = to;
  item.updatedAt = now;
  order.updatedAt = now;
  const data = rt.store.site(order.site);
  const itemId = data.itemBySkuId.get(item.skuId);
  const product = itemId === undefined ? undefined : data.products.get(itemId);
  const sku = product?.skus.find((s) => s.skuId === item.skuId);
  if (sku && product) {
    if (HOLDS_STOCK.has(from) && !HOLDS_STOCK.has(to)) sku.occupied = Math.max(0, sku.occupied - 1);
    if (to === 'shipped' && from === 'ready_to_ship') sku.quantity = Math.max(0, sku.quantity - 1);
    if (to === 'shipped_back_success') sku.quantity += 1;
    rt.store.touch('product', order.site, product.itemId);
    // Stock coming back (ship-back) makes an item buyable again.
    if (to === 'shipped_back_success') data.liveCache = undefined;
  }
  rt.store.touch('order', order.site, order.orderId);
  rt.stats.inc(`items.${to}`);
  rt.notify(
    order.site,
    order.sellerId,
    0,
    {
      trade_order_id: String(order.orderId),
      trade_order_line_id: String(item.orderItemId),
      order_status: to,
      status_update_time: Math.floor(now / 1000),
      ...extra,
    },
    { site: order.site, orderId: order.orderId, orderItemId: item.orderItemId },
  );
  return true;
}
