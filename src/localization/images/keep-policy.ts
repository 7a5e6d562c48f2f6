/**
 * What stays as printed. A detail page mixes selling text (translate it) with things that must not
 * change: logos and brand marks, text printed on the product itself (a buyer should see the jar
 * they will receive), model codes and Latin words. The policy, in order:
 * 1. `unreadable`: nothing was read, or tesseract's confidence is under 0.5. We do not translate
 *    text we could not read; the line is flagged.
 * 2. `brand`: the whole line is a brand the term base knows (in Korean or Latin).
 * 3. `on-product`: the line lies inside a region the caller marks as product (`keepRegions`), or it
 *    is set small (under 24 px) on a photo-like background (busy surroundings): packaging text.
 *    Larger text over a photo is a headline and is translated.
 * 4. `no-hangul`: no Hangul and no measurement (POINT 01, HYALURON, model codes). A line without
 *    Hangul but with a measurement (500ml) is converted, not kept.
 */
import { parseQuantities } from '../units/index.ts';
import { matchKey, hasHangul } from '../text/index.ts';
import type { Box } from './types.ts';

export type KeepReason = 'unreadable' | 'brand' | 'on-product' | 'no-hangul';

export interface BrandNames {
  brandLatin(key: string): string | undefined;
}

export interface KeepInput {
  text: string;
  confidence: number;
  box: Box;
  /** Luminance standard deviation of the surroundings (see text-style.ts `surroundBusyness`). */
  surroundStd: number;
  /** Estimated font size (text-style.ts): the detector's box is taller than the text. */
  sizePx: number;
}

export interface KeepContext {
  brands?: BrandNames | undefined;
  keepRegions?: readonly Box[] | undefined;
}

export const MIN_CONFIDENCE = 0.5;
export const PRODUCT_TEXT_MAX_SIZE = 24;
export const PHOTO_SURROUND_STD = 20;

function inside(b: Box, r: Box): boolean {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  return cx >= r.x && cx <= r.x + r.w && cy >= r.y && cy <= r.y + r.h;
}

/** Why the line is kept as printed, or null when it is to be translated or converted. */
export function keepReason(line: KeepInput, context: KeepContext = {}): KeepReason | null {
  const text = line.text.trim();
  if (!text || line.confidence < MIN_CONFIDENCE) return 'unreadable';
  if (context.brands?.brandLatin(matchKey(text))) return 'brand';
  if (context.keepRegions?.some((r) => inside(line.box, r))) return 'on-product';
  if (line.sizePx < PRODUCT_TEXT_MAX_SIZE && line.surroundStd >= PHOTO_SURROUND_STD) return 'on-product';
  if (!hasHangul(text) && parseQuantities(text).quantities.length === 0) return 'no-hangul';
  return null;
}
