import { ApiError, missingParameter } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext, type RouteTable } from '../core/api-types.ts';
import type { ItemStatus, OrderRecord } from '../core/model.ts';
import { parseIsoFilter } from '../core/time-format.ts';
import { orderItemView, orderView } from './order-view.ts';

const STATUS_FILTERS: Record<string, ItemStatus[]> = {
  unpaid: ['unpaid'],
  pending: ['pending'],
  packed: ['packed'],
  repacked: ['repacked'],
  ready_to_ship: ['ready_to_ship'],
  shipped: ['shipped'],
  delivered: ['delivered'],
  failed: ['failed_delivery'],
  failed_delivery: ['failed_delivery'],
  canceled: ['canceled'],
  returned: ['returned'],
  lost: ['lost_by_3pl'],
  lost_by_3pl: ['lost_by_3pl'],
  shipped_back: ['shipped_back'],
  shipped_back_success: ['shipped_back_success'],
  topack: ['pending', 'repacked'],
  toship: ['packed', 'ready_to_ship'],
  shipping: ['shipped'],
};

function time(ctx: CallContext, name: string): number | undefined {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') return undefined;
  const ms = parseIsoFilter(raw);
  if (ms === undefined) throw new ApiError('17', `E017: "${raw}" Invalid Date Format`);
  return ms;
}

/** The caller's order by `order_id`, or E016. */
export function ownOrder(ctx: CallContext, raw: string | undefined): OrderRecord {
  if (!raw) throw missingParameter('order_id');
  const order = ctx.rt.store.site(ctx.site.key).orders.get(Number(raw));
  if (!order || order.sellerId !== sellerOf(ctx)) throw new ApiError('16', `E016: "${raw}" Invalid Order ID`);
  return order;
}

/** `GET /orders/get`: by created or updated window (ISO 8601 with offset), status, sort, paging. */
function getOrders(ctx: CallContext): ApiBody {
  const sellerId = sellerOf(ctx);
  const p = ctx.params;
  const createdAfter = time(ctx, 'created_after');
  const createdBefore = time(ctx, 'created_before');
  const updateAfter = time(ctx, 'update_after');
  const updateBefore = time(ctx, 'update_before');
  if (createdAfter === undefined && updateAfter === undefined) throw missingParameter('created_after');
  let statuses: ItemStatus[] | undefined;
  if (p.status) {
    statuses = STATUS_FILTERS[p.status];
    if (!statuses) throw new ApiError('36', 'E036: Invalid status filter');
  }
  const sortBy = p.sort_by ?? 'created_at';
  if (sortBy !== 'created_at' && sortBy !== 'updated_at')
    throw new ApiError('75', 'E075: Invalid sort filter.');
  const direction = (p.sort_direction ?? 'DESC').toUpperCase();
  if (direction !== 'ASC' && direction !== 'DESC') throw new ApiError('74', 'E074: Invalid sort direction.');
  const offset = p.offset === undefined ? 0 : Number(p.offset);
  if (!Number.isInteger(offset) || offset < 0 || offset > 5000)
    throw new ApiError('14', `E014: "${p.offset}" Invalid Offset`);
  const limit = p.limit === undefined ? 100 : Number(p.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new ApiError('19', `E019: "${p.limit}" Invalid Limit`);
  const matches: OrderRecord[] = [];
  for (const o of ctx.rt.store.site(ctx.site.key).orders.values()) {
    if (o.sellerId !== sellerId) continue;
    if (createdAfter !== undefined && o.createdAt < createdAfter) continue;
    if (createdBefore !== undefined && o.createdAt >= createdBefore) continue;
    if (updateAfter !== undefined && o.updatedAt < updateAfter) continue;
    if (updateBefore !== undefined && o.updatedAt >= updateBefore) continue;
    if (statuses && !o.items.some((i) => statuses!.includes(i.status))) continue;
    matches.push(o);
  }
  const key = sortBy === 'created_at' ? (o: OrderRecord) => o.createdAt : (o: OrderRecord) => o.updatedAt;
  const sign = direction === 'ASC' ? 1 : -1;
  matches.sort((a, b) => sign * (key(a) - key(b) || a.orderId - b.orderId));
  const page = matches.slice(offset, offset + limit).map((o) => orderView(ctx.site, o));
  return { data: { count: page.length, countTotal: matches.length, orders: page } };
}

function getOrder(ctx: CallContext): ApiBody {
  return { data: orderView(ctx.site, ownOrder(ctx, ctx.params.order_id)) };
}

function getOrderItems(ctx: CallContext): ApiBody {
  const order = ownOrder(ctx, ctx.params.order_id);
  return { data: order.items.map((i) => orderItemView(ctx.site, order, i)) };
}

/** `order_ids=[1,2]` (≤50; the bracketed form is required, E056 otherwise). */
function getMultipleOrderItems(ctx: CallContext): ApiBody {
  const raw = ctx.params.order_ids;
  if (!raw) throw missingParameter('order_ids');
  if (!/^\[\s*\d+(\s*,\s*\d+)*\s*\]$/.test(raw))
    throw new ApiError('56', 'E056: Invalid order ids format, use [id1,id2]');
  const ids = raw
    .slice(1, -1)
    .split(',')
    .map((s) => s.trim());
  if (ids.length > 50) throw new ApiError('56', 'E056: At most 50 order ids');
  return {
    data: ids.map((id) => {
      const order = ownOrder(ctx, id);
      return {
        order_id: order.orderId,
        order_number: order.orderNumber,
        order_items: order.items.map((i) => orderItemView(ctx.site, order, i)),
      };
    }),
  };
}

export const ORDER_ROUTES: RouteTable = {
  '/orders/get': { auth: 'seller', handle: getOrders },
  '/order/get': { auth: 'seller', handle: getOrder },
  '/order/items/get': { auth: 'seller', handle: getOrderItems },
  '/orders/items/get': { auth: 'seller', handle: getMultipleOrderItems },
};
