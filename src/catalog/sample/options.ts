/** Chooses a product's option axes (옵션) and expands them into variants with 추가금. */
import type { ProductRecord, VariantRecord } from '../catalog-record.ts';
import type { Rng } from './prng.ts';
import type { AxisSpec } from './template.ts';

/** An axis as chosen for one product: its values and the 추가금 of each. */
export interface ChosenAxis {
  spec: AxisSpec;
  values: string[];
  extras: number[];
}

/** Rounds a 추가금 the way sellers write it: to 500 won under 5,000, to 1,000 above. */
export function roundExtra(krw: number): number {
  const unit = krw < 5000 ? 500 : 1000;
  return Math.max(unit, Math.round(krw / unit) * unit);
}

export function chooseAxis(rng: Rng, spec: AxisSpec): ChosenAxis {
  const count = Math.min(rng.int(spec.count[0], spec.count[1]), spec.values.length);
  let values: string[];
  if (spec.ordered) {
    const start = rng.int(0, spec.values.length - count);
    values = spec.values.slice(start, start + count);
  } else {
    values = rng.sample(spec.values, count);
  }
  const extra = spec.extra;
  let extras = values.map(() => 0);
  if (extra && extra.mode !== 'zero') {
    const step = roundExtra(rng.int(extra.step[0], extra.step[1]));
    if (extra.mode === 'rising') extras = values.map((_, i) => i * step);
    else {
      // 'tail': the biggest sizes cost more, each step one more `step` (2XL +1,000, 3XL +2,000).
      const tailCount = extra.tailCount ?? 1;
      const firstPaid = Math.max(1, values.length - tailCount);
      extras = values.map((_, i) => (i >= firstPaid ? (i - firstPaid + 1) * step : 0));
    }
  }
  return { spec, values, extras };
}

/** Every combination of the axes (조합형), in axis order, with SKUs `<productSku>-01`, `-02`, … */
export function expandVariants(rng: Rng, productSku: string, axes: readonly ChosenAxis[]): VariantRecord[] {
  let combos: { options: Record<string, string>; extra: number }[] = [{ options: {}, extra: 0 }];
  for (const axis of axes) {
    const next: typeof combos = [];
    for (const combo of combos) {
      axis.values.forEach((value, i) => {
        next.push({
          options: { ...combo.options, [axis.spec.name]: value },
          extra: combo.extra + (axis.extras[i] ?? 0),
        });
      });
    }
    combos = next;
  }
  return combos.map((combo, i) => ({
    sku: `${productSku}-${String(i + 1).padStart(2, '0')}`,
    options: combo.options,
    extraPriceKrw: combo.extra,
    stock: stock(rng),
  }));
}

function stock(rng: Rng): number {
  return rng.weighted<() => number>([
    [() => 0, 8],
    [() => rng.int(1, 20), 15],
    [() => rng.int(20, 300), 60],
    [() => rng.int(300, 999), 17],
  ])();
}

export function optionTable(axes: readonly ChosenAxis[]): ProductRecord['options'] {
  return axes.map((a) => ({ name: a.spec.name, values: [...a.values] }));
}
