import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import type { ItemStatus, OrderItemRecord, OrderRecord } from '../core/model.ts';
import { formatLocalDateTime, parseLocalDateTime } from '../core/time-format.ts';
import { canMove } from '../orders/item-states.ts';
import { aeError, aeMoney, jsonObject, ownOrder, PACIFIC, str, type Obj } from './ae-common.ts';

/**
 * AliExpress orders: `aliexpress.solution.order.get` (`param0`, Pacific-time ranges, AE order
 * statuses) and `.order.info.get` (`param1`). AliExpress statuses are computed from the sandbox's
 * per-unit items; a buyer's pending cancellation request shows as `IN_CANCEL`.
 */

const ITEM_STATUS: Record<ItemStatus, string> = {
  unpaid: 'PLACE_ORDER_SUCCESS',
  pending: 'WAIT_SELLER_SEND_GOODS',
  packed: 'WAIT_SELLER_SEND_GOODS',
  repacked: 'WAIT_SELLER_SEND_GOODS',
  ready_to_ship: 'WAIT_SELLER_SEND_GOODS',
  shipped: 'WAIT_BUYER_ACCEPT_GOODS',
  failed_delivery: 'WAIT_BUYER_ACCEPT_GOODS',
  shipped_back: 'IN_ISSUE',
  shipped_back_success: 'FINISH',
  lost_by_3pl: 'IN_ISSUE',
  delivered: 'FINISH',
  returned: 'FINISH',
  canceled: 'FINISH',
};

/** The AliExpress status of one child order (one unit). */
export function aeItemStatus(o: OrderRecord, i: OrderItemRecord): string {
  if (o.cancelRequest && canMove(i.status, 'canceled')) return 'IN_CANCEL';
  return ITEM_STATUS[i.status];
}

/** The AliExpress order status of an order, from its items. */
export function aeOrderStatus(o: OrderRecord): string {
  const has = (s: ItemStatus): boolean => o.items.some((i) => i.status === s);
  if (o.cancelRequest && o.items.some((i) => canMove(i.status, 'canceled'))) return 'IN_CANCEL';
  if (o.items.every((i) => i.status === 'unpaid')) return 'PLACE_ORDER_SUCCESS';
  if (has('pending') || has('packed') || has('repacked') || has('ready_to_ship')) {
    return has('shipped') ? 'SELLER_PART_SEND_GOODS' : 'WAIT_SELLER_SEND_GOODS';
  }
  if (has('shipped') || has('failed_delivery')) return 'WAIT_BUYER_ACCEPT_GOODS';
  if (has('shipped_back') || has('lost_by_3pl')) return 'IN_ISSUE';
  return 'FINISH';
}

function orderDto(ctx: CallContext, o: OrderRecord): Obj {
  const total = o.items.reduce((n, i) => n + i.itemPrice, 0) + o.shippingFee;
  return {
    order_id: o.orderId,
    gmt_create: formatLocalDateTime(o.createdAt, PACIFIC),
    gmt_update: formatLocalDateTime(o.updatedAt, PACIFIC),
    order_status: aeOrderStatus(o),
    pay_amount: aeMoney(ctx, total),
    payment_type: o.paymentMethod,
    buyer_login_id: `buyer${o.buyerId}`,
    ...(o.endReason ? { end_reason: o.endReason } : {}),
    product_list: {
      order_product_dto: o.items.map((i) => ({
        child_id: i.orderItemId,
        product_id: i.itemId,
        sku_code: i.sellerSku,
        product_name: i.name,
        product_count: 1,
        product_unit_price: aeMoney(ctx, i.itemPrice),
        send_goods_operator: 'WAREHOUSE_SEND_GOODS',
        logistics_no: i.trackingCode ?? '',
        order_status: aeItemStatus(o, i),
      })),
    },
  };
}

/** `aliexpress.solution.order.get`: `param0` with Pacific-time date ranges. */
export function getOrders(ctx: CallContext): ApiBody {
  const q = jsonObject(ctx, 'param0');
  const sellerId = sellerOf(ctx);
  const t = (k: string): number | undefined => {
    if (!q[k]) return undefined;
    const ms = parseLocalDateTime(str(q[k]), PACIFIC);
    if (ms === undefined) throw aeError('13060', `${k} must be yyyy-MM-dd HH:mm:ss (US Pacific time)`);
    return ms;
  };
  const cs = t('create_date_start');
  const ce = t('create_date_end');
  const ms = t('modified_date_start');
  const me = t('modified_date_end');
  const statuses = Array.isArray(q.order_status_list) ? new Set(q.order_status_list.map(String)) : undefined;
  const size = Math.min(50, Math.max(1, Number(q.page_size ?? 20) || 20));
  const page = Math.max(1, Number(q.current_page ?? 1) || 1);
  const all = [...ctx.rt.store.site(ctx.site.key).orders.values()]
    .filter(
      (o) =>
        o.sellerId === sellerId &&
        (cs === undefined || o.createdAt >= cs) &&
        (ce === undefined || o.createdAt <= ce) &&
        (ms === undefined || o.updatedAt >= ms) &&
        (me === undefined || o.updatedAt <= me) &&
        (!statuses || statuses.has(aeOrderStatus(o))),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
  return {
    result: {
      success: true,
      total_count: all.length,
      current_page: page,
      page_size: size,
      total_page: Math.ceil(all.length / size),
      target_list: { order_dto: all.slice((page - 1) * size, page * size).map((o) => orderDto(ctx, o)) },
    },
  };
}

/** `aliexpress.solution.order.info.get`: `param1` `{order_id}`. */
export function getOrderInfo(ctx: CallContext): ApiBody {
  const q = jsonObject(ctx, 'param1');
  const o = ownOrder(ctx, q.order_id);
  if (!o)
    return {
      result: { success: false, error_code: '16', error_message: `order ${str(q.order_id)} not found` },
    };
  const a = o.addressShipping;
  const packages = new Map<string, OrderItemRecord>();
  for (const i of o.items) if (i.packageId && i.trackingCode) packages.set(i.packageId, i);
  return {
    result: {
      success: true,
      data: {
        ...orderDto(ctx, o),
        id: o.orderId,
        buyerloginid: `buyer${o.buyerId}`,
        ...(o.endReason ? { order_end_reason: o.endReason } : {}),
        receipt_address: {
          contact_person: `${a.first_name} ${a.last_name}`,
          phone_country: a.phone.slice(0, 2),
          mobile_no: a.phone,
          address: a.address1,
          city: a.city,
          province: a.address3,
          zip: a.post_code,
          country: a.country,
        },
        logistic_info_list: {
          global_aeop_tp_logistic_info_dto: [...packages.values()].map((i) => ({
            logistics_no: i.trackingCode,
            logistics_service: i.shipmentProvider ?? '',
          })),
        },
        child_order_list: {
          global_aeop_tp_child_order_dto: o.items.map((i) => ({
            id: i.orderItemId,
            product_id: i.itemId,
            sku_code: i.sellerSku,
            product_name: i.name,
            product_count: 1,
            product_price: aeMoney(ctx, i.itemPrice),
            order_status: aeItemStatus(o, i),
            ...(i.trackingCode ? { logistics_no: i.trackingCode } : {}),
          })),
        },
      },
    },
  };
}
