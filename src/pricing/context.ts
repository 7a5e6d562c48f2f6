import { AppError, currency } from '../shared/index.ts';
import { compileCustoms, type CompiledCustoms } from './customs.ts';
import { krwPerUnit, type FxSnapshot } from './fx/fx-snapshot.ts';
import {
  hashJson,
  loadPricingData,
  type AmountSpec,
  type PricingData,
  type ShippingService,
} from './pricing-data.ts';
import { compileRoundingRule, type RoundingRule } from './rounding.ts';
import { destinationRates, type DestinationRates } from './shipping.ts';
import type { RuleRef } from './types.ts';

/**
 * Everything a quote depends on, compiled once: the data version, the FX snapshot and the date
 * (which picks dated customs rules). Quotes are pure functions of (context, site, item, options),
 * so the same context always gives the same quote.
 */
export interface PricingContext {
  readonly data: PricingData;
  readonly fx: FxSnapshot;
  /** YYYY-MM-DD: the day whose rules apply. */
  readonly asOf: string;
  readonly sites: ReadonlyMap<string, CompiledSite>;
  readonly categories: ReadonlySet<string>;
}

export interface CompiledService {
  readonly service: ShippingService;
  readonly rates: DestinationRates | undefined;
  /** Local minor units per unit of the card's currency (major), or undefined without FX. */
  readonly toLocalMinor: number | undefined;
  readonly rule: RuleRef;
  readonly label: string;
}

export interface CompiledSite {
  readonly code: string;
  readonly marketplace: string;
  readonly country: string;
  readonly currency: string;
  /** 10 ^ minor units of the site currency. */
  readonly pow: number;
  /** KRW per major unit, or undefined when the snapshot lacks the currency. */
  readonly krwRate: number | undefined;
  readonly krwRateText: string | undefined;
  /** A currency the site needs (its own, a threshold's) that the FX snapshot lacks. */
  readonly missingCurrency: string | undefined;
  /** Currencies whose rate moves this site's quotes (repricing watches them). */
  readonly fxDependencies: readonly string[];
  readonly ddp: boolean;
  readonly commission: ReadonlyMap<string, { rate: number; rule: RuleRef; label: string }>;
  readonly paymentRate: number;
  readonly feeTaxRate: number;
  readonly operatorRate: number;
  readonly fxSpreadRate: number;
  readonly fixedMinor: number;
  readonly marginTargetPct: number;
  readonly marginFloorPct: number;
  readonly rounding: RoundingRule;
  readonly minPriceMinor: number;
  readonly maxPriceMinor: number;
  readonly maxDiscountPct: number;
  readonly services: readonly CompiledService[];
  readonly restricted: PricingData['shipping']['restrictedCategories'];
  readonly customs: CompiledCustoms;
  readonly rules: Readonly<
    Record<
      'fx' | 'goods' | 'cost' | 'fxSpread' | 'payment' | 'fixed' | 'operator' | 'rounding' | 'margin',
      RuleRef
    >
  >;
  readonly labels: Readonly<Record<'goods' | 'cost' | 'fx' | 'payment' | 'fixed' | 'operator', string>>;
  /** Hash of every input of this site except FX: a change means its fee table (or rules) changed. */
  readonly inputsHash: string;
}

export interface PricingContextInput {
  fx: FxSnapshot;
  /** Date or YYYY-MM-DD; the day whose dated rules apply. */
  asOf: Date | string;
  /** Defaults to the data shipped in data/pricing/. */
  data?: PricingData;
}

/** Compiles data + FX snapshot + date into a context for quotes. */
export function createPricingContext(input: PricingContextInput): PricingContext {
  const data = input.data ?? loadPricingData();
  const asOf =
    typeof input.asOf === 'string' ? input.asOf.slice(0, 10) : input.asOf.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new AppError('invalid_input', `"${asOf}" is not a date`);
  const sites = new Map<string, CompiledSite>();
  for (const site of data.sites) sites.set(site.code, compileSite(data, input.fx, asOf, site.code));
  return { data, fx: input.fx, asOf, sites, categories: new Set(data.fees.categories) };
}

const pct = (n: number) => `${Number(n.toFixed(4))}%`;

function compileSite(data: PricingData, fx: FxSnapshot, asOf: string, code: string): CompiledSite {
  const site = data.sites.find((s) => s.code === code)!;
  const schedule = data.fees.schedules[site.feeSchedule]!;
  const digits = currency(site.currency).minorUnits;
  const pow = 10 ** digits;
  const krwRate = krwPerUnit(fx, site.currency);
  const deps = new Set<string>([site.currency]);
  let missingCurrency = krwRate === undefined ? site.currency : undefined;

  /** Major units of any currency → local minor units, through KRW. */
  const factorToLocalMinor = (ccy: string): number | undefined => {
    if (ccy === site.currency) return pow;
    const r = krwPerUnit(fx, ccy);
    if (r === undefined || krwRate === undefined) return undefined;
    return (r / krwRate) * pow;
  };
  const toLocalMinor = (a: AmountSpec): number | undefined => {
    deps.add(a.currency);
    const f = factorToLocalMinor(a.currency);
    return f === undefined ? undefined : Math.round(Number(a.amount) * f);
  };

  const compiledCustoms = compileCustoms(
    site.country,
    data.customs.countries[site.country],
    asOf,
    toLocalMinor,
  );
  let customs: CompiledCustoms;
  if ('missingCurrency' in compiledCustoms) {
    missingCurrency ??= compiledCustoms.missingCurrency;
    customs = { country: site.country, known: false, valueBasis: 'cif', bands: [] };
  } else customs = compiledCustoms;

  const feeSource = `${schedule.sources.join(' ') || 'kbridge assumption'}`;
  const commission = new Map<string, { rate: number; rule: RuleRef; label: string }>();
  for (const cat of data.fees.categories) {
    const p = schedule.commissionPct[cat] ?? schedule.commissionPct.default;
    commission.set(cat, {
      rate: p / 100,
      label: `commission ${pct(p)}`,
      rule: {
        code: `fee.${site.feeSchedule}.commission.${cat}`,
        text: `${site.code} commission ${pct(p)} of the price for ${cat}${schedule.assumed ? ' (assumed)' : ''}${schedule.feeTaxPct ? ` + ${pct(schedule.feeTaxPct)} tax on fees` : ''}`,
        source: feeSource,
        asOf: schedule.as_of,
      },
    });
  }
  const fixedMinor = schedule.fixedFees.reduce((a, f) => a + Math.round(Number(f.amount) * pow), 0);

  const zones = data.shipping.zones;
  const services: CompiledService[] = site.shipping.map((sc) => {
    const service = data.shipping.services.find((s) => s.code === sc)!;
    const card = data.shipping.rateCards[service.rateCard];
    const rates = card ? destinationRates(card, site.country, zones) : undefined;
    if (rates) deps.add(rates.currency);
    return {
      service,
      rates,
      toLocalMinor: rates ? factorToLocalMinor(rates.currency) : undefined,
      label: `shipping (${service.carrier} ${service.name})`,
      rule: {
        code: `shipping.${service.code}.${site.country.toLowerCase()}`,
        text: rates
          ? `${service.carrier} ${service.name} to ${site.country}: rate card ${service.rateCard} (${rates.status}); chargeable weight = max(actual, LxWxH/${service.volumetricDivisor}) rounded to the service step`
          : `${service.carrier} ${service.name} to ${site.country}: no rate card`,
        source: rates?.source ?? service.sources.join(' '),
        ...(rates ? { asOf: rates.asOf } : {}),
      },
    };
  });

  const margin = site.margin ?? data.fees.margin;
  const rounding = compileRoundingRule(site.rounding, site.currency, data.rounding.rules[site.rounding]!);
  const op = data.fees.operator;
  const fxs = data.fees.fxSpread;
  const rules = {
    fx: {
      code: `fx.${fx.id}.${site.currency}`,
      text: `FX ${site.currency}: ${krwRate ?? '?'} KRW per ${site.currency} (snapshot ${fx.id}, ${fx.source})`,
      source: fx.source,
      asOf: fx.takenAt,
    },
    goods: { code: 'goods.seller-price', text: `seller's KRW price converted at the snapshot rate` },
    cost: {
      code: 'goods.cost',
      text: `seller's KRW cost converted at the snapshot rate (cost plus target margin)`,
    },
    fxSpread: {
      code: 'fee.fx-spread',
      text: `${fxs.label} ${pct(fxs.pct)} of the price`,
      ...(fxs.note ? { source: fxs.note } : {}),
    },
    payment: {
      code: `fee.${site.feeSchedule}.payment`,
      text: `${site.code} payment fee ${pct(schedule.paymentFeePct)} of the price${schedule.feeTaxPct ? ` + ${pct(schedule.feeTaxPct)} tax on fees` : ''}`,
      source: feeSource,
      asOf: schedule.as_of,
    },
    fixed: {
      code: `fee.${site.feeSchedule}.fixed`,
      text: schedule.fixedFees.length
        ? schedule.fixedFees.map((f) => `${f.label} ${f.amount} ${site.currency}`).join(', ')
        : 'no fixed fees',
      source: feeSource,
      asOf: schedule.as_of,
    },
    operator: {
      code: 'fee.operator',
      text: `${op.label} ${pct(op.feePct)} of the price`,
      source: op.source,
      asOf: op.as_of,
    },
    rounding: {
      code: `rounding.${site.rounding}`,
      text: `${rounding.description} (${rounding.mode}; up when the margin would fall under its floor)`,
    },
    margin: {
      code: `margin.${site.code}`,
      text: `margin target ${pct(margin.targetPct)}, floor ${pct(margin.floorPct)} of the price net of VAT/GST/sales tax`,
    },
  };
  const inputsHash = hashJson({
    site,
    schedule,
    op,
    fxs,
    margin,
    services: services.map((s) => [s.service, data.shipping.rateCards[s.service.rateCard]]),
    zones,
    restricted: data.shipping.restrictedCategories,
    customs: customs.version ?? null,
    bands: customs.bands.map((b) => b.rule),
    rounding: data.rounding.rules[site.rounding],
    categories: data.fees.categories,
  }).slice(0, 16);

  return {
    code: site.code,
    marketplace: site.marketplace,
    country: site.country,
    currency: site.currency,
    pow,
    krwRate,
    krwRateText: fx.rates[site.currency],
    missingCurrency,
    fxDependencies: [...deps].filter((c) => c !== 'KRW').sort(),
    ddp: site.ddp,
    commission,
    paymentRate: schedule.paymentFeePct / 100,
    feeTaxRate: schedule.feeTaxPct / 100,
    operatorRate: op.feePct / 100,
    fxSpreadRate: fxs.pct / 100,
    fixedMinor,
    marginTargetPct: margin.targetPct,
    marginFloorPct: margin.floorPct,
    rounding,
    minPriceMinor: Math.round(Number(site.limits.minPrice) * pow),
    maxPriceMinor: Math.round(Number(site.limits.maxPrice) * pow),
    maxDiscountPct: site.limits.maxDiscountPct,
    services,
    restricted: data.shipping.restrictedCategories,
    customs,
    rules,
    labels: {
      goods: `seller price (KRW → ${site.currency})`,
      cost: `cost (KRW → ${site.currency})`,
      fx: `FX spread ${pct(fxs.pct)}`,
      payment: `payment fee ${pct(schedule.paymentFeePct)}`,
      fixed: schedule.fixedFees.length ? schedule.fixedFees.map((f) => f.label).join(', ') : 'fixed fees',
      operator: `operator fee ${pct(op.feePct)}`,
    },
    inputsHash,
  };
}
