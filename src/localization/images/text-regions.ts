/**
 * Where a translation may be drawn: its source box grown into free space, because translations are
 * often longer than the Korean (and Thai, Myanmar and Urdu glyphs taller). A centred line alone on
 * its row grows symmetrically to a 30 px page margin; a left-aligned line grows right up to the next
 * box on its row (any box, translated or not) or the margin; table cells stop at the next cell.
 * Where two neighbours both grow into the gap between them, each gets half.
 * Tall scripts may grow vertically into half the free gap above and below (Urdu's Nastaliq by up
 * to 80 % of the box height, others 40 %).
 */
import type { Align } from './page-layout.ts';
import type { Box } from './types.ts';

export const PAGE_MARGIN = 30;
const GAP = 8;

function overlapsY(a: Box, b: Box): boolean {
  return Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > Math.min(a.h, b.h) * 0.3;
}
function overlapsX(a: Box, b: Box): boolean {
  return Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0;
}

export function growRegion(
  index: number,
  boxes: readonly Box[],
  aligns: readonly Align[],
  pageWidth: number,
  pageHeight: number,
  verticalGrowth: number,
): Box {
  const b = boxes[index]!;
  const align = aligns[index]!;
  let left = Math.min(b.x, PAGE_MARGIN);
  let right = Math.max(b.x + b.w, pageWidth - PAGE_MARGIN);
  let top = b.y;
  let bottom = b.y + b.h;
  boxes.forEach((o, j) => {
    if (j === index || !overlapsY(b, o)) return;
    // A neighbour that grows towards this line gets half of the gap between them: a centred line
    // grows both ways, a left-aligned one grows right.
    if (o.x >= b.x + b.w) {
      const shared = aligns[j] === 'center';
      right = Math.min(right, shared ? (b.x + b.w + o.x) / 2 - GAP / 2 : o.x - GAP);
    } else if (o.x + o.w <= b.x) left = Math.max(left, (o.x + o.w + b.x) / 2 + GAP / 2);
  });
  if (align === 'left') left = b.x;
  else {
    // Centred: grow the same on both sides, so the centre stays where it was.
    const cx = b.x + b.w / 2;
    const half = Math.max(b.w / 2, Math.min(cx - left, right - cx));
    left = cx - half;
    right = cx + half;
  }
  if (verticalGrowth > 0) {
    let above = top,
      below = pageHeight - bottom;
    for (const o of boxes) {
      if (o === b || !overlapsX({ x: left, y: 0, w: right - left, h: 1 }, o)) continue;
      if (o.y + o.h <= b.y) above = Math.min(above, b.y - (o.y + o.h));
      else if (o.y >= b.y + b.h) below = Math.min(below, o.y - (b.y + b.h));
    }
    const grow = b.h * verticalGrowth;
    top -= Math.min(grow / 2, above / 2);
    bottom += Math.min(grow / 2, below / 2);
  }
  return {
    x: Math.round(left),
    y: Math.round(top),
    w: Math.max(1, Math.round(right - left)),
    h: Math.max(1, Math.round(bottom - top)),
  };
}
