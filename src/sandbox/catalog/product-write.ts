import { ApiError } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import type { ProductRecord, SkuRecord } from '../core/model.ts';
import { skuKey, type SiteData } from '../core/store.ts';
import type { Site } from '../core/sites.ts';
import { attributesFor } from './attributes.ts';
import { categoriesFor, type CategoryInfo } from './category-tree.ts';
import { readProduct, type ProductInput } from './payload.ts';
import { productViolations, type Violation } from './product-rules.ts';
import { shopSkuFor, skuFromInput, skuList, skuToInput } from './product-view.ts';
import { productPush, submitForQc } from './qc.ts';

/** The first broken rule sets the code; `detail` lists every broken rule. */
export function violationError(violations: Violation[]): ApiError {
  const first = violations[0]!;
  return new ApiError(first.code, first.message, { detail: violations });
}

export function resolveCategory(site: Site, id: string | undefined): CategoryInfo {
  if (id === undefined || id === '') throw new ApiError('1', 'E001: Parameter PrimaryCategory is mandatory');
  const cat = /^\d+$/.test(id) ? categoriesFor(site).byId.get(Number(id)) : undefined;
  if (!cat) throw new ApiError('201', `E201: ${id} Invalid CategoryId`);
  if (!cat.leaf) throw new ApiError('4134', 'Please select the last level category.');
  return cat;
}

function checkSkuCount(input: ProductInput): void {
  if (input.skus.length === 0) throw new ApiError('1', 'E001: Parameter Skus is mandatory');
  // The platforms time out above ~50 SKUs per call and advise 20.
  if (input.skus.length > 50)
    throw new ApiError('513', 'Internal call timed out: send at most 20 SKUs per call', { type: 'ISP' });
}

function findItemOf(data: SiteData, sellerId: string, sellerSku: string): ProductRecord | undefined {
  const itemId = data.itemBySellerSku.get(skuKey(sellerId, sellerSku));
  return itemId === undefined ? undefined : data.products.get(itemId);
}

/** `POST /product/create`: validate every rule, store, submit to QC, push PUBLISHED. */
export function createProduct(ctx: CallContext): ApiBody {
  const { rt, site } = ctx;
  const sellerId = sellerOf(ctx);
  const input = readProduct(ctx.params.payload);
  checkSkuCount(input);
  const data = rt.store.site(site.key);
  if (input.associatedSku) {
    const base = findItemOf(data, sellerId, input.associatedSku);
    if (!base) throw new ApiError('4136', `SELLER_SKU_NOT_FOUND: AssociatedSku ${input.associatedSku}`);
    return applyUpdate(ctx, base, { ...input, itemId: String(base.itemId) });
  }
  const category = resolveCategory(site, input.primaryCategory);
  const violations = productViolations(site, category, attributesFor(category), input, (sku) =>
    data.itemBySellerSku.has(skuKey(sellerId, sku)),
  );
  if (violations.length > 0) throw violationError(violations);
  const now = ctx.now;
  const itemId = data.nextItemId();
  const skus = input.skus.map((s) => {
    const skuId = data.nextSkuId();
    return skuFromInput(s, { skuId, shopSku: shopSkuFor(site, itemId, skuId) });
  });
  const p: ProductRecord = {
    itemId,
    site: site.key,
    sellerId,
    primaryCategory: category.id,
    attributes: input.attributes,
    images: input.images ?? [],
    status: 'Pending QC',
    qc: 'pending',
    skus,
    createdAt: now,
    updatedAt: now,
  };
  data.indexProduct(p);
  rt.store.touch('product', site.key, itemId);
  rt.store.touch('site', site.key, site.key);
  rt.stats.inc('products.created');
  productPush(rt, p, 3, 'PUBLISHED');
  submitForQc(rt, p);
  return { data: { item_id: itemId, sku_list: skuList(p), item_status: p.status } };
}

/** `POST /product/update`: the item by `ItemId` (or one of its SellerSkus), merged and revalidated. */
export function updateProduct(ctx: CallContext): ApiBody {
  const { rt, site } = ctx;
  const sellerId = sellerOf(ctx);
  const input = readProduct(ctx.params.payload);
  const data = rt.store.site(site.key);
  let p: ProductRecord | undefined;
  if (input.itemId) {
    p = data.products.get(Number(input.itemId));
    if (p && p.sellerId !== sellerId)
      throw new ApiError('EDIT_ITEM_NOT_BELONG_SELLER', 'The item does not belong to this seller');
  } else {
    for (const s of input.skus)
      p ??= s.fields.SellerSku ? findItemOf(data, sellerId, s.fields.SellerSku) : undefined;
  }
  if (!p || p.status === 'Deleted')
    throw new ApiError('207', `E207: Item ${input.itemId ?? ''} does not exist`);
  return applyUpdate(ctx, p, input);
}

function applyUpdate(ctx: CallContext, p: ProductRecord, input: ProductInput): ApiBody {
  const { rt, site } = ctx;
  const data = rt.store.site(site.key);
  if (rt.faults.isLocked(p.itemId, ctx.api, site.key)) {
    throw new ApiError(
      '501',
      'THD_IC_ERR_F_IC_ABILITY_PG_001: Product edit was blocked by tag (campaign lock)',
      {
        detail: [
          { field: 'ItemId', message: `item ${p.itemId} is locked by a running campaign`, code: '4162' },
        ],
      },
    );
  }
  if (input.skus.length > 50) checkSkuCount(input);
  // Build the product as it would be after the change, then validate it whole.
  const merged: SkuRecord[] = p.skus.map((s) => ({ ...s }));
  const inserted: SkuRecord[] = [];
  const deleted: SkuRecord[] = [];
  for (const s of input.skus) {
    const skuId = s.fields.SkuId ? Number(s.fields.SkuId) : undefined;
    const idx = merged.findIndex((m) =>
      skuId !== undefined ? m.skuId === skuId : m.sellerSku === s.fields.SellerSku,
    );
    if (idx >= 0) {
      const base = merged[idx]!;
      if (s.fields.SellerSku && s.fields.SellerSku !== base.sellerSku) {
        throw new ApiError('4150', `SELLER_SKU_INVALID: SellerSku of SkuId ${base.skuId} cannot be changed`);
      }
      const next = skuFromInput({ ...s, fields: { ...s.fields, SellerSku: base.sellerSku } }, base, base);
      merged[idx] = next;
      if (next.status === 'deleted') deleted.push(next);
    } else {
      const newId = data.nextSkuId();
      const sku = skuFromInput(s, { skuId: newId, shopSku: shopSkuFor(site, p.itemId, newId) });
      merged.push(sku);
      inserted.push(sku);
    }
  }
  const live = merged.filter((s) => s.status !== 'deleted');
  const category = resolveCategory(site, input.primaryCategory ?? String(p.primaryCategory));
  const candidate: ProductInput = {
    primaryCategory: String(category.id),
    associatedSku: undefined,
    itemId: String(p.itemId),
    images: input.images ?? p.images,
    attributes: { ...p.attributes, ...input.attributes },
    skus: live.map(skuToInput),
  };
  const violations = productViolations(site, category, attributesFor(category), candidate, (sku) => {
    const owner = data.itemBySellerSku.get(skuKey(p.sellerId, sku));
    return owner !== undefined && owner !== p.itemId;
  });
  if (violations.length > 0) throw violationError(violations);
  p.primaryCategory = category.id;
  p.attributes = candidate.attributes;
  p.images = candidate.images ?? [];
  p.skus = merged;
  p.updatedAt = ctx.now;
  data.indexProduct(p);
  rt.store.touch('product', site.key, p.itemId);
  rt.store.touch('site', site.key, site.key);
  rt.stats.inc('products.updated');
  productPush(rt, p, 4, 'EDITED_UPDATED', live);
  if (inserted.length > 0) productPush(rt, p, 3, 'EDITED_INSERTED', inserted);
  if (deleted.length > 0) productPush(rt, p, 5, 'EDITED_DELETED', deleted);
  // A rejected or still-pending item goes (back) to QC; a live one stays live.
  if (p.qc !== 'approved') submitForQc(rt, p);
  return { data: { item_id: p.itemId, sku_list: skuList(p, live) } };
}
