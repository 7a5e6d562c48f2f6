import { createHash } from 'node:crypto';
import type { ProductWithVariants } from '../catalog/index.ts';
import type { LocalizedListing } from '../localization/index.ts';
import type { Brand, CategoryAttribute, ProductInput, Site, SkuInput } from '../marketplaces/index.ts';
import type { Money } from '../shared/index.ts';
import {
  acceptsFreeText,
  isColorAxis,
  matchBrand,
  matchOption,
  originCountry,
  packageCm,
  packageKg,
  sourceAttribute,
} from './attribute-mapping.ts';

/**
 * Builds what a site receives for one product: the localized content, the category and its
 * attributes, one SKU per active variant with its price, stock, variation values and package.
 * Pure: everything it needs is passed in, so a build can be explained and tested as data. What it
 * cannot fill becomes a "missing" line naming the field and what to do about it.
 */
export interface CategoryChoice {
  id: string;
  path: string;
  confidence: number;
}

export interface BuildInput {
  site: Site;
  product: ProductWithVariants;
  /** The site's required language, localized (undefined: not localized yet). */
  localized: LocalizedListing | undefined;
  category: CategoryChoice | undefined;
  attributes: readonly CategoryAttribute[];
  brands: readonly Brand[];
  /** variant id → its price on the site, or why there is none. */
  prices: ReadonlyMap<string, Money | { failure: string }>;
  /** variant id → the quantity the site may offer. */
  quantities: ReadonlyMap<string, number>;
  /** Platform-hosted image URLs, in the product's order. */
  images: readonly string[];
}

export interface BuiltItem {
  input: ProductInput;
  variantIds: string[];
}

export interface MissingField {
  rule: 'missing';
  field: string;
  message: string;
  sellerSku?: string | undefined;
  severity: 'error' | 'warning';
}

export interface BuildResult {
  title: string | null;
  items: BuiltItem[];
  missing: MissingField[];
  /** Hash of the content (prices and quantities left out: the sync owns those). */
  contentHash: string;
}

/** Attributes the builder fills itself (AliExpress names its brand attribute "Brand Name"). */
const BASIC = /^(name|description|short_description|brand|brand_id|brand name)$/i;
const MAX_IMAGES: Record<string, number> = { aliexpress: 6 };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function miss(field: string, message: string, sellerSku?: string, severity: 'error' | 'warning' = 'error') {
  return { rule: 'missing' as const, field, message, ...(sellerSku ? { sellerSku } : {}), severity };
}

interface Axis {
  index: number;
  name: string;
  /** The sale prop it maps to, or undefined when the category has none for it (split per value). */
  attr: CategoryAttribute | undefined;
}

function axesOf(input: BuildInput): Axis[] {
  const saleProps = input.attributes.filter((a) => a.saleProp);
  const color = saleProps.find((a) => /colou?r/i.test(a.name));
  const size = saleProps.find((a) => /size/i.test(a.name));
  let sizeUsed = false;
  return input.product.options.map((o, index) => {
    if (isColorAxis(o.name)) return { index, name: o.name, attr: color };
    // One size-like axis per item: a second one (용량 × 구성) is split into items.
    if (size && !sizeUsed) {
      sizeUsed = true;
      return { index, name: o.name, attr: size };
    }
    return { index, name: o.name, attr: undefined };
  });
}

/** The localized text of an option value (the Korean when not translated). */
function optionText(input: BuildInput, axis: number, value: string): string {
  const opt = input.product.options[axis];
  const j = opt?.values.indexOf(value) ?? -1;
  return input.localized?.options[axis]?.values[j]?.text ?? value;
}

function saleValue(attr: CategoryAttribute, text: string): string | undefined {
  return matchOption(attr, text) ?? (acceptsFreeText(attr) ? text : undefined);
}

function productAttributes(input: BuildInput, title: string, out: MissingField[]): Record<string, string> {
  const { localized, product } = input;
  const attrs: Record<string, string> = { name: title };
  const description = localized?.description;
  attrs.description = description?.html || `<p>${escapeHtml(title)}</p>`;
  if (description && description.needsTranslation > 0) {
    out.push(
      miss(
        'description',
        `${description.needsTranslation} of ${description.segments} description segments need translation; they are left out`,
        undefined,
        'warning',
      ),
    );
  }
  const facts = (localized?.attributes ?? [])
    .filter((a) => a.name.text && a.value.text)
    .map((a) => `<li>${escapeHtml(a.name.text!)}: ${escapeHtml(a.value.text!)}</li>`);
  attrs.short_description = `<ul>${facts.length ? facts.join('') : `<li>${escapeHtml(title)}</li>`}</ul>`;

  const { brand, asked } = matchBrand(input.brands, [localized?.brand?.text, product.brand]);
  // A brand the platform has not registered is listed as "No Brand" (what sellers do while the
  // brand application is pending), with a warning, rather than holding the product back.
  const fallback = brand ?? matchBrand(input.brands, []).brand;
  if (fallback) attrs.brand_id = fallback.id;
  if (!brand && asked) {
    const message = fallback
      ? `brand "${asked}" is not registered on ${input.site.id} for this category: listed as ${fallback.name} until the platform adds it`
      : `brand "${asked}" is not in ${input.site.id}'s brand list: ask the platform to add it`;
    out.push(miss('brand', message, undefined, fallback ? 'warning' : 'error'));
  }

  const named = (localized?.attributes ?? []).map((a) => ({ name: a.name.source, value: a.value.text }));
  const origin = originCountry(
    product.origin ?? product.attributes['제조국'] ?? product.attributes['원산지'],
  );
  for (const def of input.attributes) {
    if (def.level !== 'product' || BASIC.test(def.name)) continue;
    let value: string | undefined;
    if (/origin/i.test(def.name))
      value =
        origin &&
        (matchOption(def, origin) ??
          matchOption(def, `Mainland ${origin}`) ??
          (acceptsFreeText(def) ? origin : matchOption(def, 'Other')));
    // Goods sold cross-border from Korea carry no local warranty unless the seller states one.
    else if (/warranty.?type/i.test(def.name)) value = matchOption(def, 'No Warranty');
    else {
      const text = sourceAttribute(def.name, named);
      value = text === undefined ? undefined : acceptsFreeText(def) ? text : matchOption(def, text);
    }
    if (value !== undefined) attrs[def.name] = value;
    else if (def.mandatory)
      out.push(
        miss(def.name, `${def.label} (${def.name}) is mandatory in this category: add it to the product`),
      );
  }
  return attrs;
}

/** Builds the items for a product on a site (usually one; one per value of an axis the category cannot express). */
export function buildListing(input: BuildInput): BuildResult {
  const { product, site } = input;
  const missing: MissingField[] = [];
  const title = input.localized?.title.text ?? null;
  if (!input.localized) missing.push(miss('name', 'the product is not localized for this site yet'));
  else if (!title)
    missing.push(
      miss(
        'name',
        `the title needs translation (${input.localized.title.status}): add a glossary entry or approve its review item`,
      ),
    );
  if (!input.category)
    missing.push(
      miss('category', `no category of ${site.id} matches "${product.sourceCategoryPath}": confirm one`),
    );
  const images = input.images.slice(0, MAX_IMAGES[site.platform] ?? 8);
  if (images.length === 0) missing.push(miss('images', 'the product has no image the platform hosts'));
  const pkg: Pick<SkuInput, 'packageWeightKg' | 'packageLengthCm' | 'packageWidthCm' | 'packageHeightCm'> =
    {};
  if (product.weightG) pkg.packageWeightKg = packageKg(product.weightG);
  else missing.push(miss('package_weight', 'the product has no weight: add it (grams)'));
  if (product.lengthMm && product.widthMm && product.heightMm) {
    pkg.packageLengthCm = packageCm(product.lengthMm);
    pkg.packageWidthCm = packageCm(product.widthMm);
    pkg.packageHeightCm = packageCm(product.heightMm);
  } else
    missing.push(miss('package_length', 'the product has no box size: add length, width and height (mm)'));

  const attrs = productAttributes(input, title ?? product.titleKo, missing);
  const axes = axesOf(input);
  const saleDefs = input.attributes.filter((a) => a.saleProp);
  const rows: { variantId: string; split: string[]; collapsed: string[]; sku: SkuInput }[] = [];
  for (const v of [...product.variants].filter((x) => x.active).sort((a, b) => a.position - b.position)) {
    const saleProps: Record<string, string> = {};
    const split: string[] = [];
    // Values the platform's option list folded into a broader one (Heather Gray → Grey).
    const collapsed: string[] = [];
    for (const axis of axes) {
      const value = v.optionValues[product.options[axis.index]!.name];
      if (value === undefined) continue;
      const text = optionText(input, axis.index, value);
      if (!axis.attr) split.push(text);
      else {
        const sent = saleValue(axis.attr, text);
        if (sent) saleProps[axis.attr.name] = sent;
        else
          missing.push(
            miss(axis.attr.name, `"${text}" is not a ${axis.attr.label} of this category`, v.sellerSku),
          );
        if (sent && sent !== text) collapsed.push(text);
      }
    }
    for (const def of saleDefs.filter((d) => d.mandatory && saleProps[d.name] === undefined)) {
      // A mandatory variation the product has no axis for: the platform's own "Not Specified"
      // colour (a title's words are no evidence: "Green Tea Toner"), its free size, else "One Size".
      const guess = /colou?r/i.test(def.name)
        ? matchOption(def, 'Not Specified')
        : (matchOption(def, 'Free Size') ?? saleValue(def, 'One Size'));
      if (guess) saleProps[def.name] = guess;
      else
        missing.push(
          miss(
            def.name,
            `${def.label} is mandatory in this category: add a ${def.label} option`,
            v.sellerSku,
          ),
        );
    }
    const price = input.prices.get(v.id);
    if (!price || 'failure' in price)
      missing.push(
        miss('price', `no price on ${site.id}: ${price ? price.failure : 'not quoted yet'}`, v.sellerSku),
      );
    rows.push({
      variantId: v.id,
      split,
      collapsed,
      sku: {
        sellerSku: v.sellerSku,
        price: price && !('failure' in price) ? price : { currency: site.currency, minor: 0 },
        quantity: input.quantities.get(v.id) ?? Math.max(0, v.stock),
        ...pkg,
        saleProps,
      },
    });
  }
  // Two variants whose values fold into the same options (two greys, one size) would be the same
  // SKU twice in one item (4112): every variant of such a value goes to an item of that value.
  const combos = new Map<string, number>();
  const comboOf = (r: (typeof rows)[number]) =>
    `${r.split.join(' / ')}|${JSON.stringify(Object.entries(r.sku.saleProps ?? {}).sort())}`;
  for (const r of rows) combos.set(comboOf(r), (combos.get(comboOf(r)) ?? 0) + 1);
  const folded = new Set(rows.filter((r) => (combos.get(comboOf(r)) ?? 0) > 1).flatMap((r) => r.collapsed));
  for (const r of rows) r.split = [...r.split, ...r.collapsed.filter((t) => folded.has(t))];
  const groups = new Map<string, { suffix: string[]; skus: SkuInput[]; variantIds: string[] }>();
  for (const r of rows) {
    const key = r.split.join(' / ');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { suffix: r.split, skus: [], variantIds: [] }));
    g.variantIds.push(r.variantId);
    g.skus.push(r.sku);
  }
  if (groups.size === 0) missing.push(miss('variants', 'the product has no active variant'));
  const items = [...groups.values()].map((g) => ({
    variantIds: g.variantIds,
    input: {
      categoryId: input.category?.id ?? '',
      attributes: g.suffix.length ? { ...attrs, name: `${attrs.name} ${g.suffix.join(' ')}` } : attrs,
      images,
      skus: g.skus,
    },
  }));
  const hashed = items.map((i) => ({
    ...i.input,
    skus: i.input.skus.map(({ price: _p, quantity: _q, ...rest }) => rest),
  }));
  const contentHash = createHash('sha256').update(JSON.stringify(hashed)).digest('base64url').slice(0, 22);
  return { title, items, missing, contentHash };
}
