import { AppError } from '../../shared/index.ts';
import { isMarketplaceError } from '../errors.ts';
import { asObject, idString, numberValue, stringValue, type JsonObject } from '../lossless-json.ts';
import { ALIEXPRESS_TIME_ZONE, formatPacific, parseOptionalTime } from '../time-format.ts';
import { jsonWithIds, moneyFrom, numericId, type AdapterContext } from './common.ts';
import { AE_METHODS, listOf } from './aliexpress-catalog.ts';
import type {
  CancelRequest,
  OrderPage,
  OrderQuery,
  PackageOutcome,
  PackageRef,
  PackedItem,
  PackRequest,
  RemoteOrder,
  RemoteOrderItem,
  ShipmentProviders,
  ShippingDocument,
} from './types.ts';

/**
 * AliExpress orders: queries in US Pacific time (`param0`/`param1` JSON params), money as
 * `{amount, currency_code}`. AliExpress has no pack step: `pack` only prepares the package
 * reference (package id = order id) and `readyToShip` is `aliexpress.solution.order.fulfill`
 * with the seller's logistics service and tracking number.
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

async function orderInfo(ctx: AdapterContext, orderId: string): Promise<JsonObject> {
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
      raw: c,
    };
  });
}

export async function shipmentProviders(ctx: AdapterContext): Promise<ShipmentProviders> {
  const res = await ctx.client.call({
    api: AE_METHODS.logisticsServices,
    httpMethod: 'POST',
    params: {},
    session: ctx.session,
    idempotent: true,
  });
  const data = asObject(res.data);
  return {
    allocateType: 'NTFS',
    providers: listOf(data.result_list ?? data.logistics_service_list).map((raw) => {
      const s = asObject(raw);
      return {
        name: stringValue(s.display_name) ?? stringValue(s.service_name) ?? '',
        code: stringValue(s.service_name) ?? '',
      };
    }),
  };
}

export function pack(requests: PackRequest[]): PackedItem[] {
  return requests.flatMap((r) =>
    r.orderItemIds.map((id) => ({
      orderId: r.orderId,
      orderItemId: id,
      ok: true,
      packageId: r.orderId,
      trackingNumber: r.trackingNumber,
      shipmentProvider: r.shipmentProviderCode,
    })),
  );
}

export async function shippingLabel(ctx: AdapterContext, packages: PackageRef[]): Promise<ShippingDocument> {
  const first = packages[0];
  if (!first?.trackingNumber)
    throw new AppError('invalid_input', 'an AliExpress label needs the package tracking number');
  const res = await ctx.client.call({
    api: AE_METHODS.printInfo,
    httpMethod: 'POST',
    params: { international_logistics_id: first.trackingNumber },
    session: ctx.session,
    idempotent: true,
  });
  const data = asObject(res.data);
  return {
    docType: 'PDF',
    mimeType: 'application/pdf',
    base64: stringValue(data.body) ?? stringValue(data.file) ?? stringValue(asObject(data.result).body) ?? '',
  };
}

export async function readyToShip(ctx: AdapterContext, packages: PackageRef[]): Promise<PackageOutcome[]> {
  const out: PackageOutcome[] = [];
  for (const p of packages) {
    if (!p.trackingNumber || !p.shipmentProvider) {
      throw new AppError(
        'invalid_input',
        `AliExpress fulfil needs the logistics service and tracking number (order ${p.orderId ?? p.packageId})`,
      );
    }
    try {
      await ctx.client.call({
        api: AE_METHODS.fulfill,
        httpMethod: 'POST',
        params: {
          service_name: p.shipmentProvider,
          out_ref: p.orderId ?? p.packageId,
          send_type: 'all',
          logistics_no: p.trackingNumber,
        },
        session: ctx.session,
        idempotent: false,
      });
      out.push({ packageId: p.packageId, ok: true });
    } catch (e) {
      if (!isMarketplaceError(e) || e.errorClass !== 'business') throw e;
      out.push({
        packageId: p.packageId,
        ok: false,
        code: e.platformCode,
        message: e.platformMessage,
        retryable: false,
      });
    }
  }
  return out;
}

/** AliExpress sellers accept a buyer's cancellation request; there is no seller-initiated cancel. */
export async function cancel(ctx: AdapterContext, req: CancelRequest): Promise<void> {
  await ctx.client.call({
    api: AE_METHODS.acceptCancel,
    httpMethod: 'POST',
    params: {
      param_order_cancel_request: jsonWithIds({ order_id: numericId(req.orderId), memo: req.reasonDetail }),
    },
    session: ctx.session,
    idempotent: false,
  });
}
