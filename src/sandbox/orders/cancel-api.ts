import { invalidParameter, missingParameter } from '../core/api-error.ts';
import type { ApiBody, CallContext, RouteTable } from '../core/api-types.ts';
import type { OrderItemRecord, OrderRecord } from '../core/model.ts';
import type { Runtime } from '../core/runtime.ts';
import type { Site } from '../core/sites.ts';
import { canMove, moveItem } from './item-states.ts';
import { packageItems } from './logistics.ts';
import { ownOrder } from './order-api.ts';
import { setReverse } from './reverse-status.ts';

/** Seller cancellation reasons; ids differ by country as on the platforms. */
export function cancelReasons(site: Site): { reason_id: string; reason_name: string; zeroStock: boolean }[] {
  const base = 10_000_000 + site.index * 100;
  return [
    { reason_id: String(base + 1), reason_name: 'Out of stock', zeroStock: true },
    { reason_id: String(base + 2), reason_name: 'Wrong price or pricing error', zeroStock: true },
    { reason_id: String(base + 3), reason_name: 'Unable to ship within the SLA', zeroStock: false },
    { reason_id: String(base + 4), reason_name: 'Customer requested cancellation', zeroStock: false },
  ];
}

function idList(ctx: CallContext, name: string): number[] {
  const raw = ctx.params[name];
  if (!raw) throw missingParameter(name);
  try {
    const v = JSON.parse(raw) as unknown;
    if (Array.isArray(v) && v.length > 0) return v.map(Number);
  } catch {
    // fall through
  }
  throw invalidParameter(name, 'expected a JSON array such as [123,456]');
}

/** The items a cancel really hits: cancelling one item of a package cancels the whole package. */
export function cancelScope(rt: Runtime, order: OrderRecord, items: OrderItemRecord[]): OrderItemRecord[] {
  const data = rt.store.site(order.site);
  const scope = new Set(items);
  for (const item of items) {
    const pkg = item.packageId ? data.packages.get(item.packageId) : undefined;
    if (pkg) for (const mate of packageItems(order, pkg)) scope.add(mate);
  }
  return [...scope];
}

/** Cancels items (and their package mates); out-of-stock and wrong-price reasons zero the stock. */
export function cancelItems(
  rt: Runtime,
  order: OrderRecord,
  items: OrderItemRecord[],
  reason: { name: string; detail?: string; zeroStock: boolean },
  initiator: 'seller-cancel' | 'buyer-cancel' | 'system-cancel',
): void {
  const data = rt.store.site(order.site);
  for (const item of cancelScope(rt, order, items)) {
    if (!canMove(item.status, 'canceled')) continue;
    item.reason = reason.name;
    item.reasonDetail = reason.detail ?? '';
    item.cancelReturnInitiator = initiator;
    moveItem(rt, order, item, 'canceled');
    if (reason.zeroStock) {
      const p = data.products.get(item.itemId);
      const sku = p?.skus.find((s) => s.skuId === item.skuId);
      if (p && sku) {
        sku.quantity = sku.occupied;
        rt.store.touch('product', order.site, p.itemId);
        data.liveCache = undefined;
      }
    }
  }
}

function itemsOf(ctx: CallContext, order: OrderRecord, ids: number[]): OrderItemRecord[] {
  return ids.map((id) => {
    const item = order.items.find((i) => i.orderItemId === id);
    if (!item)
      throw invalidParameter('order_item_id_list', `order item ${id} is not in order ${order.orderId}`);
    return item;
  });
}

function validate(ctx: CallContext): ApiBody {
  const order = ownOrder(ctx, ctx.params.order_id);
  const items = itemsOf(ctx, order, idList(ctx, 'order_item_id_list'));
  const blocked = items.filter((i) => !canMove(i.status, 'canceled'));
  if (blocked.length > 0) {
    return {
      data: {
        tip_type: 'ERROR',
        tip_content: `Items in status ${[...new Set(blocked.map((i) => i.status))].join(', ')} cannot be cancelled`,
        reason_options: [],
      },
    };
  }
  const scope = cancelScope(ctx.rt, order, items);
  const extra = scope.length > items.length;
  return {
    data: {
      tip_type: extra ? 'WARNING' : 'NONE',
      tip_content: extra ? 'Cancelling these items also cancels the other items of their package' : '',
      reason_options: cancelReasons(ctx.site).map(({ reason_id, reason_name }) => ({
        reason_id,
        reason_name,
      })),
    },
  };
}

function create(ctx: CallContext): ApiBody {
  const order = ownOrder(ctx, ctx.params.order_id);
  const items = itemsOf(ctx, order, idList(ctx, 'order_item_id_list'));
  const reason = cancelReasons(ctx.site).find((r) => r.reason_id === ctx.params.reason_id);
  if (!reason) throw invalidParameter('reason_id', 'use a reason_id from /order/reverse/cancel/validate');
  const blocked = items.filter((i) => !canMove(i.status, 'canceled'));
  if (blocked.length > 0) {
    throw invalidParameter(
      'order_item_id_list',
      `items in status ${blocked.map((i) => i.status).join(', ')} cannot be cancelled`,
    );
  }
  cancelItems(
    ctx.rt,
    order,
    items,
    { name: reason.reason_name, detail: ctx.params.reason_detail, zeroStock: reason.zeroStock },
    'seller-cancel',
  );
  return { data: {} };
}

export const CANCEL_ROUTES: RouteTable = {
  '/order/reverse/cancel/validate': { auth: 'seller', handle: validate },
  '/order/reverse/cancel/create': { auth: 'seller', handle: create },
};

/** A buyer returns delivered items (admin-triggered): reverse order ids, push types 10 and 0. */
export function returnItems(
  rt: Runtime,
  order: OrderRecord,
  items: OrderItemRecord[],
  reason: string,
): number {
  const data = rt.store.site(order.site);
  let n = 0;
  const reverseOrderId = data.nextReverseId();
  for (const item of items) {
    if (!canMove(item.status, 'returned')) continue;
    item.returnStatus = 'RETURNED';
    item.reason = reason;
    item.cancelReturnInitiator = 'buyer-return';
    setReverse(rt, order, item, { reverseOrderId, status: 'REFUND_SUCCESS', requestType: 'RETURN' });
    moveItem(rt, order, item, 'returned', {
      reverse_order_id: String(reverseOrderId),
      reverse_order_line_id: String(item.reverseOrderLineId),
    });
    n += 1;
  }
  rt.store.touch('site', order.site, order.site);
  return n;
}
