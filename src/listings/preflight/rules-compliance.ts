import {
  restrictionsFor,
  shippingOptions,
  type RestrictionItem,
  type ShippingOption,
} from '../../logistics/index.ts';
import { loadPricingData } from '../../pricing/index.ts';
import { issue, valueText, type PreflightIssue, type RuleContext } from './types.ts';

/**
 * Destination compliance through logistics' public door: the item (English and Korean titles,
 * the seller's Korean category path, HS code, the `Hazmat` attribute) against the restricted-item
 * rules (data/logistics/airmail_restricted_items.json) and the shipping services the site offers.
 * No service can carry it → an error with the rules' reasons (a listing nobody can ship is never
 * sent); only some can (a battery → EMS Premium) → a warning naming them. AliExpress 'global'
 * checks the countries pricing ships AliExpress orders to, without destination-only rules.
 */

/** The destinations of a listing: its country, or for 'global' the ones pricing knows for the platform. */
function destinations(ctx: RuleContext): { countries: string[]; global: boolean } {
  const c = ctx.input.compliance.country.trim().toUpperCase();
  if (c !== 'GLOBAL' && c !== '') return { countries: [c], global: false };
  const countries = loadPricingData()
    .sites.filter((s) => s.marketplace === ctx.site.platform)
    .map((s) => s.country.toUpperCase());
  return { countries: [...new Set(countries)], global: true };
}

function itemOf(ctx: RuleContext): RestrictionItem {
  const { compliance, product } = ctx.input;
  const hazmat = valueText(product.attributes.Hazmat as string | number | undefined);
  const english = compliance.titleEn ?? String(product.attributes.name ?? '');
  return {
    description: [english, hazmat && hazmat.toLowerCase() !== 'none' ? hazmat : ''].filter(Boolean).join(' '),
    descriptionKo: `${compliance.titleKo} ${compliance.sourceCategoryPath}`,
    hsCode: compliance.hsCode,
    quantity: compliance.quantity ?? 1,
  };
}

function parcel(ctx: RuleContext): {
  weightG: number;
  dims?: { lengthMm: number; widthMm: number; heightMm: number };
} {
  const first = ctx.product.skus[0];
  const kg = ctx.input.compliance.weightKg ?? Number(valueText(first?.packageWeightKg) ?? 0);
  const cm = [first?.packageLengthCm, first?.packageWidthCm, first?.packageHeightCm].map((v) =>
    Number(valueText(v) ?? NaN),
  );
  const weightG = Number.isFinite(kg) && kg > 0 ? Math.round(kg * 1000) : 0;
  if (!cm.every((x) => Number.isFinite(x) && x > 0)) return { weightG };
  const [l = 0, w = 0, h = 0] = cm;
  return { weightG, dims: { lengthMm: l * 10, widthMm: w * 10, heightMm: h * 10 } };
}

interface CountryResult {
  country: string;
  options: ShippingOption[];
  eligible: ShippingOption[];
}

export function complianceRules(ctx: RuleContext): PreflightIssue[] {
  const item = itemOf(ctx);
  const { countries, global } = destinations(ctx);
  const spec = parcel(ctx);
  const hitReasons = new Set<string>();
  const results: CountryResult[] = countries.map((country) => {
    const hits = restrictionsFor([item], country);
    // 'global' listings have no single destination: destination-only rules do not apply.
    const ignored = new Set(
      global ? hits.filter((h) => h.rule.effect === 'destination').map((h) => h.rule.reason) : [],
    );
    for (const h of hits) if (!ignored.has(h.rule.reason)) hitReasons.add(h.rule.reason);
    const options = shippingOptions({ country, site: ctx.site.id, ...spec, items: [item] });
    const eligible = options.filter((o) => o.reasons.every((r) => ignored.has(r)));
    return { country, options, eligible };
  });
  const where = global ? `${ctx.site.id} destinations (${countries.join(', ')})` : countries.join(', ');
  if (results.every((r) => r.options.length === 0)) {
    return [
      issue(
        'shipping-unknown',
        'compliance',
        `No shipping service is known for ${where}: check logistics data before publishing.`,
        {
          severity: 'warning',
        },
      ),
    ];
  }
  const shippable = results.filter((r) => r.eligible.length > 0);
  const reasons = [...hitReasons];
  if (shippable.length === 0) {
    if (reasons.length > 0)
      return [
        issue(
          'destination-forbidden',
          'compliance',
          `Cannot be shipped to ${where}: ${reasons.join('; ')}. No offered service carries it, so it must not be listed there.`,
        ),
      ];
    const why = [...new Set(results.flatMap((r) => r.options.flatMap((o) => o.reasons)))];
    return [
      issue(
        'no-shipping-service',
        'compliance',
        `No shipping service to ${where} can carry this parcel: ${why.join('; ')}.`,
      ),
    ];
  }
  const out: PreflightIssue[] = [];
  const limited = results.some((r) => r.eligible.length < r.options.length);
  if (reasons.length > 0 && limited) {
    const names = [...new Set(shippable.flatMap((r) => r.eligible.map((o) => o.name)))];
    out.push(
      issue(
        'restricted-item',
        'compliance',
        `${reasons.join('; ')}. Only ${names.join(', ')} can carry it${global ? ` (to ${shippable.map((r) => r.country).join(', ')})` : ''}: orders must ship that way.`,
        {
          severity: 'warning',
        },
      ),
    );
  }
  const blocked = results.filter((r) => r.eligible.length === 0).map((r) => r.country);
  if (global && blocked.length > 0)
    out.push(
      issue(
        'destination-limited',
        'compliance',
        `Cannot be shipped to ${blocked.join(', ')}: ${reasons.join('; ') || 'service limits'}. Exclude these destinations.`,
        {
          severity: 'warning',
        },
      ),
    );
  return out;
}
