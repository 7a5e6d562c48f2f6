import type { ApiBody, CallContext } from '../core/api-types.ts';
import type { OrderRecord } from '../core/model.ts';
import type { Runtime } from '../core/runtime.ts';
import { cancelItems } from '../orders/cancel-api.ts';
import { canMove } from '../orders/item-states.ts';
import { fail, jsonObject, ownOrder, str } from './ae-common.ts';

/**
 * Buyer cancellations on AliExpress: an unpaid order is cancelled at once; a paid one waits in
 * `IN_CANCEL` for the seller, who accepts (`aliexpress.trade.seller.order.acceptcancel`: the
 * order closes, `order_end_reason` says why) or refuses (`…refusecancel` with a `memo`: back to
 * where it was). Both take `param_order_cancel_request` `{order_id, buyer_login_id?, memo?}`.
 */

/** `order_end_reason` values the sandbox writes (AliExpress's own list is not published). */
export const END_REASONS = {
  unpaidCancel: 'buyer_cancel_notpay_order',
  acceptedCancel: 'cancel_order_close_trade',
} as const;

/** A buyer asks to cancel (admin-triggered). Returns what happened. */
export function requestBuyerCancel(
  rt: Runtime,
  order: OrderRecord,
  reason: string,
): 'canceled' | 'requested' | 'nothing' {
  const open = order.items.filter((i) => canMove(i.status, 'canceled'));
  if (open.length === 0) return 'nothing';
  if (order.items.every((i) => i.status === 'unpaid')) {
    cancelItems(rt, order, open, { name: reason, zeroStock: false }, 'buyer-cancel');
    order.endReason = END_REASONS.unpaidCancel;
    rt.store.touch('order', order.site, order.orderId);
    return 'canceled';
  }
  order.cancelRequest = { at: rt.now(), reason };
  order.updatedAt = rt.now();
  rt.store.touch('order', order.site, order.orderId);
  rt.stats.inc('orders.cancel_requested');
  return 'requested';
}

type Requested =
  | { ok: true; order: OrderRecord; request: NonNullable<OrderRecord['cancelRequest']>; memo: string }
  | { ok: false; body: ApiBody };

function requested(ctx: CallContext): Requested {
  const req = jsonObject(ctx, 'param_order_cancel_request');
  const order = ownOrder(ctx, req.order_id);
  if (!order) return { ok: false, body: fail('16', `order ${str(req.order_id)} not found`) };
  if (req.buyer_login_id !== undefined && str(req.buyer_login_id) !== `buyer${order.buyerId}`)
    return { ok: false, body: fail('13062', 'buyer_login_id is not the buyer of this order') };
  if (!order.cancelRequest)
    return { ok: false, body: fail('13061', `the buyer of order ${order.orderId} has not asked to cancel`) };
  return { ok: true, order, request: order.cancelRequest, memo: str(req.memo) };
}

/** `aliexpress.trade.seller.order.acceptcancel`. */
export function acceptCancel(ctx: CallContext): ApiBody {
  const found = requested(ctx);
  if (!found.ok) return found.body;
  const { order, request } = found;
  delete order.cancelRequest;
  const open = order.items.filter((i) => canMove(i.status, 'canceled'));
  cancelItems(ctx.rt, order, open, { name: request.reason, zeroStock: false }, 'buyer-cancel');
  if (order.items.every((i) => i.status === 'canceled')) order.endReason = END_REASONS.acceptedCancel;
  ctx.rt.store.touch('order', order.site, order.orderId);
  return { result: { success: true, target: true } };
}

/** `aliexpress.trade.seller.order.refusecancel` (a `memo` is required). */
export function refuseCancel(ctx: CallContext): ApiBody {
  const found = requested(ctx);
  if (!found.ok) return found.body;
  if (found.memo.trim() === '') return fail('13063', 'memo (the reason for refusing) is required');
  delete found.order.cancelRequest;
  found.order.updatedAt = ctx.now;
  ctx.rt.store.touch('order', found.order.site, found.order.orderId);
  return { result: { success: true, target: true } };
}
