import type { PriceableItem } from './types.ts';

/**
 * A seeded sample catalog of priceable items (for the benchmark, tests and `price simulate
 * --sample`). Same seed, same items: mulberry32 PRNG, K-export category mix.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Category mix and typical ranges: price KRW, weight g, box cm (min..max).
const PROFILES: readonly {
  category: string;
  share: number;
  krw: [number, number];
  g: [number, number];
  cm: [number, number];
}[] = [
  { category: 'beauty', share: 0.34, krw: [6000, 60000], g: [40, 600], cm: [4, 20] },
  { category: 'fashion', share: 0.18, krw: [12000, 150000], g: [120, 1200], cm: [15, 40] },
  { category: 'food', share: 0.1, krw: [3000, 40000], g: [100, 2500], cm: [8, 30] },
  { category: 'footwear', share: 0.05, krw: [30000, 180000], g: [400, 1500], cm: [20, 35] },
  { category: 'bags', share: 0.05, krw: [20000, 250000], g: [200, 1500], cm: [15, 45] },
  { category: 'accessories', share: 0.07, krw: [3000, 50000], g: [10, 200], cm: [3, 15] },
  { category: 'media', share: 0.06, krw: [15000, 45000], g: [200, 700], cm: [14, 30] },
  { category: 'home', share: 0.06, krw: [8000, 120000], g: [100, 4000], cm: [10, 50] },
  { category: 'electronics', share: 0.04, krw: [15000, 300000], g: [50, 1500], cm: [5, 30] },
  { category: 'toys', share: 0.05, krw: [5000, 60000], g: [50, 1000], cm: [8, 35] },
];

/** `count` items with ids `var_sample_<n>`; prices end in 100 won like Korean list prices. */
export function sampleItems(count: number, seed = 42): PriceableItem[] {
  const rnd = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const logBetween = (lo: number, hi: number) => Math.exp(between(Math.log(lo), Math.log(hi)));
  const items: PriceableItem[] = [];
  for (let i = 0; i < count; i++) {
    let pick = rnd();
    const profile = PROFILES.find((p) => (pick -= p.share) < 0) ?? PROFILES[0]!;
    const priceKrw = Math.round(logBetween(...profile.krw) / 100) * 100;
    const mm = () => Math.round(between(...profile.cm) * 10);
    items.push({
      variantId: `var_sample_${i}`,
      sellerId: `sel_sample_${i % 25}`,
      priceKrw,
      costKrw: Math.round((priceKrw * between(0.35, 0.7)) / 10) * 10,
      weightG: Math.round(logBetween(...profile.g)),
      ...(rnd() < 0.85 ? { dims: { lengthMm: mm(), widthMm: mm(), heightMm: mm() } } : {}),
      category: profile.category,
    });
  }
  return items;
}
