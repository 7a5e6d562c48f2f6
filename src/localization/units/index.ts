// The measurement-localization engine: finds quantities in Korean listing text, converts them for
// a target market and formats them with Intl. See docs/units.md for the rules.
import { localizeParsed, localizeText as localizeFromText } from './localize.ts';
import { parseText } from './parse.ts';
import { localeProfile as profileFor, TARGET_LOCALES, type LocaleProfile } from './profiles.ts';
import { chooseUnit, convertTo, type Converted } from './convert.ts';
import { unitFormatter } from './format.ts';
import { apparelTarget, shoeSize, shoeTarget } from './sizes.ts';
import type { KrApparelSystem, LocalizeOptions, LocalizeResult, ParseResult } from './types.ts';

export type {
  Dimension,
  DimensionGroup,
  FxRate,
  KrApparelSystem,
  LocalizedQuantity,
  LocalizedSize,
  LocalizeOptions,
  LocalizeResult,
  ParseResult,
  Quantity,
  QuantityLabel,
  Replacement,
  SizeMention,
  SizeSystem,
  Target,
  TraditionalUnit,
} from './types.ts';
export type { LocaleProfile, MeasurementSystem, ShoeSystem, ApparelSystem } from './profiles.ts';
export type { Converted } from './convert.ts';

const PLAIN = { volumeClass: 'general', precious: false } as const;

/** The 16 locales the engine is built and tested for. */
export const UNIT_LOCALES: readonly string[] = TARGET_LOCALES;

/**
 * Finds the quantities (measurements, KRW amounts) and labelled apparel sizes in a text.
 * Spans are UTF-16 offsets (JS string indices) into `text`.
 */
export function parseQuantities(text: string): ParseResult {
  return parseText(text).result;
}

/**
 * Rewrites `text` for `locale`: quantities converted to the market's units and formatted with
 * Intl, KRW amounts converted when `options.fx` is given (else flagged `needs-fx`). Returns the
 * rewritten text and the replacements with their spans.
 */
export function localizeText(text: string, locale: string, options: LocalizeOptions = {}): LocalizeResult {
  return localizeFromText(text, locale, options);
}

/** Localizes many texts for one locale (same result as calling `localizeText` for each). */
export function localizeTexts(
  texts: readonly string[],
  locale: string,
  options: LocalizeOptions = {},
): LocalizeResult[] {
  return texts.map((t) => localizeParsed(parseText(t), locale, options));
}

/** The measurement profile (unit system, currency, size conventions, direction) of a locale. */
export function localeProfile(locale: string): LocaleProfile {
  return profileFor(locale);
}

/**
 * Converts a value in a CLDR unit for a locale's market (the unit a buyer there expects) and
 * formats it: `convertQuantity(500, 'milliliter', 'en-US')` → 16.9 fluid-ounce, "16.9 fl oz".
 */
export function convertQuantity(
  value: number,
  unit: string,
  locale: string,
  valueMax?: number,
): Converted & { text: string } {
  const profile = profileFor(locale);
  const to = chooseUnit(unit, valueMax ?? value, false, profile, PLAIN);
  const c = convertTo(value, valueMax, unit, to);
  const f = unitFormatter(profile.locale, to);
  return { ...c, text: c.valueMax === undefined ? f.format(c.value) : f.formatRange(c.value, c.valueMax) };
}

/** A Korean shoe size (foot length in mm) in the systems a market reads: `US M 7 / W 8`. */
export function convertShoeSize(
  mm: number,
  locale: string,
  gender: 'women' | 'men' | 'unisex' = 'unisex',
  mmMax?: number,
): { value: number; valueMax?: number; unit: string; text: string } {
  return shoeTarget(mm, mmMax, profileFor(locale), gender);
}

/** The raw US/UK/EU equivalents of a Korean shoe size in mm (data/kr_shoe_size_conversion.csv). */
export function shoeSizeTable(mm: number): { usMen: number; usWomen: number; uk: number; eu: number } {
  return shoeSize(mm);
}

/** A Korean apparel size (women's 44–99, men's 85–115) for a market: `US 4–6 (KR 55)`. */
export function convertApparelSize(
  system: KrApparelSystem,
  value: number,
  locale: string,
  valueMax?: number,
): { system: string; text: string } | undefined {
  return apparelTarget(system, value, valueMax, profileFor(locale));
}
