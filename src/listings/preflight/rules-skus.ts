import { isOption } from './rules-category.ts';
import { codeOf, issue, type PreflightIssue, type RuleContext } from './types.ts';

/**
 * SKU rules: at least one SKU (AliExpress ≤ 200: 13020/13032), a SellerSku on each, unique in the
 * request (4110/4126, 13021/13025), and sale props: only the category's variant attributes
 * (4143 / 13028), mandatory ones filled (4110 / 13027), every SKU of a multi-SKU product with
 * sale props (4144 / 13027) and no two SKUs alike (4112 / 13029). On AliExpress a value is
 * 1–70 characters without { # : = , } (13028); on Lazop an enumerated one is an option (4115).
 */

const AE_MAX_SKUS = 200;
const AE_FORBIDDEN = /[{#:=,}]/;

function skuCountIssues(ctx: RuleContext): PreflightIssue[] {
  const n = ctx.product.skus.length;
  if (n === 0)
    return [
      issue('sku-count', 'Skus', 'The product has no SKU: add at least one.', {
        code: codeOf(ctx, undefined, '13020'),
      }),
    ];
  if (ctx.ae && n > AE_MAX_SKUS)
    return [
      issue('sku-count', 'Skus', `${n} SKUs; AliExpress takes at most ${AE_MAX_SKUS} per product.`, {
        code: '13032',
      }),
    ];
  return [];
}

function sellerSkuIssues(ctx: RuleContext): PreflightIssue[] {
  const out: PreflightIssue[] = [];
  const seen = new Set<string>();
  for (const sku of ctx.product.skus) {
    const s = sku.sellerSku?.trim() ?? '';
    if (s === '') {
      out.push(
        issue('seller-sku', 'SellerSku', 'A SKU has no SellerSku: every SKU needs one.', {
          code: codeOf(ctx, '4110', '13021'),
        }),
      );
      continue;
    }
    if (seen.has(s))
      out.push(
        issue(
          'seller-sku',
          'SellerSku',
          `SellerSku ${s} is used by two SKUs of the product: make it unique.`,
          {
            code: codeOf(ctx, '4126', '13025'),
            sellerSku: s,
          },
        ),
      );
    seen.add(s);
  }
  return out;
}

function salePropIssues(ctx: RuleContext): PreflightIssue[] {
  const out: PreflightIssue[] = [];
  const defs = ctx.input.attributes.filter((a) => a.saleProp);
  const norm = (n: string): string => (ctx.ae ? n.toLowerCase() : n);
  const byName = new Map(defs.map((d) => [norm(d.name), d]));
  const skus = ctx.product.skus;
  const combos = new Set<string>();
  for (const sku of skus) {
    const props = sku.saleProps ?? {};
    const at = { sellerSku: sku.sellerSku };
    for (const [name, value] of Object.entries(props)) {
      const def = byName.get(norm(name));
      if (!def) {
        out.push(
          issue(
            'sale-prop-unknown',
            name,
            `${name} is not a variant attribute of this category; use ${defs.map((d) => d.name).join(', ') || 'none'}.`,
            {
              ...at,
              code: codeOf(ctx, '4143', '13028'),
            },
          ),
        );
      } else if (ctx.ae && (value.trim() === '' || [...value].length > 70 || AE_FORBIDDEN.test(value))) {
        out.push(
          issue('sale-prop-value', name, `${name} "${value}" must be 1–70 characters without { # : = , }.`, {
            ...at,
            code: '13028',
          }),
        );
      } else if (
        !ctx.ae &&
        def.inputType === 'singleSelect' &&
        def.options.length > 0 &&
        !isOption(def, value)
      ) {
        out.push(
          issue(
            'attribute-option',
            name,
            `"${value}" is not an option of ${def.label}: use one of ${def.options
              .slice(0, 8)
              .map((o) => o.enName ?? o.name)
              .join(', ')}.`,
            { ...at, code: '4115' },
          ),
        );
      }
    }
    for (const def of defs) {
      if (!def.mandatory) continue;
      const key = Object.keys(props).find((k) => norm(k) === norm(def.name));
      const value = key !== undefined ? props[key] : ctx.ae ? undefined : sku.attributes?.[def.name];
      if (value === undefined || String(value).trim() === '')
        out.push(
          issue(
            'sale-prop-missing',
            def.name,
            `${def.label} (${def.name}) is mandatory for every SKU in this category.`,
            {
              ...at,
              code: codeOf(ctx, '4110', '13027'),
            },
          ),
        );
    }
    if (skus.length > 1) {
      if (Object.keys(props).length === 0)
        out.push(
          issue(
            'sale-prop-missing',
            'saleProp',
            `SKU ${sku.sellerSku} has no variant values; with several SKUs each needs them (e.g. color_family, size).`,
            {
              ...at,
              code: codeOf(ctx, '4144', '13027'),
            },
          ),
        );
      else {
        const combo = JSON.stringify(
          Object.entries(props)
            .map(([k, v]) => [norm(k), v])
            .sort(),
        );
        if (combos.has(combo))
          out.push(
            issue(
              'sale-prop-duplicate',
              'saleProp',
              `SKU ${sku.sellerSku} has the same variant values as another SKU: make them differ.`,
              {
                ...at,
                code: codeOf(ctx, '4112', '13029'),
              },
            ),
          );
        combos.add(combo);
      }
    }
  }
  return out;
}

export function skuRules(ctx: RuleContext): PreflightIssue[] {
  return [...skuCountIssues(ctx), ...sellerSkuIssues(ctx), ...salePropIssues(ctx)];
}
