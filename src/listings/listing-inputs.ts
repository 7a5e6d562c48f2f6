import type { Store } from '../db/index.ts';
import { availableBySite, loadPolicies, policyFor } from '../inventory/index.ts';
import {
  priceableItem,
  quote,
  saveSitePrices,
  type PriceChange,
  type PricingContext,
} from '../pricing/index.ts';
import type { ProductWithVariants } from '../catalog/index.ts';
import type { Money } from '../shared/index.ts';

/**
 * The prices and quantities a build needs. Prices come from site_prices (what the last requote
 * left); a variant never quoted for the site is quoted now and saved there, so the sync and the
 * next requote start from the same figure.
 */

/**
 * AliExpress's one global store sells in US dollars; pricing models it as its US site. site_prices
 * rows are keyed by the pricing site, since the FX requote writes them from pricing's site list.
 */
export function pricingSiteOf(site: string): string {
  return site === 'aliexpress-global' ? 'aliexpress-us' : site;
}

/** What pricing needs of one variant of a product: its price in won, weight, box and category. */
export function priceableVariant(product: ProductWithVariants, v: ProductWithVariants['variants'][number]) {
  return priceableItem({
    variantId: v.id,
    sellerId: product.sellerId,
    priceKrw: product.priceKrw + v.priceDeltaKrw,
    weightG: product.weightG,
    dimsMm:
      product.lengthMm && product.widthMm && product.heightMm
        ? { lengthMm: product.lengthMm, widthMm: product.widthMm, heightMm: product.heightMm }
        : null,
    categoryPath: product.sourceCategoryPath,
  });
}

export type PriceOrFailure = Money | { failure: string };

export async function pricesFor(
  store: Store,
  pricing: PricingContext,
  site: string,
  product: ProductWithVariants,
): Promise<Map<string, PriceOrFailure>> {
  const out = new Map<string, PriceOrFailure>();
  const ids = product.variants.map((v) => v.id);
  const rows = await store.query<{
    variant_id: string;
    status: string;
    currency: string | null;
    price_minor: number | null;
    failure: { message?: string } | null;
  }>(
    `SELECT variant_id, status, currency, price_minor, failure FROM site_prices WHERE site = $1 AND variant_id = ANY($2::text[])`,
    [pricingSiteOf(site), ids],
  );
  for (const r of rows) {
    out.set(
      r.variant_id,
      r.status === 'ok' && r.currency && r.price_minor !== null
        ? { currency: r.currency, minor: Number(r.price_minor) }
        : { failure: r.failure?.message ?? 'rejected by pricing' },
    );
  }
  const fresh: PriceChange[] = [];
  for (const v of product.variants) {
    if (out.has(v.id)) continue;
    const result = quote(pricing, pricingSiteOf(site), priceableVariant(product, v));
    out.set(v.id, result.ok ? result.value.price : { failure: result.error.message });
    fresh.push({
      variantId: v.id,
      sellerId: product.sellerId,
      site: pricingSiteOf(site),
      reasons: [],
      before: null,
      after: result.ok ? result.value.price : null,
      changePct: null,
      ...(result.ok ? {} : { failure: result.error }),
      fxSnapshotId: pricing.fx.id,
      dataVersion: pricing.data.version,
    });
  }
  if (fresh.length) await saveSitePrices(store, fresh);
  return out;
}

/**
 * What each variant may offer on the site: free stock under the seller's allocation policy when
 * stock is tracked (stock_items), else the catalog's figure.
 */
export async function quantitiesFor(
  store: Pick<Store, 'query'>,
  product: ProductWithVariants,
  site: string,
  sellerSites: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const rows = await store.query<{ variant_id: string; on_hand: number; reserved: number }>(
    `SELECT variant_id, on_hand, reserved FROM stock_items WHERE variant_id = ANY($1::text[])`,
    [product.variants.map((v) => v.id)],
  );
  const policies = rows.length ? await loadPolicies(store, [product.sellerId]) : new Map();
  const sites = sellerSites.includes(site) ? sellerSites : [...sellerSites, site];
  for (const r of rows) {
    const bySite = availableBySite(
      { onHand: r.on_hand, reserved: r.reserved },
      policyFor(policies, product.sellerId, r.variant_id),
      sites,
    );
    out.set(r.variant_id, bySite[site] ?? 0);
  }
  for (const v of product.variants) if (!out.has(v.id)) out.set(v.id, Math.max(0, v.stock));
  return out;
}
