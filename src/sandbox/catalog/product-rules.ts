import type { ErrorDetail } from '../core/api-error.ts';
import type { Site } from '../core/sites.ts';
import { parseLocalDateTime } from '../core/time-format.ts';
import { BASIC_ATTRIBUTES, familyOf, type AttributeDef } from './attributes.ts';
import { brandsFor } from './brands.ts';
import type { CategoryInfo } from './category-tree.ts';
import type { ProductInput } from './payload.ts';

/** A broken listing rule: the platform's code, the field, and what is wrong. */
export type Violation = ErrorDetail & { code: string };

/** Business codes' names as the platforms' error catalogue gives them (used as messages). */
export const CODE_NAMES: Record<string, string> = {
  '4104': 'BIZ_CHECK_PRICE_PRECISION_INVALID',
  '4105': 'BIZ_CHECK_SELLER_SKU_DUPLICATE',
  '4107': 'CHECK_CAT_PROP_INVALID_NUMBER',
  '4108': 'CHK_BASIC_REQUIRED',
  '4110': 'BIZ_CHECK_CAT_PROP_MANDATORY',
  '4112': 'CHK_SKU_PROPS_DUPLICATE',
  '4115': 'CHK_CATPROP_CPV_NOT_ENUM',
  '4116': 'BIZ_CHECK_MAIN_IMAGE_DUPLICATE',
  '4117': 'BIZ_CHECK_SPECIAL_PRICE_FROM_DATE_AFTER_TO_DATE',
  '4118': 'BIZ_CHECK_PRICE_IS_ZERO',
  '4119': 'BIZ_CHECK_SPECIAL_PRICE_RATE_OUT_OF_RANGE',
  '4121': 'BIZ_CHECK_SPECIAL_PRICE_PRECISION_INVALID',
  '4126': 'THD_IC_F_IC_INFRA_PRODUCT_036',
  '4129': 'BIZ_CHECK_PROP_SPECIAL_CHAR',
  '4134': 'Please select the last level category.',
  '4138': 'BIZ_CHECK_EXIST_OUTER_IMAGE',
  '4139': 'BIZ_CHECK_MAIN_IMAGE_REQUIRE',
  '4142': 'THD_BRAND_ID_IS_NOT_VALID_IN_CATEGORY',
  '4143': 'BIZ_CHECK_SALEPROP_ATTRIBUTE_INVALID',
  '4144': 'BIZ_CHECK_SKU_NOT_CONTAIN_SALEPROP',
  '4149': 'BIZ_CHECK_PACKAGE_DECIMAL_INVALID',
  '4152': 'THD_INVENTORY_ERR_INV_PARAM_ILLEGAL',
  '4153': 'THD_IC_ERR_FC_IC_SKU_IMAGE_001',
  '4157': 'BIZ_CHECK_SPECIAL_PRICE_GREATER_THAN_PRICE',
  '4160': 'THD_IC_ERR_F_PRODUCT_00_15_004',
  '4164': 'BIZ_CHECK_MAX_PACKAGE_WEIGHT',
  '4165': 'BIZ_CHECK_MAX_PACKAGE_DIMENISIONS',
  '4169': 'CHK_IMAGE_MAX_ITEMS',
};

const FORBIDDEN = /["^~<>|]/;
const NUMBER = /^\d+(\.\d+)?$/;
export const MAX_IMAGES = 8;
/** Lowest special price as a share of the price (a 90 % discount at most; sandbox choice). */
export const MIN_SPECIAL_RATIO = 0.1;

function isRichText(name: string): boolean {
  return /^(d_)?(short_)?description(_[a-z]{2})?$/.test(name);
}

/** Platform-hosted images only (Alibaba CDNs; what /image/migrate and /image/upload return). */
export function isHostedImage(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host.endsWith('.slatic.net') || host.endsWith('.lazcdn.com');
  } catch {
    return false;
  }
}

export function decimals(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

function v(code: string, field: string, message: string, sellerSku?: string): Violation {
  const out: Violation = { code, field, message: `${CODE_NAMES[code] ?? code}: ${message}` };
  if (sellerSku !== undefined) out.seller_sku = sellerSku;
  return out;
}

function enumOk(def: AttributeDef, value: string): boolean {
  if (def.input_type !== 'singleSelect' && def.input_type !== 'multiSelect') return true;
  if (def.name === 'brand' || def.options.length === 0) return true;
  const values = def.input_type === 'multiSelect' ? value.split(',').map((x) => x.trim()) : [value.trim()];
  return values.every((x) =>
    def.options.some(
      (o) => o.name.toLowerCase() === x.toLowerCase() || o.en_name.toLowerCase() === x.toLowerCase(),
    ),
  );
}

/** Price, special price and dates of one SKU (also used by /product/price_quantity/update). */
export function priceViolations(
  site: Site,
  sku: string,
  price: string | undefined,
  special: string | undefined,
  from: string | undefined,
  to: string | undefined,
): Violation[] {
  const out: Violation[] = [];
  if (price === undefined || price === '') return [v('4110', 'price', 'price is mandatory', sku)];
  if (!NUMBER.test(price)) return [v('4107', 'price', `"${price}" is not a number`, sku)];
  const p = Number(price);
  if (p <= 0) out.push(v('4118', 'price', 'price must be greater than 0', sku));
  if (decimals(price) > site.priceDecimals) {
    out.push(v('4104', 'price', `${site.currency} prices take at most ${site.priceDecimals} decimals`, sku));
  }
  if ((from || to) && !special)
    out.push(v('4110', 'special_price', 'special_price is mandatory when promotion dates are set', sku));
  if (special) {
    if (!NUMBER.test(special))
      return [...out, v('4107', 'special_price', `"${special}" is not a number`, sku)];
    const s = Number(special);
    if (decimals(special) > site.priceDecimals)
      out.push(v('4121', 'special_price', `at most ${site.priceDecimals} decimals`, sku));
    if (s >= p)
      out.push(v('4157', 'special_price', 'The discount price must be cheaper than the regular price', sku));
    else if (s < p * MIN_SPECIAL_RATIO)
      out.push(v('4119', 'special_price', 'discount deeper than 90 % of the price', sku));
  }
  const f = from ? parseLocalDateTime(from, site.timeZone) : undefined;
  const t = to ? parseLocalDateTime(to, site.timeZone) : undefined;
  if (from && f === undefined) out.push(v('4107', 'special_from_date', 'expected yyyy-MM-dd HH:mm:ss', sku));
  if (to && t === undefined) out.push(v('4107', 'special_to_date', 'expected yyyy-MM-dd HH:mm:ss', sku));
  if (f !== undefined && t !== undefined && f > t)
    out.push(v('4117', 'special_from_date', 'special_from_date is after special_to_date', sku));
  return out;
}

export function quantityViolations(sku: string, quantity: string | undefined): Violation[] {
  if (quantity === undefined || quantity === '') return [v('4110', 'quantity', 'quantity is mandatory', sku)];
  if (!/^\d+$/.test(quantity))
    return [v('4152', 'quantity', 'quantity must be a whole number, not negative', sku)];
  return [];
}

function packageViolations(sku: string, f: Record<string, string>): Violation[] {
  const out: Violation[] = [];
  const dims = ['package_weight', 'package_length', 'package_width', 'package_height'] as const;
  const values: Record<string, number> = {};
  for (const d of dims) {
    const raw = f[d];
    if (raw === undefined || raw === '') continue; // reported as a missing mandatory attribute
    if (!NUMBER.test(raw) || Number(raw) <= 0 || decimals(raw) > 2) {
      out.push(v('4149', d, `"${raw}" must be a positive number with at most 2 decimals`, sku));
    } else values[d] = Number(raw);
  }
  if ((values.package_weight ?? 0) > 40)
    out.push(v('4164', 'package_weight', 'The package weight exceeds 40kg', sku));
  const sum = (values.package_length ?? 0) + (values.package_width ?? 0) + (values.package_height ?? 0);
  if (sum > 300) out.push(v('4165', 'package_length', `Length+Width+Height is ${sum} cm, over 300 cm`, sku));
  return out;
}

function imageViolations(input: ProductInput): Violation[] {
  const out: Violation[] = [];
  const main = input.images ?? [];
  if (main.length > MAX_IMAGES)
    out.push(v('4169', 'Images', `${main.length} images; upload a maximum of ${MAX_IMAGES}`));
  if (new Set(main).size !== main.length) out.push(v('4116', 'Images', 'Main image has duplicate'));
  const withImages = input.skus.filter((s) => (s.images ?? []).length > 0).length;
  if (withImages > 0 && withImages < input.skus.length) {
    out.push(v('4153', 'Images', 'If you upload a sku picture then all sku must be uploaded'));
  }
  for (const s of input.skus) {
    if ((s.images ?? []).length > MAX_IMAGES)
      out.push(v('4169', 'Images', `upload a maximum of ${MAX_IMAGES} images per SKU`, s.fields.SellerSku));
  }
  const all = [...main, ...input.skus.flatMap((s) => s.images ?? [])];
  if (all.length === 0) out.push(v('4139', 'Images', 'Main image is require'));
  for (const url of all) {
    if (!isHostedImage(url)) {
      out.push(
        v(
          '4138',
          'Images',
          `The image exists in the outer link: ${url} (migrate it with /image/migrate first)`,
        ),
      );
      break;
    }
  }
  return out;
}

/**
 * Every listing rule over a complete product (for an update: the product as it would be after
 * the change). `sellerSkuTaken(sku)` says whether another item of the seller already uses it.
 */
export function productViolations(
  site: Site,
  category: CategoryInfo,
  attributes: AttributeDef[],
  input: ProductInput,
  sellerSkuTaken: (sellerSku: string) => boolean,
): Violation[] {
  const out: Violation[] = [];
  const attrs = input.attributes;
  const brands = brandsFor(site);
  const brandIdText = attrs.brand_id;
  const brand = brandIdText
    ? brands.byId.get(Number(brandIdText))
    : attrs.brand
      ? brands.byName.get(attrs.brand.toLowerCase())
      : undefined;
  if (!brandIdText && !attrs.brand) out.push(v('4108', 'brand', 'brand or brand_id is mandatory'));
  else if (!brand)
    out.push(v('4142', 'brand', `brand ${brandIdText ?? attrs.brand} does not exist in ${site.country}`));
  else if (brand.families && !brand.families.includes(familyOf(category))) {
    out.push(v('4142', 'brand', `The brand ${brand.name} is invalid in the category`));
  }

  const saleProps = new Set(attributes.filter((a) => a.is_sale_prop === 1).map((a) => a.name));
  for (const def of attributes) {
    if (def.attribute_type !== 'normal' || def.name === 'brand') continue;
    const value = attrs[def.name];
    if (value === undefined || value.trim() === '') {
      if (def.is_mandatory === 1)
        out.push(v(BASIC_ATTRIBUTES.has(def.name) ? '4108' : '4110', def.name, `${def.name} is mandatory`));
    } else if (!enumOk(def, value))
      out.push(v('4115', def.name, `"${value}" is not an option of ${def.name}`));
  }
  for (const [name, value] of Object.entries(attrs)) {
    if (!isRichText(name) && FORBIDDEN.test(value))
      out.push(v('4129', name, 'Special characters are not allowed: "^~<>|'));
    if ((name === 'name' || /^name_[a-z]{2}$/.test(name)) && Buffer.byteLength(value, 'utf8') > 255) {
      out.push(
        v(
          '4160',
          name,
          `The max length of title can not exceed 255 bytes (${Buffer.byteLength(value, 'utf8')})`,
        ),
      );
    }
  }

  out.push(...imageViolations(input));
  const seen = new Set<string>();
  const combos = new Set<string>();
  for (const sku of input.skus) {
    const f = sku.fields;
    const sellerSku = f.SellerSku ?? '';
    if (sellerSku === '') out.push(v('4110', 'SellerSku', 'SellerSku is mandatory'));
    else if (seen.has(sellerSku))
      out.push(v('4126', 'SellerSku', `SellerSku repeat: ${sellerSku}`, sellerSku));
    else if (sellerSkuTaken(sellerSku))
      out.push(v('4105', 'SellerSku', `SellerSku repeat: ${sellerSku}`, sellerSku));
    seen.add(sellerSku);
    for (const def of attributes) {
      if (def.attribute_type !== 'sku' || ['price', 'quantity', 'SellerSku'].includes(def.name)) continue;
      const value = def.is_sale_prop === 1 ? (sku.saleProp[def.name] ?? f[def.name]) : f[def.name];
      if (value === undefined || value === '') {
        if (def.is_mandatory === 1) out.push(v('4110', def.name, `${def.name} is mandatory`, sellerSku));
      } else if (!enumOk(def, value))
        out.push(v('4115', def.name, `"${value}" is not an option of ${def.name}`, sellerSku));
    }
    for (const [name, value] of [...Object.entries(sku.saleProp), ['SellerSku', sellerSku] as const]) {
      if (FORBIDDEN.test(value))
        out.push(v('4129', name, 'Special characters are not allowed: "^~<>|', sellerSku));
    }
    out.push(
      ...priceViolations(site, sellerSku, f.price, f.special_price, f.special_from_date, f.special_to_date),
    );
    out.push(...quantityViolations(sellerSku, f.quantity));
    out.push(...packageViolations(sellerSku, f));
    for (const name of Object.keys(sku.saleProp)) {
      if (!saleProps.has(name))
        out.push(
          v(
            '4143',
            'saleProp',
            `This variation attribute ${name} is not found in the variation label`,
            sellerSku,
          ),
        );
    }
    if (input.skus.length > 1) {
      if (Object.keys(sku.saleProp).length === 0)
        out.push(v('4144', 'saleProp', 'The sku does not contain the saleProp tag', sellerSku));
      const combo = JSON.stringify(Object.entries(sku.saleProp).sort());
      if (combos.has(combo))
        out.push(v('4112', 'saleProp', 'Duplicate Sku attributes between SKUs', sellerSku));
      combos.add(combo);
    }
  }
  return out;
}
