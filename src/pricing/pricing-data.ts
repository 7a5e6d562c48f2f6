import { createHash } from 'node:crypto';
import { z } from 'zod';
import sitesJson from '../../data/pricing/sites.json' with { type: 'json' };
import feesJson from '../../data/pricing/fees.json' with { type: 'json' };
import shippingJson from '../../data/pricing/shipping.json' with { type: 'json' };
import customsJson from '../../data/pricing/customs.json' with { type: 'json' };
import roundingJson from '../../data/pricing/rounding.json' with { type: 'json' };
import { AppError } from '../shared/index.ts';

/**
 * The pricing inputs as data (data/pricing/*.json), validated once at load. Every file keeps its
 * `source` and `as_of`; the quote engine only reads the parsed shape below.
 */

const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string in major units');
const amountSpec = z.object({ amount: decimal, currency: z.string().length(3) });
const collection = z.enum(['checkout', 'prepaid', 'import', 'on-top']);
const pctMap = z.record(z.string(), z.number().min(0).max(100));

const dutySpec = z.object({
  pct: z.number().min(0).max(1000).optional(),
  byCategory: pctMap.optional(),
  flat: amountSpec.optional(),
  leviesPct: z.number().min(0).max(100).optional(),
  leviesByCategory: pctMap.optional(),
  leviesLabel: z.string().optional(),
  collection,
  assumed: z.boolean().optional(),
  note: z.string().optional(),
});
const taxSpec = z.object({
  name: z.string(),
  pct: z.number().min(0).max(100),
  collection,
  note: z.string().optional(),
});
const customsBand = z.object({
  upTo: amountSpec.nullable(),
  duty: dutySpec.nullable(),
  tax: taxSpec.nullable(),
  rule: z.string(),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const customsVersion = z.object({
  from: isoDate,
  to: isoDate.optional(),
  valueBasis: z.enum(['fob', 'cif']),
  confidence: z.string(),
  bands: z.array(customsBand).min(1),
  sources: z.array(z.string()),
});
const countryCustoms = z.object({
  currency: z.string().length(3),
  versions: z.array(customsVersion),
  note: z.string().optional(),
});

const feeSchedule = z.object({
  marketplace: z.string(),
  commissionPct: z.object({ default: z.number().min(0).max(100) }).catchall(z.number().min(0).max(100)),
  paymentFeePct: z.number().min(0).max(100),
  feeTaxPct: z.number().min(0).max(100),
  fixedFees: z.array(z.object({ code: z.string(), label: z.string(), amount: decimal })),
  as_of: z.string(),
  confidence: z.string(),
  assumed: z.boolean().optional(),
  notes: z.array(z.string()).optional(),
  sources: z.array(z.string()),
});
const marginSpec = z.object({ targetPct: z.number().min(0).max(95), floorPct: z.number().min(-100).max(95) });
const feesFile = z.object({
  source: z.string(),
  as_of: z.string(),
  categories: z.array(z.string()),
  operator: z.object({
    feePct: z.number().min(0).max(100),
    label: z.string(),
    source: z.string(),
    as_of: z.string(),
  }),
  fxSpread: z.object({ pct: z.number().min(0).max(100), label: z.string(), note: z.string().optional() }),
  margin: marginSpec.extend({ basis: z.string().optional() }),
  schedules: z.record(z.string(), feeSchedule),
});

const weightStep = z.object({ upToG: z.number().int().positive(), stepG: z.number().int().positive() });
const sizeLimits = z.object({
  maxLongestMm: z.number().positive().optional(),
  maxSumMm: z.number().positive().optional(),
  maxLengthGirthMm: z.number().positive().optional(),
});
const shippingService = z.object({
  code: z.string(),
  carrier: z.string(),
  name: z.string(),
  volumetricDivisor: z.number().positive(),
  maxWeightG: z.number().int().positive(),
  maxWeightGByCountry: z.record(z.string(), z.number().int().positive()).optional(),
  maxVolumetricG: z.number().int().positive().optional(),
  size: sizeLimits.optional(),
  sizeByCountry: z.record(z.string(), sizeLimits).optional(),
  weightStepsG: z.array(weightStep).min(1),
  countries: z.union([z.literal('*'), z.array(z.string().length(2))]),
  allowsBatteries: z.boolean(),
  airMail: z.boolean(),
  rateCard: z.string(),
  notes: z.array(z.string()).optional(),
  sources: z.array(z.string()),
});
const linearPoint = z.object({ first: z.number().nonnegative(), perStep: z.number().nonnegative() });
const rateCard = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('table'),
    currency: z.string().length(3),
    status: z.string(),
    source: z.string(),
    as_of: z.string(),
    zoneFactors: z.record(z.string(), z.number().positive()).optional(),
    roundToKrw: z.number().int().positive().optional(),
    table: z.array(z.tuple([z.number().int().positive(), z.number().nonnegative()])).min(1),
  }),
  z.object({
    kind: z.literal('linear'),
    currency: z.string().length(3),
    status: z.string(),
    source: z.string(),
    as_of: z.string(),
    firstStepG: z.number().int().positive(),
    stepG: z.number().int().positive(),
    byZone: z.record(z.string(), linearPoint).optional(),
    byCountry: z.record(z.string(), linearPoint).optional(),
  }),
  z.object({ kind: z.literal('placeholder'), status: z.string(), note: z.string().optional() }),
]);
const shippingFile = z.object({
  source: z.string(),
  as_of: z.string(),
  zones: z.object({ byCountry: z.record(z.string(), z.string()), default: z.string() }),
  restrictedCategories: z.record(
    z.string(),
    z.union([z.string(), z.object({ rule: z.string(), reason: z.string() })]),
  ),
  services: z.array(shippingService),
  rateCards: z.record(z.string(), rateCard),
});

const roundingRule = z.object({
  mode: z.enum(['nearest', 'up']),
  tiers: z
    .array(z.object({ below: decimal.optional(), step: decimal, endings: z.array(decimal).min(1) }))
    .min(1),
});

const siteConfig = z.object({
  code: z.string().regex(/^[a-z]+-[a-z]{2}$/),
  marketplace: z.string(),
  country: z.string().length(2),
  currency: z.string().length(3),
  feeSchedule: z.string(),
  shipping: z.array(z.string()).min(1),
  rounding: z.string(),
  ddp: z.boolean(),
  limits: z.object({ minPrice: decimal, maxPrice: decimal, maxDiscountPct: z.number().min(0).max(100) }),
  margin: marginSpec.optional(),
  note: z.string().optional(),
});

export type Collection = z.infer<typeof collection>;
export type AmountSpec = z.infer<typeof amountSpec>;
export type DutySpec = z.infer<typeof dutySpec>;
export type TaxSpec = z.infer<typeof taxSpec>;
export type CustomsBand = z.infer<typeof customsBand>;
export type CustomsVersion = z.infer<typeof customsVersion>;
export type CountryCustoms = z.infer<typeof countryCustoms>;
export type FeeSchedule = z.infer<typeof feeSchedule>;
export type ShippingService = z.infer<typeof shippingService>;
export type RateCard = z.infer<typeof rateCard>;
export type RoundingRuleSpec = z.infer<typeof roundingRule>;
export type SiteConfig = z.infer<typeof siteConfig>;

const pricingInputs = z.object({
  sites: z.array(siteConfig).min(1),
  fees: feesFile,
  shipping: shippingFile,
  customs: z.object({ as_of: z.string(), countries: z.record(z.string(), countryCustoms) }),
  rounding: z.object({ as_of: z.string(), rules: z.record(z.string(), roundingRule) }),
});
export type PricingInputs = z.infer<typeof pricingInputs>;

/** Parsed pricing data plus the version that identifies its exact content. */
export interface PricingData extends PricingInputs {
  /** `pd_` + a content hash: two data sets with the same version price identically. */
  readonly version: string;
}

/** Validates pricing inputs (from the shipped files or modified copies) and stamps their version. */
export function parsePricingData(inputs: unknown): PricingData {
  const parsed = pricingInputs.safeParse(inputs);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('config', `invalid pricing data: ${problems.join('; ')}`, {
      details: { issues: parsed.error.issues.length },
    });
  }
  const data = parsed.data;
  for (const site of data.sites) {
    if (!data.fees.schedules[site.feeSchedule]) {
      throw new AppError('config', `site ${site.code} refers to unknown fee schedule ${site.feeSchedule}`);
    }
    if (!data.rounding.rules[site.rounding]) {
      throw new AppError('config', `site ${site.code} refers to unknown rounding rule ${site.rounding}`);
    }
    for (const s of site.shipping) {
      if (!data.shipping.services.some((x) => x.code === s)) {
        throw new AppError('config', `site ${site.code} refers to unknown shipping service ${s}`);
      }
    }
  }
  return { ...data, version: `pd_${hashJson(data).slice(0, 12)}` };
}

let shipped: PricingData | undefined;

/** The pricing data shipped in data/pricing/ (parsed once). */
export function loadPricingData(): PricingData {
  shipped ??= parsePricingData({
    sites: sitesJson.sites,
    fees: feesJson,
    shipping: shippingJson,
    customs: customsJson,
    rounding: roundingJson,
  });
  return shipped;
}

/** A deep copy of the inputs without the version, for what-if edits. */
export function cloneInputs(data: PricingData): PricingInputs {
  const { version: _version, ...inputs } = data;
  return structuredClone(inputs);
}

/** sha256 of a JSON value with sorted keys, so equal content hashes equally. */
export function hashJson(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
