import carriersData from '../../data/logistics/first_mile_carriers.json' with { type: 'json' };
import { err, ok, type Result } from '../shared/index.ts';

/**
 * Carriers and tracking numbers. First mile: the Korean domestic carriers that take a parcel to
 * the marketplace's hub (data/logistics/first_mile_carriers.json; digits and length only). The
 * international leg by Korea Post (EMS, K-Packet, EMS Premium, registered small packets) uses UPU
 * S10 item numbers: two letters, eight digits, a check digit, the country code (`EE123456789KR`).
 */
export interface FirstMileCarrier {
  code: string;
  name: string;
  digits: readonly number[];
}

export const FIRST_MILE_CARRIERS: readonly FirstMileCarrier[] = carriersData.carriers;

/** `field` names the input that was wrong (the API's body field; the CLI option follows it). */
export type TrackingProblem =
  | { kind: 'unknown-carrier'; field: string; known: string[] }
  | { kind: 'bad-format'; field: string; expected: string };

/** Checks a first-mile tracking number; returns it without spaces or dashes. */
export function checkFirstMileTracking(
  carrier: string,
  tracking: string,
): Result<{ carrier: FirstMileCarrier; tracking: string }, TrackingProblem> {
  const c = FIRST_MILE_CARRIERS.find((x) => x.code === carrier.toUpperCase());
  if (!c)
    return err({ kind: 'unknown-carrier', field: 'carrier', known: FIRST_MILE_CARRIERS.map((x) => x.code) });
  const t = tracking.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(t) || !c.digits.includes(t.length)) {
    return err({ kind: 'bad-format', field: 'trackingNumber', expected: `${c.digits.join(' or ')} digits` });
  }
  return ok({ carrier: c, tracking: t });
}

/**
 * Carriers of the international leg, named at hand-over. Korea Post's services number items in
 * UPU S10 (two letters, eight digits, the check digit, `KR`); S10 reserves the E… prefixes for EMS.
 * `HUB` is the marketplace's own cross-border service: its number is the one the marketplace gave
 * the package when it was packed.
 */
export interface InternationalCarrier {
  code: 'EMS' | 'K-PACKET' | 'EMS-PREMIUM' | 'HUB';
  name: string;
}

export const INTERNATIONAL_CARRIERS: readonly InternationalCarrier[] = [
  { code: 'EMS', name: 'Korea Post EMS' },
  { code: 'K-PACKET', name: 'Korea Post K-Packet' },
  { code: 'EMS-PREMIUM', name: 'Korea Post EMS Premium' },
  { code: 'HUB', name: "the marketplace's cross-border logistics" },
];

/**
 * Checks the international leg's carrier and number: a Korea Post number must be a Korean S10
 * item number with a correct check digit (EMS and EMS Premium with an E… prefix); the hub's must be
 * the marketplace's number for the package (`marketplaceTracking`), which is used when none is given.
 */
export function checkInternationalTracking(
  carrier: string,
  tracking: string | undefined,
  marketplaceTracking: string | null,
): Result<{ carrier: InternationalCarrier; tracking: string }, TrackingProblem> {
  const c = INTERNATIONAL_CARRIERS.find((x) => x.code === carrier.trim().toUpperCase());
  if (!c)
    return err({
      kind: 'unknown-carrier',
      field: 'internationalCarrier',
      known: INTERNATIONAL_CARRIERS.map((x) => x.code),
    });
  const t = (tracking ?? '').replace(/[\s-]/g, '').toUpperCase();
  if (c.code === 'HUB') {
    if (!marketplaceTracking)
      return err({
        kind: 'bad-format',
        field: 'internationalTracking',
        expected: 'a package the marketplace gave a tracking number (pack it first)',
      });
    if (t && t !== marketplaceTracking.toUpperCase())
      return err({
        kind: 'bad-format',
        field: 'internationalTracking',
        expected: `the marketplace's number for this package, ${marketplaceTracking}`,
      });
    return ok({ carrier: c, tracking: marketplaceTracking });
  }
  const prefix = c.code === 'K-PACKET' ? '' : 'E';
  if (!isS10(t) || !t.endsWith('KR') || !t.startsWith(prefix))
    return err({
      kind: 'bad-format',
      field: 'internationalTracking',
      expected: `a Korea Post UPU S10 item number: ${prefix ? `${prefix} and one letter` : 'two letters'}, 8 digits, the check digit, KR (e.g. ${makeS10(prefix ? 'EE' : 'LK', 12345678)})`,
    });
  return ok({ carrier: c, tracking: t });
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** The UPU S10 check digit of an 8-digit serial. */
export function s10CheckDigit(serial: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial[i]) * S10_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** True for a well-formed S10 item number (`EE123456785KR`) with a correct check digit. */
export function isS10(tracking: string): boolean {
  const m = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(tracking.replace(/\s/g, '').toUpperCase());
  return !!m && s10CheckDigit(m[2]!) === Number(m[3]);
}

/** Builds an S10 number from a service prefix (EE, EM, LX…) and a serial, with its check digit. */
export function makeS10(prefix: string, serial: number, country = 'KR'): string {
  const s = String(serial % 100_000_000).padStart(8, '0');
  return `${prefix.toUpperCase()}${s}${s10CheckDigit(s)}${country}`;
}
