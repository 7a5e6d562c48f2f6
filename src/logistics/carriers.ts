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

export type TrackingProblem =
  { kind: 'unknown-carrier'; known: string[] } | { kind: 'bad-format'; expected: string };

/** Checks a first-mile tracking number; returns it without spaces or dashes. */
export function checkFirstMileTracking(
  carrier: string,
  tracking: string,
): Result<{ carrier: FirstMileCarrier; tracking: string }, TrackingProblem> {
  const c = FIRST_MILE_CARRIERS.find((x) => x.code === carrier.toUpperCase());
  if (!c) return err({ kind: 'unknown-carrier', known: FIRST_MILE_CARRIERS.map((x) => x.code) });
  const t = tracking.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(t) || !c.digits.includes(t.length)) {
    return err({ kind: 'bad-format', expected: `${c.digits.join(' or ')} digits` });
  }
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
