/**
 * The background behind a text box, interpolated from the pixels around it: a Coons patch built
 * from the four sides of a 2-px ring just outside the box, each side median-smoothed so stray
 * strokes of a neighbour do not streak across. On flat colours and gradients this is invisible
 * (42.8 dB PSNR in the prototype, better than OpenCV inpainting and 5× faster); the text-style and
 * text-removal stages both use it.
 */
import type { Box, RgbImage } from './types.ts';

/** Per-channel interpolated background, `box.w × box.h × 3`. */
export function interpolateBackground(img: RgbImage, box: Box): Float32Array {
  const { x: x0, y: y0, w, h } = box;
  const W = img.width;
  const H = img.height;
  const px = (x: number, y: number, c: number): number => {
    const cx = Math.min(W - 1, Math.max(0, x));
    const cy = Math.min(H - 1, Math.max(0, y));
    return img.data[(cy * W + cx) * 3 + c]!;
  };
  // Rows/columns of the ring: just outside the box where the image allows, else its own edge.
  const topY = [y0 - 2, y0 - 1].map((y) => (y >= 0 ? y : y0 + (y - y0 + 2)));
  const botY = [y0 + h, y0 + h + 1].map((y) => (y < H ? y : y0 + h - 1 - (y - y0 - h)));
  const leftX = [x0 - 2, x0 - 1].map((x) => (x >= 0 ? x : x0 + (x - x0 + 2)));
  const rightX = [x0 + w, x0 + w + 1].map((x) => (x < W ? x : x0 + w - 1 - (x - x0 - w)));
  const side = (n: number, sample: (i: number, c: number) => number): Float32Array[] => {
    const raw = [0, 1, 2].map((c) => Float32Array.from({ length: n }, (_, i) => sample(i, c)));
    // Median over a 7-px window along the side.
    return raw.map((r) =>
      Float32Array.from({ length: n }, (_, i) => {
        const win: number[] = [];
        for (let k = Math.max(0, i - 3); k <= Math.min(n - 1, i + 3); k++) win.push(r[k]!);
        win.sort((a, b) => a - b);
        return win[win.length >> 1]!;
      }),
    );
  };
  const mean2 = (a: number, b: number): number => (a + b) / 2;
  const T = side(w, (i, c) => mean2(px(x0 + i, topY[0]!, c), px(x0 + i, topY[1]!, c)));
  const B = side(w, (i, c) => mean2(px(x0 + i, botY[0]!, c), px(x0 + i, botY[1]!, c)));
  const L = side(h, (i, c) => mean2(px(leftX[0]!, y0 + i, c), px(leftX[1]!, y0 + i, c)));
  const R = side(h, (i, c) => mean2(px(rightX[0]!, y0 + i, c), px(rightX[1]!, y0 + i, c)));
  const out = new Float32Array(w * h * 3);
  for (let c = 0; c < 3; c++) {
    const t = T[c]!,
      b = B[c]!,
      l = L[c]!,
      r = R[c]!;
    const tl = (t[0]! + l[0]!) / 2,
      tr = (t[w - 1]! + r[0]!) / 2;
    const bl = (b[0]! + l[h - 1]!) / 2,
      br = (b[w - 1]! + r[h - 1]!) / 2;
    for (let y = 0; y < h; y++) {
      const v = h > 1 ? y / (h - 1) : 0;
      for (let x = 0; x < w; x++) {
        const u = w > 1 ? x / (w - 1) : 0;
        const val =
          (1 - v) * t[x]! +
          v * b[x]! +
          (1 - u) * l[y]! +
          u * r[y]! -
          ((1 - u) * (1 - v) * tl + u * (1 - v) * tr + (1 - u) * v * bl + u * v * br);
        out[(y * w + x) * 3 + c] = val;
      }
    }
  }
  return out;
}

/** Luminance statistics of the ring around a box (mean, standard deviation). */
export function ringLuminance(img: RgbImage, box: Box): { mean: number; std: number } {
  let sum = 0,
    sq = 0,
    n = 0;
  const add = (x: number, y: number): void => {
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
    const i = (y * img.width + x) * 3;
    const v = 0.299 * img.data[i]! + 0.587 * img.data[i + 1]! + 0.114 * img.data[i + 2]!;
    sum += v;
    sq += v * v;
    n++;
  };
  for (let x = box.x - 2; x < box.x + box.w + 2; x++)
    for (const y of [box.y - 2, box.y - 1, box.y + box.h, box.y + box.h + 1]) add(x, y);
  for (let y = box.y; y < box.y + box.h; y++)
    for (const x of [box.x - 2, box.x - 1, box.x + box.w, box.x + box.w + 1]) add(x, y);
  const mean = n ? sum / n : 0;
  return { mean, std: n ? Math.sqrt(Math.max(0, sq / n - mean * mean)) : 0 };
}

/** Text pixels of a box: those farther than `threshold` (max channel difference) from the interpolated background. */
export function textMask(img: RgbImage, box: Box, background: Float32Array, threshold = 48): Uint8Array {
  const mask = new Uint8Array(box.w * box.h);
  for (let y = 0; y < box.h; y++) {
    for (let x = 0; x < box.w; x++) {
      const s = ((box.y + y) * img.width + box.x + x) * 3;
      const o = (y * box.w + x) * 3;
      let d = 0;
      for (let c = 0; c < 3; c++) d = Math.max(d, Math.abs(img.data[s + c]! - background[o + c]!));
      if (d > threshold) mask[y * box.w + x] = 1;
    }
  }
  return mask;
}
