import { ApiError, invalidParameter, missingParameter } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext, type RouteTable } from '../core/api-types.ts';
import type { OrderItemRecord, OrderRecord } from '../core/model.ts';
import type { Runtime } from '../core/runtime.ts';
import { cancelItems } from './cancel-api.ts';
import { canMove } from './item-states.ts';
import { setReverse } from './reverse-status.ts';

/**
 * Reverse orders on Lazada, Daraz and Miravia: a buyer's cancellation request, a return, a refund.
 * Each item keeps its reverse order's latest status; every change is a type-10 push and shows in
 * `/reverse/getreverseordersforseller` (GetReverseOrdersForSeller: page_no/page_size, status and
 * id filters, `ReverseOrderLineModifiedTimeRangeStart/End` in ms; answered in a `result` wrapper
 * with `items[]` of reverse orders and their `reverse_order_lines[]`). A paid buyer's cancellation
 * waits in `CANCEL_INIT` for the seller: `/order/reverse/cancel/seller/decide` (`reverse_order_id`,
 * `agree_cancel`, `reason_code`) cancels the items (`CANCEL_SUCCESS`) or keeps them
 * (`CANCEL_REFUSED`; the platform's own name for a refused cancel is not published).
 */
/**
 * A buyer asks to cancel (admin-triggered): unpaid items are cancelled at once; paid ones not yet
 * shipped wait for the seller under one reverse order in `CANCEL_INIT`.
 */
export function requestLazopCancel(
  rt: Runtime,
  order: OrderRecord,
  reason: string,
): 'canceled' | 'requested' | 'nothing' {
  const open = order.items.filter((i) => canMove(i.status, 'canceled') && i.reverseStatus !== 'CANCEL_INIT');
  if (open.length === 0) return 'nothing';
  if (open.every((i) => i.status === 'unpaid')) {
    cancelItems(rt, order, open, { name: reason, zeroStock: false }, 'buyer-cancel');
    return 'canceled';
  }
  const reverseOrderId = rt.store.site(order.site).nextReverseId();
  for (const item of open.filter((i) => i.status !== 'unpaid')) {
    item.reason = reason;
    setReverse(rt, order, item, { reverseOrderId, status: 'CANCEL_INIT', requestType: 'CANCEL' });
  }
  rt.stats.inc('orders.cancel_requested');
  return 'requested';
}

function reverseItems(
  ctx: CallContext,
  reverseOrderId: number,
): { order: OrderRecord; items: OrderItemRecord[] } | undefined {
  const sellerId = sellerOf(ctx);
  for (const order of ctx.rt.store.site(ctx.site.key).orders.values()) {
    if (order.sellerId !== sellerId) continue;
    const items = order.items.filter((i) => i.reverseOrderId === reverseOrderId);
    if (items.length > 0) return { order, items };
  }
  return undefined;
}

function decide(ctx: CallContext): ApiBody {
  const raw = ctx.params.reverse_order_id;
  if (!raw) throw missingParameter('reverse_order_id');
  const found = reverseItems(ctx, Number(raw));
  if (!found) throw new ApiError('105', 'E0105: reverse order id is empty or invalid');
  const agree = ctx.params.agree_cancel;
  if (agree !== 'true' && agree !== 'false') throw invalidParameter('agree_cancel', 'true or false');
  const waiting = found.items.filter((i) => i.reverseStatus === 'CANCEL_INIT');
  if (waiting.length === 0) throw new ApiError('131', 'E0131: no decision for this reverse order');
  const change = { reverseOrderId: Number(raw), requestType: 'CANCEL' as const };
  if (agree === 'true') {
    const reason = waiting[0]!.reason ?? 'Buyer requested cancellation';
    cancelItems(ctx.rt, found.order, waiting, { name: reason, zeroStock: false }, 'buyer-cancel');
    for (const i of waiting) setReverse(ctx.rt, found.order, i, { ...change, status: 'CANCEL_SUCCESS' });
  } else {
    for (const i of waiting) setReverse(ctx.rt, found.order, i, { ...change, status: 'CANCEL_REFUSED' });
  }
  return { data: null };
}

function jsonList(ctx: CallContext, name: string): string[] | undefined {
  const raw = ctx.params[name];
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as unknown;
    if (Array.isArray(v)) return v.map(String);
  } catch {
    // fall through
  }
  throw invalidParameter(name, 'expected a JSON array such as ["CANCEL_INIT"]');
}

function ms(ctx: CallContext, name: string): number | undefined {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw invalidParameter(name, 'a timestamp in milliseconds');
  return n;
}

/** `/reverse/getreverseordersforseller`: the seller's reverse orders, oldest change first, paged. */
function list(ctx: CallContext): ApiBody {
  const sellerId = sellerOf(ctx);
  const p = ctx.params;
  const pageSize = Number(p.page_size);
  const pageNo = Number(p.page_no);
  if (!p.page_size) throw missingParameter('page_size');
  if (!p.page_no) throw missingParameter('page_no');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
    throw invalidParameter('page_size', '1 to 100');
  if (!Number.isInteger(pageNo) || pageNo < 1) throw invalidParameter('page_no', 'from 1');
  const from = ms(ctx, 'ReverseOrderLineModifiedTimeRangeStart');
  const to = ms(ctx, 'ReverseOrderLineModifiedTimeRangeEnd');
  const statuses = jsonList(ctx, 'reverse_status_list');
  const types = jsonList(ctx, 'request_type_list');
  const reverseId = p.reverse_order_id && p.reverse_order_id !== '0' ? Number(p.reverse_order_id) : undefined;
  const tradeId = p.trade_order_id && p.trade_order_id !== '0' ? Number(p.trade_order_id) : undefined;
  const groups = new Map<number, { order: OrderRecord; items: OrderItemRecord[]; modified: number }>();
  for (const order of ctx.rt.store.site(ctx.site.key).orders.values()) {
    if (order.sellerId !== sellerId || (tradeId !== undefined && order.orderId !== tradeId)) continue;
    for (const i of order.items) {
      if (i.reverseOrderId === undefined || !i.reverseStatus || i.reverseModifiedAt === undefined) continue;
      if (reverseId !== undefined && i.reverseOrderId !== reverseId) continue;
      if (from !== undefined && i.reverseModifiedAt < from) continue;
      if (to !== undefined && i.reverseModifiedAt > to) continue;
      if (statuses && !statuses.includes(i.reverseStatus)) continue;
      if (types && !types.includes(i.reverseRequestType ?? '')) continue;
      let g = groups.get(i.reverseOrderId);
      if (!g) groups.set(i.reverseOrderId, (g = { order, items: [], modified: 0 }));
      g.items.push(i);
      g.modified = Math.max(g.modified, i.reverseModifiedAt);
    }
  }
  const all = [...groups.entries()].sort((a, b) => a[1].modified - b[1].modified || a[0] - b[0]);
  const page = all.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  return {
    result: {
      success: true,
      page_no: pageNo,
      page_size: pageSize,
      total: all.length,
      items: page.map(([id, g]) => ({
        reverse_order_id: id,
        trade_order_id: g.order.orderId,
        request_type: g.items[0]!.reverseRequestType ?? 'RETURN',
        is_rtm: g.items[0]!.reverseRequestType === 'RETURN',
        shipping_type: 'Dropshipping',
        reverse_order_lines: g.items.map((i) => ({
          reverse_order_line_id: i.reverseOrderLineId,
          trade_order_line_id: i.orderItemId,
          reverse_status: i.reverseStatus,
          reason_text: i.reason ?? '',
          seller_sku_id: i.sellerSku,
          platform_sku_id: String(i.skuId),
          item_unit_price: i.itemPrice,
          refund_amount: i.paidPrice,
          buyer: { buyer_id: g.order.buyerId },
          is_dispute: false,
          tracking_number: '',
          trade_order_gmt_create: g.order.createdAt,
          return_order_line_gmt_create: i.reverseCreatedAt ?? i.reverseModifiedAt,
          return_order_line_gmt_modified: i.reverseModifiedAt,
        })),
      })),
    },
  };
}

export const REVERSE_ROUTES: RouteTable = {
  '/reverse/getreverseordersforseller': { auth: 'seller', handle: list },
  '/order/reverse/cancel/seller/decide': { auth: 'seller', handle: decide },
};
