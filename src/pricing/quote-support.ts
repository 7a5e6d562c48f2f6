import { AppError } from '../shared/index.ts';
import type { CompiledService, CompiledSite } from './context.ts';
import { inPrice } from './customs.ts';
import {
  decomposeConsistent,
  meetsFloor,
  priceAtCustomsValue,
  solveConsistent,
  termsFor,
  type Breakdown,
  type Inputs,
} from './quote-math.ts';
import { ceilNice, floorNice, nextNice } from './rounding.ts';
import { chargeableWeight, serviceRestriction, type ChargeableWeight } from './shipping.ts';
import type { BuyerPays, MarginSummary, PriceableItem, RuleRef } from './types.ts';

/** The parts of a quote around the price equation: item checks, shipping choice, customs extras, margin. */

export const MAX_STEPS = 200;

export function checkItem(item: PriceableItem): void {
  const bad = (field: string) => {
    throw new AppError('invalid_input', `item ${item.variantId}: ${field} must be a non-negative integer`, {
      details: { variantId: item.variantId, field },
    });
  };
  if (!Number.isSafeInteger(item.priceKrw) || item.priceKrw < 0) bad('priceKrw');
  if (item.costKrw !== undefined && (!Number.isSafeInteger(item.costKrw) || item.costKrw < 0)) bad('costKrw');
  if (!Number.isFinite(item.weightG) || item.weightG <= 0) bad('weightG');
}

/** The cheapest eligible service (ties: the site's order), or why none can carry the item. */
export function pickShipping(
  site: CompiledSite,
  item: PriceableItem,
  category: string,
  only: string | undefined,
):
  | { service: CompiledService; weight: ChargeableWeight; costMinor: number }
  | { reasons: { service: string; reason: string }[] } {
  let best: { service: CompiledService; weight: ChargeableWeight; costMinor: number } | undefined;
  const reasons: { service: string; reason: string }[] = [];
  for (const s of site.services) {
    if (only && s.service.code !== only) continue;
    const weight = chargeableWeight(item.weightG, item.dims, s.service);
    const why = serviceRestriction(s.service, site.country, weight, item.dims, category, site.restricted);
    if (why) {
      reasons.push({ service: s.service.code, reason: why });
      continue;
    }
    const price = s.rates?.price(weight.chargeableG);
    if (price === undefined || s.toLocalMinor === undefined) {
      reasons.push({
        service: s.service.code,
        reason: s.rates ? `no rate for ${weight.chargeableG} g` : `${s.service.name} has no rate card`,
      });
      continue;
    }
    const costMinor = Math.round(price * s.toLocalMinor);
    if (!best || costMinor < best.costMinor) best = { service: s, weight, costMinor };
  }
  if (only && reasons.length === 0 && !best)
    reasons.push({ service: only, reason: `service ${only} is not offered on ${site.code}` });
  return best ?? { reasons };
}

/** The highest allowed price whose customs value stays in the band below, if it keeps the floor. */
export function underThreshold(
  inp: Inputs,
  site: CompiledSite,
  b: Breakdown,
  floor: number,
): { breakdown: Breakdown; rule: RuleRef } | undefined {
  const lower = site.customs.bands[b.terms.band.index - 1];
  if (!lower) return undefined;
  const terms = termsFor(inp, lower);
  let c = floorNice(site.rounding, priceAtCustomsValue(inp, terms, lower.upToMinor));
  for (let i = 0; i < 3 && c !== undefined && c >= site.minPriceMinor && c < b.price; i++) {
    const d = decomposeConsistent(inp, terms, c);
    if (d && d.terms.band === lower) {
      if (!meetsFloor(d, floor)) return undefined;
      return {
        breakdown: d,
        rule: {
          code: `threshold.${lower.rule.code}`,
          text: `priced at the top of the lower customs band (customs value kept at or under its threshold, margin between floor and target) instead of ${b.price} in the band above`,
        },
      };
    }
    c = floorNice(site.rounding, c - 1);
  }
  return undefined;
}

/** The lowest allowed price that keeps the floor, for failure details. */
export function lowestPrice(inp: Inputs, site: CompiledSite, floor: number): number | null {
  const s = solveConsistent(inp, floor / 100);
  if (!s) return null;
  let c = ceilNice(site.rounding, s.price);
  for (let i = 0; i < MAX_STEPS; i++, c = nextNice(site.rounding, c)) {
    const d = decomposeConsistent(inp, s.terms, c);
    if (d && meetsFloor(d, floor)) return c;
  }
  return null;
}

export function buyerPays(site: CompiledSite, inp: Inputs, b: Breakdown): BuyerPays[] {
  const band = b.terms.band;
  const out: BuyerPays[] = [];
  let dutyAll = b.duty;
  if (band.dutyCollection && !inPrice(band.dutyCollection, site.ddp)) {
    dutyAll = Math.round(band.dutyRate(inp.category) * b.customsValue + band.dutyFlatMinor);
    if (dutyAll > 0)
      out.push({
        code: 'duty',
        label: 'import duty',
        amount: { currency: site.currency, minor: dutyAll },
        collection: band.dutyCollection === 'on-top' ? 'on-top' : 'import',
      });
  }
  if (band.taxCollection && !inPrice(band.taxCollection, site.ddp)) {
    const tax = Math.round(band.taxRate * (b.value + dutyAll));
    const label =
      band.taxCollection === 'on-top' && band.taxRate === 0
        ? `${band.taxName} (rate varies, added at checkout)`
        : band.taxName;
    out.push({
      code: 'tax',
      label,
      amount: { currency: site.currency, minor: tax },
      collection: band.taxCollection === 'on-top' ? 'on-top' : 'import',
    });
  }
  return out;
}

export function marginPct(b: Breakdown): number {
  return b.net === 0 ? 0 : round2((b.margin / b.net) * 100);
}

export function marginSummary(
  site: CompiledSite,
  b: Breakdown,
  marginKrw: number,
  target: number,
  floor: number,
): MarginSummary {
  return {
    local: { currency: site.currency, minor: b.margin },
    krw: { currency: 'KRW', minor: marginKrw },
    pct: marginPct(b),
    targetPct: target,
    floorPct: floor,
  };
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
