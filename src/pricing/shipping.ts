import { AppError } from '../shared/index.ts';
import type { PricingData, RateCard, ShippingService } from './pricing-data.ts';

/**
 * Cross-border shipping: chargeable weight, service limits and rate cards. Pure functions over
 * the data in data/pricing/shipping.json.
 */

export interface Dims {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
}

export interface ChargeableWeight {
  actualG: number;
  /** L x W x H / divisor, in grams (cm^3 / 6000 = kg, so mm^3 / 6000 = g); 0 without dims. */
  volumetricG: number;
  /** max(actual, volumetric) rounded up to the service's weight step. */
  chargeableG: number;
}

/** Rounds a weight up to the service's step (e.g. EMS: 500 g to 0.5 kg, 250 g to 2 kg, then 500 g). */
export function stepUp(weightG: number, steps: ShippingService['weightStepsG']): number {
  for (const s of steps) {
    if (weightG <= s.upToG) return Math.max(s.stepG, Math.ceil(weightG / s.stepG) * s.stepG);
  }
  const last = steps[steps.length - 1]!;
  return Math.ceil(weightG / last.stepG) * last.stepG;
}

/** chargeable = stepUp(max(actual, L x W x H / divisor)). */
export function chargeableWeight(
  weightG: number,
  dims: Dims | undefined,
  service: Pick<ShippingService, 'volumetricDivisor' | 'weightStepsG'>,
): ChargeableWeight {
  const volumetricG = dims
    ? Math.ceil((dims.lengthMm * dims.widthMm * dims.heightMm) / service.volumetricDivisor - 1e-9)
    : 0;
  const billable = Math.max(weightG, volumetricG);
  return { actualG: weightG, volumetricG, chargeableG: stepUp(billable, service.weightStepsG) };
}

export type Ineligible = { service: string; reason: string };

/** Why a parcel cannot go by a service (weight, size, country, category), or undefined if it can. */
export function serviceRestriction(
  service: ShippingService,
  country: string,
  weight: ChargeableWeight,
  dims: Dims | undefined,
  category: string,
  restricted: PricingData['shipping']['restrictedCategories'],
): string | undefined {
  if (service.countries !== '*' && !service.countries.includes(country)) {
    return `${service.name} does not serve ${country}`;
  }
  const rule = restricted[category];
  if (rule && typeof rule === 'object') {
    if (rule.rule === 'prohibited' && service.airMail) return `${category}: ${rule.reason}`;
    if (rule.rule === 'only-services-allowing-batteries' && !service.allowsBatteries) {
      return `${category}: ${rule.reason}`;
    }
  }
  const maxG = service.maxWeightGByCountry?.[country] ?? service.maxWeightG;
  if (weight.actualG > maxG) return `weight ${weight.actualG} g over ${service.name}'s ${maxG} g limit`;
  if (service.maxVolumetricG !== undefined && weight.volumetricG > service.maxVolumetricG) {
    return `volumetric weight ${weight.volumetricG} g over ${service.name}'s ${service.maxVolumetricG} g limit`;
  }
  if (weight.chargeableG > maxG) return `chargeable weight ${weight.chargeableG} g over the ${maxG} g limit`;
  const size = service.sizeByCountry?.[country] ?? service.size;
  if (dims && size) {
    // Sides longest first, without sorting a fresh array per check.
    const { lengthMm: l, widthMm: w, heightMm: h } = dims;
    const a = Math.max(l, w, h);
    const c = Math.min(l, w, h);
    const b = l + w + h - a - c;
    if (size.maxLongestMm !== undefined && a > size.maxLongestMm) {
      return `longest side ${a} mm over ${service.name}'s ${size.maxLongestMm} mm`;
    }
    if (size.maxSumMm !== undefined && a + b + c > size.maxSumMm) {
      return `L+W+H ${a + b + c} mm over ${service.name}'s ${size.maxSumMm} mm`;
    }
    if (size.maxLengthGirthMm !== undefined && a + 2 * (b + c) > size.maxLengthGirthMm) {
      return `length + girth ${a + 2 * (b + c)} mm over ${service.name}'s ${size.maxLengthGirthMm} mm`;
    }
  }
  return undefined;
}

/** A rate card resolved for one destination: price by chargeable grams in the card's currency. */
export interface DestinationRates {
  readonly currency: string;
  readonly status: string;
  readonly source: string;
  readonly asOf: string;
  /** Price in major units of `currency` (KRW: won), or undefined past the card's last step. */
  price(chargeableG: number): number | undefined;
}

/** Resolves a card for a country (zone factor or per-country line); undefined when it has no price. */
export function destinationRates(
  card: RateCard,
  country: string,
  zones: PricingData['shipping']['zones'],
): DestinationRates | undefined {
  const zone = zones.byCountry[country] ?? zones.default;
  if (card.kind === 'placeholder') return undefined;
  if (card.kind === 'table') {
    const factor = card.zoneFactors?.[zone] ?? 1;
    const unit = card.roundToKrw ?? 1;
    // Precompute the scaled table once per destination.
    const rows = card.table.map(([g, p]) => [g, Math.ceil((p * factor) / unit - 1e-9) * unit] as const);
    return {
      currency: card.currency,
      status: card.status,
      source: card.source,
      asOf: card.as_of,
      price(chargeableG) {
        for (const [maxG, price] of rows) if (chargeableG <= maxG) return price;
        return undefined;
      },
    };
  }
  const line = card.byCountry?.[country] ?? card.byZone?.[zone];
  if (!line) return undefined;
  return {
    currency: card.currency,
    status: card.status,
    source: card.source,
    asOf: card.as_of,
    price(chargeableG) {
      const extra = Math.max(0, Math.ceil((chargeableG - card.firstStepG) / card.stepG - 1e-9));
      return line.first + extra * line.perStep;
    },
  };
}

/** Parses "12x8x8" (cm, decimals allowed) into millimetres. */
export function parseDimsCm(text: string): Dims {
  const parts = text
    .toLowerCase()
    .split(/[x×*]/)
    .map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((p) => !Number.isFinite(p) || p <= 0)) {
    throw new AppError('invalid_input', `"${text}" is not L x W x H in cm (e.g. 12x8x8)`);
  }
  const [l, w, h] = parts.map((p) => Math.round(p * 10)) as [number, number, number];
  return { lengthMm: l, widthMm: w, heightMm: h };
}
