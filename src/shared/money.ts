import { currency } from './currency.ts';
import { AppError } from './errors.ts';

/**
 * Money: an integer count of minor units plus an ISO 4217 code. Never a bare number.
 * `minor` is a safe integer (₩9 quadrillion fits), so JSON carries it as a plain number.
 */
export interface Money {
  readonly currency: string;
  readonly minor: number;
}

export type RoundingMode = 'half-even' | 'half-up' | 'up' | 'down';

export function money(currencyCode: string, minor: number): Money {
  currency(currencyCode);
  if (!Number.isSafeInteger(minor)) {
    throw new AppError(
      'invalid_input',
      `money amount must be an integer number of minor units, got ${minor}`,
      {
        details: { currency: currencyCode, minor },
      },
    );
  }
  return { currency: currencyCode, minor };
}

/** Parses a decimal string in major units ("12.34", "25000") exactly, without float error. */
export function parseMoney(currencyCode: string, text: string): Money {
  const { minorUnits } = currency(currencyCode);
  const cleaned = text.trim().replace(/,/g, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) {
    throw new AppError('invalid_input', `"${text}" is not a ${currencyCode} amount`, {
      details: { currency: currencyCode, value: text },
    });
  }
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > minorUnits) {
    throw new AppError(
      'invalid_input',
      `"${text}" has more decimals than ${currencyCode} allows (${minorUnits})`,
      {
        details: { currency: currencyCode, value: text },
      },
    );
  }
  const minor = Number(whole + fraction.padEnd(minorUnits, '0').slice(0, minorUnits));
  return money(currencyCode, sign === '-' ? -minor : minor);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new AppError('invalid_input', `cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.currency, a.minor + b.minor);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.currency, a.minor - b.minor);
}

export function sum(currencyCode: string, items: readonly Money[]): Money {
  return items.reduce((acc, m) => add(acc, m), money(currencyCode, 0));
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

export function isZero(m: Money): boolean {
  return m.minor === 0;
}

/** Rounds a real number to an integer with the given mode. */
export function roundNumber(value: number, mode: RoundingMode): number {
  switch (mode) {
    case 'up':
      return Math.ceil(value - 1e-9);
    case 'down':
      return Math.floor(value + 1e-9);
    case 'half-up':
      return Math.sign(value) * Math.round(Math.abs(value));
    case 'half-even': {
      const floor = Math.floor(value);
      const diff = value - floor;
      if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
      return Math.round(value);
    }
  }
}

/** Multiplies by a factor (a rate, a percentage) and rounds back to whole minor units. */
export function multiply(m: Money, factor: number, mode: RoundingMode = 'half-even'): Money {
  return money(m.currency, roundNumber(m.minor * factor, mode));
}

/**
 * Splits an amount by weights so the parts add up exactly to the whole (largest remainder).
 * Used wherever a total must be shown as components that sum to it.
 */
export function allocate(m: Money, weights: readonly number[]): Money[] {
  const total = weights.reduce((a, w) => a + w, 0);
  if (weights.length === 0 || total <= 0) {
    throw new AppError('invalid_input', 'allocate needs at least one positive weight');
  }
  const raw = weights.map((w) => (m.minor * w) / total);
  const parts = raw.map((r) => Math.floor(r));
  let remainder = m.minor - parts.reduce((a, p) => a + p, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (remainder <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    remainder -= 1;
  }
  return parts.map((p) => money(m.currency, p));
}

/** The amount in major units as a number, for display and ratios only. */
export function toMajor(m: Money): number {
  return m.minor / 10 ** currency(m.currency).minorUnits;
}

/** Exact decimal string in major units ("12.30"). */
export function toDecimalString(m: Money): string {
  const digits = currency(m.currency).minorUnits;
  const abs = Math.abs(m.minor)
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits ? abs.slice(0, -digits) : abs;
  const fraction = digits ? `.${abs.slice(-digits)}` : '';
  return `${m.minor < 0 ? '-' : ''}${whole}${fraction}`;
}

/** Formats for people with Intl in the given locale (e.g. "₩25,000", "฿599.00"). */
export function formatMoney(m: Money, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(toMajor(m));
}
