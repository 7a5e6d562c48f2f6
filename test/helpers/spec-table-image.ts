import { createCanvas } from '@napi-rs/canvas';

/** A small PNG with one spec-table row ("용량 | 500ml"), as on a detail page. */
export function specTableImage(height = 200): Buffer {
  const canvas = createCanvas(600, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 600, height);
  ctx.fillStyle = '#333333';
  ctx.font = 'bold 28px "Noto Sans CJK JP"';
  ctx.fillText('용량', 60, 80);
  ctx.font = '28px "Noto Sans CJK JP"';
  ctx.fillText('500ml', 260, 80);
  return canvas.toBuffer('image/png');
}
