import {
  chargeableWeight,
  destinationRates,
  loadPricingData,
  serviceRestriction,
  type Dims,
  type PricingData,
} from '../pricing/index.ts';
import { money, type Money } from '../shared/index.ts';
import { NO_HUB_RATE_CARD, hubPrice, type HubRateCard } from './hub-rate-card.ts';
import { restrictionsFor, type RestrictionItem } from './restrictions.ts';

/**
 * Shipping options for one parcel to one destination: the marketplace's cross-border service
 * through its Korean hub (the seller sends the parcel to the hub by a domestic carrier), or Korea
 * Post EMS, K-Packet, EMS Premium from the post office. Service limits, weight steps and rate
 * cards are pricing's shipping data (data/pricing/shipping.json), so the price a listing was
 * quoted with and the option offered at shipping time agree. Each option says whether it can
 * carry the parcel and, when not, why.
 */
type Service = PricingData['shipping']['services'][number];

export interface ParcelSpec {
  /** Destination country (ISO 3166-1 alpha-2). */
  country: string;
  /** The marketplace site the order came from (`lazada-sg`); decides which services are offered. */
  site?: string | undefined;
  weightG: number;
  dims?: Dims | undefined;
  items: readonly RestrictionItem[];
}

export interface ShippingOption {
  code: string;
  name: string;
  carrier: string;
  /** `marketplace-hub`: first mile to the marketplace's hub in Korea; `post`: from a post office. */
  kind: 'marketplace-hub' | 'post';
  eligible: boolean;
  reasons: string[];
  actualG: number;
  volumetricG: number;
  chargeableG: number;
  /** Postage estimate in KRW from the rate card; null when the card has no price (placeholder). */
  price: Money | null;
  priceStatus: string | null;
  /** The customs form this service travels with. */
  customsForm: 'CN22' | 'CN23';
}

/**
 * Daraz runs cross-border orders through a hub like Lazada's; pricing has no rate card for it, so
 * it is offered with the marketplace's general parcel limits (research/marketplaces.md 5.2), and
 * priced only from an operator's card (hub-rate-card.ts); without one its price is null and
 * `priceStatus` says why.
 */
const DARAZ_HUB: Service = {
  code: 'daraz-hub',
  carrier: 'Daraz Global (marketplace cross-border logistics)',
  name: 'Daraz cross-border via Korean hub',
  volumetricDivisor: 6000,
  maxWeightG: 40_000,
  size: { maxSumMm: 3000 },
  weightStepsG: [{ upToG: 40_000, stepG: 10 }],
  countries: ['PK', 'BD', 'LK', 'NP', 'MM'],
  allowsBatteries: false,
  airMail: true,
  rateCard: 'none',
} as unknown as Service;

const HUB_CODES = new Set(['lazada-lgs', 'miravia-dbm', 'daraz-hub']);
/** Letter-post services (CN22 up to its value limit); parcels and EMS always use CN23. */
const LETTER_POST = new Set(['kpost-kpacket']);

function servicesFor(data: PricingData, spec: ParcelSpec): Service[] {
  const byCode = new Map(data.shipping.services.map((s) => [s.code, s]));
  let codes: string[] | undefined;
  if (spec.site) {
    const pricingSite = spec.site.startsWith('aliexpress')
      ? `aliexpress-${spec.country.toLowerCase()}`
      : spec.site;
    codes = data.sites.find((s) => s.code === pricingSite)?.shipping;
    if (spec.site.startsWith('daraz')) codes = [...(codes ?? []), 'daraz-hub'];
  }
  if (!codes) {
    codes = data.shipping.services
      .filter((s) => !HUB_CODES.has(s.code) && (s.countries === '*' || s.countries.includes(spec.country)))
      .map((s) => s.code);
  }
  return codes.map((c) => (c === 'daraz-hub' ? DARAZ_HUB : byCode.get(c))).filter((s): s is Service => !!s);
}

/**
 * Every service that could take the parcel, eligible ones first, cheapest first (unpriced ones
 * after the priced). `darazHubRateCard`: the operator's card for the Daraz hub, if loaded.
 */
export function shippingOptions(
  spec: ParcelSpec,
  data: PricingData = loadPricingData(),
  extra: { darazHubRateCard?: HubRateCard | undefined } = {},
): ShippingOption[] {
  const hits = restrictionsFor(spec.items, spec.country);
  const options = servicesFor(data, spec).map((service): ShippingOption => {
    const weight = chargeableWeight(spec.weightG, spec.dims, service);
    const reasons: string[] = [];
    const limit = serviceRestriction(
      service,
      spec.country,
      weight,
      spec.dims,
      '',
      data.shipping.restrictedCategories,
    );
    if (limit) reasons.push(limit);
    for (const h of hits) {
      if (h.rule.effect === 'no-air' && service.airMail)
        reasons.push(`${h.rule.reason} (${h.items.join(', ')})`);
      if (h.rule.effect === 'battery' && !service.allowsBatteries)
        reasons.push(`${h.rule.reason} (${h.items.join(', ')})`);
      if (h.rule.effect === 'destination') reasons.push(h.rule.reason);
    }
    if (service === DARAZ_HUB) {
      const hub = extra.darazHubRateCard;
      const krw = hub ? hubPrice(hub, spec.country, weight.chargeableG) : undefined;
      return {
        code: service.code,
        name: service.name,
        carrier: service.carrier,
        kind: 'marketplace-hub',
        eligible: reasons.length === 0,
        reasons,
        actualG: weight.actualG,
        volumetricG: weight.volumetricG,
        chargeableG: weight.chargeableG,
        price: krw === undefined ? null : money('KRW', krw),
        priceStatus: !hub
          ? NO_HUB_RATE_CARD
          : krw === undefined
            ? `the operator's rate card (${hub.as_of}) has no price for ${spec.country} at ${weight.chargeableG} g`
            : `operator (${hub.as_of}, ${hub.source})`,
        customsForm: 'CN23',
      };
    }
    const card = data.shipping.rateCards[service.rateCard];
    const rates = card ? destinationRates(card, spec.country, data.shipping.zones) : undefined;
    const major = rates?.price(weight.chargeableG);
    return {
      code: service.code,
      name: service.name,
      carrier: service.carrier,
      kind: HUB_CODES.has(service.code) ? 'marketplace-hub' : 'post',
      eligible: reasons.length === 0,
      reasons,
      actualG: weight.actualG,
      volumetricG: weight.volumetricG,
      chargeableG: weight.chargeableG,
      price: major === undefined || rates?.currency !== 'KRW' ? null : money('KRW', Math.round(major)),
      priceStatus: rates ? `${rates.status} (${rates.asOf})` : null,
      customsForm: LETTER_POST.has(service.code) ? 'CN22' : 'CN23',
    };
  });
  return options.sort(
    (a, b) =>
      Number(b.eligible) - Number(a.eligible) ||
      (a.price?.minor ?? Number.MAX_SAFE_INTEGER) - (b.price?.minor ?? Number.MAX_SAFE_INTEGER) ||
      a.code.localeCompare(b.code),
  );
}
