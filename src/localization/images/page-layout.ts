/**
 * Understanding a detail page from its line boxes: which lines share a row, which rows form a spec
 * table (a label column repeated at the same x over three or more rows), which lines form a block
 * (rows close together), how each line is aligned, and which lines are headings. Rendering uses
 * this to size text consistently within a block and to bound table cells; translation uses the
 * table roles (a label and a value translate differently).
 */
import type { Box } from './types.ts';

export type LineRole = 'heading' | 'text' | 'spec-label' | 'spec-value';
export type Align = 'left' | 'center';

export interface LineLayout {
  row: number;
  block: number;
  role: LineRole;
  align: Align;
}

function overlapY(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)) / Math.min(a.h, b.h);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/** Layout of each line (same order as `boxes`). */
export function analyseLayout(boxes: readonly Box[], pageWidth: number): LineLayout[] {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.y - boxes[b]!.y || boxes[a]!.x - boxes[b]!.x);
  // Rows: lines overlapping vertically by half the smaller height.
  const rows: number[][] = [];
  for (const i of order) {
    const row = rows.find((r) => r.some((j) => overlapY(boxes[i]!, boxes[j]!) >= 0.5));
    if (row) row.push(i);
    else rows.push([i]);
  }
  rows.forEach((r) => r.sort((a, b) => boxes[a]!.x - boxes[b]!.x));
  rows.sort((a, b) => boxes[a[0]!]!.y - boxes[b[0]!]!.y);
  const out: LineLayout[] = boxes.map(() => ({ row: 0, block: 0, role: 'text', align: 'left' }));
  const medianH = median(boxes.map((b) => b.h));

  // Tables: runs of ≥ 3 rows with two or more lines whose first line starts at the same x (± 10 px)
  // and whose rows follow each other closely.
  const inTable = new Set<number>();
  for (let r = 0; r < rows.length;) {
    let end = r;
    const first = (k: number) => boxes[rows[k]![0]!]!;
    while (
      end + 1 < rows.length &&
      rows[r]!.length >= 2 &&
      rows[end + 1]!.length >= 2 &&
      Math.abs(first(end + 1).x - first(r).x) <= 10 &&
      first(end + 1).y - (first(end).y + first(end).h) < 3 * Math.max(first(end).h, medianH)
    ) {
      end++;
    }
    if (end - r + 1 >= 3) for (let k = r; k <= end; k++) inTable.add(k);
    r = end + 1;
  }

  let block = 0;
  rows.forEach((row, r) => {
    if (r > 0) {
      const prev = rows[r - 1]!;
      const prevBottom = Math.max(...prev.map((i) => boxes[i]!.y + boxes[i]!.h));
      const prevH = Math.max(...prev.map((i) => boxes[i]!.h));
      const top = Math.min(...row.map((i) => boxes[i]!.y));
      if (top - prevBottom > 1.5 * prevH || inTable.has(r) !== inTable.has(r - 1)) block++;
    }
    row.forEach((i, k) => {
      const b = boxes[i]!;
      const centred = Math.abs(b.x + b.w / 2 - pageWidth / 2) < 0.04 * pageWidth;
      let role: LineRole = b.h >= 1.4 * medianH ? 'heading' : 'text';
      if (inTable.has(r)) role = k === 0 ? 'spec-label' : 'spec-value';
      // Several lines side by side outside a table are columns (feature points): each is
      // centred on its own column.
      const columns = row.length >= 2 && !inTable.has(r);
      out[i] = { row: r, block, role, align: (centred || columns) && !inTable.has(r) ? 'center' : 'left' };
    });
  });
  return out;
}
