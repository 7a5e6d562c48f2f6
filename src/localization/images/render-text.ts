/**
 * Drawing translations into the cleaned page with @napi-rs/canvas (Skia with HarfBuzz shaping and
 * ICU bidi: Thai stacking, Indic conjuncts, Myanmar medials and joined Urdu all come out right with
 * the Noto fonts). The page goes in as pixels and comes out as pixels; sharp encodes it (canvas's
 * own PNG encoder is 5× slower).
 */
import { createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { Align } from './page-layout.ts';
import { fontStack, hasCompactStack, isolateLtrRuns, isRtl, localizeDigits } from './script-support.ts';
import { fitText, type FitResult } from './text-fit.ts';
import type { Box, Rgb, RgbImage } from './types.ts';

export interface DrawJob {
  text: string;
  locale: string;
  region: Box;
  sizePx: number;
  bold: boolean;
  fg: Rgb;
  bg: Rgb;
  align: Align;
}

export interface DrawResult {
  size: number;
  lines: number;
  fits: boolean;
  font: string;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The source text colour when it still reads against the background (ratio ≥ 3), else black or white. */
export function readableColour(fg: Rgb, bg: Rgb): Rgb {
  if (contrastRatio(fg, bg) >= 3) return fg;
  return contrastRatio([0, 0, 0], bg) >= contrastRatio([255, 255, 255], bg) ? [0, 0, 0] : [255, 255, 255];
}

/** The text as drawn: native digits where the locale uses them, LTR runs isolated in RTL text. */
export function displayText(text: string, locale: string): string {
  const digits = localizeDigits(text, locale);
  return isRtl(locale) ? isolateLtrRuns(digits) : digits;
}

function fitJob(ctx: SKRSContext2D, job: DrawJob, text: string): { fit: FitResult; font: string } {
  const req = {
    text,
    locale: job.locale,
    bold: job.bold,
    maxSize: job.sizePx,
    minSize: job.sizePx * 0.5,
    width: job.region.w,
    height: job.region.h,
    maxLines: job.region.h >= job.sizePx * 2.6 ? 3 : 2,
  };
  const font = fontStack(job.locale);
  const fit = fitText(ctx, { ...req, fontFamily: font });
  if (fit.fits || !hasCompactStack(job.locale)) return { fit, font };
  const compact = fontStack(job.locale, true);
  const alt = fitText(ctx, { ...req, fontFamily: compact });
  return alt.fits || alt.size > fit.size ? { fit: alt, font: compact } : { fit, font };
}

function drawOne(ctx: SKRSContext2D, job: DrawJob): DrawResult {
  const text = displayText(job.text, job.locale);
  const { fit, font } = fitJob(ctx, job, text);
  const rtl = isRtl(job.locale);
  ctx.font = `${job.bold ? 'bold ' : ''}${fit.size}px ${font}`;
  ctx.direction = rtl ? 'rtl' : 'ltr';
  ctx.textBaseline = 'alphabetic';
  const [r, g, b] = readableColour(job.fg, job.bg);
  ctx.fillStyle = `rgb(${r},${g},${b})`;
  const lineH = fit.ascent + fit.descent;
  const total = fit.lines.length * lineH + (fit.lines.length - 1) * fit.lineGap;
  let baseline = job.region.y + Math.max(0, (job.region.h - total) / 2) + fit.ascent;
  const widest = Math.max(...fit.lines.map((l) => ctx.measureText(l).width));
  for (const line of fit.lines) {
    if (job.align === 'center') {
      ctx.textAlign = 'center';
      ctx.fillText(line, job.region.x + job.region.w / 2, baseline);
    } else if (rtl) {
      // Right to left in a left-to-right design: the block stays where the Korean started, its
      // lines right-aligned inside it.
      ctx.textAlign = 'right';
      ctx.fillText(line, job.region.x + Math.min(job.region.w, widest), baseline);
    } else {
      ctx.textAlign = 'left';
      ctx.fillText(line, job.region.x, baseline);
    }
    baseline += lineH + fit.lineGap;
  }
  return { size: fit.size, lines: fit.lines.length, fits: fit.fits, font };
}

/** Draws every job onto a copy of `img`; returns the RGBA page and how each job fitted. */
export function drawTranslations(
  img: RgbImage,
  jobs: readonly DrawJob[],
): { rgba: Uint8Array; results: DrawResult[] } {
  const { width, height } = img;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, o = 0; i < img.data.length; i += 3, o += 4) {
    rgba[o] = img.data[i]!;
    rgba[o + 1] = img.data[i + 1]!;
    rgba[o + 2] = img.data[i + 2]!;
    rgba[o + 3] = 255;
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  const results = jobs.map((job) => drawOne(ctx, job));
  const out = ctx.getImageData(0, 0, width, height).data;
  return { rgba: new Uint8Array(out.buffer, out.byteOffset, out.length), results };
}
