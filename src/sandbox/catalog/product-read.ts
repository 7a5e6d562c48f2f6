import { ApiError, invalidParameter, missingParameter } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import type { ProductRecord } from '../core/model.ts';
import { skuKey } from '../core/store.ts';
import { parseIsoFilter } from '../core/time-format.ts';
import { productView, sellable } from './product-view.ts';

const FILTERS: Record<string, (p: ProductRecord) => boolean> = {
  all: (p) => p.status !== 'Deleted',
  live: (p) => p.status === 'Active',
  inactive: (p) => p.status === 'InActive' && p.qc !== 'rejected',
  deleted: (p) => p.status === 'Deleted',
  pending: (p) => p.status === 'Pending QC',
  rejected: (p) => p.qc === 'rejected',
  'sold-out': (p) =>
    p.status === 'Active' && p.skus.every((s) => s.status === 'deleted' || sellable(s) === 0),
};

function timeParam(ctx: CallContext, name: string): number | undefined {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') return undefined;
  const ms = parseIsoFilter(raw);
  if (ms === undefined) throw new ApiError('17', `E017: "${raw}" Invalid Date Format`);
  return ms;
}

function intParam(ctx: CallContext, name: string, fallback: number, max: number): number {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw invalidParameter(name, `a whole number up to ${max}`);
  return Number(raw);
}

/** `GET /products/get`: filter, time windows, `sku_seller_list`, limit ≤50, offset ≤10000. */
export function getProducts(ctx: CallContext): ApiBody {
  const sellerId = sellerOf(ctx);
  const data = ctx.rt.store.site(ctx.site.key);
  const filterName = ctx.params.filter ?? 'all';
  const filter = FILTERS[filterName];
  if (!filter) throw invalidParameter('filter', Object.keys(FILTERS).join(', '));
  const limit = Math.min(intParam(ctx, 'limit', 20, 500), 50);
  const offset = intParam(ctx, 'offset', 0, 10_000);
  const createdAfter = timeParam(ctx, 'create_after');
  const createdBefore = timeParam(ctx, 'create_before');
  const updatedAfter = timeParam(ctx, 'update_after');
  const updatedBefore = timeParam(ctx, 'update_before');
  const match = (p: ProductRecord): boolean =>
    p.sellerId === sellerId &&
    filter(p) &&
    (createdAfter === undefined || p.createdAt >= createdAfter) &&
    (createdBefore === undefined || p.createdAt < createdBefore) &&
    (updatedAfter === undefined || p.updatedAt >= updatedAfter) &&
    (updatedBefore === undefined || p.updatedAt < updatedBefore);
  let candidates: Iterable<ProductRecord>;
  const skuListRaw = ctx.params.sku_seller_list;
  if (skuListRaw) {
    let skus: unknown;
    try {
      skus = JSON.parse(skuListRaw);
    } catch {
      throw invalidParameter('sku_seller_list', 'expected a JSON array');
    }
    if (!Array.isArray(skus) || skus.length > 100)
      throw invalidParameter('sku_seller_list', 'a JSON array of at most 100 SellerSkus');
    const ids = new Set<number>();
    for (const s of skus) {
      const id = data.itemBySellerSku.get(skuKey(sellerId, String(s)));
      if (id !== undefined) ids.add(id);
    }
    candidates = [...ids].sort((a, b) => a - b).map((id) => data.products.get(id)!);
  } else {
    candidates = data.products.values();
  }
  const page: Record<string, unknown>[] = [];
  let total = 0;
  for (const p of candidates) {
    if (!match(p)) continue;
    if (total >= offset && page.length < limit) page.push(productView(ctx.site, p));
    total += 1;
  }
  return { data: { total_products: total, products: page } };
}

/** `GET /product/item/get` by `item_id` (seller_sku is no longer accepted on Lazada, 2023-11-15). */
export function getProductItem(ctx: CallContext): ApiBody {
  const sellerId = sellerOf(ctx);
  const raw = ctx.params.item_id;
  if (!raw) throw missingParameter('item_id');
  const p = ctx.rt.store.site(ctx.site.key).products.get(Number(raw));
  if (!p || p.status === 'Deleted')
    throw new ApiError('207', `E207: Item ${raw} does not exist on this site`);
  if (p.sellerId !== sellerId) throw new ApiError('208', `E208: Item ${raw} does not belong to this seller`);
  const view = productView(ctx.site, p);
  view.variation = {};
  return { data: view };
}
