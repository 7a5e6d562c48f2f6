/** Shared pieces of the non-food goods templates (home, baby). */
import type { Rng } from './prng.ts';

export const MOSTLY_KOREA: readonly (readonly [string, number])[] = [
  ['대한민국', 3],
  ['중국', 2],
];

export function goodsAttributes(
  materials: readonly string[],
  extra: (rng: Rng) => Record<string, string> = () => ({}),
) {
  return (rng: Rng, origin: string): Record<string, string> => ({
    소재: rng.pick(materials),
    제조국: origin,
    ...extra(rng),
  });
}
