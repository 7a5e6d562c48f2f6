/**
 * Preparing one line crop for tesseract, as measured in the prototype (CER 10.9 % → 1.0 % with
 * kor+eng): greyscale; inverted when the text is lighter than its surroundings, so it is always
 * dark on light; scaled so the line is about 48 px high; contrast stretched; a 10 px white margin.
 * Crops whose surroundings are busy (texture, photo) are binarised with Otsu's threshold; on clean
 * crops binarising made things worse (1.0 % → 2.1 %), so it is only done there.
 */
import sharp from 'sharp';
import type { Box, RgbImage } from './types.ts';

export const TARGET_LINE_HEIGHT = 48;
/** Border-ring luminance standard deviation above which a background counts as busy. */
export const BUSY_RING_STDDEV = 12;

export function luma(r: number, g: number, b: number): number {
  return 0.299 * r + 0.587 * g + 0.114 * b;
}

/** Mean and standard deviation of the luminance on a box's outer 2-px ring (inside the box). */
export function ringStats(grey: Uint8Array, w: number, h: number): { mean: number; std: number } {
  let sum = 0;
  let sq = 0;
  let n = 0;
  const t = Math.min(2, Math.floor(Math.min(w, h) / 3));
  for (let y = 0; y < h; y++) {
    const edgeRow = y < t || y >= h - t;
    for (let x = 0; x < w; x++) {
      if (!edgeRow && x >= t && x < w - t) continue;
      const v = grey[y * w + x]!;
      sum += v;
      sq += v * v;
      n++;
    }
  }
  const mean = n ? sum / n : 0;
  return { mean, std: n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : 0 };
}

export function greyCrop(img: RgbImage, box: Box): Uint8Array {
  const out = new Uint8Array(box.w * box.h);
  for (let y = 0; y < box.h; y++) {
    let s = ((box.y + y) * img.width + box.x) * 3;
    for (let x = 0; x < box.w; x++, s += 3) {
      out[y * box.w + x] = luma(img.data[s]!, img.data[s + 1]!, img.data[s + 2]!);
    }
  }
  return out;
}

function otsu(grey: Uint8Array): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of grey) hist[v]!++;
  const total = grey.length;
  let sumAll = 0;
  for (let i = 0; i < 256; i++) sumAll += i * hist[i]!;
  let sumB = 0,
    wB = 0,
    best = 0,
    threshold = 127;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sumAll - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** The prepared crop as PNG bytes. */
export async function prepareLineCrop(img: RgbImage, box: Box): Promise<Buffer> {
  const grey = greyCrop(img, box);
  const ring = ringStats(grey, box.w, box.h);
  let mean = 0;
  for (const v of grey) mean += v;
  mean /= grey.length || 1;
  if (mean < ring.mean) {
    // Text pulls the mean away from the background: darker mean = dark text; lighter = light text.
  } else for (let i = 0; i < grey.length; i++) grey[i] = 255 - grey[i]!;
  if (ring.std >= BUSY_RING_STDDEV) {
    const t = otsu(grey);
    for (let i = 0; i < grey.length; i++) grey[i] = grey[i]! > t ? 255 : 0;
  }
  const scale = Math.min(4, Math.max(0.5, TARGET_LINE_HEIGHT / box.h));
  return sharp(grey, { raw: { width: box.w, height: box.h, channels: 1 } })
    .resize(Math.max(1, Math.round(box.w * scale)), Math.max(1, Math.round(box.h * scale)), {
      kernel: 'lanczos3',
    })
    .normalize()
    .extend({ top: 10, bottom: 10, left: 10, right: 10, background: { r: 255, g: 255, b: 255 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}
