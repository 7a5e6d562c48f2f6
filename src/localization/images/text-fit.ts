/**
 * Fitting a translation into a box: wrap at word boundaries from `Intl.Segmenter` (Node's ICU
 * segments Thai, Myanmar, Khmer and Lao by dictionary, so they wrap between words though they
 * write no spaces), then binary-search the largest font size between the source size and half of
 * it at which the wrapped text fits, measured by the real glyph bounds (Thai, Myanmar and Nastaliq
 * ink reaches outside the em box). Closing punctuation sticks to the word before it; a word wider
 * than the box breaks between graphemes as a last resort.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';

export interface FitRequest {
  text: string;
  /** BCP 47 tag for segmentation. */
  locale: string;
  fontFamily: string;
  bold: boolean;
  maxSize: number;
  minSize: number;
  width: number;
  height: number;
  maxLines: number;
}

export interface FitResult {
  size: number;
  lines: string[];
  /** Per line: ascent and descent of the ink at that size. */
  ascent: number;
  descent: number;
  lineGap: number;
  fits: boolean;
}

const CLOSING = /^[.,:;!?)\]}%।॥။၊、。」』]+$/u;

/** Break opportunities: word segments with trailing spaces and closing punctuation attached. */
export function breakTokens(text: string, locale: string): string[] {
  const seg = new Intl.Segmenter(locale, { granularity: 'word' });
  const tokens: string[] = [];
  for (const { segment } of seg.segment(text)) {
    const last = tokens.length - 1;
    if (last >= 0 && (/^\s+$/u.test(segment) || CLOSING.test(segment))) {
      tokens[last] += segment;
    } else tokens.push(segment);
  }
  return tokens;
}

function graphemes(text: string, locale: string): string[] {
  return [...new Intl.Segmenter(locale, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
}

/** Greedy wrapping of tokens into lines no wider than `width`; null when more than `maxLines` are needed. */
export function wrapTokens(
  ctx: SKRSContext2D,
  tokens: readonly string[],
  width: number,
  maxLines: number,
  locale: string,
): string[] | null {
  const lines: string[] = [];
  let cur = '';
  const push = (line: string): boolean => {
    lines.push(line.trimEnd());
    return lines.length <= maxLines;
  };
  for (const tok of tokens) {
    const next = cur + tok;
    if (ctx.measureText(next.trimEnd()).width <= width) {
      cur = next;
      continue;
    }
    if (cur && !push(cur)) return null;
    cur = '';
    if (ctx.measureText(tok.trimEnd()).width <= width) {
      cur = tok.trimStart();
      continue;
    }
    // A single word wider than the box: break it between graphemes.
    for (const g of graphemes(tok, locale)) {
      if (ctx.measureText((cur + g).trimEnd()).width > width && cur) {
        if (!push(cur)) return null;
        cur = '';
      }
      cur += g;
    }
  }
  if (cur.trim() && !push(cur)) return null;
  return lines.length ? lines : [''];
}

function fontSpec(size: number, bold: boolean, family: string): string {
  return `${bold ? 'bold ' : ''}${size}px ${family}`;
}

function measureAt(ctx: SKRSContext2D, req: FitRequest, size: number): FitResult | null {
  ctx.font = fontSpec(size, req.bold, req.fontFamily);
  const lines = wrapTokens(ctx, breakTokens(req.text, req.locale), req.width, req.maxLines, req.locale);
  if (!lines) return null;
  let ascent = 0,
    descent = 0;
  for (const l of lines) {
    const m = ctx.measureText(l);
    ascent = Math.max(ascent, m.actualBoundingBoxAscent);
    descent = Math.max(descent, m.actualBoundingBoxDescent);
  }
  const lineGap = Math.round(size * 0.15);
  const height = lines.length * (ascent + descent) + (lines.length - 1) * lineGap;
  // Ink, not advance: some glyphs reach past their advance (Thai marks, italic overhangs).
  const widest = Math.max(
    ...lines.map((l) => {
      const m = ctx.measureText(l);
      return Math.max(m.width, m.actualBoundingBoxLeft + m.actualBoundingBoxRight);
    }),
  );
  return { size, lines, ascent, descent, lineGap, fits: height <= req.height && widest <= req.width + 0.5 };
}

/** The largest size in [minSize, maxSize] at which the text fits; at minSize with `fits: false` otherwise. */
export function fitText(ctx: SKRSContext2D, req: FitRequest): FitResult {
  let lo = Math.max(6, Math.floor(req.minSize));
  let hi = Math.max(lo, Math.floor(req.maxSize));
  let best: FitResult | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = measureAt(ctx, req, mid);
    if (r?.fits) {
      best = r;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best) return best;
  const min = Math.max(6, Math.floor(req.minSize));
  return (
    measureAt(ctx, { ...req, maxLines: 8 }, min) ?? {
      size: min,
      lines: [req.text],
      ascent: min * 0.8,
      descent: min * 0.2,
      lineGap: 0,
      fits: false,
    }
  );
}
