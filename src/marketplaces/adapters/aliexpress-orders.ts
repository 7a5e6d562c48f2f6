import { AppError } from '../../shared/index.ts';
import { asObject, idString, numberValue, stringValue, type JsonObject } from '../lossless-json.ts';
import { ALIEXPRESS_TIME_ZONE, formatPacific, parseOptionalTime } from '../time-format.ts';
import { jsonWithIds, moneyFrom, numericId, type AdapterContext } from './common.ts';
import { AE_METHODS, listOf } from './aliexpress-catalog.ts';
import type { OrderPage, OrderQuery, RemoteOrder, RemoteOrderItem } from './types.ts';

/**
 * AliExpress orders: queries in US Pacific time (`param0`/`param1` JSON params), money as
 * `{amount, currency_code}`. Fulfillment is in aliexpress-logistics.ts.
 */
function amount(value: unknown, fallback: string) {
  const o = asObject(value);
  return moneyFrom(o.amount ?? value, stringValue(o.currency_code) ?? fallback);
}

function parseOrder(raw: unknown, ctx: AdapterContext): RemoteOrder {
  const o = asObject(raw);
  const products = listOf(o.product_list ?? o.child_order_list);
  const status = stringValue(o.order_status);
  return {
    orderId: idString(o.order_id) ?? idString(o.id) ?? '',
    createdAt: parseOptionalTime(o.gmt_create, ALIEXPRESS_TIME_ZONE),
    updatedAt: parseOptionalTime(o.gmt_update ?? o.gmt_modified, ALIEXPRESS_TIME_ZONE),
    statuses: status ? [status] : [],
    price: amount(o.pay_amount ?? o.init_oder_amount ?? o.order_amount, ctx.site.currency),
    shippingFee: amount(o.logistics_amount, ctx.site.currency),
    itemsCount:
      products.reduce<number>((n, p) => n + (numberValue(asObject(p).product_count) ?? 1), 0) || undefined,
    paymentMethod: stringValue(o.payment_type),
    raw: o,
  };
}

export async function listOrders(ctx: AdapterContext, q: OrderQuery): Promise<OrderPage> {
  if (!q.createdAfter && !q.updatedAfter)
    throw new AppError('invalid_input', 'order queries need createdAfter or updatedAfter');
  const pageSize = Math.min(q.limit ?? 50, 50);
  const pt = (d: Date | undefined): string | undefined => (d ? formatPacific(d) : undefined);
  const res = await ctx.client.call({
    api: AE_METHODS.orderList,
    httpMethod: 'POST',
    params: {
      param0: {
        create_date_start: pt(q.createdAfter),
        create_date_end: pt(q.createdBefore),
        modified_date_start: pt(q.updatedAfter),
        modified_date_end: pt(q.updatedBefore),
        order_status_list: q.status ? [q.status] : undefined,
        page_size: pageSize,
        current_page: Math.floor((q.offset ?? 0) / pageSize) + 1,
      },
    },
    session: ctx.session,
    idempotent: true,
  });
  const data = asObject(res.data);
  const orders = listOf(data.target_list ?? data.order_list).map((o) => parseOrder(o, ctx));
  return { orders, count: orders.length, total: numberValue(data.total_count) };
}

export async function orderInfo(ctx: AdapterContext, orderId: string): Promise<JsonObject> {
  const res = await ctx.client.call({
    api: AE_METHODS.orderInfo,
    httpMethod: 'POST',
    params: { param1: jsonWithIds({ order_id: numericId(orderId), ext_info_bit_flag: 11111 }) },
    session: ctx.session,
    idempotent: true,
  });
  const data = asObject(res.data);
  return asObject(data.data ?? data);
}

export async function getOrder(ctx: AdapterContext, orderId: string): Promise<RemoteOrder> {
  return parseOrder(await orderInfo(ctx, orderId), ctx);
}

export async function getOrderItems(ctx: AdapterContext, orderId: string): Promise<RemoteOrderItem[]> {
  const info = await orderInfo(ctx, orderId);
  const orderStatus = stringValue(info.order_status) ?? '';
  return listOf(info.child_order_list).map((raw) => {
    const c = asObject(raw);
    return {
      orderItemId: idString(c.id) ?? idString(c.child_order_id) ?? '',
      orderId: idString(info.id) ?? orderId,
      status: stringValue(c.order_status) ?? orderStatus,
      sellerSku: stringValue(c.sku_code),
      productId: idString(c.product_id),
      name: stringValue(c.product_name),
      itemPrice: amount(c.product_price, ctx.site.currency),
      quantity: numberValue(c.product_count) ?? 1,
      trackingCode: stringValue(c.logistics_no),
      raw: c,
    };
  });
}
