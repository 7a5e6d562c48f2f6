import type { SkuInput } from '../../marketplaces/index.ts';
import {
  codeOf,
  decimals,
  issue,
  valueText,
  type PreflightIssue,
  type RuleContext,
  type SkuPackageField,
} from './types.ts';

/**
 * Package limits. Lazop, every SKU: weight (kg) and sizes (cm) present (4110), positive with ≤ 2
 * decimals (4149), weight ≤ 40 kg (4164), length + width + height ≤ 300 cm (4165). AliExpress
 * takes the first SKU's package: weight 0.001–500 kg with ≤ 3 decimals (13030), sizes rounded up
 * to whole centimetres 1–700 (13031).
 */

const NUMBER = /^\d+(\.\d+)?$/;
const LAZOP_MAX_KG = 40;
const LAZOP_MAX_SUM_CM = 300;
const AE_MAX_KG = 500;
const AE_MAX_CM = 700;

const FIELDS: readonly [SkuPackageField, string, string][] = [
  ['packageWeightKg', 'package_weight', 'kg'],
  ['packageLengthCm', 'package_length', 'cm'],
  ['packageWidthCm', 'package_width', 'cm'],
  ['packageHeightCm', 'package_height', 'cm'],
];

/** Present, well-formed values by field name; issues for the others. */
function readPackage(
  ctx: RuleContext,
  sku: SkuInput,
  maxDecimals: (field: string) => number,
  out: PreflightIssue[],
): Map<string, number> {
  const values = new Map<string, number>();
  for (const [key, field, unit] of FIELDS) {
    const raw = valueText(sku[key]);
    const at = { sellerSku: sku.sellerSku };
    if (raw === undefined) {
      out.push(
        issue('package-missing', field, `${field} (${unit}) is missing: measure the packed parcel.`, {
          ...at,
          code: codeOf(ctx, '4110', field === 'package_weight' ? '13030' : '13031'),
        }),
      );
    } else if (!NUMBER.test(raw) || Number(raw) <= 0 || decimals(raw) > maxDecimals(field)) {
      out.push(
        issue(
          'package-decimals',
          field,
          `${field} "${raw}" must be a positive number with at most ${maxDecimals(field)} decimals (${unit}).`,
          {
            ...at,
            code: codeOf(ctx, '4149', field === 'package_weight' ? '13030' : undefined),
          },
        ),
      );
    } else values.set(field, Number(raw));
  }
  return values;
}

function lazopPackage(ctx: RuleContext, sku: SkuInput): PreflightIssue[] {
  const out: PreflightIssue[] = [];
  const v = readPackage(ctx, sku, () => 2, out);
  const at = { sellerSku: sku.sellerSku };
  const kg = v.get('package_weight');
  if (kg !== undefined && kg > LAZOP_MAX_KG)
    out.push(
      issue(
        'package-weight',
        'package_weight',
        `Package weight ${kg} kg is over the ${LAZOP_MAX_KG} kg limit: split the item or check the unit.`,
        {
          ...at,
          code: '4164',
        },
      ),
    );
  const sum = (v.get('package_length') ?? 0) + (v.get('package_width') ?? 0) + (v.get('package_height') ?? 0);
  if (sum > LAZOP_MAX_SUM_CM)
    out.push(
      issue(
        'package-size',
        'package_length',
        `Length + width + height is ${Math.round(sum * 100) / 100} cm, over ${LAZOP_MAX_SUM_CM} cm: check the sizes.`,
        {
          ...at,
          code: '4165',
        },
      ),
    );
  return out;
}

function aePackage(ctx: RuleContext, sku: SkuInput): PreflightIssue[] {
  const out: PreflightIssue[] = [];
  // Sizes go out rounded up to whole centimetres, so only the weight's decimals matter.
  const v = readPackage(ctx, sku, (f) => (f === 'package_weight' ? 3 : 6), out);
  const at = { sellerSku: sku.sellerSku };
  const kg = v.get('package_weight');
  if (kg !== undefined && (kg < 0.001 || kg > AE_MAX_KG))
    out.push(
      issue('package-weight', 'package_weight', `Package weight ${kg} kg must be 0.001 to ${AE_MAX_KG} kg.`, {
        ...at,
        code: '13030',
      }),
    );
  for (const field of ['package_length', 'package_width', 'package_height']) {
    const cm = v.get(field);
    if (cm !== undefined && Math.ceil(cm) > AE_MAX_CM)
      out.push(
        issue('package-size', field, `${field} ${cm} cm is over AliExpress's ${AE_MAX_CM} cm limit.`, {
          ...at,
          code: '13031',
        }),
      );
  }
  return out;
}

export function packageRules(ctx: RuleContext): PreflightIssue[] {
  if (ctx.ae) {
    const first = ctx.product.skus[0];
    return first ? aePackage(ctx, first) : [];
  }
  return ctx.product.skus.flatMap((sku) => lazopPackage(ctx, sku));
}
