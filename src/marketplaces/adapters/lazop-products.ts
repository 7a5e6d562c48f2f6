import { AppError } from '../../shared/index.ts';
import { isMarketplaceError, type MarketplaceError } from '../errors.ts';
import { asArray, asObject, idString, numberValue, stringValue } from '../lossless-json.ts';
import { buildPayload, type PayloadNode } from '../payload.ts';
import {
  formatIsoWithOffset,
  formatLocalDate,
  formatLocalDateTime,
  parseOptionalTime,
} from '../time-format.ts';
import { BATCH_LIMITS, chunk, mapConcurrent, moneyFrom, priceText, type AdapterContext } from './common.ts';
import type {
  BatchOutcome,
  CreatedProduct,
  ItemFailure,
  PriceQuantityUpdate,
  ProductInput,
  ProductPage,
  ProductQuery,
  ProductUpdateInput,
  RemoteProduct,
  SkuInput,
} from './types.ts';

/**
 * Product writes and reads shared by Lazada, Daraz and Miravia (research 2.2–2.4): create
 * (reconciled by SellerSku), update, price/quantity batches, products get.
 */

function skuNode(
  ctx: AdapterContext,
  s: Partial<SkuInput> & { sellerSku: string; skuId?: string | undefined },
): PayloadNode {
  const tz = ctx.site.timeZone;
  return {
    // Category SKU attributes first: the named fields below always win over a same-named one.
    ...s.attributes,
    SkuId: s.skuId,
    SellerSku: s.sellerSku,
    saleProp: s.saleProps && Object.keys(s.saleProps).length > 0 ? s.saleProps : undefined,
    quantity: s.quantity,
    price: s.price ? priceText(s.price, ctx.site) : undefined,
    special_price: s.specialPrice ? priceText(s.specialPrice, ctx.site) : undefined,
    special_from_date: s.specialFrom ? formatLocalDateTime(s.specialFrom, tz) : undefined,
    special_to_date: s.specialTo ? formatLocalDateTime(s.specialTo, tz) : undefined,
    package_weight: s.packageWeightKg,
    package_length: s.packageLengthCm,
    package_width: s.packageWidthCm,
    package_height: s.packageHeightCm,
    Images: s.images && s.images.length > 0 ? { Image: s.images } : undefined,
  };
}

/** The `/product/create` request tree (JSON or XML payload). */
export function productCreateRequest(
  ctx: AdapterContext,
  input: ProductInput,
): { [name: string]: PayloadNode } {
  if (input.skus.length === 0) throw new AppError('invalid_input', 'a product needs at least one SKU');
  if (input.images.length > BATCH_LIMITS.imagesMax)
    throw new AppError('invalid_input', `at most ${BATCH_LIMITS.imagesMax} images (4169)`);
  return {
    Product: {
      PrimaryCategory: input.categoryId,
      AssociatedSku: input.associatedSku,
      Images: { Image: input.images },
      Attributes: { ...input.attributes },
      Skus: { Sku: input.skus.map((s) => skuNode(ctx, s)) },
    },
  };
}

function parseCreated(data: unknown, reconciled: boolean): CreatedProduct {
  const d = asObject(data);
  return {
    itemId: idString(d.item_id) ?? '',
    status: stringValue(d.item_status),
    skus: asArray(d.sku_list).map((raw) => {
      const s = asObject(raw);
      return {
        sellerSku: stringValue(s.seller_sku) ?? '',
        skuId: idString(s.sku_id),
        shopSku: stringValue(s.shop_sku),
      };
    }),
    reconciled,
  };
}

const DUPLICATE_SELLER_SKU = new Set(['4105', '4126', '4141']);

/** Finds the product that holds all these SellerSkus (reconciliation after an unanswered create). */
export async function findBySellerSkus(
  ctx: AdapterContext,
  sellerSkus: string[],
): Promise<CreatedProduct | undefined> {
  const page = await getProducts(ctx, {
    filter: 'all',
    sellerSkus: sellerSkus.slice(0, BATCH_LIMITS.productsSkuListMax),
    limit: 50,
  });
  const wanted = new Set(sellerSkus);
  const product = page.products.find((p) =>
    [...wanted].every((sku) => p.skus.some((s) => s.sellerSku === sku)),
  );
  if (!product) return undefined;
  return {
    itemId: product.itemId,
    status: product.status,
    skus: product.skus
      .filter((s) => wanted.has(s.sellerSku))
      .map((s) => ({ sellerSku: s.sellerSku, skuId: s.skuId, shopSku: s.shopSku })),
    reconciled: true,
  };
}

/**
 * `/product/create`, never blindly retried: when the call got no answer (outcome unknown) or the
 * SellerSku already exists, look the product up by SellerSku; create again only when it is not there.
 */
export async function createProduct(ctx: AdapterContext, input: ProductInput): Promise<CreatedProduct> {
  const payload = buildPayload(ctx.options.payloadFormat, productCreateRequest(ctx, input));
  const sellerSkus = input.skus.map((s) => s.sellerSku);
  let lastError: MarketplaceError | undefined;
  for (let attempt = 1; attempt <= ctx.options.createAttempts; attempt++) {
    try {
      const res = await ctx.client.call({
        api: '/product/create',
        httpMethod: 'POST',
        params: { payload },
        session: ctx.session,
        idempotent: false,
      });
      return parseCreated(res.data, false);
    } catch (e) {
      if (!isMarketplaceError(e)) throw e;
      const duplicate = e.errorClass === 'business' && DUPLICATE_SELLER_SKU.has(e.platformCode);
      if (!e.outcomeUnknown && !duplicate) throw e;
      const found = await findBySellerSkus(ctx, sellerSkus);
      if (found) return found;
      if (duplicate) throw e; // the SKU belongs to another product: a real conflict
      lastError = e;
    }
  }
  throw lastError as MarketplaceError;
}

export async function updateProduct(ctx: AdapterContext, input: ProductUpdateInput): Promise<void> {
  const request: { [name: string]: PayloadNode } = {
    Product: {
      ItemId: input.itemId,
      Images: input.images ? { Image: input.images } : undefined,
      // The Attributes element must be present even when empty (research 2.2).
      Attributes: { ...input.attributes },
      Skus: { Sku: input.skus.map((s) => skuNode(ctx, s)) },
    },
  };
  await ctx.client.call({
    api: '/product/update',
    httpMethod: 'POST',
    params: { payload: buildPayload(ctx.options.payloadFormat, request) },
    session: ctx.session,
    idempotent: true,
  });
}

function priceQuantityRequest(
  ctx: AdapterContext,
  updates: PriceQuantityUpdate[],
): { [name: string]: PayloadNode } {
  const tz = ctx.site.timeZone;
  return {
    Product: {
      Skus: {
        Sku: updates.map((u) => ({
          ItemId: u.itemId,
          SkuId: u.skuId,
          SellerSku: u.sellerSku,
          Price: u.price ? priceText(u.price, ctx.site) : undefined,
          SalePrice: u.salePrice ? priceText(u.salePrice, ctx.site) : undefined,
          SaleStartDate: u.saleStart ? formatLocalDate(u.saleStart, tz) : undefined,
          SaleEndDate: u.saleEnd ? formatLocalDate(u.saleEnd, tz) : undefined,
          Quantity: u.quantity,
        })),
      },
    },
  };
}

export function detailFailures(e: MarketplaceError, batch: readonly { sellerSku: string }[]): ItemFailure[] {
  const keys = new Set(batch.map((u) => u.sellerSku));
  const named = asArray(e.detail)
    .map((raw) => asObject(raw))
    .map((d) => ({
      key: stringValue(d.seller_sku) ?? stringValue(d.SellerSku) ?? stringValue(d.sellerSku) ?? '',
      code: stringValue(d.code) ?? e.platformCode,
      message: stringValue(d.message) ?? stringValue(d.msg) ?? e.platformMessage,
    }))
    .filter((f) => keys.has(f.key));
  if (named.length > 0) return named.map((f) => ({ ...f, retryable: false }));
  return batch.map((u) => ({
    key: u.sellerSku,
    code: e.platformCode,
    message: e.platformMessage,
    retryable: false,
  }));
}

/**
 * `/product/price_quantity/update` in batches (20 by default, 50 at most), a few in flight while
 * the rate limiter paces them. Quantity is total stock. A batch's business error becomes
 * per-SKU failures (from `detail` when it names SKUs); other errors propagate after the client's
 * retries, since every batch is idempotent and the caller's job can run again.
 */
export async function updatePriceQuantity(
  ctx: AdapterContext,
  updates: PriceQuantityUpdate[],
): Promise<BatchOutcome> {
  for (const u of updates)
    if (u.quantity !== undefined && (!Number.isInteger(u.quantity) || u.quantity < 0)) {
      throw new AppError('invalid_input', `quantity must be a whole number ≥ 0 (SellerSku ${u.sellerSku})`);
    }
  const batches = chunk(updates, ctx.options.priceQuantityBatchSize);
  const results = await mapConcurrent(batches, ctx.options.batchConcurrency, async (batch) => {
    const payload = buildPayload(ctx.options.payloadFormat, priceQuantityRequest(ctx, batch));
    try {
      await ctx.client.call({
        api: '/product/price_quantity/update',
        httpMethod: 'POST',
        params: { payload },
        session: ctx.session,
        idempotent: true,
      });
      return { failed: [] as ItemFailure[], batch };
    } catch (e) {
      if (isMarketplaceError(e) && e.errorClass === 'business')
        return { failed: detailFailures(e, batch), batch };
      throw e;
    }
  });
  const failed = results.flatMap((r) => r.failed);
  const failedKeys = new Set(failed.map((f) => f.key));
  return {
    calls: batches.length,
    succeeded: updates.map((u) => u.sellerSku).filter((k) => !failedKeys.has(k)),
    failed,
  };
}

export function parseProduct(raw: unknown, ctx: AdapterContext): RemoteProduct {
  const p = asObject(raw);
  const attrs = asObject(p.attributes);
  const currency = ctx.site.currency;
  return {
    itemId: idString(p.item_id) ?? '',
    status: stringValue(p.status),
    subStatus: stringValue(p.subStatus),
    categoryId: idString(p.primary_category),
    name: stringValue(attrs.name),
    skus: asArray(p.skus).map((rawSku) => {
      const s = asObject(rawSku);
      return {
        sellerSku: stringValue(s.SellerSku) ?? stringValue(s.seller_sku) ?? '',
        skuId: idString(s.SkuId) ?? idString(s.sku_id),
        shopSku: stringValue(s.ShopSku) ?? stringValue(s.shop_sku),
        status: stringValue(s.Status) ?? stringValue(s.status),
        quantity: numberValue(s.quantity),
        available: numberValue(s.Available),
        price: moneyFrom(s.price, currency),
        specialPrice: moneyFrom(s.special_price, currency),
      };
    }),
    createdAt: parseOptionalTime(p.created_time, ctx.site.timeZone),
    updatedAt: parseOptionalTime(p.updated_time, ctx.site.timeZone),
    rejectReasons: asArray(p.rejectReason).map((r) => {
      const o = asObject(r);
      return [stringValue(o.violationDetail), stringValue(o.suggestion)].filter(Boolean).join(': ');
    }),
    raw: p,
  };
}

export async function getProducts(ctx: AdapterContext, query: ProductQuery = {}): Promise<ProductPage> {
  if (query.itemId) {
    const res = await ctx.client.call({
      api: '/product/item/get',
      params: { item_id: query.itemId },
      session: ctx.session,
    });
    return { products: [parseProduct(res.data, ctx)], total: 1 };
  }
  const tz = ctx.site.timeZone;
  const res = await ctx.client.call({
    api: '/products/get',
    params: {
      filter: query.filter ?? 'all',
      limit: Math.min(query.limit ?? 50, 50),
      offset: query.offset,
      sku_seller_list:
        query.sellerSkus && query.sellerSkus.length > 0
          ? JSON.stringify(query.sellerSkus.slice(0, BATCH_LIMITS.productsSkuListMax))
          : undefined,
      create_after: query.createdAfter ? formatIsoWithOffset(query.createdAfter, tz) : undefined,
      update_after: query.updatedAfter ? formatIsoWithOffset(query.updatedAfter, tz) : undefined,
    },
    session: ctx.session,
  });
  const data = asObject(res.data);
  return {
    products: asArray(data.products).map((p) => parseProduct(p, ctx)),
    total: numberValue(data.total_products),
  };
}
