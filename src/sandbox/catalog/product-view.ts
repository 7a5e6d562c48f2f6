import type { ProductRecord, SkuRecord } from '../core/model.ts';
import type { Site } from '../core/sites.ts';
import type { SkuInput } from './payload.ts';

/** Sku fields kept in their own record fields; anything else sent on a sku is a sku attribute. */
const SKU_FIELDS = new Set([
  'SellerSku',
  'price',
  'special_price',
  'special_from_date',
  'special_to_date',
  'quantity',
  'package_weight',
  'package_length',
  'package_width',
  'package_height',
  'package_content',
  'SkuId',
  'Status',
  'ItemId',
]);

export function sellable(sku: SkuRecord): number {
  return Math.max(0, sku.quantity - sku.occupied);
}

/** A stored sku back in payload form (to validate a product as it would be after an update). */
export function skuToInput(s: SkuRecord): SkuInput {
  const fields: Record<string, string> = {
    ...s.attributes,
    SellerSku: s.sellerSku,
    price: s.price,
    quantity: String(s.quantity),
    package_weight: s.packageWeight,
    package_length: s.packageLength,
    package_width: s.packageWidth,
    package_height: s.packageHeight,
  };
  if (s.specialPrice) fields.special_price = s.specialPrice;
  if (s.specialFromDate) fields.special_from_date = s.specialFromDate;
  if (s.specialToDate) fields.special_to_date = s.specialToDate;
  if (s.packageContent) fields.package_content = s.packageContent;
  return { fields, saleProp: { ...s.saleProp }, images: s.images.length > 0 ? [...s.images] : undefined };
}

/** A payload sku as a stored sku (ids and stock counters from `base` when it already exists). */
export function skuFromInput(
  input: SkuInput,
  ids: { skuId: number; shopSku: string },
  base?: SkuRecord,
): SkuRecord {
  const f = input.fields;
  const attributes: Record<string, string> = { ...(base?.attributes ?? {}) };
  for (const [k, val] of Object.entries(f))
    if (!SKU_FIELDS.has(k) && !(k in input.saleProp)) attributes[k] = val;
  const sku: SkuRecord = {
    skuId: ids.skuId,
    sellerSku: f.SellerSku ?? base?.sellerSku ?? '',
    shopSku: ids.shopSku,
    status:
      f.Status === 'inactive' ? 'inactive' : f.Status === 'deleted' ? 'deleted' : (base?.status ?? 'active'),
    quantity: f.quantity !== undefined ? Number(f.quantity) : (base?.quantity ?? 0),
    occupied: base?.occupied ?? 0,
    price: f.price ?? base?.price ?? '0',
    packageWeight: f.package_weight ?? base?.packageWeight ?? '',
    packageLength: f.package_length ?? base?.packageLength ?? '',
    packageWidth: f.package_width ?? base?.packageWidth ?? '',
    packageHeight: f.package_height ?? base?.packageHeight ?? '',
    images: input.images ?? base?.images ?? [],
    saleProp: Object.keys(input.saleProp).length > 0 ? input.saleProp : (base?.saleProp ?? {}),
    attributes,
  };
  const special = f.special_price ?? base?.specialPrice;
  if (special) sku.specialPrice = special;
  const from = f.special_from_date ?? base?.specialFromDate;
  if (from) sku.specialFromDate = from;
  const to = f.special_to_date ?? base?.specialToDate;
  if (to) sku.specialToDate = to;
  const content = f.package_content ?? base?.packageContent;
  if (content) sku.packageContent = content;
  return sku;
}

export function shopSkuFor(site: Site, itemId: number, skuId: number): string {
  return `${itemId}_${site.country}AMZ-${skuId}`;
}

export function productUrl(site: Site, itemId: number, skuId: number): string {
  const host = {
    lazada: `www.lazada.${{ sg: 'sg', my: 'com.my', th: 'co.th', id: 'co.id', ph: 'com.ph', vn: 'vn' }[site.venture] ?? 'sg'}`,
    daraz: `www.daraz.${{ pk: 'pk', bd: 'com.bd', lk: 'lk', np: 'com.np', mm: 'com.mm' }[site.venture] ?? 'pk'}`,
    miravia: 'www.miravia.es',
    aliexpress: 'www.aliexpress.com',
  }[site.platform];
  return `https://${host}/products/i${itemId}-s${skuId}.html`;
}

function skuView(site: Site, p: ProductRecord, s: SkuRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...s.attributes,
    ...s.saleProp,
    SkuId: s.skuId,
    SellerSku: s.sellerSku,
    ShopSku: s.shopSku,
    Status: s.status,
    quantity: s.quantity,
    Available: sellable(s),
    price: Number(s.price),
    package_weight: s.packageWeight,
    package_length: s.packageLength,
    package_width: s.packageWidth,
    package_height: s.packageHeight,
    Images: s.images,
    Url: productUrl(site, p.itemId, s.skuId),
    saleProp: s.saleProp,
  };
  if (s.specialPrice) out.special_price = Number(s.specialPrice);
  if (s.specialFromDate) out.special_from_date = s.specialFromDate;
  if (s.specialToDate) out.special_to_date = s.specialToDate;
  if (s.packageContent) out.package_content = s.packageContent;
  return out;
}

/** A product as `/products/get` and `/product/item/get` return it. */
export function productView(site: Site, p: ProductRecord): Record<string, unknown> {
  const subStatus = p.qc === 'rejected' ? 'Reject' : '';
  return {
    item_id: p.itemId,
    primary_category: p.primaryCategory,
    attributes: p.attributes,
    skus: p.skus.filter((s) => s.status !== 'deleted').map((s) => skuView(site, p, s)),
    images: p.images,
    marketImages: [],
    status: p.status,
    subStatus,
    created_time: String(p.createdAt),
    updated_time: String(p.updatedAt),
    rejectReason: p.rejectReason ?? [],
    suspendedSkus: [],
    trialProduct: false,
  };
}

/** `sku_list` entries of create responses and product pushes. */
export function skuList(
  p: ProductRecord,
  skus: SkuRecord[] = p.skus,
): { seller_sku: string; shop_sku: string; sku_id: number }[] {
  return skus.map((s) => ({ seller_sku: s.sellerSku, shop_sku: s.shopSku, sku_id: s.skuId }));
}
