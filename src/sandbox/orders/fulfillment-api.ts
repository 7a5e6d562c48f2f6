import { invalidParameter, missingParameter } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext, type RouteTable } from '../core/api-types.ts';
import type { OrderItemRecord, OrderRecord, PackageRecord } from '../core/model.ts';
import { renderAwb, type AwbPackage } from './awb.ts';
import {
  createPackage,
  markReadyToShip,
  packageItems,
  repack,
  sellerOfOrder,
  shippingOptions,
} from './logistics.ts';

/**
 * The current fulfillment APIs (pack → AWB → ready-to-ship, repack). Each takes one JSON
 * parameter and answers `{code:"0", result:{success, error_code, error_msg, data}}`; per-item
 * outcomes carry `item_err_code` ("0" = done) and `retry`. Sandbox item codes: 700001 status not
 * allowed, 700002 not found, 700003 bad delivery_type, 700004 wrong allocation or provider
 * (NOT_AVAILABLE_NTFS_3PL), 700005 lock failure (retry), 700010 batch over 20, 700021 no AWB.
 */
type Obj = Record<string, unknown>;

function jsonParam(ctx: CallContext, name: string): Obj {
  const raw = ctx.params[name];
  if (!raw) throw missingParameter(name);
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
  } catch {
    // fall through
  }
  throw invalidParameter(name, 'expected a JSON object');
}

function ok(data: unknown): ApiBody {
  return { result: { success: true, error_code: '', error_msg: '', data } };
}

function failed(code: string, msg: string): ApiBody {
  return { result: { success: false, error_code: code, error_msg: msg, data: null } };
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function itemError(id: unknown, code: string, msg: string, retry = false): Obj {
  return { order_item_id: id, item_err_code: code, msg, retry };
}

/** Package with its order, if it belongs to the caller. */
function ownPackage(ctx: CallContext, id: unknown): { pkg: PackageRecord; order: OrderRecord } | undefined {
  const data = ctx.rt.store.site(ctx.site.key);
  const pkg = data.packages.get(String(id));
  const order = pkg ? data.orders.get(pkg.orderId) : undefined;
  return pkg && order && order.sellerId === sellerOf(ctx) ? { pkg, order } : undefined;
}

function getProviders(ctx: CallContext): ApiBody {
  jsonParam(ctx, 'getShipmentProvidersReq');
  const seller = ctx.account ? ctx.rt.store.sellers.get(ctx.account) : undefined;
  const opts = shippingOptions(ctx.site, seller);
  return ok({
    platform_default: opts.allocate === 'TFS' ? 1 : 0,
    shipping_allocate_type: opts.allocate,
    shipment_providers: opts.providers,
  });
}

function pack(ctx: CallContext): ApiBody {
  const { rt } = ctx;
  const req = jsonParam(ctx, 'packReq');
  const orders = arr(req.pack_order_list);
  if (orders.length === 0) return failed('700002', 'pack_order_list is empty');
  if (orders.length > 20) return failed('700010', 'at most 20 orders per call');
  if (req.delivery_type !== 'dropship') return failed('700003', 'delivery_type must be dropship');
  const seller = ctx.account ? rt.store.sellers.get(ctx.account) : undefined;
  const opts = shippingOptions(ctx.site, seller);
  if (req.shipping_allocate_type !== opts.allocate) {
    return failed('700004', `NOT_AVAILABLE_NTFS_3PL: this seller ships ${opts.allocate}`);
  }
  let provider = opts.providers[0]!;
  if (opts.allocate === 'NTFS') {
    const chosen = opts.providers.find((p) => p.provider_code === req.shipment_provider_code);
    if (!chosen)
      return failed(
        '700004',
        'NOT_AVAILABLE_NTFS_3PL: shipment_provider_code is not one of /order/shipment/providers/get',
      );
    provider = chosen;
  } else if (req.shipment_provider_code !== undefined) {
    return failed('700004', 'shipment_provider_code is only for NTFS');
  }
  const failRate = rt.faults.partialBatch(ctx.api, ctx.site.key);
  const data = rt.store.site(ctx.site.key);
  const out = orders.map((entry, n) => {
    const e = (entry ?? {}) as Obj;
    const ids = arr(e.order_item_list);
    const order = data.orders.get(Number(e.order_id));
    if (!order || order.sellerId !== sellerOf(ctx)) {
      return {
        order_id: e.order_id,
        order_item_list: ids.map((id) => itemError(id, '700002', 'order not found')),
      };
    }
    const results = new Map<unknown, Obj>();
    const packable: OrderItemRecord[] = [];
    ids.forEach((id, i) => {
      const item = order.items.find((x) => x.orderItemId === Number(id));
      if (!item) results.set(id, itemError(id, '700002', 'order item not found'));
      else if (item.status !== 'pending' && item.status !== 'repacked') {
        results.set(
          id,
          itemError(id, '700001', `status ${item.status} is not allowed to pack (only pending or repacked)`),
        );
      } else if (failRate !== undefined && ((n === 0 && i === 0) || rt.rng.chance(failRate))) {
        results.set(id, itemError(id, '700005', 'lock failure, please retry', true));
      } else packable.push(item);
    });
    const pkg = packable.length > 0 ? createPackage(rt, order, packable, provider) : undefined;
    return {
      order_id: order.orderId,
      order_item_list: ids.map(
        (id) =>
          results.get(id) ?? {
            order_item_id: Number(id),
            item_err_code: '0',
            msg: 'success',
            tracking_number: pkg!.trackingNumber,
            shipment_provider: pkg!.providerName,
            package_id: pkg!.packageId,
            retry: false,
          },
      ),
    };
  });
  return ok({ pack_order_list: out });
}

function packageBatch(
  ctx: CallContext,
  param: string,
  step: (o: OrderRecord, p: PackageRecord) => string | undefined,
): ApiBody {
  const req = jsonParam(ctx, param);
  const packages = arr(req.packages);
  if (packages.length === 0) return failed('700002', 'packages is empty');
  if (packages.length > 20) return failed('700010', 'at most 20 packages per call');
  const failRate = ctx.rt.faults.partialBatch(ctx.api, ctx.site.key);
  const out = packages.map((entry, i) => {
    const id = ((entry ?? {}) as Obj).package_id;
    const own = ownPackage(ctx, id);
    if (!own) return { package_id: id, item_err_code: '700002', msg: 'package not found', retry: false };
    if (failRate !== undefined && (i === 0 || ctx.rt.rng.chance(failRate))) {
      return { package_id: id, item_err_code: '700005', msg: 'lock failure, please retry', retry: true };
    }
    const problem = step(own.order, own.pkg);
    return problem
      ? { package_id: id, item_err_code: '700001', msg: problem, retry: false }
      : { package_id: id, item_err_code: '0', msg: 'success', retry: false };
  });
  return ok({ packages: out });
}

function readyToShip(ctx: CallContext): ApiBody {
  return packageBatch(ctx, 'readyToShipReq', (order, pkg) => {
    const items = packageItems(order, pkg);
    if (!items.every((i) => i.status === 'packed')) return 'only packed items can be set ready to ship';
    markReadyToShip(ctx.rt, order, pkg);
    return undefined;
  });
}

function rePack(ctx: CallContext): ApiBody {
  return packageBatch(ctx, 'rePackReq', (order, pkg) => {
    const items = packageItems(order, pkg);
    if (!items.every((i) => i.status === 'packed'))
      return 'only packed (not yet ready to ship) packages can be repacked';
    repack(ctx.rt, order, pkg);
    return undefined;
  });
}

async function getDocument(ctx: CallContext): Promise<ApiBody> {
  const req = jsonParam(ctx, 'getDocumentReq');
  const docType = String(req.doc_type ?? 'PDF').toUpperCase();
  if (docType !== 'PDF' && docType !== 'HTML') return failed('700021', 'doc_type must be PDF or HTML');
  const found: AwbPackage[] = [];
  for (const entry of arr(req.packages)) {
    const id = ((entry ?? {}) as Obj).package_id;
    const own = ownPackage(ctx, id);
    const items = own ? packageItems(own.order, own.pkg) : [];
    if (!own || !items.some((i) => ['packed', 'ready_to_ship', 'shipped'].includes(i.status))) {
      return failed('700021', `package ${String(id)} is not packed or does not exist`);
    }
    found.push({ pkg: own.pkg, order: own.order });
  }
  if (found.length === 0) return failed('700002', 'packages is empty');
  const seller = sellerOfOrder(ctx.rt, found[0]!.order)?.name ?? '';
  let file: Buffer;
  if (docType === 'PDF') file = await renderAwb(ctx.site, found, req.print_item_list === true, seller);
  else {
    const rows = found.map(
      (f) =>
        `<div class="awb"><h2>${f.pkg.providerName}</h2><p class="tracking">${f.pkg.trackingNumber}</p><p>Package ${f.pkg.packageId}, order ${f.order.orderId}</p></div>`,
    );
    file = Buffer.from(`<!DOCTYPE html><html><body>${rows.join('')}</body></html>`, 'utf8');
  }
  ctx.rt.stats.inc('documents.awb');
  return ok({ file: file.toString('base64'), doc_type: docType, pdf_url: '' });
}

export const FULFILLMENT_ROUTES: RouteTable = {
  '/order/shipment/providers/get': { auth: 'seller', handle: getProviders },
  '/order/fulfill/pack': { auth: 'seller', handle: pack },
  '/order/package/document/get': { auth: 'seller', handle: getDocument },
  '/order/package/rts': { auth: 'seller', handle: readyToShip },
  '/order/package/repack': { auth: 'seller', handle: rePack },
};
