// The units the engine knows: CLDR id, dimension, factor to the dimension's base unit, and the
// spellings sellers use. Exact factors come from data/ (NIST for US customary, the Korean
// 척관법 table for traditional units) so the numbers have one documented source.
import koreanUnits from '../../../data/korean_units.json' with { type: 'json' };
import usCustomary from '../../../data/us_customary_units.json' with { type: 'json' };
import type { Dimension, TraditionalUnit } from './types.ts';

export interface UnitDef {
  /** CLDR unit identifier, e.g. `milliliter`. */
  id: string;
  dimension: Dimension;
  /** Multiply a value in this unit by `toBase` to get the base unit (g, mL, m, m², °C, V, W, Wh, mAh, A, GB). */
  toBase: number;
  /** Whether ECMA-402 lets Intl.NumberFormat format it (`style: 'unit'`); else we use `symbol`. */
  sanctioned: boolean;
  /** Symbol for units Intl cannot format (`mg`, `m²`, `V`, …). */
  symbol?: string;
}

function factorFromUs(name: string): number {
  const row = usCustomary.exact.find((r) => r.unit === name);
  if (!row || typeof row.factor !== 'number') throw new Error(`us_customary_units.json lacks ${name}`);
  return row.factor;
}

// NIST factors are to kg, m, m³ (as L/1000), m²; converted to our bases (g, m, mL, m²).
const LB_G = factorFromUs('lb (avoirdupois)') * 1000;
const OZ_G = factorFromUs('oz (avoirdupois)') * 1000;
const IN_M = factorFromUs('in');
const FT_M = factorFromUs('ft');
const YD_M = factorFromUs('yd');
const GAL_ML = factorFromUs('US gal') * 1e6;
const QT_ML = factorFromUs('US qt') * 1e6;
const PT_ML = factorFromUs('US pt') * 1e6;
const CUP_ML = factorFromUs('US cup (customary, 8 fl oz)') * 1e6;
const FLOZ_ML = factorFromUs('US fl oz') * 1e6;
const SQFT_M2 = factorFromUs('sq ft');
// Derived from the exact foot: 1 ft³ = 0.3048³ m³; 1 mile = 5280 ft.
const CUFT_ML = FT_M ** 3 * 1e6;
const MILE_M = FT_M * 5280;

const defs: UnitDef[] = [
  { id: 'milligram', dimension: 'mass', toBase: 0.001, sanctioned: false, symbol: 'mg' },
  { id: 'gram', dimension: 'mass', toBase: 1, sanctioned: true },
  { id: 'kilogram', dimension: 'mass', toBase: 1000, sanctioned: true },
  { id: 'ounce', dimension: 'mass', toBase: OZ_G, sanctioned: true },
  { id: 'pound', dimension: 'mass', toBase: LB_G, sanctioned: true },
  { id: 'milliliter', dimension: 'volume', toBase: 1, sanctioned: true },
  { id: 'liter', dimension: 'volume', toBase: 1000, sanctioned: true },
  { id: 'fluid-ounce', dimension: 'volume', toBase: FLOZ_ML, sanctioned: true },
  { id: 'cup', dimension: 'volume', toBase: CUP_ML, sanctioned: false, symbol: 'cup' },
  { id: 'pint', dimension: 'volume', toBase: PT_ML, sanctioned: false, symbol: 'pt' },
  { id: 'quart', dimension: 'volume', toBase: QT_ML, sanctioned: false, symbol: 'qt' },
  { id: 'gallon', dimension: 'volume', toBase: GAL_ML, sanctioned: true },
  { id: 'cubic-foot', dimension: 'volume', toBase: CUFT_ML, sanctioned: false, symbol: 'cu ft' },
  { id: 'millimeter', dimension: 'length', toBase: 0.001, sanctioned: true },
  { id: 'centimeter', dimension: 'length', toBase: 0.01, sanctioned: true },
  { id: 'meter', dimension: 'length', toBase: 1, sanctioned: true },
  { id: 'kilometer', dimension: 'length', toBase: 1000, sanctioned: true },
  { id: 'inch', dimension: 'length', toBase: IN_M, sanctioned: true },
  { id: 'foot', dimension: 'length', toBase: FT_M, sanctioned: true },
  { id: 'yard', dimension: 'length', toBase: YD_M, sanctioned: true },
  { id: 'mile', dimension: 'length', toBase: MILE_M, sanctioned: true },
  { id: 'square-meter', dimension: 'area', toBase: 1, sanctioned: false, symbol: 'm²' },
  { id: 'square-foot', dimension: 'area', toBase: SQFT_M2, sanctioned: false, symbol: 'sq ft' },
  { id: 'celsius', dimension: 'temperature', toBase: 1, sanctioned: true },
  { id: 'fahrenheit', dimension: 'temperature', toBase: 1, sanctioned: true },
  { id: 'volt', dimension: 'voltage', toBase: 1, sanctioned: false, symbol: 'V' },
  { id: 'watt', dimension: 'power', toBase: 1, sanctioned: false, symbol: 'W' },
  { id: 'kilowatt', dimension: 'power', toBase: 1000, sanctioned: false, symbol: 'kW' },
  { id: 'watt-hour', dimension: 'energy', toBase: 1, sanctioned: false, symbol: 'Wh' },
  { id: 'kilowatt-hour', dimension: 'energy', toBase: 1000, sanctioned: false, symbol: 'kWh' },
  { id: 'milliampere-hour', dimension: 'charge', toBase: 1, sanctioned: false, symbol: 'mAh' },
  { id: 'ampere-hour', dimension: 'charge', toBase: 1000, sanctioned: false, symbol: 'Ah' },
  { id: 'megabyte', dimension: 'data', toBase: 0.001, sanctioned: true },
  { id: 'gigabyte', dimension: 'data', toBase: 1, sanctioned: true },
  { id: 'terabyte', dimension: 'data', toBase: 1000, sanctioned: true },
];

export const UNITS: ReadonlyMap<string, UnitDef> = new Map(defs.map((d) => [d.id, d]));

/** The unit definition for a CLDR id; throws for an id the table lacks (a programming error). */
export function unitDef(id: string): UnitDef {
  const def = UNITS.get(id);
  if (!def) throw new Error(`unknown unit ${id}`);
  return def;
}

export interface TraditionalDef {
  id: TraditionalUnit;
  ko: string;
  /** SI unit the factor is expressed in. */
  unit: string;
  factor: number;
  /** 근 for fruit and vegetables (1/10 관). */
  produceFactor?: number;
}

const KO_IDS: Record<string, TraditionalUnit> = {
  근: 'geun',
  돈: 'don',
  냥: 'nyang',
  푼: 'pun',
  관: 'gwan',
  홉: 'hop',
  되: 'doe',
  말: 'mal',
  섬: 'seom',
  자: 'ja',
  치: 'chi',
  평: 'pyeong',
};
const SI_UNIT: Record<string, string> = {
  g: 'gram',
  mL: 'milliliter',
  L: 'liter',
  cm: 'centimeter',
  m2: 'square-meter',
};

export const TRADITIONAL: ReadonlyMap<TraditionalUnit, TraditionalDef> = new Map(
  koreanUnits.units.flatMap((u): [TraditionalUnit, TraditionalDef][] => {
    const id = KO_IDS[u.ko];
    const unit = SI_UNIT[u.siUnit];
    if (!id || !unit) return []; // 인치 is a plain CLDR inch, not a traditional unit
    const produce = u.ko === '근' ? u.alt?.[0]?.si : undefined;
    return [[id, { id, ko: u.ko, unit, factor: u.si, ...(produce ? { produceFactor: produce } : {}) }]];
  }),
);
