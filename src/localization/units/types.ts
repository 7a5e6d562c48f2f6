/** What a unit measures; conversions only happen within one dimension. */
export type Dimension =
  | 'mass'
  | 'volume'
  | 'length'
  | 'area'
  | 'temperature'
  | 'voltage'
  | 'power'
  | 'energy'
  | 'charge'
  | 'current'
  | 'data';

/** Korean traditional (척관법) units, reported as their SI equivalent with the original kept. */
export type TraditionalUnit =
  'geun' | 'don' | 'nyang' | 'pun' | 'gwan' | 'hop' | 'doe' | 'mal' | 'seom' | 'ja' | 'chi' | 'pyeong';

/** Where a quantity belongs when it is a side of `40x30x25cm` (one quantity per side). */
export interface DimensionGroup {
  /** 0-based side index within the group. */
  index: number;
  /** Number of sides in the group (2 or 3). */
  count: number;
  /** UTF-16 span of the whole group, e.g. the whole `40x30x25cm`. */
  start: number;
  end: number;
}

/** A quantity found in text. `start`/`end` are UTF-16 offsets (JS string indices) into the input. */
export interface Quantity {
  match: string;
  start: number;
  end: number;
  value: number;
  /** Upper end of a range (`230~280mm`). */
  valueMax?: number;
  /** A CLDR unit identifier (`milliliter`, `square-meter`, …) or, for money, an ISO 4217 code. */
  unit: string;
  /** Multipack count: `500ml x 2개` → 2. */
  count?: number;
  /** The traditional unit as written (`1근` → { value: 1, unit: 'geun' }). */
  source?: { value: number; valueMax?: number; unit: TraditionalUnit };
  /** Special meaning: a KRW amount, or a shoe size written in mm. */
  kind?: 'money' | 'shoe-size';
  /** Side label written before it (가로 → width, 높이 → height, 허리 → waist …). */
  label?: QuantityLabel;
  dimension?: DimensionGroup;
}

export type QuantityLabel =
  'width' | 'length' | 'height' | 'depth' | 'diameter' | 'thickness' | 'circumference' | 'waist' | 'chest';

/** Apparel size systems recognised in text (`55사이즈`, `사이즈 95`). */
export type KrApparelSystem = 'kr-women' | 'kr-men';
/** Labelled sizes: apparel, or a shoe size (mm) written without its unit in a shoe text. */
export type SizeSystem = KrApparelSystem | 'kr-shoe';

/** An explicitly labelled Korean size found in text; not a quantity. */
export interface SizeMention {
  match: string;
  start: number;
  end: number;
  system: SizeSystem;
  value: number;
  valueMax?: number;
}

export interface ParseResult {
  text: string;
  quantities: Quantity[];
  /** Present only when the text names apparel sizes. */
  sizes?: SizeMention[];
}

/** A converted, formatted quantity for one locale. */
export interface Target {
  value: number;
  valueMax?: number;
  unit: string;
  text: string;
  /** For money converted with a rate: the amount as integer minor units. */
  money?: { currency: string; minor: number };
}

export interface LocalizedQuantity extends Quantity {
  target: Target;
  /** e.g. `needs-fx` for a KRW amount when no rate was given. */
  flags?: string[];
}

export interface LocalizedSize extends SizeMention {
  target: { system: string; text: string };
}

/** One edit of the input text; spans are UTF-16 offsets into the input. */
export interface Replacement {
  start: number;
  end: number;
  original: string;
  text: string;
}

export interface LocalizeResult {
  text: string;
  quantities: LocalizedQuantity[];
  sizes?: LocalizedSize[];
  localized: string;
  replacements: Replacement[];
}

/** A rate to turn KRW amounts into the target currency: 1 KRW = `rate` units of `currency`. */
export interface FxRate {
  currency: string;
  rate: number;
}

export interface LocalizeOptions {
  /** Append the original in parentheses: `16.9 fl oz (500 mL)`. */
  keepOriginal?: boolean;
  /** KRW → target currency; without it KRW amounts are shown as ₩ and flagged `needs-fx`. */
  fx?: FxRate;
}
