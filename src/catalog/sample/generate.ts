/**
 * The sample catalog: N sellers and M products, generated lazily so that 100,000 products stream to a
 * file without being held in memory. Deterministic: everything comes from the seed, product i from its
 * own stream (seed, seller, index).
 */
import type { ProductRecord, SellerRecord } from '../catalog-record.ts';
import { TEMPLATES } from './catalog-templates.ts';
import { createRng } from './prng.ts';
import { buildProduct } from './product.ts';
import type { SampleSeller } from './sellers.ts';
import { generateSellers } from './sellers.ts';

export interface SampleCatalogOptions {
  sellers: number;
  products: number;
  seed: string | number;
}

export interface SampleCatalog {
  sellers: SellerRecord[];
  /** How many products `products()` yields. */
  productCount: number;
  /** Products grouped by seller, in a fixed order; each call starts again from the first. */
  products(): Generator<ProductRecord>;
}

/**
 * Splits `total` products between sellers: every seller gets at least one (while there are enough), and
 * a few big sellers get up to ten times the share of small ones, as on real marketplaces.
 */
export function splitProducts(seed: string, sellers: number, total: number): number[] {
  if (total <= sellers) return Array.from({ length: sellers }, (_, i) => (i < total ? 1 : 0));
  const rest = total - sellers;
  const rng = createRng(seed, 2);
  // Plain arithmetic (no Math.exp/pow) keeps the split identical on every platform.
  const weights = Array.from({ length: sellers }, () => {
    const u = rng.next();
    return 1 + 9 * u * u * u;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (rest * w) / sum);
  const counts = shares.map((s) => 1 + Math.floor(s));
  // Largest remainders take the products left over by the floors.
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => [s - Math.floor(s), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

function* productsOf(
  seed: string,
  seller: SampleSeller,
  sellerIndex: number,
  count: number,
): Generator<ProductRecord> {
  for (let j = 0; j < count; j++) {
    const rng = createRng(seed, 1, sellerIndex, j);
    const category = rng.weighted(seller.mix);
    const template = rng.pick(TEMPLATES[category]);
    yield buildProduct(rng, template, seller, j + 1);
  }
}

/** Creates the sample catalog for `seed`; the same options always give the same records. */
export function createSampleCatalog(options: SampleCatalogOptions): SampleCatalog {
  const seed = String(options.seed);
  if (!Number.isInteger(options.sellers) || options.sellers < 1)
    throw new RangeError('sellers must be an integer ≥ 1');
  if (!Number.isInteger(options.products) || options.products < 0)
    throw new RangeError('products must be an integer ≥ 0');
  const sellers = generateSellers(seed, options.sellers);
  const counts = splitProducts(seed, options.sellers, options.products);
  return {
    sellers: sellers.map((s) => ({ ...s.record })),
    productCount: options.products,
    *products() {
      for (let i = 0; i < sellers.length; i++) {
        const seller = sellers[i];
        if (seller) yield* productsOf(seed, seller, i, counts[i] ?? 0);
      }
    },
  };
}
