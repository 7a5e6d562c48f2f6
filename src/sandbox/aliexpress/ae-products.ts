import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import type { ProductRecord, SkuRecord } from '../core/model.ts';
import { skuKey } from '../core/store.ts';
import { shopSkuFor } from '../catalog/product-view.ts';
import { productPush, submitForQc } from '../catalog/qc.ts';
import { aeAttributesFor, leafCategory } from './ae-catalog.ts';
import { asArr, asObj, fail, jsonObject, ruled, str, type Obj } from './ae-common.ts';
import {
  checkProduct,
  descriptionOf,
  readAttributes,
  readSkuProps,
  subjectOf,
  type AeProductDraft,
  type AeSkuDraft,
} from './ae-product-rules.ts';

/**
 * `aliexpress.solution.product.post` (`post_product_request`) and `.product.edit`
 * (`edit_product_request`, the same fields plus `product_id`; fields left out keep their values,
 * SKUs are matched by `sku_code` and new codes are added). Products go to QC like Lazop ones
 * (`auditing`, then `onSelling` or `editingRequired`); an edit of a live product stays live.
 */

const text = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : str(v));

function skuDraft(raw: unknown, set: ReturnType<typeof aeAttributesFor>, base?: AeSkuDraft): AeSkuDraft {
  const s = asObj(raw);
  const draft: AeSkuDraft = {
    code: str(s.sku_code),
    price: text(s.price) ?? base?.price ?? '',
    inventory: text(s.inventory) ?? base?.inventory ?? '',
    props:
      s.sku_attributes_list !== undefined ? readSkuProps(set, s.sku_attributes_list) : (base?.props ?? {}),
  };
  const discount = text(s.discount_price) ?? base?.discount;
  if (discount !== undefined && discount !== '') draft.discount = discount;
  return draft;
}

function draftOf(p: ProductRecord): AeProductDraft {
  const { name, description, brand, language, ...attributes } = p.attributes;
  void brand;
  void language;
  const first = p.skus[0];
  return {
    subject: name ?? '',
    description: description ?? '',
    images: p.images,
    attributes,
    weight: first?.packageWeight ?? '',
    packageLength: first?.packageLength ?? '',
    packageWidth: first?.packageWidth ?? '',
    packageHeight: first?.packageHeight ?? '',
    skus: p.skus
      .filter((s) => s.status !== 'deleted')
      .map((s) => {
        const d: AeSkuDraft = {
          code: s.sellerSku,
          price: s.price,
          inventory: String(s.quantity),
          props: s.saleProp,
        };
        if (s.specialPrice) d.discount = s.specialPrice;
        return d;
      }),
  };
}

function skuRecord(
  d: AeSkuDraft,
  p: AeProductDraft,
  ids: { skuId: number; shopSku: string },
  base?: SkuRecord,
) {
  const sku: SkuRecord = {
    skuId: ids.skuId,
    sellerSku: d.code,
    shopSku: ids.shopSku,
    status: base?.status ?? 'active',
    quantity: Number(d.inventory),
    occupied: base?.occupied ?? 0,
    price: d.price,
    packageWeight: p.weight,
    packageLength: p.packageLength,
    packageWidth: p.packageWidth,
    packageHeight: p.packageHeight,
    images: [],
    saleProp: d.props,
    attributes: {},
  };
  if (d.discount !== undefined) sku.specialPrice = d.discount;
  return sku;
}

function productAttributes(d: AeProductDraft, language: string): Record<string, string> {
  return {
    ...d.attributes,
    name: d.subject,
    description: d.description,
    brand: d.attributes['Brand Name'] ?? '',
    language,
  };
}

/** `aliexpress.solution.product.post`. */
export function postProduct(ctx: CallContext): ApiBody {
  const req = jsonObject(ctx, 'post_product_request');
  return ruled(() => {
    const { rt, site } = ctx;
    const sellerId = sellerOf(ctx);
    const data = rt.store.site(site.key);
    const cat = leafCategory(site, req);
    const set = aeAttributesFor(site, cat);
    const draft: AeProductDraft = {
      subject: subjectOf(req) ?? '',
      description: descriptionOf(req) ?? '',
      images: asArr(req.main_image_urls_list)
        .map(str)
        .filter((x) => x !== ''),
      attributes: readAttributes(set, req),
      weight: str(req.weight ?? req.gross_weight),
      packageLength: str(req.package_length),
      packageWidth: str(req.package_width),
      packageHeight: str(req.package_height),
      skus: asArr(req.sku_info_list).map((s) => skuDraft(s, set)),
    };
    checkProduct(set, draft, (code) => data.itemBySellerSku.has(skuKey(sellerId, code)));
    const itemId = data.nextItemId();
    const skus = draft.skus.map((s) => {
      const skuId = data.nextSkuId();
      return skuRecord(s, draft, { skuId, shopSku: shopSkuFor(site, itemId, skuId) });
    });
    const now = ctx.now;
    const p: ProductRecord = {
      itemId,
      site: site.key,
      sellerId,
      primaryCategory: cat.id,
      attributes: productAttributes(draft, str(req.language) || 'en'),
      images: draft.images,
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
    return { result: { success: true, product_id: itemId } };
  });
}

/** The caller's live (not deleted) product, or undefined. */
export function ownProduct(ctx: CallContext, id: unknown): ProductRecord | undefined {
  const p = ctx.rt.store.site(ctx.site.key).products.get(Number(id));
  return p && p.sellerId === sellerOf(ctx) && p.status !== 'Deleted' ? p : undefined;
}

/** `aliexpress.solution.product.edit`: merged into the stored product, then every rule again. */
export function editProduct(ctx: CallContext): ApiBody {
  const req: Obj = jsonObject(ctx, 'edit_product_request');
  return ruled(() => {
    const { rt, site } = ctx;
    const p = ownProduct(ctx, req.product_id);
    if (!p) return fail('13050', `product ${str(req.product_id)} does not exist`);
    if (rt.faults.isLocked(p.itemId, ctx.api, site.key))
      return fail('13052', `product ${p.itemId} is locked by a running promotion`);
    const data = rt.store.site(site.key);
    const hasCategory = req.aliexpress_category_id !== undefined || req.category_id !== undefined;
    const cat = hasCategory ? leafCategory(site, req) : undefined;
    const set = aeAttributesFor(site, cat ?? leafOf(ctx, p));
    const base = draftOf(p);
    const attributes =
      asArr(req.attribute_list).length > 0 || req.brand_name ? readAttributes(set, req) : undefined;
    const draft: AeProductDraft = {
      subject: subjectOf(req) ?? base.subject,
      description: descriptionOf(req) ?? base.description,
      images:
        req.main_image_urls_list !== undefined
          ? asArr(req.main_image_urls_list)
              .map(str)
              .filter((x) => x !== '')
          : base.images,
      attributes: attributes ? { ...base.attributes, ...attributes } : base.attributes,
      weight: text(req.weight ?? req.gross_weight) ?? base.weight,
      packageLength: text(req.package_length) ?? base.packageLength,
      packageWidth: text(req.package_width) ?? base.packageWidth,
      packageHeight: text(req.package_height) ?? base.packageHeight,
      skus: base.skus,
    };
    const inserted: string[] = [];
    for (const raw of asArr(req.sku_info_list)) {
      const code = str(asObj(raw).sku_code);
      const i = draft.skus.findIndex((s) => s.code === code);
      if (i >= 0) draft.skus[i] = skuDraft(raw, set, draft.skus[i]);
      else {
        draft.skus.push(skuDraft(raw, set));
        inserted.push(code);
      }
    }
    checkProduct(set, draft, (code) => {
      const owner = data.itemBySellerSku.get(skuKey(p.sellerId, code));
      return owner !== undefined && owner !== p.itemId;
    });
    const byCode = new Map(p.skus.map((s) => [s.sellerSku, s]));
    p.skus = draft.skus.map((d) => {
      const old = byCode.get(d.code);
      if (old) return skuRecord(d, draft, old, old);
      const skuId = data.nextSkuId();
      return skuRecord(d, draft, { skuId, shopSku: shopSkuFor(site, p.itemId, skuId) });
    });
    if (cat) p.primaryCategory = cat.id;
    p.attributes = productAttributes(draft, p.attributes.language ?? 'en');
    p.images = draft.images;
    p.updatedAt = ctx.now;
    data.indexProduct(p);
    rt.store.touch('product', site.key, p.itemId);
    rt.store.touch('site', site.key, site.key);
    rt.stats.inc('products.updated');
    productPush(rt, p, 4, 'EDITED_UPDATED');
    const added = p.skus.filter((s) => inserted.includes(s.sellerSku));
    if (added.length > 0) productPush(rt, p, 3, 'EDITED_INSERTED', added);
    // A rejected or still-pending item goes (back) to QC; a live one stays live.
    if (p.qc !== 'approved') submitForQc(rt, p);
    return { result: { success: true, product_id: p.itemId } };
  });
}

function leafOf(ctx: CallContext, p: ProductRecord) {
  return leafCategory(ctx.site, { aliexpress_category_id: p.primaryCategory });
}
