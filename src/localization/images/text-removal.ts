/**
 * Removing the source text of the lines that get new text. Per box, by the luminance spread of the
 * ring around it: below 12 (flat colour or gradient), the box is replaced by the background
 * interpolated from the ring; otherwise (texture, photo) only the text pixels, dilated by 2 px,
 * are inpainted with OpenCV NS from their surroundings, which keeps the texture between strokes.
 * Classic inpainting cannot invent texture; the renderer draws over what is left.
 */
import { interpolateBackground, ringLuminance, textMask } from './background-fill.ts';
import { inpaintRegion } from './opencv-inpaint.ts';
import { clampBox, type Box, type RgbImage } from './types.ts';

export const FLAT_RING_STDDEV = 12;
export type RemovalMethod = 'interpolate' | 'inpaint';

function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      for (let dy = -r; dy <= r; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -r; dx <= r; dx++) {
          const nx = x + dx;
          if (nx >= 0 && nx < w) out[ny * w + nx] = 1;
        }
      }
    }
  }
  return out;
}

/** Removes the text in `box` from `img` in place; returns the method used. */
export async function removeText(img: RgbImage, rawBox: Box): Promise<RemovalMethod> {
  const box = clampBox(rawBox, img.width, img.height);
  if (box.w < 2 || box.h < 2) return 'interpolate';
  const bg = interpolateBackground(img, box);
  if (ringLuminance(img, box).std < FLAT_RING_STDDEV) {
    for (let y = 0; y < box.h; y++) {
      for (let x = 0; x < box.w; x++) {
        const s = ((box.y + y) * img.width + box.x + x) * 3;
        const o = (y * box.w + x) * 3;
        for (let c = 0; c < 3; c++) img.data[s + c] = Math.round(Math.min(255, Math.max(0, bg[o + c]!)));
      }
    }
    return 'interpolate';
  }
  // Busy: inpaint the text pixels over a region with an 8-px margin of context.
  const mask = textMask(img, box, bg);
  const region = clampBox(
    { x: box.x - 8, y: box.y - 8, w: box.w + 16, h: box.h + 16 },
    img.width,
    img.height,
  );
  const regionMask = new Uint8Array(region.w * region.h);
  for (let y = 0; y < box.h; y++) {
    for (let x = 0; x < box.w; x++) {
      if (mask[y * box.w + x]) regionMask[(box.y - region.y + y) * region.w + (box.x - region.x + x)] = 1;
    }
  }
  const grown = dilate(regionMask, region.w, region.h, 2);
  const rgb = new Uint8Array(region.w * region.h * 3);
  for (let y = 0; y < region.h; y++) {
    const s = ((region.y + y) * img.width + region.x) * 3;
    rgb.set(img.data.subarray(s, s + region.w * 3), y * region.w * 3);
  }
  const filled = await inpaintRegion(rgb, grown, region.w, region.h);
  for (let y = 0; y < region.h; y++) {
    const s = ((region.y + y) * img.width + region.x) * 3;
    img.data.set(filled.subarray(y * region.w * 3, (y + 1) * region.w * 3), s);
  }
  return 'inpaint';
}
