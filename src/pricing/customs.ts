import type { AmountSpec, Collection, CountryCustoms } from './pricing-data.ts';
import type { RuleRef } from './types.ts';

/**
 * Import duty and VAT/GST under each destination's low-value rules, compiled for one site
 * (dated version chosen, thresholds converted to the site currency).
 */

export interface CompiledBand {
  readonly index: number;
  /** Inclusive upper bound of the customs value, local minor units (Infinity: no bound). */
  readonly upToMinor: number;
  readonly dutyCollection: Collection | null;
  /** Duty rate (fraction, levies included) for a category; `other` and unknowns use the default. */
  dutyRate(category: string): number;
  readonly dutyFlatMinor: number;
  readonly taxName: string;
  readonly taxRate: number;
  readonly taxCollection: Collection | null;
  readonly rule: RuleRef;
}

export interface CompiledCustoms {
  readonly country: string;
  readonly known: boolean;
  readonly valueBasis: 'fob' | 'cif';
  readonly bands: readonly CompiledBand[];
  readonly version?: { from: string; to?: string; confidence: string };
}

/** In the price or not: checkout and prepaid always; import only when the site prices DDP. */
export function inPrice(collection: Collection | null, ddp: boolean): boolean {
  return collection === 'checkout' || collection === 'prepaid' || (collection === 'import' && ddp);
}

/**
 * Picks the rule version in force on `asOf` (YYYY-MM-DD) and converts band thresholds with
 * `toLocalMinor`; returns undefined from toLocalMinor when FX lacks a threshold currency.
 */
export function compileCustoms(
  country: string,
  spec: CountryCustoms | undefined,
  asOf: string,
  toLocalMinor: (a: AmountSpec) => number | undefined,
): CompiledCustoms | { missingCurrency: string } {
  const version = spec?.versions.find((v) => v.from <= asOf && (v.to === undefined || asOf <= v.to));
  if (!spec || !version) {
    const rule: RuleRef = {
      code: `customs.${country.toLowerCase()}.unknown`,
      text: `${country}: no duty/tax rule known${spec?.note ? ` (${spec.note})` : ''}; the price carries no duty or tax`,
    };
    return { country, known: false, valueBasis: 'cif', bands: [emptyBand(rule)] };
  }
  const bands: CompiledBand[] = [];
  for (const [index, b] of version.bands.entries()) {
    let upToMinor = Number.POSITIVE_INFINITY;
    if (b.upTo) {
      const v = toLocalMinor(b.upTo);
      if (v === undefined) return { missingCurrency: b.upTo.currency };
      upToMinor = v;
    }
    let dutyFlatMinor = 0;
    if (b.duty?.flat) {
      const v = toLocalMinor(b.duty.flat);
      if (v === undefined) return { missingCurrency: b.duty.flat.currency };
      dutyFlatMinor = v;
    }
    const duty = b.duty;
    const rates = new Map<string, number>();
    const baseRate = ((duty?.pct ?? 0) + (duty?.leviesPct ?? 0)) / 100;
    if (duty) {
      const cats = new Set([
        ...Object.keys(duty.byCategory ?? {}),
        ...Object.keys(duty.leviesByCategory ?? {}),
      ]);
      for (const c of cats) {
        const pct = duty.byCategory?.[c] ?? duty.pct ?? 0;
        const levies = duty.leviesByCategory?.[c] ?? duty.leviesPct ?? 0;
        rates.set(c, (pct + levies) / 100);
      }
    }
    bands.push({
      index,
      upToMinor,
      dutyCollection: duty?.collection ?? null,
      dutyRate: (category) => rates.get(category) ?? baseRate,
      dutyFlatMinor,
      taxName: b.tax?.name ?? 'tax',
      taxRate: (b.tax?.pct ?? 0) / 100,
      taxCollection: b.tax?.collection ?? null,
      rule: {
        code: `customs.${country.toLowerCase()}.${version.from}.${index}`,
        text: b.rule,
        source: version.sources.join(' '),
        asOf: version.from,
      },
    });
  }
  return {
    country,
    known: true,
    valueBasis: version.valueBasis,
    bands,
    version: {
      from: version.from,
      ...(version.to ? { to: version.to } : {}),
      confidence: version.confidence,
    },
  };
}

function emptyBand(rule: RuleRef): CompiledBand {
  return {
    index: 0,
    upToMinor: Number.POSITIVE_INFINITY,
    dutyCollection: null,
    dutyRate: () => 0,
    dutyFlatMinor: 0,
    taxName: 'tax',
    taxRate: 0,
    taxCollection: null,
    rule,
  };
}

/** The band for a customs value (local minor): the first whose bound is at or above it. */
export function bandFor(customs: CompiledCustoms, customsValueMinor: number): CompiledBand {
  for (const b of customs.bands) if (customsValueMinor <= b.upToMinor + 1e-9) return b;
  return customs.bands[customs.bands.length - 1]!;
}

export interface ImportAssessment {
  readonly band: CompiledBand;
  readonly customsValueMinor: number;
  readonly dutyMinor: number;
  readonly taxMinor: number;
  readonly dutyCollection: Collection | null;
  readonly taxCollection: Collection | null;
}

/**
 * Duty and tax on one parcel, from the goods value net of duty and tax (`valueMinor`, which
 * includes shipping because our prices do) and the shipping cost. Duty is charged on the customs
 * value (FOB: without shipping), tax on value + duty. Amounts round half-up to minor units.
 */
export function assessImport(
  customs: CompiledCustoms,
  valueMinor: number,
  shippingMinor: number,
  category: string,
): ImportAssessment {
  const customsValueMinor = customs.valueBasis === 'fob' ? valueMinor - shippingMinor : valueMinor;
  const band = bandFor(customs, customsValueMinor);
  const dutyMinor = band.dutyCollection
    ? Math.round(band.dutyRate(category) * customsValueMinor + band.dutyFlatMinor)
    : 0;
  const taxMinor = band.taxCollection ? Math.round(band.taxRate * (valueMinor + dutyMinor)) : 0;
  return {
    band,
    customsValueMinor,
    dutyMinor,
    taxMinor,
    dutyCollection: band.dutyCollection,
    taxCollection: band.taxCollection,
  };
}
