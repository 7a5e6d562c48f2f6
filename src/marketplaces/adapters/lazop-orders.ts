import { AppError } from '../../shared/index.ts';
import { asArray, asObject, idString, numberValue, stringValue } from '../lossless-json.ts';
import { formatIsoWithOffset, parseOptionalTime } from '../time-format.ts';
import { moneyFrom, type AdapterContext } from './common.ts';
import type { OrderPage, OrderQuery, RemoteOrder, RemoteOrderItem } from './types.ts';

/**
 * Order reads for Lazada, Daraz and Miravia (research 2.6): venture-local times and offsets,
 * ids as strings, one order item per unit. Fulfillment is in lazop-fulfillment.ts.
 */

export function parseOrder(raw: unknown, ctx: AdapterContext): RemoteOrder {
  const o = asObject(raw);
  const cur = ctx.site.currency;
  return {
    orderId: idString(o.order_id) ?? '',
    orderNumber: idString(o.order_number),
    createdAt: parseOptionalTime(o.created_at, ctx.site.timeZone),
    updatedAt: parseOptionalTime(o.updated_at, ctx.site.timeZone),
    statuses: asArray(o.statuses).map((s) => stringValue(s) ?? ''),
    price: moneyFrom(o.price, cur),
    shippingFee: moneyFrom(o.shipping_fee, cur),
    itemsCount: numberValue(o.items_count),
    paymentMethod: stringValue(o.payment_method),
    raw: o,
  };
}

export function parseOrderItem(raw: unknown, ctx: AdapterContext): RemoteOrderItem {
  const i = asObject(raw);
  const cur = stringValue(i.currency) ?? ctx.site.currency;
  return {
    orderItemId: idString(i.order_item_id) ?? '',
    orderId: idString(i.order_id) ?? '',
    status: stringValue(i.status) ?? '',
    sellerSku: stringValue(i.sku),
    shopSku: stringValue(i.shop_sku),
    skuId: idString(i.sku_id),
    productId: idString(i.product_id),
    name: stringValue(i.name),
    itemPrice: moneyFrom(i.item_price, cur),
    paidPrice: moneyFrom(i.paid_price, cur),
    quantity: 1, // one order item per unit
    packageId: stringValue(i.package_id) || undefined,
    trackingCode: stringValue(i.tracking_code) || undefined,
    shipmentProvider: stringValue(i.shipment_provider) || undefined,
    raw: i,
  };
}

export async function listOrders(ctx: AdapterContext, q: OrderQuery): Promise<OrderPage> {
  if (!q.createdAfter && !q.updatedAfter)
    throw new AppError('invalid_input', '/orders/get needs createdAfter or updatedAfter');
  if ((q.offset ?? 0) > 5000)
    throw new AppError('invalid_input', 'offset above 5000: continue with a later time window instead');
  const tz = ctx.site.timeZone;
  const iso = (d: Date | undefined): string | undefined => (d ? formatIsoWithOffset(d, tz) : undefined);
  const res = await ctx.client.call({
    api: '/orders/get',
    params: {
      created_after: iso(q.createdAfter),
      created_before: iso(q.createdBefore),
      update_after: iso(q.updatedAfter),
      update_before: iso(q.updatedBefore),
      status: q.status,
      sort_by: q.sortBy,
      sort_direction: q.sortDirection,
      offset: q.offset ?? 0,
      limit: Math.min(q.limit ?? 100, 100),
    },
    session: ctx.session,
  });
  const data = asObject(res.data);
  const orders = asArray(data.orders).map((o) => parseOrder(o, ctx));
  return { orders, count: numberValue(data.count) ?? orders.length, total: numberValue(data.countTotal) };
}

export async function getOrder(ctx: AdapterContext, orderId: string): Promise<RemoteOrder> {
  const res = await ctx.client.call({
    api: '/order/get',
    params: { order_id: orderId },
    session: ctx.session,
  });
  return parseOrder(res.data, ctx);
}

export async function getOrderItems(ctx: AdapterContext, orderId: string): Promise<RemoteOrderItem[]> {
  const res = await ctx.client.call({
    api: '/order/items/get',
    params: { order_id: orderId },
    session: ctx.session,
  });
  return asArray(res.data).map((i) => parseOrderItem(i, ctx));
}
