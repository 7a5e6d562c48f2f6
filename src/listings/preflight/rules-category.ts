import type { CategoryAttribute } from '../../marketplaces/index.ts';
import { codeOf, issue, type PreflightIssue, type RuleContext } from './types.ts';

/**
 * Category and attribute rules: a mapped leaf category (4134 / 13005), the category's mandatory
 * attributes (4108 basic, 4110 others / 13012), and enumerated values (4115 / 13011).
 */

/** SKU fields with their own rules (price, package …) or carried outside `attributes`. */
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
]);
/** Lazop's basic attributes (4108 when missing); the title has its own rule (content). */
const BASIC = new Set(['name', 'description', 'brand']);
/** AliExpress's `Brand Name` common attribute id: `brand_id` is one of its value ids. */
const AE_BRAND_ID = '2';
const SELECT = new Set(['singleSelect', 'multiSelect']);

type Attrs = Record<string, string | number | boolean>;

function text(v: string | number | boolean | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = String(v).trim();
  return t === '' ? undefined : t;
}

/** The value a product-level attribute gets from the payload, as the adapter would send it. */
function productValue(ctx: RuleContext, attr: CategoryAttribute, attrs: Attrs): string | undefined {
  if (ctx.ae) {
    if (attr.id === AE_BRAND_ID) return text(attrs.brand_id) ?? text(attrs.brand_name) ?? text(attrs.brand);
    const key = Object.keys(attrs).find((k) => k === attr.id || k.toLowerCase() === attr.name.toLowerCase());
    return key === undefined ? undefined : text(attrs[key]);
  }
  if (attr.name === 'brand') return text(attrs.brand) ?? text(attrs.brand_id);
  return text(attrs[attr.name]);
}

/** Enumerated values match an option's name or English name, case-insensitively. */
export function isOption(attr: CategoryAttribute, value: string): boolean {
  const values = attr.inputType === 'multiSelect' ? value.split(',').map((x) => x.trim()) : [value];
  return values.every((x) =>
    attr.options.some(
      (o) => o.name.toLowerCase() === x.toLowerCase() || (o.enName ?? '').toLowerCase() === x.toLowerCase(),
    ),
  );
}

function optionNames(attr: CategoryAttribute): string {
  const names = attr.options.map((o) => o.enName ?? o.name);
  return names.length > 8 ? `${names.slice(0, 8).join(', ')} …` : names.join(', ');
}

export function categoryRules(ctx: RuleContext): PreflightIssue[] {
  const { category } = ctx.input;
  if (!category) {
    return [
      issue('category-missing', 'PrimaryCategory', 'No category is mapped for this site: map one first.', {
        code: codeOf(ctx, '201', '13004'),
      }),
    ];
  }
  const out: PreflightIssue[] = [];
  if (!category.leaf) {
    out.push(
      issue(
        'category-leaf',
        'PrimaryCategory',
        `Category ${category.id} is not a leaf category: choose one of its last-level subcategories.`,
        { code: codeOf(ctx, '4134', '13005') },
      ),
    );
  }
  if (ctx.product.categoryId !== category.id) {
    out.push(
      issue(
        'category-mismatch',
        'PrimaryCategory',
        `The payload names category ${ctx.product.categoryId} but category ${category.id} was checked.`,
      ),
    );
  }
  return out;
}

function brandIssues(ctx: RuleContext, attrs: Attrs): PreflightIssue[] {
  const ids = ctx.input.brandIds;
  const id = text(attrs.brand_id);
  if (!ids || id === undefined || ids.has(id)) return [];
  return [
    issue(
      'brand-invalid',
      'brand_id',
      `Brand id ${id} is not a brand of this site and category: pick one from brands().`,
      {
        code: codeOf(ctx, '4142', '13011'),
      },
    ),
  ];
}

export function attributeRules(ctx: RuleContext): PreflightIssue[] {
  const attrs = ctx.product.attributes;
  const out: PreflightIssue[] = brandIssues(ctx, attrs);
  for (const attr of ctx.input.attributes) {
    if (attr.level !== 'product' || attr.name === 'name') continue;
    const value = productValue(ctx, attr, attrs);
    if (value === undefined) {
      if (attr.mandatory)
        out.push(
          issue(
            'attribute-mandatory',
            attr.name,
            `${attr.label} (${attr.name}) is mandatory in this category: fill it in.`,
            {
              code: codeOf(ctx, BASIC.has(attr.name) ? '4108' : '4110', '13012'),
            },
          ),
        );
      continue;
    }
    if (attr.options.length === 0 || !SELECT.has(attr.inputType)) continue;
    if (!ctx.ae && attr.name === 'brand') continue; // Lazop brands are checked by id (brandIds)
    const ok =
      ctx.ae && attr.id === AE_BRAND_ID && text(attrs.brand_id) !== undefined
        ? attr.options.some((o) => o.id === value)
        : isOption(attr, value);
    if (!ok)
      out.push(
        issue(
          'attribute-option',
          attr.name,
          `"${value}" is not an option of ${attr.label}: use one of ${optionNames(attr)}.`,
          {
            code: codeOf(ctx, '4115', '13011'),
          },
        ),
      );
  }
  // SKU-level attributes that are neither sale props nor fields with their own rules.
  for (const attr of ctx.input.attributes) {
    if (attr.level !== 'sku' || attr.saleProp || SKU_FIELDS.has(attr.name)) continue;
    for (const sku of ctx.product.skus) {
      const value = text(sku.attributes?.[attr.name]);
      if (value === undefined) {
        if (attr.mandatory)
          out.push(
            issue(
              'attribute-mandatory',
              attr.name,
              `${attr.label} (${attr.name}) is mandatory for every SKU.`,
              {
                code: codeOf(ctx, '4110', '13027'),
                sellerSku: sku.sellerSku,
              },
            ),
          );
      } else if (attr.options.length > 0 && SELECT.has(attr.inputType) && !isOption(attr, value)) {
        out.push(
          issue(
            'attribute-option',
            attr.name,
            `"${value}" is not an option of ${attr.label}: use one of ${optionNames(attr)}.`,
            {
              code: codeOf(ctx, '4115', '13011'),
              sellerSku: sku.sellerSku,
            },
          ),
        );
      }
    }
  }
  return out;
}
