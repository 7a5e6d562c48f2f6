import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../shared/index.ts';

/**
 * An operator's rate card for a marketplace hub service that kbridge ships without one (Daraz:
 * no public rate card was found, research/domain.md §10 and research/marketplaces.md). The
 * operator copies the prices their Seller Center shows into a JSON file and names it in
 * `KBRIDGE_DARAZ_HUB_RATE_CARD`; nothing is invented when there is none.
 *
 * ```json
 * { "service": "daraz-hub", "source": "Daraz Seller Center, cross-border fee page", "as_of": "2026-11-01",
 *   "currency": "KRW", "countries": { "PK": [[500, 9000], [1000, 12500]], "BD": [[500, 9800]] } }
 * ```
 * `countries` maps a destination to rows `[up to grams, price in KRW]`, ascending; a parcel heavier
 * than the last row, or to a country not listed, has no price.
 */
const row = z.tuple([z.number().int().positive(), z.number().int().nonnegative()]);
const schema = z.object({
  service: z.literal('daraz-hub'),
  source: z.string().min(1),
  as_of: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date, YYYY-MM-DD'),
  currency: z.literal('KRW'),
  countries: z.record(
    z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2'),
    z
      .array(row)
      .min(1)
      .refine((rows) => rows.every((r, i) => i === 0 || r[0] > rows[i - 1]![0]), 'rows ascending by grams'),
  ),
});

export type HubRateCard = z.infer<typeof schema>;

/** Checks a card; every problem is reported at once, by file and field. */
export function parseHubRateCard(value: unknown, file = 'rate card'): HubRateCard {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AppError('config', `${file}: ${problems.join('; ')}`, { details: { file, problems } });
  }
  return parsed.data;
}

/** Reads and checks the card file named by the configuration. */
export function loadHubRateCard(path: string): HubRateCard {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AppError(
      'config',
      `KBRIDGE_DARAZ_HUB_RATE_CARD: cannot read ${path} (${(e as Error).message})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError('config', `${path}: not JSON (${(e as Error).message})`);
  }
  return parseHubRateCard(json, path);
}

/** The card's price for a chargeable weight to a country, in KRW; undefined when it has none. */
export function hubPrice(card: HubRateCard, country: string, chargeableG: number): number | undefined {
  return card.countries[country]?.find(([maxG]) => chargeableG <= maxG)?.[1];
}

/** Why a hub option has no price, for the seller to read. */
export const NO_HUB_RATE_CARD =
  'no rate card: Daraz publishes none we could find, so no price is shown; an operator may load the ' +
  "Seller Center's card with KBRIDGE_DARAZ_HUB_RATE_CARD (docs/orders.md)";
