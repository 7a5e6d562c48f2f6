/**
 * A generator of labelled synthetic Korean detail pages (상세페이지) for the quality harness:
 * stacked sections (header, photo with a product, selling points, recommendation list, spec table,
 * notices, footer) on flat, gradient, photo and wood-texture backgrounds, in several fonts, up to
 * any height. Each page comes with its ground truth: every line's text and box, and the same page
 * rendered without text (to measure text removal).
 * `hard` pages use serif and bold display styles, outlined and shadowed text, text over photos
 * and textures, and lower contrast.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Box } from '../types.ts';
import { paintBand, seededRandom, type Band, type BackgroundKind } from './backgrounds.ts';
import * as C from './corpus.ts';

export interface TruthLine {
  text: string;
  box: Box;
  /** Printed on the product in the photo (the keep policy should keep it). */
  onProduct: boolean;
  /** Part of the spec table (label or value). */
  table: boolean;
}

export interface SyntheticPage {
  width: number;
  height: number;
  /** RGBA pixels with text, and the same page without text. */
  rgba: Uint8Array;
  background: Uint8Array;
  lines: TruthLine[];
  /** Product jar boxes (photo regions). */
  products: Box[];
}

export interface PageOptions {
  seed: number;
  width?: number;
  /** Target height; sections repeat until it is reached (the page is cut to exactly this height). */
  height?: number;
  hard?: boolean;
}

const SANS = '"Noto Sans CJK JP"';
const SERIF = '"Noto Serif CJK JP"';

interface Draw {
  text: string;
  x: number;
  y: number; // top of the em box
  size: number;
  font: string;
  weight: 'normal' | 'bold';
  color: string;
  align: 'left' | 'center';
  outline?: string;
  shadow?: boolean;
  onProduct?: boolean;
  table?: boolean;
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** Lays out sections from `y`; returns the bands to paint, the text to draw and the new y. */
function section(
  kind: number,
  y: number,
  width: number,
  rnd: () => number,
  hard: boolean,
  draws: Draw[],
  bands: Band[],
): number {
  const font = hard ? pick(rnd, [SANS, SERIF]) : pick(rnd, [SANS, SANS, SERIF]);
  const mid = width / 2;
  switch (kind % 6) {
    case 0: {
      const h = 340;
      const texture = hard && rnd() < 0.5;
      bands.push({
        y,
        h,
        kind: texture ? 'texture' : 'gradient',
        base: texture ? [150, 105, 70] : [40, 52, 98],
        dark: true,
      });
      draws.push({
        text: pick(rnd, C.HEADLINES),
        x: mid,
        y: y + 90,
        size: 52 + Math.round(rnd() * 6),
        font,
        weight: 'bold',
        color: '#ffffff',
        align: 'center',
        ...(hard ? { shadow: true } : {}),
      });
      draws.push({
        text: pick(rnd, C.SUBTITLES),
        x: mid,
        y: y + 190,
        size: 26,
        font,
        weight: 'normal',
        color: hard ? '#d8dce8' : '#e8ecf5',
        align: 'center',
      });
      return y + h;
    }
    case 1: {
      const h = 620;
      bands.push({ y, h, kind: 'photo', base: [236, 196, 204], dark: false });
      draws.push({
        text: pick(rnd, C.HEADLINES),
        x: 48,
        y: y + 70,
        size: 40,
        font,
        weight: 'bold',
        color: '#5a2436',
        align: 'left',
        ...(hard ? { outline: '#ffffff' } : {}),
      });
      // Jar label: painted by paintBand at (0.6w, y + 0.3h); its text sits on it.
      const jx = Math.round(width * 0.6),
        jw = Math.round(width * 0.3),
        jy = Math.round(y + h * 0.3);
      draws.push({
        text: C.ON_PRODUCT[0]!,
        x: jx + jw / 2,
        y: jy + 60,
        size: 22,
        font: SANS,
        weight: 'bold',
        color: '#4a5a78',
        align: 'center',
        onProduct: true,
      });
      draws.push({
        text: C.ON_PRODUCT[1]!,
        x: jx + jw / 2,
        y: jy + 100,
        size: 18,
        font: SANS,
        weight: 'normal',
        color: '#4a5a78',
        align: 'center',
        onProduct: true,
      });
      return y + h;
    }
    case 2: {
      const h = 420;
      bands.push({ y, h, kind: 'flat', base: [255, 255, 255], dark: false });
      for (let i = 0; i < 3; i++) {
        const cx = 150 + i * 280;
        draws.push({
          text: `POINT 0${i + 1}`,
          x: cx,
          y: y + 80,
          size: 20,
          font: SANS,
          weight: 'bold',
          color: '#c0392b',
          align: 'center',
        });
        draws.push({
          text: pick(rnd, C.POINTS),
          x: cx,
          y: y + 130,
          size: 30,
          font,
          weight: 'bold',
          color: '#222222',
          align: 'center',
        });
      }
      draws.push({
        text: pick(rnd, C.SUBTITLES),
        x: mid,
        y: y + 260,
        size: 24,
        font,
        weight: 'normal',
        color: hard ? '#8a8a8a' : '#555555',
        align: 'center',
      });
      return y + h;
    }
    case 3: {
      const h = 400;
      bands.push({ y, h, kind: hard ? 'gradient' : 'flat', base: [245, 236, 220], dark: false });
      draws.push({
        text: C.RECOMMEND_TITLE,
        x: mid,
        y: y + 50,
        size: 34,
        font,
        weight: 'bold',
        color: '#3d2b1f',
        align: 'center',
      });
      C.RECOMMEND.forEach((t, i) =>
        draws.push({
          text: t,
          x: 200,
          y: y + 130 + i * 56,
          size: 26,
          font,
          weight: 'normal',
          color: '#3d2b1f',
          align: 'left',
        }),
      );
      return y + h;
    }
    case 4: {
      const rows = 6;
      const rowH = 64;
      const h = 120 + rows * rowH + 40;
      bands.push({ y, h, kind: 'flat', base: [255, 255, 255], dark: false });
      const start = Math.floor(rnd() * C.SPEC_ROWS.length);
      for (let i = 0; i < rows; i++) {
        const [label, value] = C.SPEC_ROWS[(start + i) % C.SPEC_ROWS.length]!;
        const ry = y + 100 + i * rowH;
        draws.push({
          text: label,
          x: 90,
          y: ry + 16,
          size: 24,
          font: SANS,
          weight: 'bold',
          color: '#333333',
          align: 'left',
          table: true,
        });
        draws.push({
          text: value,
          x: 300,
          y: ry + 16,
          size: 24,
          font: SANS,
          weight: 'normal',
          color: '#333333',
          align: 'left',
          table: true,
        });
      }
      return y + h;
    }
    default: {
      const h = 260;
      bands.push({ y, h, kind: 'flat', base: [34, 34, 40], dark: true });
      draws.push({
        text: pick(rnd, C.NOTICES),
        x: mid,
        y: y + 60,
        size: 24,
        font,
        weight: 'normal',
        color: '#dddddd',
        align: 'center',
      });
      draws.push({
        text: pick(rnd, C.FOOTER),
        x: mid,
        y: y + 150,
        size: 22,
        font: SANS,
        weight: 'normal',
        color: '#aaaaaa',
        align: 'center',
      });
      return y + h;
    }
  }
}

function drawText(ctx: SKRSContext2D, d: Draw): Box {
  ctx.font = `${d.weight === 'bold' ? 'bold ' : ''}${d.size}px ${d.font}`;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = d.align;
  const m = ctx.measureText(d.text);
  const baseline = d.y + Math.round(d.size * 0.88);
  if (d.shadow) {
    ctx.fillStyle = 'rgba(0,0,0,0.55)';
    ctx.fillText(d.text, d.x + 3, baseline + 3);
  }
  if (d.outline) {
    ctx.strokeStyle = d.outline;
    ctx.lineWidth = 4;
    ctx.strokeText(d.text, d.x, baseline);
  }
  ctx.fillStyle = d.color;
  ctx.fillText(d.text, d.x, baseline);
  const left = d.x - m.actualBoundingBoxLeft;
  const top = baseline - m.actualBoundingBoxAscent;
  return {
    x: Math.round(left),
    y: Math.round(top),
    w: Math.round(m.actualBoundingBoxLeft + m.actualBoundingBoxRight),
    h: Math.round(m.actualBoundingBoxAscent + m.actualBoundingBoxDescent),
  };
}

/** Renders a page and its ground truth. */
export function syntheticDetailPage(options: PageOptions): SyntheticPage {
  const width = options.width ?? 860;
  const height = options.height ?? 3000;
  const hard = options.hard ?? false;
  const rnd = seededRandom(options.seed);
  const draws: Draw[] = [];
  const bands: Band[] = [];
  let y = 0;
  // Start each page at a different section, so a page set covers them all in different places.
  for (let k = Math.floor(rnd() * 6); y < height; k++) y = section(k, y, width, rnd, hard, draws, bands);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const products: Box[] = [];
  const bgRnd = seededRandom(options.seed, 1);
  for (const band of bands) {
    const jar = paintBand(ctx, width, band, bgRnd);
    if (jar) products.push(jar);
  }
  const background = new Uint8Array(ctx.getImageData(0, 0, width, height).data.buffer.slice(0));
  const lines: TruthLine[] = [];
  for (const d of draws) {
    const box = drawText(ctx, d);
    // A line cut by the page's end is not ground truth (only part of it is visible).
    if (box.y + box.h <= height)
      lines.push({ text: d.text, box, onProduct: !!d.onProduct, table: !!d.table });
  }
  const rgba = new Uint8Array(ctx.getImageData(0, 0, width, height).data.buffer);
  return { width, height, rgba, background, lines, products };
}

export type { BackgroundKind };
