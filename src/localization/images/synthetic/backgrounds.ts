/**
 * Backgrounds of synthetic detail pages: flat, vertical gradient, a "photo" (soft blobs and a
 * product jar) and a procedural wood texture, the four kinds the text-removal stage must handle.
 * Deterministic from the seeded random source, so a page and its text-free twin match exactly.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { createRng } from '../../../catalog/index.ts';

export type BackgroundKind = 'flat' | 'gradient' | 'photo' | 'texture';

/** A seeded source of numbers in [0, 1): the catalog sample's PRNG, so pages are reproducible. */
export function seededRandom(seed: number, stream = 0): () => number {
  const rng = createRng(`image-page-${seed}`, stream);
  return () => rng.next();
}

export interface Band {
  y: number;
  h: number;
  kind: BackgroundKind;
  /** Base colour; text colour is chosen to contrast with it. */
  base: [number, number, number];
  dark: boolean;
}

const css = (c: readonly number[]): string =>
  `rgb(${c.map((v) => Math.round(Math.max(0, Math.min(255, v)))).join(',')})`;

/** Paints one band; returns the jar's box when the band is a photo (text on it is "on the product"). */
export function paintBand(
  ctx: SKRSContext2D,
  width: number,
  band: Band,
  rnd: () => number,
): { x: number; y: number; w: number; h: number } | null {
  const [r, g, b] = band.base;
  if (band.kind === 'flat') {
    ctx.fillStyle = css(band.base);
    ctx.fillRect(0, band.y, width, band.h);
    return null;
  }
  if (band.kind === 'gradient') {
    const grad = ctx.createLinearGradient(0, band.y, 0, band.y + band.h);
    grad.addColorStop(0, css([r + 35, g + 35, b + 35]));
    grad.addColorStop(1, css([r - 30, g - 30, b - 30]));
    ctx.fillStyle = grad;
    ctx.fillRect(0, band.y, width, band.h);
    return null;
  }
  if (band.kind === 'texture') {
    // Wood: horizontal grain lines of varying tone over a base, plus fine noise.
    ctx.fillStyle = css(band.base);
    ctx.fillRect(0, band.y, width, band.h);
    for (let y = band.y; y < band.y + band.h; y += 1) {
      const tone = Math.sin(y * 0.21 + Math.sin(y * 0.037) * 4) * 18 + (rnd() - 0.5) * 10;
      ctx.fillStyle = css([r + tone, g + tone * 0.8, b + tone * 0.6]);
      ctx.globalAlpha = 0.55;
      ctx.fillRect(0, y, width, 1);
    }
    ctx.globalAlpha = 1;
    for (let i = 0; i < (width * band.h) / 60; i++) {
      ctx.fillStyle = css([r - 40, g - 45, b - 45]);
      ctx.globalAlpha = 0.25;
      ctx.fillRect(rnd() * width, band.y + rnd() * band.h, 1 + rnd() * 14, 1);
    }
    ctx.globalAlpha = 1;
    return null;
  }
  // Photo: blurred colour blobs, then a jar with a label.
  ctx.fillStyle = css(band.base);
  ctx.fillRect(0, band.y, width, band.h);
  for (let i = 0; i < 14; i++) {
    const cx = rnd() * width;
    const cy = band.y + rnd() * band.h;
    const rad = 60 + rnd() * 180;
    const grad = ctx.createRadialGradient(cx, cy, 0, cx, cy, rad);
    grad.addColorStop(0, css([r + (rnd() - 0.5) * 90, g + (rnd() - 0.5) * 90, b + (rnd() - 0.5) * 90]));
    grad.addColorStop(1, 'rgba(0,0,0,0)');
    ctx.fillStyle = grad;
    ctx.fillRect(cx - rad, cy - rad, rad * 2, rad * 2);
  }
  const jw = Math.round(width * 0.3);
  const jh = Math.round(band.h * 0.55);
  const jx = Math.round(width * 0.6);
  const jy = Math.round(band.y + band.h * 0.3);
  const jar = ctx.createLinearGradient(jx, 0, jx + jw, 0);
  jar.addColorStop(0, '#d9dde3');
  jar.addColorStop(0.5, '#ffffff');
  jar.addColorStop(1, '#c7ccd4');
  ctx.fillStyle = jar;
  ctx.beginPath();
  ctx.roundRect(jx, jy, jw, jh, 24);
  ctx.fill();
  ctx.fillStyle = '#4a5a78';
  ctx.fillRect(jx - 6, jy - 40, jw + 12, 46);
  return { x: jx, y: jy, w: jw, h: jh };
}
