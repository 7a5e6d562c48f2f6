import type { ApiBody, CallContext } from '../core/api-types.ts';
import type { OrderRecord, PackageRecord } from '../core/model.ts';
import { renderAwb } from '../orders/awb.ts';
import { moveItem } from '../orders/item-states.ts';
import { createPackage, markReadyToShip, packageItems, sellerOfOrder } from '../orders/logistics.ts';
import { aeError, asArr, asObj, jsonArg, jsonObject, ownOrder, str } from './ae-common.ts';
import { aeOrderStatus } from './ae-orders.ts';

/**
 * AliExpress logistics: the seller's logistics services
 * (`aliexpress.logistics.redefining.listlogisticsservice`), online logistics orders
 * (`aliexpress.logistics.createwarehouseorder`: the pack step, which gets a platform tracking
 * number), the label by that number (`aliexpress.logistics.redefining.getprintinfo`: `result` is a
 * JSON text `{"body": <base64 PDF>}`) and the shipment declaration
 * (`aliexpress.solution.order.fulfill`: ready to ship; the goods count as sent).
 */

export interface AeLogisticsService {
  service_name: string;
  display_name: string;
  logistics_company: string;
  tracking_no_regex: string;
  min_process_day: number;
  max_process_day: number;
  recommend_order: number;
  /** Offered as an online logistics (warehouse order) service. */
  online: boolean;
}

const CAINIAO_TRACKING = '^[A-Z0-9]{8,30}$';

export const AE_LOGISTICS_SERVICES: readonly AeLogisticsService[] = [
  ['CAINIAO_STANDARD', 'AliExpress Standard Shipping', 'Cainiao', CAINIAO_TRACKING, 1, true],
  ['CAINIAO_PREMIUM', 'AliExpress Premium Shipping', 'Cainiao', CAINIAO_TRACKING, 2, true],
  ['CAINIAO_ECONOMY', 'Cainiao Super Economy Global', 'Cainiao', CAINIAO_TRACKING, 3, true],
  ['EMS', 'EMS (Korea Post)', 'Korea Post', '^[A-Z]{2}\\d{9}[A-Z]{2}$', 4, false],
].map(([service_name, display_name, logistics_company, tracking_no_regex, recommend_order, online]) => ({
  service_name: service_name as string,
  display_name: display_name as string,
  logistics_company: logistics_company as string,
  tracking_no_regex: tracking_no_regex as string,
  min_process_day: 1,
  max_process_day: 7,
  recommend_order: recommend_order as number,
  online: online as boolean,
}));

const SERVICES = new Map(AE_LOGISTICS_SERVICES.map((s) => [s.service_name, s]));
const TRACKING = new Map(AE_LOGISTICS_SERVICES.map((s) => [s.service_name, new RegExp(s.tracking_no_regex)]));

/** `aliexpress.logistics.redefining.listlogisticsservice` (no business parameters). */
export function listLogisticsServices(): ApiBody {
  return {
    result_success: true,
    result_list: {
      aeop_logistics_service_result: AE_LOGISTICS_SERVICES.map(({ online, ...s }) => {
        void online;
        return s;
      }),
    },
  };
}

function warehouseFail(code: string, message: string): ApiBody {
  return { result: { success: false, error_code: code, error_desc: message }, result_success: false };
}

/** A sender/pickup address: a saved `address_id`, or name, country, city, street and a phone. */
function addressProblem(raw: unknown, role: string): string | undefined {
  const a = asObj(raw);
  if (/^\d+$/.test(str(a.address_id))) return undefined;
  const missing = ['name', 'country', 'city', 'street_address'].filter((k) => str(a[k]) === '');
  if (!str(a.phone) && !str(a.mobile)) missing.push('phone or mobile');
  return missing.length > 0 ? `${role} address needs address_id or ${missing.join(', ')}` : undefined;
}

function declarationProblem(raw: unknown, n: number): string | undefined {
  const d = asObj(raw);
  const en = str(d.categoryEnDesc);
  const cn = str(d.categoryCnDesc);
  const num = Number(d.productNum);
  const amount = Number(d.productDeclareAmount);
  const weight = Number(d.productWeight);
  if (en.length < 1 || en.length > 60) return `declaration ${n}: categoryEnDesc must be 1-60 characters`;
  if (cn.length < 1 || cn.length > 20) return `declaration ${n}: categoryCnDesc must be 1-20 characters`;
  if (!Number.isInteger(num) || num < 1 || num > 999) return `declaration ${n}: productNum must be 1-999`;
  if (!(amount >= 0.01 && amount <= 10_000))
    return `declaration ${n}: productDeclareAmount must be 0.01-10000`;
  if (!(weight >= 0.001 && weight <= 2)) return `declaration ${n}: productWeight must be 0.001-2 kg`;
  if (!['0', '1'].includes(str(d.isContainsBattery ?? '0')))
    return `declaration ${n}: isContainsBattery is 0 or 1`;
  return undefined;
}

/** `aliexpress.logistics.createwarehouseorder`: packs the order's open items under a Cainiao tracking number. */
export function createWarehouseOrder(ctx: CallContext): ApiBody {
  const o = ownOrder(ctx, ctx.params.trade_order_id);
  if (!o) return warehouseFail('16', `trade order ${ctx.params.trade_order_id ?? ''} not found`);
  const from = ctx.params.trade_order_from ?? 'ESCROW';
  if (from !== 'ESCROW') return warehouseFail('13070', 'trade_order_from must be ESCROW');
  const service = SERVICES.get(ctx.params.warehouse_carrier_service ?? '');
  if (!service?.online)
    return warehouseFail(
      '13074',
      'warehouse_carrier_service is not an online logistics service of this seller',
    );
  const addresses = jsonObject(ctx, 'address_d_t_os');
  const problem =
    addressProblem(addresses.sender, 'sender') ??
    (addresses.pickup === undefined ? undefined : addressProblem(addresses.pickup, 'pickup'));
  if (problem) return warehouseFail('13071', problem);
  const declarations = asArr(jsonArg(ctx, 'declare_product_d_t_os'));
  if (declarations.length === 0)
    return warehouseFail('13071', 'declare_product_d_t_os needs at least one product');
  const bad = declarations.map(declarationProblem).find((x) => x !== undefined);
  if (bad) return warehouseFail('13071', bad);
  if (o.cancelRequest) return warehouseFail('13073', 'the buyer asked to cancel this order (IN_CANCEL)');
  const open = o.items.filter((i) => i.status === 'pending' || i.status === 'repacked');
  if (open.length === 0) return warehouseFail('13072', `order is ${aeOrderStatus(o)}: nothing to ship`);
  const pkg = createPackage(ctx.rt, o, open, {
    name: service.display_name,
    provider_code: service.service_name,
  });
  return {
    result: {
      success: true,
      error_code: 1,
      error_desc: '',
      intl_tracking_no: pkg.trackingNumber,
      warehouse_order_id: Number(pkg.packageId.slice(2)),
      out_order_id: Number(pkg.packageId.slice(2)),
      trade_order_id: o.orderId,
      trade_order_from: from,
    },
    result_success: true,
  };
}

/** The caller's package with this tracking number (one index lookup). */
function packageByTracking(
  ctx: CallContext,
  tracking: string,
): { pkg: PackageRecord; order: OrderRecord } | undefined {
  const data = ctx.rt.store.site(ctx.site.key);
  const id = data.packageByTracking.get(tracking);
  const pkg = id === undefined ? undefined : data.packages.get(id);
  const order = pkg ? ownOrder(ctx, pkg.orderId) : undefined;
  return pkg && order ? { pkg, order } : undefined;
}

/** `aliexpress.logistics.redefining.getprintinfo`: the label PDF of an online logistics order. */
export async function getPrintInfo(ctx: CallContext): Promise<ApiBody> {
  const tracking = ctx.params.international_logistics_id ?? '';
  const own = tracking ? packageByTracking(ctx, tracking) : undefined;
  if (!own) throw aeError('13080', `no logistics order with international_logistics_id "${tracking}"`);
  const items = packageItems(own.order, own.pkg);
  if (!items.some((i) => ['packed', 'ready_to_ship', 'shipped'].includes(i.status)))
    throw aeError(
      '13081',
      `logistics order ${tracking} is closed (items ${items.map((i) => i.status).join(', ')})`,
    );
  const seller = sellerOfOrder(ctx.rt, own.order)?.name ?? '';
  const pdf = await renderAwb(ctx.site, [own], true, seller);
  ctx.rt.stats.inc('documents.awb');
  return { result: JSON.stringify({ body: pdf.toString('base64') }) };
}

function fulfillFail(code: string, desc: string): ApiBody {
  return { result: { result_success: false, result_error_code: code, result_error_desc: desc } };
}

/**
 * `aliexpress.solution.order.fulfill`: declares shipment (`out_ref` = order id, `service_name`,
 * `logistics_no`, `send_type`). The package of an online logistics order (by its tracking
 * number) or, for the seller's own logistics, a new one from the open items.
 */
export function fulfill(ctx: CallContext): ApiBody {
  const { rt } = ctx;
  const o = ownOrder(ctx, ctx.params.out_ref);
  if (!o) return fulfillFail('16', 'order not found');
  const service = SERVICES.get(ctx.params.service_name ?? '');
  if (!service)
    return fulfillFail('13074', `service_name "${ctx.params.service_name ?? ''}" is not a logistics service`);
  const tracking = ctx.params.logistics_no ?? '';
  if (!TRACKING.get(service.service_name)!.test(tracking))
    return fulfillFail('13075', `logistics_no "${tracking}" does not match ${service.tracking_no_regex}`);
  const sendType = ctx.params.send_type ?? 'all';
  if (sendType !== 'all' && sendType !== 'part') return fulfillFail('13076', 'send_type must be all or part');
  if (o.cancelRequest) return fulfillFail('13073', 'the buyer asked to cancel this order (IN_CANCEL)');
  let pkg = packageByTracking(ctx, tracking)?.pkg;
  if (pkg && pkg.orderId !== o.orderId) return fulfillFail('13075', `${tracking} belongs to another order`);
  if (!pkg || !packageItems(o, pkg).every((i) => i.status === 'packed')) {
    const open = o.items.filter((i) => i.status === 'pending' || i.status === 'repacked');
    if (open.length === 0) return fulfillFail('701', `order is ${aeOrderStatus(o)}`);
    pkg = createPackage(rt, o, open, { name: service.display_name, provider_code: service.service_name });
    rt.store.site(o.site).retrack(pkg, tracking);
    for (const i of packageItems(o, pkg)) i.trackingCode = tracking;
  }
  markReadyToShip(rt, o, pkg);
  // Declaring shipment on AliExpress means the goods are on their way.
  for (const i of packageItems(o, pkg)) moveItem(rt, o, i, 'shipped');
  delete pkg.shipDueAt;
  pkg.deliverDueAt = rt.now() + rt.opts.deliverDelayMs;
  rt.timers.add({ at: pkg.deliverDueAt, kind: 'deliver', site: pkg.site, ref: pkg.packageId });
  return { result: { result_success: true } };
}
