import type { Site, SkuInput } from '../../marketplaces/index.ts';
import { currency, toDecimalString, type Money } from '../../shared/index.ts';
import { codeOf, decimals, issue, type PreflightIssue, type RuleContext } from './types.ts';

/**
 * Price, special price and quantity of each SKU. Lazop: price > 0 (4118), the site's decimals
 * (4104, special 4121), special below price (4157) and at least 10 % of it (4119), promotion
 * dates in order (4117) and only with a special price (4110), quantity a whole number (4152).
 * AliExpress: 0.01–999,999 with ≤ 2 decimals (13022), discount below price (13023), inventory a
 * whole 0–999,999 (13024).
 */

/** Lowest special price as a share of the price on Lazop platforms (a 90 % discount at most). */
const MIN_SPECIAL_RATIO = 0.1;
const AE_MAX_PRICE = 999_999;
const MAX_QUANTITY = 999_999;

/**
 * Decimals a price may carry on a site: two, none for zero-decimal display currencies (IDR, VND)
 * and on Daraz (research 5.2 / docs/sandbox.md: "0 for IDR, VND and Daraz currencies").
 */
export function priceDecimals(site: Site): number {
  if (site.platform === 'daraz') return 0;
  return Math.min(2, currency(site.currency).displayDigits);
}

/** The decimal text the adapter would send ("35.50" → "35.5"). */
function sentText(m: Money): string {
  const t = toDecimalString(m);
  return t.includes('.') ? t.replace(/\.?0+$/, '') : t;
}

function moneyIssues(
  ctx: RuleContext,
  sku: SkuInput,
  field: 'price' | 'special_price',
  m: Money | undefined,
): PreflightIssue[] {
  const at = { sellerSku: sku.sellerSku };
  if (m === undefined)
    return [
      issue('price-missing', field, `SKU ${sku.sellerSku} has no price: quote it first.`, {
        ...at,
        code: codeOf(ctx, '4110', '13022'),
      }),
    ];
  if (m.currency !== ctx.site.currency)
    return [
      issue(
        'price-currency',
        field,
        `${field} is in ${m.currency}; ${ctx.site.id} takes ${ctx.site.currency}: convert it.`,
        at,
      ),
    ];
  if (m.minor <= 0)
    return [
      issue('price-zero', field, `${field} ${sentText(m)} ${m.currency} must be greater than 0.`, {
        ...at,
        code: codeOf(ctx, field === 'price' ? '4118' : '4119', '13022'),
      }),
    ];
  const out: PreflightIssue[] = [];
  const text = sentText(m);
  const max = ctx.ae ? 2 : priceDecimals(ctx.site);
  if (decimals(text) > max)
    out.push(
      issue(
        'price-decimals',
        field,
        `${field} ${text} ${m.currency} has ${decimals(text)} decimals; ${ctx.site.id} takes at most ${max}: round it.`,
        {
          ...at,
          code: codeOf(ctx, field === 'price' ? '4104' : '4121', '13022'),
        },
      ),
    );
  if (ctx.ae && Number(text) > AE_MAX_PRICE)
    out.push(
      issue('price-range', field, `${field} ${text} ${m.currency} is over AliExpress's 999999 limit.`, {
        ...at,
        code: '13022',
      }),
    );
  return out;
}

function specialIssues(ctx: RuleContext, sku: SkuInput): PreflightIssue[] {
  const at = { sellerSku: sku.sellerSku };
  const out: PreflightIssue[] = [];
  const { price, specialPrice: special, specialFrom: from, specialTo: to } = sku;
  if (special !== undefined) {
    const own = moneyIssues(ctx, sku, 'special_price', special);
    out.push(...own);
    if (own.length === 0 && price !== undefined && price.currency === special.currency && price.minor > 0) {
      if (special.minor >= price.minor)
        out.push(
          issue(
            'special-price',
            'special_price',
            `Special price ${sentText(special)} is not below the price ${sentText(price)}: lower it or drop it.`,
            {
              ...at,
              code: codeOf(ctx, '4157', '13023'),
            },
          ),
        );
      else if (!ctx.ae && special.minor < price.minor * MIN_SPECIAL_RATIO)
        out.push(
          issue(
            'special-price',
            'special_price',
            `Special price ${sentText(special)} is more than 90 % below the price ${sentText(price)}: the platform refuses such discounts.`,
            {
              ...at,
              code: '4119',
            },
          ),
        );
    }
  }
  if (ctx.ae) return out; // AliExpress takes no promotion dates in the product payload
  if ((from || to) && special === undefined)
    out.push(
      issue(
        'special-price',
        'special_price',
        'Promotion dates are set without a special price: add one or drop the dates.',
        {
          ...at,
          code: '4110',
        },
      ),
    );
  for (const [field, d] of [
    ['special_from_date', from],
    ['special_to_date', to],
  ] as const) {
    if (d !== undefined && Number.isNaN(d.getTime()))
      out.push(issue('special-dates', field, `${field} is not a valid date.`, { ...at, code: '4107' }));
  }
  if (from && to && from.getTime() > to.getTime())
    out.push(
      issue(
        'special-dates',
        'special_from_date',
        `The promotion starts (${from.toISOString()}) after it ends (${to.toISOString()}): swap or fix the dates.`,
        {
          ...at,
          code: '4117',
        },
      ),
    );
  return out;
}

export function priceRules(ctx: RuleContext): PreflightIssue[] {
  const out: PreflightIssue[] = [];
  for (const sku of ctx.product.skus) {
    out.push(...moneyIssues(ctx, sku, 'price', sku.price), ...specialIssues(ctx, sku));
    const q = sku.quantity;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 0 || (ctx.ae && q > MAX_QUANTITY))
      out.push(
        issue(
          'quantity',
          'quantity',
          `Quantity ${String(q)} must be a whole number from 0${ctx.ae ? ' to 999999' : ''}.`,
          {
            sellerSku: sku.sellerSku,
            code: codeOf(ctx, '4152', '13024'),
          },
        ),
      );
  }
  return out;
}
