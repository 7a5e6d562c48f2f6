/** Option axes (옵션) shared by the data files, priced the way Korean sellers usually price them. */
import type { AxisSpec } from './template.ts';
import { COLORS, SHOE_SIZES } from './template.ts';

export function colors(min: number, max: number, values: readonly string[] = COLORS): AxisSpec {
  return { name: '색상', values, count: [min, max] };
}

/** Men's letter sizes; 2XL and up cost +1,000–2,000 won each step (빅사이즈 추가금). */
export const MEN_SIZES: AxisSpec = {
  name: '사이즈',
  values: ['M', 'L', 'XL', '2XL', '3XL', '4XL'],
  count: [3, 4],
  ordered: true,
  extra: { mode: 'tail', step: [1000, 2000], tailCount: 2 },
};

export const UNISEX_SIZES: AxisSpec = {
  name: '사이즈',
  values: ['S', 'M', 'L', 'XL', '2XL'],
  count: [3, 4],
  ordered: true,
  extra: { mode: 'tail', step: [1000, 1000], tailCount: 1 },
};

/** KS chest-girth sizes for men's outerwear (95 = M, 100 = L …). */
export const MEN_KS_SIZES: AxisSpec = {
  name: '사이즈',
  values: ['90', '95', '100', '105', '110', '115'],
  count: [3, 4],
  ordered: true,
  extra: { mode: 'tail', step: [2000, 5000], tailCount: 1 },
};

/** Women's 44–88 sizes still used by Korean sellers. */
export const WOMEN_KR_SIZES: AxisSpec = {
  name: '사이즈',
  values: ['44', '55', '66', '77', '88'],
  count: [2, 4],
  ordered: true,
};

export const WOMEN_LETTER_SIZES: AxisSpec = {
  name: '사이즈',
  values: ['S', 'M', 'L', 'XL'],
  count: [2, 3],
  ordered: true,
};

/** Waist in inches for jeans and slacks. */
export const WAIST_INCH_SIZES: AxisSpec = {
  name: '사이즈',
  values: ['25', '26', '27', '28', '29', '30', '31', '32', '34', '36'],
  count: [4, 5],
  ordered: true,
  extra: { mode: 'tail', step: [1000, 2000], tailCount: 2 },
};

export const KIDS_SIZES: AxisSpec = {
  name: '사이즈',
  values: ['80', '90', '100', '110', '120', '130', '140'],
  count: [3, 4],
  ordered: true,
};

/** Shoe sizes in mm; `suffix` is how the seller writes them ('230' or '230mm'). */
export function shoeSizes(
  from: number,
  to: number,
  suffix: '' | 'mm',
  count: [number, number],
  target: string,
): AxisSpec {
  const values = SHOE_SIZES.filter((s) => Number(s) >= from && Number(s) <= to).map((s) => s + suffix);
  return { name: '사이즈', values, count, ordered: true, target };
}

/** An axis whose values all cost the same (맛, 디자인, 기종). */
export function flat(name: string, values: readonly string[], min: number, max: number): AxisSpec {
  return { name, values, count: [min, max] };
}
