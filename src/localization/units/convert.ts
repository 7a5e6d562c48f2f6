// Picks the unit a buyer in the target market expects and converts with the NIST factors.
// Precision: a converted value keeps 3 significant figures (the FTC's rule for net quantity,
// 16 CFR 500.19(b)), whole numbers from 1,000 up; a value that is only reformatted keeps what the
// seller wrote. Temperatures keep the decimals the seller wrote (25℃ → 77°F, 36.5℃ → 97.7°F).
import type { UnitHints } from './context.ts';
import type { LocaleProfile } from './profiles.ts';
import { unitDef } from './unit-table.ts';

export interface Converted {
  value: number;
  valueMax?: number;
  unit: string;
}

/** Units outside the metric system; metric markets get them converted. */
const NON_METRIC = new Set([
  'ounce',
  'pound',
  'fluid-ounce',
  'cup',
  'pint',
  'quart',
  'gallon',
  'cubic-foot',
  'foot',
  'yard',
  'mile',
  'square-foot',
  'fahrenheit',
]);
const US_GAL_ML = unitDef('gallon').toBase;
const US_QT_ML = unitDef('quart').toBase;
const LB_G = unitDef('pound').toBase;
const FT_M = unitDef('foot').toBase;

/** 3 significant figures; whole numbers from 1,000 up (never `3,560` from `3,558`-style noise). */
export function roundSig(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  if (Math.abs(v) >= 1000) return Math.round(v);
  return Number(v.toPrecision(3));
}

function roundDecimals(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

function toBase(v: number, unit: string): number {
  if (unit === 'fahrenheit') return ((v - 32) * 5) / 9;
  return v * unitDef(unit).toBase;
}

function fromBase(b: number, unit: string): number {
  if (unit === 'fahrenheit') return (b * 9) / 5 + 32;
  return b / unitDef(unit).toBase;
}

/** The decimals a seller wrote (1.5 → 1), for temperatures. */
function decimalsOf(v: number): number {
  const s = String(v);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function metricUnit(unit: string, maxBase: number): string {
  const dim = unitDef(unit).dimension;
  switch (dim) {
    case 'mass':
      return maxBase < 1000 ? 'gram' : 'kilogram';
    case 'volume':
      return maxBase < 1000 ? 'milliliter' : 'liter';
    case 'length':
      if (unit === 'mile') return 'kilometer';
      return maxBase < 1 ? 'centimeter' : 'meter';
    case 'area':
      return 'square-meter';
    case 'temperature':
      return 'celsius';
    default:
      return unit;
  }
}

function usUnit(unit: string, maxBase: number, traditional: boolean, hints: UnitHints): string {
  if (NON_METRIC.has(unit) || unit === 'inch' || unit === 'milligram') return unit;
  const volumeClass = hints.volumeClass;
  switch (unitDef(unit).dimension) {
    case 'mass':
      if (hints.precious) return traditional ? 'gram' : unit;
      return maxBase < LB_G ? 'ounce' : 'pound';
    case 'volume':
      if (volumeClass === 'appliance' && maxBase >= 20000) return 'cubic-foot';
      // US labels: fl oz below a gallon (a 2 L bottle is 67.6 fl oz), then gallons; pots, air
      // fryers and coolers are sold by the quart.
      if (volumeClass === 'cookware' && maxBase >= US_QT_ML) return 'quart';
      return maxBase < US_GAL_ML ? 'fluid-ounce' : 'gallon';
    case 'length':
      if (unit === 'kilometer') return 'mile';
      if (unit === 'meter') return 'foot';
      return maxBase < 10 * FT_M ? 'inch' : 'foot';
    case 'area':
      return 'square-foot';
    case 'temperature':
      return 'fahrenheit';
    default:
      return unit;
  }
}

/**
 * The unit to show in a market for a quantity in `unit` whose largest value is `max`.
 * `traditional`: the value came from a Korean unit (already in SI), so metric markets get a
 * tidy metric unit (3,000 g → 3 kg) rather than the one it was computed in.
 */
export function chooseUnit(
  unit: string,
  max: number,
  traditional: boolean,
  profile: LocaleProfile,
  hints: UnitHints,
): string {
  const maxBase = Math.abs(toBase(max, unit));
  if (profile.system === 'us') return usUnit(unit, maxBase, traditional, hints);
  if (unit === 'inch') return unit; // screens, wheels, waists: sold in inches everywhere
  if (NON_METRIC.has(unit) || traditional) return metricUnit(unit, maxBase);
  return unit;
}

// A top-level function, not a closure: under tsx every named closure costs a defineProperty.
function convertOne(v: number, from: string, to: string): number {
  const converted = fromBase(toBase(v, from), to);
  const temperature = from === 'celsius' || from === 'fahrenheit';
  const r = temperature ? roundDecimals(converted, decimalsOf(v)) : roundSig(converted);
  return r === 0 ? 0 : r; // no "-0°F"
}

/**
 * Converts `value` (and `valueMax`) from `from` to `to` with the precision rules above.
 * `computed`: the value is itself a conversion (a traditional unit), so it is rounded even when
 * the unit stays (10평 = 33.058 m² → 33.1 m²).
 */
export function convertTo(
  value: number,
  valueMax: number | undefined,
  from: string,
  to: string,
  computed = false,
): Converted {
  if (from === to && computed) {
    const out: Converted = { value: roundSig(value), unit: to };
    if (valueMax !== undefined) out.valueMax = roundSig(valueMax);
    return out;
  }
  if (from === to) {
    return valueMax === undefined ? { value, unit: to } : { value, valueMax, unit: to };
  }
  const out: Converted = { value: convertOne(value, from, to), unit: to };
  if (valueMax !== undefined) out.valueMax = convertOne(valueMax, from, to);
  return out;
}
