/**
 * Post-processing of the PP-OCR "DB" detector's probability map into line boxes, as PaddleOCR does
 * it but with axis-aligned boxes (detail pages are not rotated): threshold the map at 0.3, take
 * 8-connected components, keep those whose mean probability is ≥ 0.6, and grow each by the unclip
 * distance D = area × 1.5 / perimeter (the DB paper's Vatti offset, done on a rectangle), because
 * the network predicts a shrunk text kernel.
 */
import type { StripRegion } from './strips.ts';

export interface DbOptions {
  threshold?: number;
  boxThreshold?: number;
  unclipRatio?: number;
  minSide?: number;
}

/**
 * `prob` is `mapW × mapH` (the padded network input); only the first `validW × validH` pixels are
 * the image. `offsetY` moves boxes to page coordinates.
 */
export function regionsFromProbabilities(
  prob: Float32Array,
  mapW: number,
  validW: number,
  validH: number,
  offsetY: number,
  options: DbOptions = {},
): StripRegion[] {
  const threshold = options.threshold ?? 0.3;
  const boxThreshold = options.boxThreshold ?? 0.6;
  const unclip = options.unclipRatio ?? 1.5;
  const minSide = options.minSide ?? 3;
  const label = new Int32Array(validW * validH);
  const stack = new Int32Array(validW * validH);
  const regions: StripRegion[] = [];
  let next = 0;
  for (let y = 0; y < validH; y++) {
    for (let x = 0; x < validW; x++) {
      const i = y * validW + x;
      if (label[i] !== 0 || prob[y * mapW + x]! <= threshold) continue;
      next++;
      let top = 0;
      stack[top++] = i;
      label[i] = next;
      let x0 = x,
        x1 = x,
        y0 = y,
        y1 = y,
        sum = 0,
        n = 0;
      while (top > 0) {
        const p = stack[--top]!;
        const px = p % validW;
        const py = (p - px) / validW;
        sum += prob[py * mapW + px]!;
        n++;
        if (px < x0) x0 = px;
        if (px > x1) x1 = px;
        if (py < y0) y0 = py;
        if (py > y1) y1 = py;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = py + dy;
          if (ny < 0 || ny >= validH) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = px + dx;
            if (nx < 0 || nx >= validW || (dx === 0 && dy === 0)) continue;
            const q = ny * validW + nx;
            if (label[q] === 0 && prob[ny * mapW + nx]! > threshold) {
              label[q] = next;
              stack[top++] = q;
            }
          }
        }
      }
      const w = x1 - x0 + 1;
      const h = y1 - y0 + 1;
      if (Math.min(w, h) < minSide || sum / n < boxThreshold) continue;
      const d = (w * h * unclip) / (2 * (w + h));
      const bx0 = Math.max(0, Math.floor(x0 - d));
      const by0 = Math.max(0, Math.floor(y0 - d));
      const bx1 = Math.min(validW, Math.ceil(x1 + 1 + d));
      const by1 = Math.min(validH, Math.ceil(y1 + 1 + d));
      regions.push({
        box: { x: bx0, y: by0 + offsetY, w: bx1 - bx0, h: by1 - by0 },
        score: sum / n,
        rawTop: y0 + offsetY,
        rawBottom: y1 + 1 + offsetY,
      });
    }
  }
  return regions;
}
