import type { Store } from '../db/index.ts';
import { scopedSellerId, type Scope } from '../shared/index.ts';

/**
 * A product's sync log across its sites: the listing events (transitions, pushes, platform errors,
 * QC answers, repairs) of every listing of the product, newest first.
 */
export interface ProductSyncEntry {
  at: Date;
  site: string;
  listingId: string;
  kind: string;
  fromState: string | null;
  toState: string | null;
  /** `failed` for platform errors (with their code) and moves into error or rejected; `ok` otherwise. */
  outcome: 'ok' | 'failed';
  code: string | null;
  message: string | null;
}

export async function productSyncLog(
  store: Pick<Store, 'query'>,
  scope: Scope,
  productId: string,
  limit = 100,
): Promise<ProductSyncEntry[]> {
  const rows = await store.query<Omit<ProductSyncEntry, 'outcome'>>(
    `SELECT e.at, l.site, l.id AS "listingId", e.kind, e.from_state AS "fromState", e.to_state AS "toState",
       e.code, e.message
     FROM listings l JOIN listing_events e ON e.listing_id = l.id
     WHERE l.product_id = $1 AND ($2::text IS NULL OR l.seller_id = $2)
     ORDER BY e.at DESC, e.id DESC LIMIT $3`,
    [productId, scopedSellerId(scope) ?? null, limit],
  );
  return rows.map((r) => ({
    ...r,
    // A platform error is recorded with its code (a publish that will be retried moves to ready).
    outcome:
      r.kind === 'error' || r.code !== null || r.toState === 'error' || r.toState === 'rejected'
        ? 'failed'
        : 'ok',
  }));
}

export interface ProductListingSku {
  listingId: string;
  site: string;
  variantId: string;
  sellerSku: string;
  itemId: string | null;
  pushedPrice: { currency: string; minor: number } | null;
  pushedQuantity: number | null;
  pushedAt: Date | null;
}

/** What was last pushed for each SKU of the product, on every site. */
export async function productListingSkus(
  store: Pick<Store, 'query'>,
  scope: Scope,
  productId: string,
): Promise<ProductListingSku[]> {
  const rows = await store.query<{
    listing_id: string;
    site: string;
    variant_id: string;
    seller_sku: string;
    item_id: string | null;
    pushed_currency: string | null;
    pushed_price_minor: number | string | null;
    pushed_quantity: number | null;
    pushed_at: Date | null;
  }>(
    `SELECT k.listing_id, k.site, k.variant_id, k.seller_sku, k.item_id, k.pushed_currency, k.pushed_price_minor,
       k.pushed_quantity, k.pushed_at
     FROM listings l JOIN listing_skus k ON k.listing_id = l.id
     WHERE l.product_id = $1 AND ($2::text IS NULL OR l.seller_id = $2) ORDER BY k.site, k.seller_sku`,
    [productId, scopedSellerId(scope) ?? null],
  );
  return rows.map((r) => ({
    listingId: r.listing_id,
    site: r.site,
    variantId: r.variant_id,
    sellerSku: r.seller_sku,
    itemId: r.item_id,
    pushedPrice:
      r.pushed_currency && r.pushed_price_minor !== null
        ? { currency: r.pushed_currency, minor: Number(r.pushed_price_minor) }
        : null,
    pushedQuantity: r.pushed_quantity,
    pushedAt: r.pushed_at,
  }));
}
