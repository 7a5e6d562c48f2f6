import { AppError, err, ok, type Result } from '../shared/index.ts';
import type { PricingContext } from './context.ts';
import {
  decomposeAt,
  decomposeConsistent,
  meetsFloor,
  solveConsistent,
  termsFor,
  type Breakdown,
  type Inputs,
} from './quote-math.ts';
import {
  MAX_STEPS,
  buyerPays,
  checkItem,
  lowestPrice,
  marginPct,
  marginSummary,
  pickShipping,
  round2,
  underThreshold,
} from './quote-support.ts';
import { ceilNice, nextNice, roundNice } from './rounding.ts';
import type { PriceableItem, Quote, QuoteFailure, RuleRef } from './types.ts';
import { buildComponents } from './waterfall.ts';

export interface QuoteOptions {
  /** 'price' (default): the seller's KRW price is the goods line; 'cost-plus': costKrw is. */
  readonly mode?: 'price' | 'cost-plus';
  readonly targetMarginPct?: number;
  readonly minMarginPct?: number;
  /** Force one shipping service (by code) instead of the cheapest eligible. */
  readonly service?: string;
  /** Check a given local price (minor units) instead of computing one. */
  readonly priceMinor?: number;
  /** Special (sale) price: a discount off the list price, or an explicit local price (minor). */
  readonly discountPct?: number;
  readonly specialPriceMinor?: number;
}

export type QuoteResult = Result<Quote, QuoteFailure>;

/**
 * Quotes one item on one site: the local selling price with its waterfall (every component in
 * local currency and KRW, adding up exactly), or a tagged failure naming the guard that failed.
 * Pure: the same context, item and options always give the same result.
 */
export function quote(
  ctx: PricingContext,
  siteCode: string,
  item: PriceableItem,
  options: QuoteOptions = {},
): QuoteResult {
  const site = ctx.sites.get(siteCode);
  if (!site) {
    throw new AppError('invalid_input', `unknown site "${siteCode}"`, {
      details: { site: siteCode, known: [...ctx.sites.keys()] },
    });
  }
  checkItem(item);
  if (site.missingCurrency || site.krwRate === undefined) {
    const c = site.missingCurrency ?? site.currency;
    return err({
      kind: 'fx-rate-missing',
      site: site.code,
      currency: c,
      message: `FX snapshot ${ctx.fx.id} has no ${c} rate`,
    });
  }
  const category = item.category && ctx.categories.has(item.category) ? item.category : 'other';
  const ship = pickShipping(site, item, category, options.service);
  if ('reasons' in ship) {
    return err({
      kind: 'no-shipping-service',
      site: site.code,
      reasons: ship.reasons,
      message: `no shipping service can carry this item to ${site.country}: ${ship.reasons.map((r) => r.reason).join('; ')}`,
    });
  }
  const mode = options.mode ?? 'price';
  const baseKrw = mode === 'cost-plus' ? item.costKrw : item.priceKrw;
  if (baseKrw === undefined)
    throw new AppError('invalid_input', `cost-plus quote needs costKrw for ${item.variantId}`);
  const commission = site.commission.get(category)!;
  const inp: Inputs = {
    goods: Math.round((baseKrw / site.krwRate) * site.pow),
    shipping: ship.costMinor,
    fixed: site.fixedMinor,
    commission: commission.rate,
    payment: site.paymentRate,
    feeTax: site.feeTaxRate,
    operator: site.operatorRate,
    fxSpread: site.fxSpreadRate,
    category,
    ddp: site.ddp,
    customs: site.customs,
  };
  const target = options.targetMarginPct ?? site.marginTargetPct;
  const floor = Math.min(options.minMarginPct ?? site.marginFloorPct, target);
  let b: Breakdown | undefined;
  let unrounded: number;
  let thresholdRule: RuleRef | undefined;
  if (options.priceMinor !== undefined) {
    unrounded = options.priceMinor;
    const guess = solveConsistent(inp, floor / 100)?.terms ?? termsFor(inp, site.customs.bands[0]!);
    b = decomposeAt(inp, guess, options.priceMinor);
    if (b.price < site.minPriceMinor)
      return guardFailed(site.code, 'min-price', `price under the ${site.code} floor`, {
        price: b.price,
        minPrice: site.minPriceMinor,
      });
    if (b.price > site.maxPriceMinor)
      return guardFailed(site.code, 'max-price', `price over the ${site.code} ceiling`, {
        price: b.price,
        maxPrice: site.maxPriceMinor,
      });
    if (!meetsFloor(b, floor)) {
      const lowest = lowestPrice(inp, site, floor);
      return guardFailed(site.code, 'min-margin', `margin ${marginPct(b)}% is under the ${floor}% floor`, {
        marginPct: marginPct(b),
        floorPct: floor,
        lowestPriceMinor: lowest,
      });
    }
  } else {
    const solved = solveConsistent(inp, target / 100) ?? solveConsistent(inp, floor / 100);
    if (!solved) {
      return guardFailed(
        site.code,
        'min-margin',
        `fees and margin floor take 100% or more of the price on ${site.code}`,
        {
          floorPct: floor,
          targetPct: target,
        },
      );
    }
    unrounded = solved.price;
    let candidate = Math.max(
      roundNice(site.rounding, solved.price),
      ceilNice(site.rounding, site.minPriceMinor),
    );
    for (
      let i = 0;
      i < MAX_STEPS && candidate <= site.maxPriceMinor;
      i++, candidate = nextNice(site.rounding, candidate)
    ) {
      const d = decomposeConsistent(inp, solved.terms, candidate);
      if (d && meetsFloor(d, floor)) {
        b = d;
        break;
      }
    }
    if (!b) {
      return candidate > site.maxPriceMinor
        ? guardFailed(
            site.code,
            'max-price',
            `the price that keeps the margin floor is over the ${site.code} ceiling`,
            {
              unroundedMinor: Math.ceil(solved.price),
              maxPrice: site.maxPriceMinor,
            },
          )
        : guardFailed(
            site.code,
            'min-margin',
            `no price ending allowed by ${site.rounding.name} keeps the ${floor}% margin floor`,
            { floorPct: floor },
          );
    }
    // Just over a low-value threshold? The top of the band below may be cheaper for the buyer
    // and still keep the margin floor (e.g. PH: no duty or VAT up to PHP 10,000 FOB).
    const under = underThreshold(inp, site, b, floor);
    if (under) {
      b = under.breakdown;
      thresholdRule = under.rule;
    }
  }

  const customsRule = b.terms.band.rule;
  const goodsRule = mode === 'cost-plus' ? site.rules.cost : site.rules.goods;
  const { components, priceKrw, marginKrw } = buildComponents(
    site,
    b,
    {
      goods: mode === 'cost-plus' ? site.labels.cost : site.labels.goods,
      commission: commission.label,
      shipping: ship.service.label,
    },
    { goods: goodsRule, commission: commission.rule, shipping: ship.service.rule, customs: customsRule },
  );
  const margin = marginSummary(site, b, marginKrw, target, floor);

  let special: Quote['special'];
  if (options.discountPct !== undefined || options.specialPriceMinor !== undefined) {
    const sp =
      options.specialPriceMinor ??
      roundNice(site.rounding, b.price * (1 - (options.discountPct ?? 0) / 100), 'nearest');
    const depth = ((b.price - sp) / b.price) * 100;
    if (depth > site.maxDiscountPct + 1e-9) {
      return guardFailed(
        site.code,
        'max-discount',
        `special price is ${round2(depth)}% off, over the ${site.maxDiscountPct}% limit`,
        {
          listPriceMinor: b.price,
          specialPriceMinor: sp,
          discountPct: round2(depth),
          maxDiscountPct: site.maxDiscountPct,
        },
      );
    }
    const s = decomposeAt(inp, termsFor(inp, site.customs.bands[0]!), sp);
    if (!meetsFloor(s, floor)) {
      return guardFailed(
        site.code,
        'min-margin',
        `margin at the special price is under the ${floor}% floor`,
        {
          listPriceMinor: b.price,
          specialPriceMinor: sp,
          marginPct: marginPct(s),
          floorPct: floor,
          lowestSpecialPriceMinor: lowestPrice(inp, site, floor),
        },
      );
    }
    const sk = buildComponents(
      site,
      s,
      { goods: '', commission: '', shipping: '' },
      {
        goods: goodsRule,
        commission: commission.rule,
        shipping: ship.service.rule,
        customs: s.terms.band.rule,
      },
    );
    special = {
      price: { currency: site.currency, minor: sp },
      discountPct: round2(depth),
      margin: marginSummary(site, s, sk.marginKrw, target, floor),
    };
  }

  const rules: RuleRef[] = [
    site.rules.fx,
    goodsRule,
    site.rules.fxSpread,
    commission.rule,
    site.rules.payment,
    site.rules.fixed,
    site.rules.operator,
    ship.service.rule,
    customsRule,
    site.rules.rounding,
    site.rules.margin,
    ...(thresholdRule ? [thresholdRule] : []),
  ];
  return ok({
    status: 'ok',
    site: site.code,
    marketplace: site.marketplace,
    country: site.country,
    currency: site.currency,
    variantId: item.variantId,
    mode: options.priceMinor !== undefined ? 'fixed' : mode,
    price: { currency: site.currency, minor: b.price },
    priceKrw: { currency: 'KRW', minor: priceKrw },
    components,
    margin,
    shipping: {
      service: ship.service.service.code,
      name: ship.service.label,
      actualWeightG: ship.weight.actualG,
      volumetricWeightG: ship.weight.volumetricG,
      chargeableWeightG: ship.weight.chargeableG,
    },
    customs: {
      band: customsRule.code,
      customsValue: { currency: site.currency, minor: b.customsValue },
      valueBasis: site.customs.valueBasis,
      buyerPays: buyerPays(site, inp, b),
    },
    rounding: {
      rule: site.rounding.name,
      unrounded: { currency: site.currency, minor: Math.ceil(unrounded - 1e-9) },
    },
    ...(special ? { special } : {}),
    fxSnapshot: {
      id: ctx.fx.id,
      source: ctx.fx.source,
      takenAt: ctx.fx.takenAt,
      krwPerUnit: site.krwRateText!,
    },
    dataVersion: ctx.data.version,
    asOf: ctx.asOf,
    rules,
  });
}

// A module function, not a per-call closure: quotes run hundreds of thousands of times a second.
function guardFailed(
  site: string,
  guard: 'min-margin' | 'min-price' | 'max-price' | 'max-discount',
  message: string,
  details: Record<string, unknown>,
): QuoteResult {
  return err({ kind: 'guard-failed', guard, site, message, details });
}
