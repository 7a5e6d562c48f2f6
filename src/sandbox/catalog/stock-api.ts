import { ApiError, invalidParameter, missingParameter } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import type { ProductRecord, SkuRecord } from '../core/model.ts';
import { skuKey } from '../core/store.ts';
import { isObj, list, readRequest, text } from './payload.ts';
import { priceViolations, quantityViolations, type Violation } from './product-rules.ts';
import { sellable } from './product-view.ts';
import { productPush } from './qc.ts';

interface Located {
  p: ProductRecord;
  sku: SkuRecord;
}

function locate(
  ctx: CallContext,
  sellerSku: string | undefined,
  skuId: string | undefined,
): Located | undefined {
  const data = ctx.rt.store.site(ctx.site.key);
  const sellerId = sellerOf(ctx);
  const itemId = skuId
    ? data.itemBySkuId.get(Number(skuId))
    : sellerSku
      ? data.itemBySellerSku.get(skuKey(sellerId, sellerSku))
      : undefined;
  const p = itemId === undefined ? undefined : data.products.get(itemId);
  if (!p || p.sellerId !== sellerId) return undefined;
  const sku = p.skus.find(
    (s) => (skuId ? s.skuId === Number(skuId) : s.sellerSku === sellerSku) && s.status !== 'deleted',
  );
  return sku ? { p, sku } : undefined;
}

/** Answers 501 with `detail` when some items failed (the others were applied), as the platforms do. */
function partialResult(failures: Violation[], total: number): ApiBody {
  if (failures.length === 0) return { data: {} };
  throw new ApiError('501', `Update failed for ${failures.length} of ${total} SKUs`, { detail: failures });
}

/** `POST /product/price_quantity/update`: per-SKU price, sale price and total quantity. */
export function updatePriceQuantity(ctx: CallContext): ApiBody {
  const { rt, site } = ctx;
  const { request, json } = readRequest(ctx.params.payload);
  const product = request.Product;
  const skus = isObj(product) ? (list(product.Skus, 'Sku', json) ?? []) : [];
  if (skus.length === 0) throw new ApiError('30', 'E030: Empty Request');
  if (skus.length > 50) throw new ApiError('4171', 'At most 50 SKUs can be updated per call');
  const failRate = rt.faults.partialBatch(ctx.api, site.key);
  const failures: Violation[] = [];
  const changed = new Set<ProductRecord>();
  skus.forEach((raw, i) => {
    if (!isObj(raw)) return;
    const sellerSku = text(raw.SellerSku);
    const ref = sellerSku ?? text(raw.SkuId) ?? '';
    const at = locate(ctx, sellerSku, text(raw.SkuId));
    if (!at) {
      failures.push({
        code: '4136',
        field: 'SellerSku',
        seller_sku: ref,
        message: `SELLER_SKU_NOT_FOUND: ${ref}`,
      });
      return;
    }
    if (failRate !== undefined && (i === 0 || rt.rng.chance(failRate))) {
      failures.push({
        code: '4147',
        field: 'SellerSku',
        seller_sku: ref,
        message: 'THD_IC_ERR_F_IC_SERVICE_EDIT_002: Concurrent product edit is not allowed, retry',
      });
      return;
    }
    if (rt.faults.isLocked(at.p.itemId, ctx.api, site.key)) {
      failures.push({
        code: '4162',
        field: 'SellerSku',
        seller_sku: ref,
        message: 'THD_IC_ERR_F_IC_ABILITY_PG: Product edit was blocked by tag (campaign lock)',
      });
      return;
    }
    const price = text(raw.Price) ?? at.sku.price;
    const sale = text(raw.SalePrice);
    const from = text(raw.SaleStartDate);
    const to = text(raw.SaleEndDate);
    const quantity = text(raw.Quantity) ?? warehouseQuantity(raw.MultiWarehouseInventories, json);
    const problems = [
      ...priceViolations(site, ref, price, sale ?? at.sku.specialPrice, from, to),
      ...(quantity !== undefined ? quantityViolations(ref, quantity) : []),
    ];
    if (quantity !== undefined && problems.length === 0 && Number(quantity) < at.sku.occupied) {
      problems.push({
        code: '4152',
        field: 'Quantity',
        seller_sku: ref,
        message: `quantity ${quantity} is below the ${at.sku.occupied} units held by open orders`,
      });
    }
    if (problems.length > 0) {
      failures.push(...problems);
      return;
    }
    at.sku.price = price;
    if (sale !== undefined) at.sku.specialPrice = sale;
    if (from !== undefined) at.sku.specialFromDate = from;
    if (to !== undefined) at.sku.specialToDate = to;
    if (quantity !== undefined) at.sku.quantity = Number(quantity);
    at.p.updatedAt = ctx.now;
    changed.add(at.p);
    if (sellable(at.sku) < 5) {
      rt.notify(site.key, at.p.sellerId, 6, {
        seller_sku: at.sku.sellerSku,
        sku_id: at.sku.skuId,
        real_quantity: at.sku.quantity,
        withhold_quantity: 0,
        occupy_quantity: at.sku.occupied,
        warehouse: 'dropshipping',
      });
    }
  });
  for (const p of changed) {
    rt.store.touch('product', site.key, p.itemId);
    rt.store.site(site.key).liveCache = undefined;
  }
  rt.stats.inc('skus.price_quantity_updated', skus.length - failures.length);
  return partialResult(failures, skus.length);
}

function warehouseQuantity(v: unknown, json: boolean): string | undefined {
  const entries = list(v, 'MultiWarehouseInventory', json);
  if (!entries || entries.length === 0) return undefined;
  return String(entries.reduce<number>((sum, e) => sum + (isObj(e) ? Number(text(e.Quantity) ?? 0) : 0), 0));
}

function jsonList(ctx: CallContext, name: string, max: number): string[] | undefined {
  const raw = ctx.params[name];
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter(name, 'expected a JSON array such as ["A","B"]');
  }
  if (!Array.isArray(parsed)) throw invalidParameter(name, 'expected a JSON array');
  if (parsed.length > max) throw invalidParameter(name, `at most ${max} entries`);
  return parsed.map(String);
}

/** `POST /product/remove`: `seller_sku_list` or `sku_id_list` (`SkuId_<item>_<sku>`), ≤50. */
export function removeProducts(ctx: CallContext): ApiBody {
  const { rt, site } = ctx;
  const bySeller = jsonList(ctx, 'seller_sku_list', 50);
  const byId = jsonList(ctx, 'sku_id_list', 50);
  if (!bySeller && !byId) throw missingParameter('seller_sku_list');
  const refs: { sellerSku?: string; skuId?: string; label: string }[] = [
    ...(bySeller ?? []).map((s) => ({ sellerSku: s, label: s })),
    ...(byId ?? []).map((s) => ({ skuId: s.split('_')[2] ?? s, label: s })),
  ];
  const failures: Violation[] = [];
  const touched = new Map<ProductRecord, SkuRecord[]>();
  for (const ref of refs) {
    const at = locate(ctx, ref.sellerSku, ref.skuId);
    if (!at) {
      failures.push({
        code: '4136',
        field: 'SellerSku',
        seller_sku: ref.label,
        message: `SELLER_SKU_NOT_FOUND: ${ref.label}`,
      });
      continue;
    }
    at.sku.status = 'deleted';
    touched.set(at.p, [...(touched.get(at.p) ?? []), at.sku]);
  }
  const data = rt.store.site(site.key);
  for (const [p, skus] of touched) {
    p.updatedAt = ctx.now;
    const allGone = p.skus.every((s) => s.status === 'deleted');
    if (allGone) p.status = 'Deleted';
    data.indexProduct(p);
    rt.store.touch('product', site.key, p.itemId);
    productPush(rt, p, 5, allGone ? 'DELETED' : 'EDITED_DELETED', skus);
  }
  return partialResult(failures, refs.length);
}
