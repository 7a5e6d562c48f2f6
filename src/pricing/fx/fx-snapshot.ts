import { createHash } from 'node:crypto';
import defaultFx from '../../../data/pricing/fx-default.json' with { type: 'json' };
import { AppError, currency, isCurrencyCode, money, type Money } from '../../shared/index.ts';

/**
 * An FX snapshot: KRW per one major unit of each currency, as exact decimal strings, with where
 * the rates came from and when. Quotes record the snapshot id they used; a snapshot never changes
 * (a new rate makes a new snapshot).
 */
export interface FxSnapshot {
  /** `fx_` + a hash of source, time and rates: the same content always has the same id. */
  readonly id: string;
  readonly source: string;
  /** ISO 8601 UTC. */
  readonly takenAt: string;
  readonly base: 'KRW';
  /** KRW per 1 unit (major) of the currency, e.g. { THB: "46.412" }. */
  readonly rates: Readonly<Record<string, string>>;
}

export interface FxSnapshotInput {
  source: string;
  takenAt: Date | string;
  rates: Readonly<Record<string, string | number>>;
}

const RATE_TEXT = /^(?:\d+)(?:\.\d+)?$/;

/** Normalises a rate to a plain decimal string (at most 10 significant digits, no exponent). */
export function rateToText(rate: string | number): string {
  if (typeof rate === 'string') {
    const t = rate.trim();
    if (!RATE_TEXT.test(t) || Number(t) <= 0) {
      throw new AppError('invalid_input', `"${rate}" is not a positive decimal rate`);
    }
    return t
      .replace(/^0+(?=\d)/, '')
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  }
  if (!Number.isFinite(rate) || rate <= 0)
    throw new AppError('invalid_input', `${rate} is not a positive rate`);
  // Shortest round-trip form of the rate at 10 significant digits; plain decimals, no exponent.
  let text = String(Number(rate.toPrecision(10)));
  if (/e/i.test(text)) text = Number(text).toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  if (Number(text) <= 0) throw new AppError('invalid_input', `${rate} is too small to be a rate`);
  return text;
}

/** Builds a snapshot, validating currency codes and rates; the id derives from the content. */
export function createFxSnapshot(input: FxSnapshotInput): FxSnapshot {
  const takenAt = new Date(input.takenAt);
  if (Number.isNaN(takenAt.getTime())) {
    throw new AppError('invalid_input', `"${String(input.takenAt)}" is not a timestamp`);
  }
  const byCode = new Map<string, string>();
  for (const [code, value] of Object.entries(input.rates)) {
    const upper = code.toUpperCase();
    if (upper === 'KRW') continue;
    if (!isCurrencyCode(upper)) {
      throw new AppError('invalid_input', `unknown currency code "${code}"`, { details: { currency: code } });
    }
    byCode.set(upper, rateToText(value));
  }
  // Sorted keys, so the same rates always serialise (and hash) the same way.
  const rates: Record<string, string> = {};
  for (const code of [...byCode.keys()].sort()) rates[code] = byCode.get(code)!;
  const body = { source: input.source, takenAt: takenAt.toISOString(), base: 'KRW' as const, rates };
  const id = `fx_${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 20)}`;
  return Object.freeze({ id, ...body, rates: Object.freeze(rates) });
}

/** A new snapshot with some rates replaced (the others carried over). */
export function withRates(
  base: FxSnapshot,
  rates: Readonly<Record<string, string | number>>,
  source: string,
  takenAt: Date | string,
): FxSnapshot {
  return createFxSnapshot({ source, takenAt, rates: { ...base.rates, ...rates } });
}

let shippedDefault: FxSnapshot | undefined;

/** The dated sample snapshot shipped in data/pricing/fx-default.json (not a live rate). */
export function defaultFxSnapshot(): FxSnapshot {
  shippedDefault ??= createFxSnapshot(defaultFx.snapshot);
  return shippedDefault;
}

/** KRW per one major unit of `code`, or undefined when the snapshot lacks it. KRW is 1. */
export function krwPerUnit(snapshot: FxSnapshot, code: string): number | undefined {
  if (code === 'KRW') return 1;
  const text = snapshot.rates[code];
  return text === undefined ? undefined : Number(text);
}

export interface Conversion {
  readonly money: Money;
  readonly snapshotId: string;
  /** Units of the target currency per unit of the source currency (major units). */
  readonly rate: number;
}

/**
 * Converts money between currencies through KRW at the snapshot's rates, rounding half-up to the
 * target's minor units, and records the snapshot used.
 */
export function convert(amount: Money, to: string, snapshot: FxSnapshot): Conversion {
  const fromRate = krwPerUnit(snapshot, amount.currency);
  const toRate = krwPerUnit(snapshot, to);
  if (fromRate === undefined || toRate === undefined) {
    const missing = fromRate === undefined ? amount.currency : to;
    throw new AppError('not_found', `FX snapshot ${snapshot.id} has no rate for ${missing}`, {
      details: { snapshotId: snapshot.id, currency: missing },
    });
  }
  const fromDigits = currency(amount.currency).minorUnits;
  const toDigits = currency(to).minorUnits;
  const major = (amount.minor / 10 ** fromDigits) * fromRate;
  const minor = Math.round((major / toRate) * 10 ** toDigits);
  return { money: money(to, minor), snapshotId: snapshot.id, rate: fromRate / toRate };
}

export interface RateChange {
  currency: string;
  from: string | undefined;
  to: string | undefined;
  /** Relative change in percent (positive: the currency buys more KRW); null when added/removed. */
  changePct: number | null;
}

/** Currencies whose rate differs between two snapshots, with the relative move. */
export function fxChanges(from: FxSnapshot, to: FxSnapshot): RateChange[] {
  const codes = [...new Set([...Object.keys(from.rates), ...Object.keys(to.rates)])].sort();
  const changes: RateChange[] = [];
  for (const code of codes) {
    const a = from.rates[code];
    const b = to.rates[code];
    if (a === b) continue;
    const changePct = a !== undefined && b !== undefined ? ((Number(b) - Number(a)) / Number(a)) * 100 : null;
    changes.push({ currency: code, from: a, to: b, changePct });
  }
  return changes;
}
