/**
 * Shapes shared by the image-localization stages: a decoded image, boxes, detected and read lines.
 */

/** A decoded image: 3 channels (RGB), row-major, 8 bits, as sharp's `.raw()` gives it. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** An axis-aligned box in page pixels. Detail pages are laid out straight, so quads are not needed. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A detected text line: its box and the detector's mean probability inside it. */
export interface TextRegion {
  box: Box;
  score: number;
}

/** A detected line after reading: the text (spacing repaired) and tesseract's confidence (0–1). */
export interface OcrLine extends TextRegion {
  text: string;
  confidence: number;
}

export type Rgb = [number, number, number];

/** Box helpers used by several stages. */
export function boxIou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = ix * iy;
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}

/** Clamps a box to the image, rounding outwards to whole pixels. */
export function clampBox(b: Box, width: number, height: number): Box {
  const x0 = Math.max(0, Math.floor(b.x));
  const y0 = Math.max(0, Math.floor(b.y));
  const x1 = Math.min(width, Math.ceil(b.x + b.w));
  const y1 = Math.min(height, Math.ceil(b.y + b.h));
  return { x: x0, y: y0, w: Math.max(0, x1 - x0), h: Math.max(0, y1 - y0) };
}

const HANGUL_RE = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/g;

/** Number of Hangul characters (syllables and jamo) in a text. */
export function countHangul(text: string): number {
  return text.match(HANGUL_RE)?.length ?? 0;
}
