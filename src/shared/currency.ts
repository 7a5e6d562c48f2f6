import currencyData from '../../data/currencies.json' with { type: 'json' };
import { AppError } from './errors.ts';

/** An ISO 4217 currency with its exponent (minor units per major unit = 10^minorUnits). */
export interface Currency {
  code: string;
  name: string;
  minorUnits: number;
  /** Fraction digits Intl shows; differs from ISO for IDR, PKR, MMK. */
  displayDigits: number;
}

const CURRENCIES: ReadonlyMap<string, Currency> = new Map(
  currencyData.currencies.map((c) => [
    c.code,
    { code: c.code, name: c.name, minorUnits: c.isoMinorUnits, displayDigits: c.cldrDisplayDigits },
  ]),
);

/** The currency table (data/currencies.json, ISO 4217). Throws for an unknown code. */
export function currency(code: string): Currency {
  const found = CURRENCIES.get(code);
  if (!found) {
    throw new AppError('invalid_input', `unknown currency code "${code}"`, { details: { currency: code } });
  }
  return found;
}

export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

export function currencyCodes(): string[] {
  return [...CURRENCIES.keys()];
}
