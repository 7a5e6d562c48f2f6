import { decimals } from '../catalog/product-rules.ts';
import { asArr, asObj, bad, str, type Obj } from './ae-common.ts';
import { BRAND_ATTRIBUTE_ID, commonAttributeOf, type AeAttributeSet } from './ae-catalog.ts';

/**
 * A product as `post_product_request` / `edit_product_request` describe it, and the sandbox's
 * rules for it (codes 130xx are the sandbox's own; AliExpress's are not published). A rule broken
 * answers `{result: {success: false, error_code, error_message}}`.
 */
export interface AeSkuDraft {
  code: string;
  price: string;
  discount?: string;
  inventory: string;
  /** SKU attribute name (as the category lists it) → value. */
  props: Record<string, string>;
}

export interface AeProductDraft {
  subject: string;
  description: string;
  images: string[];
  /** Common attribute name → value (known attributes by their canonical name, custom ones as sent). */
  attributes: Record<string, string>;
  weight: string;
  packageLength: string;
  packageWidth: string;
  packageHeight: string;
  skus: AeSkuDraft[];
}

/** Subject and detail from the multi-language lists (the deprecated single fields as fallback). */
export function subjectOf(req: Obj): string | undefined {
  const first = asObj(asArr(req.multi_language_subject_list)[0]);
  const v = first.subject ?? req.subject;
  return v === undefined ? undefined : str(v);
}

export function descriptionOf(req: Obj): string | undefined {
  const first = asObj(asArr(req.multi_language_description_list)[0]);
  const v = first.web_detail ?? first.mobile_detail ?? req.description;
  return v === undefined ? undefined : str(v);
}

/** `attribute_list` (+ `brand_name`) resolved against the category's attribute set. */
export function readAttributes(set: AeAttributeSet, req: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of asArr(req.attribute_list)) {
    const e = asObj(entry);
    const attr = commonAttributeOf(set, e);
    if (!attr) {
      // Fully customized attribute (name and value of the seller's own).
      const name = str(e.attribute_name);
      const value = str(e.attribute_value);
      if (!name || !value) bad('13011', 'custom attributes need attribute_name and attribute_value');
      out[name] = value;
      continue;
    }
    const valueId = str(e.aliexpress_attribute_value_id);
    const text = str(e.attribute_value);
    const byId = valueId ? attr.values.find((v) => String(v.id) === valueId) : undefined;
    const byName = text ? attr.values.find((v) => v.value.toLowerCase() === text.toLowerCase()) : undefined;
    if (valueId && !byId) bad('13011', `value id ${valueId} is not a value of ${attr.name}`);
    const value = byId?.value ?? byName?.value ?? (attr.custom ? text : '');
    if (!value) bad('13011', `"${text}" is not a value of ${attr.name}`);
    out[attr.name] = value;
  }
  if (req.brand_name !== undefined && str(req.brand_name) !== '') {
    const brand = set.commonByKey.get(String(BRAND_ATTRIBUTE_ID))!;
    const hit = brand.values.find((v) => v.value.toLowerCase() === str(req.brand_name).toLowerCase());
    if (!hit) bad('13011', `brand_name "${str(req.brand_name)}" is not authorized in this category`);
    out[brand.name] = hit!.value;
  }
  return out;
}

const FORBIDDEN_SKU_VALUE = /[{#:=,}]/;

/** `sku_attributes_list` of one SKU as attribute name → value. */
export function readSkuProps(set: AeAttributeSet, list: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of asArr(list)) {
    const e = asObj(entry);
    const name = str(e.sku_attribute_name);
    const attr = set.skuByName.get(name.toLowerCase());
    if (!attr) bad('13028', `"${name}" is not a SKU attribute of this category`);
    const value = str(e.sku_attribute_value);
    if (!value || value.length > 70 || FORBIDDEN_SKU_VALUE.test(value))
      bad('13028', `${attr!.name} value "${value}" must be 1-70 characters without { # : = , }`);
    out[attr!.name] = value;
  }
  return out;
}

function checkPrice(code: string, field: string, value: string): void {
  const n = Number(value);
  if (!(n > 0) || n > 999_999 || decimals(value) > 2)
    bad('13022', `${field} of ${code} must be 0.01 to 999999 with at most 2 decimals`);
}

/**
 * Every rule over a whole product (after an edit is merged in). `usedElsewhere` says whether a
 * sku_code belongs to another product of the seller (O(1) index lookup).
 */
export function checkProduct(
  set: AeAttributeSet,
  p: AeProductDraft,
  usedElsewhere: (skuCode: string) => boolean,
): void {
  if (p.subject.trim() === '') bad('13001', 'subject is required (multi_language_subject_list)');
  if ([...p.subject].length > 218) bad('13002', 'subject is longer than 218 characters');
  if (p.images.length === 0 || p.images.length > 6) bad('13010', 'main_image_urls_list needs 1 to 6 images');
  for (const url of p.images)
    if (!/^https?:\/\/[^\s/]+\/\S+$/.test(url)) bad('13013', `bad image URL ${url}`);
  for (const attr of set.common) {
    if (attr.required && !p.attributes[attr.name])
      bad('13012', `attribute ${attr.name} (${attr.id}) is required in this category`);
  }
  const weight = Number(p.weight);
  if (!(weight >= 0.001 && weight <= 500) || decimals(p.weight) > 3)
    bad('13030', 'weight must be 0.001 to 500 kg with at most 3 decimals');
  for (const [name, v] of [
    ['package_length', p.packageLength],
    ['package_width', p.packageWidth],
    ['package_height', p.packageHeight],
  ] as const) {
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 700)
      bad('13031', `${name} must be a whole 1 to 700 cm`);
  }
  if (p.skus.length === 0) bad('13020', 'sku_info_list needs at least one SKU');
  if (p.skus.length > 200) bad('13032', 'at most 200 SKUs per product');
  const seen = new Set<string>();
  const combos = new Set<string>();
  for (const s of p.skus) {
    if (s.code === '') bad('13021', 'sku_code is required');
    if (seen.has(s.code)) bad('13025', `sku_code ${s.code} is repeated in the request`);
    seen.add(s.code);
    if (usedElsewhere(s.code)) bad('13026', `sku_code ${s.code} already exists in the store`);
    checkPrice(s.code, 'price', s.price);
    if (s.discount !== undefined) {
      checkPrice(s.code, 'discount_price', s.discount);
      if (!(Number(s.discount) < Number(s.price)))
        bad('13023', `discount_price of ${s.code} must be below price`);
    }
    if (!/^\d+$/.test(s.inventory) || Number(s.inventory) > 999_999)
      bad('13024', `inventory of ${s.code} must be a whole number 0 to 999999`);
    for (const attr of set.sku) {
      if (attr.required && !s.props[attr.name])
        bad('13027', `SKU attribute ${attr.name} is required (sku_code ${s.code})`);
    }
    if (p.skus.length > 1) {
      if (Object.keys(s.props).length === 0)
        bad('13027', 'with several SKUs every SKU needs sku_attributes_list');
      const combo = JSON.stringify(Object.entries(s.props).sort());
      if (combos.has(combo)) bad('13029', `SKU attributes of ${s.code} repeat another SKU's`);
      combos.add(combo);
    }
  }
}
