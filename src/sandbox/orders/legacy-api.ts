import { ApiError, invalidParameter, missingParameter } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext, type RouteTable } from '../core/api-types.ts';
import type { OrderItemRecord, OrderRecord } from '../core/model.ts';
import { cancelItems, cancelReasons } from './cancel-api.ts';
import { canMove } from './item-states.ts';
import { createPackage, markReadyToShip, shippingOptions } from './logistics.ts';

/**
 * The legacy order APIs (offline on Lazada since 2023-04-30, still in old integrations and
 * possibly on Daraz): `/order/pack`, `/order/rts`, `/shipment/providers/get`, `/order/cancel`,
 * `/order/document/get`. They answer business errors with top-level codes (E073 etc.).
 */
function itemIds(ctx: CallContext): number[] {
  const raw = ctx.params.order_item_ids;
  if (!raw) throw missingParameter('order_item_ids');
  if (!/^\[\s*\d+(\s*,\s*\d+)*\s*\]$/.test(raw))
    throw invalidParameter('order_item_ids', 'use the [id1,id2] form');
  return raw
    .slice(1, -1)
    .split(',')
    .map((s) => Number(s.trim()));
}

function ownItems(ctx: CallContext, ids: number[]): { order: OrderRecord; item: OrderItemRecord }[] {
  const data = ctx.rt.store.site(ctx.site.key);
  return ids.map((id) => {
    const order = data.orders.get(data.orderByItemId.get(id) ?? -1);
    const item = order?.items.find((i) => i.orderItemId === id);
    if (!order || !item || order.sellerId !== sellerOf(ctx))
      throw new ApiError('20', `E020: "${id}" Invalid Order Item ID`);
    return { order, item };
  });
}

function legacyPack(ctx: CallContext): ApiBody {
  const found = ownItems(ctx, itemIds(ctx));
  const bad = found.filter(({ item }) => item.status !== 'pending' && item.status !== 'repacked');
  if (bad.length > 0) {
    throw new ApiError(
      '73',
      `E073: All order items must have status Pending or Ready To Ship. (${bad.map((b) => b.item.orderItemId).join(',')})`,
    );
  }
  const seller = ctx.account ? ctx.rt.store.sellers.get(ctx.account) : undefined;
  const opts = shippingOptions(ctx.site, seller);
  const provider =
    opts.providers.find(
      (p) => p.name === ctx.params.shipping_provider || p.provider_code === ctx.params.shipping_provider,
    ) ?? opts.providers[0]!;
  const byOrder = new Map<OrderRecord, OrderItemRecord[]>();
  for (const { order, item } of found) byOrder.set(order, [...(byOrder.get(order) ?? []), item]);
  const out: Record<string, unknown>[] = [];
  for (const [order, items] of byOrder) {
    const pkg = createPackage(ctx.rt, order, items, provider);
    for (const item of items) {
      out.push({
        order_item_id: item.orderItemId,
        purchase_order_id: '',
        purchase_order_number: '',
        package_id: pkg.packageId,
        shipment_provider: pkg.providerName,
        tracking_number: pkg.trackingNumber,
      });
    }
  }
  return { data: { order_items: out } };
}

function legacyRts(ctx: CallContext): ApiBody {
  const found = ownItems(ctx, itemIds(ctx));
  const bad = found.filter(({ item }) => item.status !== 'packed');
  if (bad.length > 0)
    throw new ApiError(
      '73',
      `E073: All order items must have status Packed. (${bad.map((b) => b.item.orderItemId).join(',')})`,
    );
  const data = ctx.rt.store.site(ctx.site.key);
  const done = new Set<string>();
  for (const { order, item } of found) {
    const pkg = item.packageId ? data.packages.get(item.packageId) : undefined;
    if (pkg && !done.has(pkg.packageId)) {
      done.add(pkg.packageId);
      markReadyToShip(ctx.rt, order, pkg);
    }
  }
  return {
    data: {
      order_items: found.map(({ item }) => ({
        order_item_id: item.orderItemId,
        purchase_order_id: '',
        purchase_order_number: '',
      })),
    },
  };
}

function legacyProviders(ctx: CallContext): ApiBody {
  const seller = ctx.account ? ctx.rt.store.sellers.get(ctx.account) : undefined;
  const opts = shippingOptions(ctx.site, seller);
  return {
    data: {
      shipment_providers: opts.providers.map((p, i) => ({
        name: p.name,
        is_default: i === 0 ? 1 : 0,
        cod: 1,
        api_integration: 1,
        tracking_code_validation_regex: '',
        tracking_code_example: '',
      })),
    },
  };
}

function legacyCancel(ctx: CallContext): ApiBody {
  const id = ctx.params.order_item_id;
  if (!id) throw missingParameter('order_item_id');
  const [{ order, item }] = ownItems(ctx, [Number(id)]) as [{ order: OrderRecord; item: OrderItemRecord }];
  if (!canMove(item.status, 'canceled'))
    throw new ApiError('21', `E021: Order item ${id} cannot be canceled in status ${item.status}`);
  const reason =
    cancelReasons(ctx.site).find((r) => r.reason_id === ctx.params.reason_id) ?? cancelReasons(ctx.site)[2]!;
  cancelItems(
    ctx.rt,
    order,
    [item],
    { name: reason.reason_name, detail: ctx.params.reason_detail, zeroStock: reason.zeroStock },
    'seller-cancel',
  );
  return {};
}

function legacyDocument(ctx: CallContext): ApiBody {
  const docType = ctx.params.doc_type ?? '';
  if (!['invoice', 'shippingLabel', 'carrierManifest'].includes(docType))
    throw invalidParameter('doc_type', 'invoice, shippingLabel or carrierManifest');
  const found = ownItems(ctx, itemIds(ctx));
  if (found.some(({ item }) => !['packed', 'ready_to_ship', 'shipped'].includes(item.status))) {
    throw new ApiError('34', 'E034: Order item must be packed. Please call setStatusToReadyToShip before');
  }
  const rows = found
    .map(
      ({ order, item }) =>
        `<tr><td>${order.orderId}</td><td>${item.orderItemId}</td><td>${item.sellerSku}</td><td>${item.trackingCode ?? ''}</td></tr>`,
    )
    .join('');
  const html = `<!DOCTYPE html><html><body><h1>${docType}</h1><table>${rows}</table></body></html>`;
  return {
    data: {
      document: {
        file: Buffer.from(html).toString('base64'),
        mime_type: 'text/html',
        document_type: docType,
      },
    },
  };
}

export const LEGACY_ROUTES: RouteTable = {
  '/order/pack': { auth: 'seller', handle: legacyPack },
  '/order/rts': { auth: 'seller', handle: legacyRts },
  '/shipment/providers/get': { auth: 'seller', handle: legacyProviders },
  '/order/cancel': { auth: 'seller', handle: legacyCancel },
  '/order/document/get': { auth: 'seller', handle: legacyDocument },
};
