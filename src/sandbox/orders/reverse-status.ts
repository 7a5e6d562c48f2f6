import type { OrderItemRecord, OrderRecord } from '../core/model.ts';
import type { Runtime } from '../core/runtime.ts';

/** The buyer's side of a reverse order (GetReverseOrdersForSeller's `request_type`). */
export type RequestType = 'CANCEL' | 'RETURN' | 'ONLY_REFUND';

/** Records an item's reverse status and pushes it (type 10). */
export function setReverse(
  rt: Runtime,
  order: OrderRecord,
  item: OrderItemRecord,
  change: { reverseOrderId: number; status: string; requestType: RequestType },
): void {
  const data = rt.store.site(order.site);
  const now = rt.now();
  if (item.reverseOrderId !== change.reverseOrderId || item.reverseOrderLineId === undefined) {
    item.reverseOrderId = change.reverseOrderId;
    item.reverseOrderLineId = data.nextReverseId();
    item.reverseCreatedAt = now;
  }
  item.reverseStatus = change.status;
  item.reverseRequestType = change.requestType;
  item.reverseModifiedAt = now;
  order.updatedAt = now;
  rt.store.touch('order', order.site, order.orderId);
  rt.notify(order.site, order.sellerId, 10, {
    reverse_order_id: String(change.reverseOrderId),
    reverse_order_line_id: String(item.reverseOrderLineId),
    trade_order_id: String(order.orderId),
    trade_order_line_id: String(item.orderItemId),
    reverse_status: change.status,
    buyer_id: order.buyerId,
    status_update_time: Math.floor(now / 1000),
  });
}
