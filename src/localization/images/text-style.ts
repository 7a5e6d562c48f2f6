/**
 * The look of each source line, measured from its pixels before the text is removed, so the
 * translation can be drawn the same way:
 * - colours: text = median of the text pixels, background = interpolated from the surrounding ring;
 * - size: the ink height ÷ 0.92 for lines with Hangul (Hangul fills most of the em), ÷ 0.73 for
 *   Latin and digits (cap height);
 * - weight: bold when the median horizontal run of text pixels (a vertical stroke's width) is
 *   over 0.13 of the size (on the synthetic pages: regular 0.07–0.12, bold labels 0.15–0.27);
 * - busyness: the ring's luminance spread (decides removal and crop binarisation) and the spread
 *   of a wider frame around the box (photo-like surroundings, for the keep policy).
 */
import { interpolateBackground, ringLuminance, textMask } from './background-fill.ts';
import type { Box, Rgb, RgbImage } from './types.ts';

export interface LineStyle {
  fg: Rgb;
  bg: Rgb;
  sizePx: number;
  bold: boolean;
  ringStd: number;
  surroundStd: number;
}

function medianChannel(values: number[]): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  return values[values.length >> 1]!;
}

/** Luminance spread of a frame one box-height wide around the box (the box itself excluded). */
export function surroundBusyness(img: RgbImage, box: Box): number {
  const m = Math.max(8, box.h);
  const x0 = Math.max(0, box.x - m),
    x1 = Math.min(img.width, box.x + box.w + m);
  const y0 = Math.max(0, box.y - m),
    y1 = Math.min(img.height, box.y + box.h + m);
  let sum = 0,
    sq = 0,
    n = 0;
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      if (x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h) continue;
      const i = (y * img.width + x) * 3;
      const v = 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
      sum += v;
      sq += v * v;
      n++;
    }
  }
  const mean = n ? sum / n : 0;
  return n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : 0;
}

export function estimateStyle(img: RgbImage, box: Box, text: string): LineStyle {
  const bgField = interpolateBackground(img, box);
  const mask = textMask(img, box, bgField);
  const fgC: number[][] = [[], [], []];
  const bgC: number[][] = [[], [], []];
  let top = box.h,
    bottom = -1,
    runPixels = 0;
  const runs: number[] = [];
  for (let y = 0; y < box.h; y++) {
    let run = 0;
    for (let x = 0; x <= box.w; x++) {
      if (x === box.w || mask[y * box.w + x] !== 1) {
        if (run) runs.push(run);
        run = 0;
        continue;
      }
      run++;
      const s = ((box.y + y) * img.width + box.x + x) * 3;
      for (let c = 0; c < 3; c++) fgC[c]!.push(img.data[s + c]!);
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      runPixels++;
    }
  }
  for (let i = 0; i < box.w * box.h; i += 7) for (let c = 0; c < 3; c++) bgC[c]!.push(bgField[i * 3 + c]!);
  const bg = bgC.map((v) => Math.round(medianChannel(v))) as Rgb;
  const lum = (c: Rgb): number => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
  const fg = (
    runPixels ? fgC.map((v) => Math.round(medianChannel(v))) : lum(bg) > 128 ? [0, 0, 0] : [255, 255, 255]
  ) as Rgb;
  const ink = bottom >= top ? bottom - top + 1 : box.h * 0.6;
  const hangul = /[\uac00-\ud7a3]/.test(text);
  const sizePx = Math.max(8, Math.round(ink / (hangul ? 0.92 : 0.73)));
  // The median run is a vertical stroke's width: horizontal strokes (ㅡ, ㅗ) make long runs but
  // fewer of them, and would pull a mean up (regular Hangul read as bold).
  const strokeWidth = runs.length ? medianChannel(runs) : 0;
  return {
    fg,
    bg,
    sizePx,
    bold: strokeWidth / sizePx > 0.13,
    ringStd: ringLuminance(img, box).std,
    surroundStd: surroundBusyness(img, box),
  };
}
