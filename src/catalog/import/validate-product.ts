import { isValidBizNo } from '../biz-no.ts';
import type { ProductRecord } from '../catalog-record.ts';
import { hasBrokenEncoding } from './decode.ts';

/** A problem with one field of a product record, by field path (e.g. `variants[1].stock`). */
export interface FieldIssue {
  path: string;
  reason: string;
}

const MAX = {
  sku: 100,
  title: 300,
  images: 30,
  variants: 500,
  optionAxes: 3,
  priceKrw: 1_000_000_000, // ₩1 billion: anything above is a typo, not a listing
  weightG: 500_000,
  dimensionCm: 1_000,
} as const;

const URL_PATTERN = /^https?:\/\/[^\s]+$/i;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Every rule a product must pass before it is stored. Returns all issues, not just the first,
 * so a seller can fix a row in one go.
 */
export function validateProduct(p: ProductRecord): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, reason: string) => issues.push({ path, reason });

  // Broken bytes first: every other message about a garbled field would mislead.
  const checkText = (path: string, value: string | undefined) => {
    if (value === undefined) return;
    if (hasBrokenEncoding(value)) add(path, 'broken text encoding (bytes that are not valid UTF-8 or CP949)');
    else if (CONTROL.test(value)) add(path, 'contains control characters');
  };
  checkText('sku', p.sku);
  checkText('title', p.title);
  checkText('brand', p.brand);
  checkText('manufacturer', p.manufacturer);
  checkText('origin', p.origin);
  checkText('categoryPath', p.categoryPath);
  for (const [name, value] of Object.entries(p.attributes)) checkText(`attributes.${name}`, value);
  p.options.forEach((o, i) => {
    checkText('options', o.name);
    o.values.forEach((v) => checkText('options', v));
    void i;
  });
  if (p.descriptionHtml && hasBrokenEncoding(p.descriptionHtml)) {
    add('descriptionHtml', 'broken text encoding (bytes that are not valid UTF-8 or CP949)');
  }

  if (p.seller && !isValidBizNo(p.seller.bizNo)) {
    add(
      'seller.bizNo',
      `"${p.seller.bizNo}" is not a valid 사업자등록번호 (10 digits with a correct check digit)`,
    );
  }
  if (p.seller && !p.seller.name.trim()) add('seller.name', 'is required with seller_biz_no');
  if (!p.sku) add('sku', 'is required');
  else if (p.sku.length > MAX.sku) add('sku', `is longer than ${MAX.sku} characters`);
  if (!p.title.trim()) add('title', 'is required');
  else if (p.title.length > MAX.title) add('title', `is longer than ${MAX.title} characters`);

  if (Number.isFinite(p.priceKrw)) {
    if (!Number.isInteger(p.priceKrw)) add('priceKrw', 'must be a whole number of won');
    else if (p.priceKrw < 0) add('priceKrw', `must not be negative (got ${p.priceKrw})`);
    else if (p.priceKrw === 0) add('priceKrw', 'must be greater than 0');
    else if (p.priceKrw > MAX.priceKrw) add('priceKrw', `is above ₩${MAX.priceKrw.toLocaleString('en-US')}`);
  }

  if (p.images.length > MAX.images) add('images', `has ${p.images.length} images; at most ${MAX.images}`);
  p.images.forEach((url) => {
    if (!URL_PATTERN.test(url)) add('images', `"${url.slice(0, 80)}" is not an http(s) URL`);
  });
  if (p.weightG !== undefined && Number.isFinite(p.weightG) && (p.weightG <= 0 || p.weightG > MAX.weightG)) {
    add('weightG', `must be between 1 and ${MAX.weightG} grams (got ${p.weightG})`);
  }
  if (p.dimensionsCm) {
    for (const side of ['length', 'width', 'height'] as const) {
      const v = p.dimensionsCm[side];
      if (Number.isNaN(v)) add(`dimensionsCm.${side}`, 'is required when any box dimension is given');
      else if (v <= 0 || v > MAX.dimensionCm)
        add(`dimensionsCm.${side}`, `must be between 0 and ${MAX.dimensionCm} cm (got ${v})`);
    }
  }
  if (p.hsCode !== undefined && !/^\d{6}(\d{2}){0,2}$/.test(p.hsCode.replace(/[.\s-]/g, ''))) {
    add('hsCode', `"${p.hsCode}" is not an HS code (6, 8 or 10 digits)`);
  }

  validateOptions(p, add);
  return issues;
}

function validateOptions(p: ProductRecord, add: (path: string, reason: string) => void): void {
  if (p.options.length > MAX.optionAxes)
    add('options', `has ${p.options.length} option axes; at most ${MAX.optionAxes}`);
  const axisNames = new Set<string>();
  for (const o of p.options) {
    if (!o.name) add('options', 'an option axis has no name');
    if (axisNames.has(o.name)) add('options', `option "${o.name}" is declared twice`);
    axisNames.add(o.name);
    if (o.values.length === 0) add('options', `option "${o.name}" has no values`);
    if (new Set(o.values).size !== o.values.length) add('options', `option "${o.name}" lists a value twice`);
  }
  if (p.variants.length === 0) add('variants', 'a product needs at least one variant');
  if (p.variants.length > MAX.variants)
    add('variants', `has ${p.variants.length} variants; at most ${MAX.variants}`);

  const skus = new Set<string>();
  const combos = new Set<string>();
  p.variants.forEach((v, i) => {
    const at = `variants[${i}]`;
    if (!v.sku) add(`${at}.sku`, 'is required when a product has several variants');
    else if (v.sku.length > MAX.sku) add(`${at}.sku`, `is longer than ${MAX.sku} characters`);
    else if (hasBrokenEncoding(v.sku)) add(`${at}.sku`, 'broken text encoding');
    else if (skus.has(v.sku)) add(`${at}.sku`, `duplicate variant SKU "${v.sku}" in this product`);
    skus.add(v.sku);

    for (const [axis, value] of Object.entries(v.options)) {
      const declared = p.options.find((o) => o.name === axis);
      if (!declared) {
        add(
          `${at}.options`,
          `unknown option "${axis}" (declared: ${p.options.map((o) => o.name).join(', ') || 'none'})`,
        );
      } else if (!declared.values.includes(value)) {
        add(
          `${at}.options`,
          `unknown value "${value}" for option "${axis}" (declared: ${declared.values.join(', ')})`,
        );
      }
    }
    const missing = p.options.filter((o) => !(o.name in v.options)).map((o) => o.name);
    if (missing.length)
      add(`${at}.options`, `no value for option ${missing.map((m) => `"${m}"`).join(', ')}`);
    const combo = p.options.map((o) => v.options[o.name] ?? '').join('\u0000');
    if (p.options.length && !missing.length && combos.has(combo))
      add(`${at}.options`, 'the same option combination appears twice');
    combos.add(combo);

    if (Number.isFinite(v.extraPriceKrw) && p.priceKrw > 0 && p.priceKrw + v.extraPriceKrw <= 0) {
      add(
        `${at}.extraPriceKrw`,
        `추가금 ${v.extraPriceKrw} makes the variant price ₩${p.priceKrw + v.extraPriceKrw}; it must stay above 0`,
      );
    }
    if (Number.isFinite(v.stock) && (!Number.isInteger(v.stock) || v.stock < 0)) {
      add(`${at}.stock`, `must be a whole number ≥ 0 (got ${v.stock})`);
    }
  });
}
