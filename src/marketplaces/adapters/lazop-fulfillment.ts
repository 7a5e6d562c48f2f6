import { AppError } from '../../shared/index.ts';
import { isMarketplaceError } from '../errors.ts';
import { asArray, asObject, booleanValue, idString, stringValue } from '../lossless-json.ts';
import {
  BATCH_LIMITS,
  chunk,
  groupBy,
  jsonIdList,
  jsonWithIds,
  numericId,
  type AdapterContext,
} from './common.ts';
import type {
  CancelReason,
  CancelRequest,
  PackageOutcome,
  PackageRef,
  PackedItem,
  PackRequest,
  ShipmentProviders,
  ShippingDocument,
} from './types.ts';

import { getOrderItems } from './lazop-orders.ts';

/**
 * Fulfillment for Lazada, Daraz and Miravia (research 2.7–2.9) in two flavours: `fulfill-pack`
 * (pack → document → rts, JSON request params, `result` envelopes with per-item codes) and
 * `legacy` (`/order/pack`, `/order/rts`, `/order/document/get`, `/order/cancel`).
 */

export async function shipmentProviders(
  ctx: AdapterContext,
  orderId: string,
  orderItemIds: string[],
): Promise<ShipmentProviders> {
  if (ctx.options.fulfillment === 'legacy') {
    const res = await ctx.client.call({ api: '/shipment/providers/get', session: ctx.session });
    const list = asArray(asObject(res.data).shipment_providers ?? res.data);
    return {
      providers: list.map((p) => ({
        name: stringValue(asObject(p).name) ?? '',
        code: stringValue(asObject(p).name) ?? '',
      })),
    };
  }
  const res = await ctx.client.call({
    api: '/order/shipment/providers/get',
    params: {
      getShipmentProvidersReq: jsonWithIds({
        orders: [{ order_id: numericId(orderId), order_item_ids: orderItemIds.map(numericId) }],
      }),
    },
    session: ctx.session,
  });
  const d = asObject(res.data);
  return {
    allocateType: stringValue(d.shipping_allocate_type),
    platformDefault: booleanValue(d.platform_default),
    providers: asArray(d.shipment_providers).map((p) => {
      const o = asObject(p);
      return {
        name: stringValue(o.name) ?? '',
        code: stringValue(o.provider_code) ?? stringValue(o.name) ?? '',
      };
    }),
  };
}

/** Items already packed (reconciliation after a pack call that got no answer). */
async function packedFromItems(
  ctx: AdapterContext,
  requests: PackRequest[],
): Promise<PackedItem[] | undefined> {
  const out: PackedItem[] = [];
  for (const r of requests) {
    const items = await getOrderItems(ctx, r.orderId);
    for (const id of r.orderItemIds) {
      const item = items.find((i) => i.orderItemId === id);
      if (!item?.packageId || !['packed', 'repacked', 'ready_to_ship'].includes(item.status))
        return undefined;
      out.push({
        orderId: r.orderId,
        orderItemId: id,
        ok: true,
        packageId: item.packageId,
        trackingNumber: item.trackingCode,
        shipmentProvider: item.shipmentProvider,
      });
    }
  }
  return out;
}

async function packOne(ctx: AdapterContext, group: PackRequest[]): Promise<PackedItem[]> {
  const first = group[0] as PackRequest;
  let allocate = first.shippingAllocateType;
  let provider = first.shipmentProviderCode;
  if (!allocate) {
    const p = await shipmentProviders(ctx, first.orderId, first.orderItemIds);
    allocate = p.allocateType === 'NTFS' ? 'NTFS' : 'TFS';
    if (allocate === 'NTFS' && !provider) provider = p.providers[0]?.code;
  }
  const packReq = jsonWithIds({
    pack_order_list: group.map((r) => ({
      order_id: numericId(r.orderId),
      order_item_list: r.orderItemIds.map(numericId),
    })),
    delivery_type: 'dropship',
    shipping_allocate_type: allocate,
    // Only cross-border (NTFS) sellers name a provider; never for TFS.
    shipment_provider_code: allocate === 'NTFS' ? provider : undefined,
  });
  const res = await ctx.client.call({
    api: '/order/fulfill/pack',
    httpMethod: 'POST',
    params: { packReq },
    session: ctx.session,
    idempotent: false,
  });
  const out: PackedItem[] = [];
  for (const rawOrder of asArray(asObject(res.data).pack_order_list)) {
    const o = asObject(rawOrder);
    const orderId = idString(o.order_id) ?? '';
    for (const rawItem of asArray(o.order_item_list)) {
      const i = asObject(rawItem);
      const code = stringValue(i.item_err_code) ?? '0';
      out.push({
        orderId,
        orderItemId: idString(i.order_item_id) ?? '',
        ok: code === '0',
        packageId: stringValue(i.package_id) || undefined,
        trackingNumber: stringValue(i.tracking_number) || undefined,
        shipmentProvider: stringValue(i.shipment_provider) || undefined,
        code: code === '0' ? undefined : code,
        message: code === '0' ? undefined : stringValue(i.msg),
        retryable: booleanValue(i.retry),
      });
    }
  }
  return out;
}

async function packLegacy(ctx: AdapterContext, r: PackRequest): Promise<PackedItem[]> {
  const res = await ctx.client.call({
    api: '/order/pack',
    httpMethod: 'POST',
    params: {
      order_item_ids: jsonIdList(r.orderItemIds),
      delivery_type: 'dropship',
      shipping_provider: r.shipmentProviderCode,
    },
    session: ctx.session,
    idempotent: false,
  });
  return asArray(asObject(res.data).order_items).map((raw) => {
    const i = asObject(raw);
    return {
      orderId: r.orderId,
      orderItemId: idString(i.order_item_id) ?? '',
      ok: true,
      packageId: stringValue(i.package_id) || undefined,
      trackingNumber: stringValue(i.tracking_number) || undefined,
      shipmentProvider: stringValue(i.shipment_provider) || undefined,
    };
  });
}

/** Packs items (≤ 20 orders per call); an unanswered pack is reconciled from the order items. */
export async function pack(ctx: AdapterContext, requests: PackRequest[]): Promise<PackedItem[]> {
  const out: PackedItem[] = [];
  const groups =
    ctx.options.fulfillment === 'legacy'
      ? requests.map((r) => [r])
      : // One call carries one allocate type and provider: group by them, then by batch size.
        [
          ...groupBy(
            requests,
            (r) => `${r.shippingAllocateType ?? ''}|${r.shipmentProviderCode ?? ''}`,
          ).values(),
        ].flatMap((g) => chunk(g, BATCH_LIMITS.fulfillmentMax));
  for (const group of groups) {
    try {
      out.push(
        ...(ctx.options.fulfillment === 'legacy'
          ? await packLegacy(ctx, group[0] as PackRequest)
          : await packOne(ctx, group)),
      );
    } catch (e) {
      if (!(isMarketplaceError(e) && e.outcomeUnknown)) throw e;
      const packed = await packedFromItems(ctx, group);
      if (!packed) throw e;
      out.push(...packed);
    }
  }
  return out;
}

const MIME: Record<string, string> = { PDF: 'application/pdf', HTML: 'text/html' };

export async function shippingLabel(
  ctx: AdapterContext,
  packages: PackageRef[],
  docType: 'PDF' | 'HTML' = 'PDF',
): Promise<ShippingDocument> {
  if (ctx.options.fulfillment === 'legacy') {
    const itemIds = packages.flatMap((p) => p.orderItemIds ?? []);
    if (itemIds.length === 0)
      throw new AppError(
        'invalid_input',
        'legacy /order/document/get needs the order item ids of the packages',
      );
    const res = await ctx.client.call({
      api: '/order/document/get',
      params: { doc_type: 'shippingLabel', order_item_ids: jsonIdList(itemIds) },
      session: ctx.session,
    });
    const doc = asObject(asObject(res.data).document);
    return {
      docType: stringValue(doc.document_type) ?? 'shippingLabel',
      mimeType: stringValue(doc.mime_type) ?? 'text/html',
      base64: stringValue(doc.file) ?? '',
    };
  }
  if (packages.length > BATCH_LIMITS.fulfillmentMax)
    throw new AppError('invalid_input', `at most ${BATCH_LIMITS.fulfillmentMax} packages per label`);
  const res = await ctx.client.call({
    api: '/order/package/document/get',
    httpMethod: 'POST',
    params: {
      getDocumentReq: JSON.stringify({
        doc_type: docType,
        packages: packages.map((p) => ({ package_id: p.packageId })),
        print_item_list: false,
      }),
    },
    session: ctx.session,
    idempotent: true,
  });
  const d = asObject(res.data);
  const type = stringValue(d.doc_type) ?? docType;
  return {
    docType: type,
    mimeType: MIME[type] ?? 'application/octet-stream',
    base64: stringValue(d.file) ?? '',
    url: stringValue(d.pdf_url),
  };
}

function packageOutcomes(data: unknown): PackageOutcome[] {
  return asArray(asObject(data).packages).map((raw) => {
    const p = asObject(raw);
    const code = stringValue(p.item_err_code) ?? '0';
    return {
      packageId: stringValue(p.package_id) ?? '',
      ok: code === '0',
      code: code === '0' ? undefined : code,
      message: code === '0' ? undefined : stringValue(p.msg),
      retryable: booleanValue(p.retry),
    };
  });
}

export async function readyToShip(ctx: AdapterContext, packages: PackageRef[]): Promise<PackageOutcome[]> {
  if (ctx.options.fulfillment === 'legacy') {
    const out: PackageOutcome[] = [];
    for (const p of packages) {
      await ctx.client.call({
        api: '/order/rts',
        httpMethod: 'POST',
        params: {
          order_item_ids: jsonIdList(p.orderItemIds ?? []),
          delivery_type: 'dropship',
          shipment_provider: p.shipmentProvider,
          tracking_number: p.trackingNumber,
        },
        session: ctx.session,
        idempotent: false,
      });
      out.push({ packageId: p.packageId, ok: true });
    }
    return out;
  }
  const out: PackageOutcome[] = [];
  for (const batch of chunk(packages, BATCH_LIMITS.fulfillmentMax)) {
    const res = await ctx.client.call({
      api: '/order/package/rts',
      httpMethod: 'POST',
      params: {
        readyToShipReq: JSON.stringify({ packages: batch.map((p) => ({ package_id: p.packageId })) }),
      },
      session: ctx.session,
      idempotent: false,
    });
    out.push(...packageOutcomes(res.data));
  }
  return out;
}

export async function cancelReasons(
  ctx: AdapterContext,
  orderId: string,
  orderItemIds: string[],
): Promise<CancelReason[]> {
  const res = await ctx.client.call({
    api: '/order/reverse/cancel/validate',
    params: { order_id: orderId, order_item_id_list: jsonIdList(orderItemIds) },
    session: ctx.session,
  });
  return asArray(asObject(res.data).reason_options).map((raw) => {
    const r = asObject(raw);
    return { id: idString(r.reason_id) ?? '', name: stringValue(r.reason_name) ?? '' };
  });
}

/** Seller cancellation; an unanswered cancel is reconciled from the items' statuses. */
export async function cancel(ctx: AdapterContext, req: CancelRequest): Promise<void> {
  const reasonId = req.reasonId ?? (await cancelReasons(ctx, req.orderId, req.orderItemIds))[0]?.id;
  if (!reasonId) throw new AppError('invalid_input', `no cancel reason offered for order ${req.orderId}`);
  try {
    if (ctx.options.fulfillment === 'legacy') {
      for (const id of req.orderItemIds) {
        await ctx.client.call({
          api: '/order/cancel',
          httpMethod: 'POST',
          params: { order_item_id: id, reason_id: reasonId, reason_detail: req.reasonDetail },
          session: ctx.session,
          idempotent: false,
        });
      }
      return;
    }
    await ctx.client.call({
      api: '/order/reverse/cancel/create',
      params: {
        order_id: req.orderId,
        order_item_id_list: jsonIdList(req.orderItemIds),
        reason_id: reasonId,
        reason_detail: req.reasonDetail,
      },
      session: ctx.session,
      idempotent: false,
    });
  } catch (e) {
    if (!(isMarketplaceError(e) && e.outcomeUnknown)) throw e;
    const items = await getOrderItems(ctx, req.orderId);
    const done = req.orderItemIds.every(
      (id) => items.find((i) => i.orderItemId === id)?.status === 'canceled',
    );
    if (!done) throw e;
  }
}
