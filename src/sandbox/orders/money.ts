import type { SkuRecord } from '../core/model.ts';
import { parseLocalDateTime } from '../core/time-format.ts';

/** A decimal price text as integer minor units at the site's precision. */
export function toMinor(price: string, decimals: number): number {
  return Math.round(Number(price) * 10 ** decimals);
}

/** Minor units back to the decimal text the APIs answer (`"35.00"`). */
export function fromMinor(minor: number, decimals: number): string {
  return (minor / 10 ** decimals).toFixed(decimals);
}

/** The price a buyer pays now: the special price inside its dates (no dates: always). */
export function effectivePrice(sku: SkuRecord, now: number, timeZone: string): string {
  if (!sku.specialPrice) return sku.price;
  const from = sku.specialFromDate ? parseLocalDateTime(sku.specialFromDate, timeZone) : undefined;
  const to = sku.specialToDate ? parseLocalDateTime(sku.specialToDate, timeZone) : undefined;
  if ((from === undefined || now >= from) && (to === undefined || now <= to)) return sku.specialPrice;
  return sku.price;
}
