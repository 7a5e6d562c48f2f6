import { AppError, toDecimalString } from '../../shared/index.ts';
import { isMarketplaceError, type MarketplaceError } from '../errors.ts';
import { asObject, idString, stringValue, type JsonObject } from '../lossless-json.ts';
import { jsonWithIds, numericId, type AdapterContext } from './common.ts';
import { AE_METHODS, listOf } from './aliexpress-catalog.ts';
import { orderInfo } from './aliexpress-orders.ts';
import type {
  AeLogisticsAddress,
  AeLogisticsOrder,
  CancelRequest,
  PackageOutcome,
  PackageRef,
  PackedItem,
  PackRequest,
  ShipmentProviders,
  ShippingDocument,
} from './types.ts';

/**
 * AliExpress fulfillment. Pack: with online logistics (`aliexpress` inputs on the request) an
 * `aliexpress.logistics.createwarehouseorder` logistics order, which returns the platform
 * (Cainiao) tracking number; with the seller's own logistics (a `trackingNumber` given) nothing
 * is called. Label: `aliexpress.logistics.redefining.getprintinfo` by that tracking number (one
 * package per call). Ready to ship: `aliexpress.solution.order.fulfill` (declare shipment).
 * Cancel: accept the buyer's request (`…acceptcancel`); there is no seller-initiated cancel.
 * Calls that may have acted without an answer are reconciled from the order, never repeated.
 */

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

function address(a: AeLogisticsAddress): JsonObject {
  if ('addressId' in a) return { address_id: numericId(a.addressId) };
  return {
    name: a.name,
    phone: a.phone,
    mobile: a.phone,
    country: a.country,
    province: a.province,
    city: a.city,
    street_address: a.streetAddress,
    post_code: a.postCode,
    email: a.email,
  };
}

function warehouseParams(r: PackRequest, o: AeLogisticsOrder): Record<string, string> {
  const params: Record<string, string> = {
    trade_order_id: r.orderId,
    trade_order_from: 'ESCROW',
    warehouse_carrier_service: r.shipmentProviderCode ?? '',
    address_d_t_os: jsonWithIds({
      sender: address(o.sender),
      ...(o.pickup ? { pickup: address(o.pickup) } : {}),
    }),
    declare_product_d_t_os: jsonWithIds(
      o.declarations.map((d) => ({
        productId: numericId(d.productId ?? '0'),
        categoryEnDesc: d.nameEn,
        categoryCnDesc: d.nameCn,
        productNum: d.quantity,
        productDeclareAmount: toDecimalString(d.value),
        productWeight: d.weightKg,
        isContainsBattery: d.containsBattery ? 1 : 0,
        hsCode: d.hsCode,
      })),
    ),
    undeliverable_decision: o.undeliverable === 'destroy' ? '1' : '0',
  };
  if (o.domesticTracking) {
    params.domestic_logistics_company = o.domesticTracking.company;
    params.domestic_logistics_company_id = o.domesticTracking.companyId ?? '-1';
    params.domestic_tracking_no = o.domesticTracking.trackingNumber;
  }
  return params;
}

/** The logistics already on the order (reconciles a logistics-order call that got no answer). */
async function existingLogistics(
  ctx: AdapterContext,
  orderId: string,
): Promise<{ trackingNumber: string; service?: string | undefined } | undefined> {
  const info = await orderInfo(ctx, orderId);
  const first = asObject(listOf(info.logistic_info_list)[0]);
  const trackingNumber = stringValue(first.logistics_no);
  return trackingNumber ? { trackingNumber, service: stringValue(first.logistics_service) } : undefined;
}

function packed(r: PackRequest, trackingNumber: string | undefined, packageId: string): PackedItem[] {
  return r.orderItemIds.map((id) => ({
    orderId: r.orderId,
    orderItemId: id,
    ok: true,
    packageId,
    trackingNumber,
    shipmentProvider: r.shipmentProviderCode,
  }));
}

export async function pack(ctx: AdapterContext, requests: PackRequest[]): Promise<PackedItem[]> {
  const out: PackedItem[] = [];
  for (const r of requests) {
    if (r.trackingNumber) {
      // The seller's own logistics: the package is the order, shipped under the seller's number.
      out.push(...packed(r, r.trackingNumber, r.orderId));
      continue;
    }
    if (!r.shipmentProviderCode || !r.aliexpress) {
      throw new AppError(
        'invalid_input',
        `AliExpress order ${r.orderId}: give either trackingNumber (own logistics) or shipmentProviderCode and aliexpress {sender, declarations} (online logistics)`,
      );
    }
    try {
      const res = await ctx.client.call({
        api: AE_METHODS.warehouseOrder,
        httpMethod: 'POST',
        params: warehouseParams(r, r.aliexpress),
        session: ctx.session,
        idempotent: false,
      });
      const d = asObject(res.data);
      const tracking = stringValue(d.intl_tracking_no);
      out.push(...packed(r, tracking, idString(d.warehouse_order_id) ?? tracking ?? r.orderId));
    } catch (e) {
      if (!isMarketplaceError(e)) throw e;
      const existing = e.outcomeUnknown ? await existingLogistics(ctx, r.orderId) : undefined;
      if (existing) {
        out.push(...packed(r, existing.trackingNumber, existing.trackingNumber));
        continue;
      }
      if (e.errorClass !== 'business') throw e;
      out.push(
        ...r.orderItemIds.map((id) => ({
          orderId: r.orderId,
          orderItemId: id,
          ok: false,
          code: e.platformCode,
          message: e.platformMessage,
          retryable: false,
        })),
      );
    }
  }
  return out;
}

/** The label PDF: `result` is a JSON text `{"body": <base64 PDF>}` (or the base64 itself). */
function labelBase64(data: JsonObject): string {
  const result = data.result;
  if (typeof result === 'string') {
    if (result.startsWith('{')) {
      try {
        return stringValue(asObject(JSON.parse(result)).body) ?? '';
      } catch {
        return '';
      }
    }
    return result;
  }
  const r = asObject(result);
  return stringValue(r.body) ?? stringValue(data.body) ?? stringValue(data.file) ?? '';
}

export async function shippingLabel(ctx: AdapterContext, packages: PackageRef[]): Promise<ShippingDocument> {
  const [first, ...rest] = packages;
  if (!first?.trackingNumber)
    throw new AppError('invalid_input', 'an AliExpress label needs the package tracking number');
  if (rest.length > 0)
    throw new AppError('invalid_input', 'AliExpress prints one label per call: ask per package');
  const res = await ctx.client.call({
    api: AE_METHODS.printInfo,
    httpMethod: 'POST',
    params: { international_logistics_id: first.trackingNumber },
    session: ctx.session,
    idempotent: true,
  });
  const base64 = labelBase64(asObject(res.data));
  if (base64 === '')
    throw new AppError('upstream', `AliExpress answered no label for ${first.trackingNumber}`);
  return { docType: 'PDF', mimeType: 'application/pdf', base64 };
}

/** Order statuses after a shipment declaration took effect. */
const DECLARED = new Set(['SELLER_PART_SEND_GOODS', 'WAIT_BUYER_ACCEPT_GOODS', 'FUND_PROCESSING', 'FINISH']);

function businessOutcome(packageId: string, e: MarketplaceError): PackageOutcome {
  return { packageId, ok: false, code: e.platformCode, message: e.platformMessage, retryable: false };
}

export async function readyToShip(ctx: AdapterContext, packages: PackageRef[]): Promise<PackageOutcome[]> {
  const out: PackageOutcome[] = [];
  for (const p of packages) {
    const orderId = p.orderId ?? p.packageId;
    if (!p.trackingNumber || !p.shipmentProvider) {
      throw new AppError(
        'invalid_input',
        `AliExpress fulfil needs the logistics service and tracking number (order ${orderId})`,
      );
    }
    try {
      await ctx.client.call({
        api: AE_METHODS.fulfill,
        httpMethod: 'POST',
        params: {
          service_name: p.shipmentProvider,
          out_ref: orderId,
          send_type: 'all',
          logistics_no: p.trackingNumber,
        },
        session: ctx.session,
        idempotent: false,
      });
      out.push({ packageId: p.packageId, ok: true });
    } catch (e) {
      if (!isMarketplaceError(e)) throw e;
      if (e.outcomeUnknown) {
        const status = stringValue((await orderInfo(ctx, orderId)).order_status) ?? '';
        if (DECLARED.has(status)) {
          out.push({ packageId: p.packageId, ok: true });
          continue;
        }
        throw e;
      }
      if (e.errorClass !== 'business') throw e;
      out.push(businessOutcome(p.packageId, e));
    }
  }
  return out;
}

/** Accepts the buyer's cancellation request; an unanswered accept is reconciled from the order. */
export async function cancel(ctx: AdapterContext, req: CancelRequest): Promise<void> {
  try {
    await ctx.client.call({
      api: AE_METHODS.acceptCancel,
      httpMethod: 'POST',
      params: { param_order_cancel_request: jsonWithIds({ order_id: numericId(req.orderId) }) },
      session: ctx.session,
      idempotent: false,
    });
  } catch (e) {
    if (!isMarketplaceError(e) || !e.outcomeUnknown) throw e;
    const info = await orderInfo(ctx, req.orderId);
    const status = stringValue(info.order_status);
    if (status === 'FINISH' && stringValue(info.order_end_reason)) return;
    throw e;
  }
}

/** Refuses the buyer's cancellation request (a reason is required). */
export async function refuseCancel(ctx: AdapterContext, orderId: string, reason: string): Promise<void> {
  if (reason.trim() === '') throw new AppError('invalid_input', 'refusing a cancellation needs a reason');
  await ctx.client.call({
    api: AE_METHODS.refuseCancel,
    httpMethod: 'POST',
    params: { param_order_cancel_request: jsonWithIds({ order_id: numericId(orderId), memo: reason }) },
    session: ctx.session,
    idempotent: false,
  });
}
