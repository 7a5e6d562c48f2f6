import type { Store } from '../db/index.ts';
import { scopedSellerId, type Scope } from '../shared/index.ts';
import { LISTING_STATES, type ListingState } from './lifecycle.ts';

/**
 * The catalog grid: products with their listing state on every site that concerns them (the
 * seller's active accounts, and any site the product was ever listed on). Two queries per page,
 * whatever its size: the products (filters in SQL), then every cell of those products.
 *
 * A draft held back by preflight shows why in its state: `needs-translation` when the title has
 * no translation (the builder's `missing name` line), `preflight-failed` for any other blocking
 * issue; `not-listed` is a site with an account but no listing yet.
 */
export const DERIVED_STATES = ['needs-translation', 'preflight-failed', 'not-listed'] as const;
export const GRID_STATES = [...LISTING_STATES, ...DERIVED_STATES] as const;
export type GridState = ListingState | (typeof DERIVED_STATES)[number];

export interface GridCell {
  site: string;
  state: GridState;
  /** The platform's rejection reason, the last error, or the first blocking issue's message. */
  reason: string | null;
  listingId: string | null;
}

export interface GridRow {
  productId: string;
  sellerId: string;
  sellerSku: string;
  title: string;
  brand: string | null;
  imageUrl: string | null;
  variantCount: number;
  status: string;
  sites: GridCell[];
}

export interface GridFilter {
  q?: string | undefined;
  site?: string | undefined;
  state?: GridState | undefined;
  sellerId?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}

/** The sites of product `p`, each with its listing `l` (or none): used by the filter and the cells. */
const CELLS = `(SELECT c.site FROM order_channels c WHERE c.seller_id = p.seller_id AND c.status = 'active'
    UNION SELECT x.site FROM listings x WHERE x.product_id = p.id) s
  LEFT JOIN listings l ON l.product_id = p.id AND l.site = s.site`;

/** One SQL expression for the state a cell shows (filter and display agree by construction). */
const CELL_STATE = `CASE
    WHEN l.id IS NULL THEN 'not-listed'
    WHEN l.state = 'draft' AND EXISTS (SELECT 1 FROM jsonb_array_elements(l.issues) i
      WHERE i->>'severity' = 'error' AND i->>'rule' = 'missing' AND i->>'field' = 'name') THEN 'needs-translation'
    WHEN l.state = 'draft' AND EXISTS (SELECT 1 FROM jsonb_array_elements(l.issues) i
      WHERE i->>'severity' = 'error') THEN 'preflight-failed'
    ELSE l.state END`;

const CELL_REASON = `CASE
    WHEN l.state = 'rejected' THEN l.qc_reason
    WHEN l.state IN ('error', 'ready', 'publishing') AND l.last_error_code IS NOT NULL
      THEN l.last_error_code || ': ' || coalesce(l.last_error_message, '')
    ELSE (SELECT i->>'message' FROM jsonb_array_elements(l.issues) WITH ORDINALITY AS t(i, n)
          WHERE i->>'severity' = 'error' ORDER BY n LIMIT 1) END`;

/** `%q%` for ILIKE, with the pattern characters of q taken literally. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of the grid, keyset-paged by product id. A seller sees its own products only. */
export async function catalogGrid(
  store: Pick<Store, 'query'>,
  scope: Scope,
  filter: GridFilter = {},
): Promise<{ items: GridRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const q = filter.q?.trim() ? containsPattern(filter.q.trim()) : null;
  const products = await store.query<{
    id: string;
    seller_id: string;
    seller_sku: string;
    title_ko: string;
    brand: string | null;
    image: string | null;
    variants: number;
    status: string;
  }>(
    `SELECT p.id, p.seller_id, p.seller_sku, p.title_ko, p.brand, p.images->>0 AS image, p.status,
       (SELECT count(*) FROM variants v WHERE v.product_id = p.id AND v.active)::int AS variants
     FROM products p
     WHERE ($1::text IS NULL OR p.seller_id = $1) AND ($2::text IS NULL OR p.seller_id = $2) AND p.id > $3
       AND ($4::text IS NULL OR p.title_ko ILIKE $4 OR p.seller_sku ILIKE $4
            OR EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.seller_sku ILIKE $4))
       AND ($5::text IS NULL AND $6::text IS NULL
            OR EXISTS (SELECT 1 FROM ${CELLS} WHERE ($5::text IS NULL OR s.site = $5)
                         AND ($6::text IS NULL OR ${CELL_STATE} = $6)))
     ORDER BY p.id LIMIT $7`,
    [
      scopedSellerId(scope) ?? null,
      filter.sellerId ?? null,
      filter.after ?? '',
      q,
      filter.site ?? null,
      filter.state ?? null,
      limit + 1,
    ],
  );
  const more = products.length > limit;
  if (more) products.pop();
  const byProduct = await gridCells(
    store,
    products.map((p) => p.id),
    filter.site,
  );
  return {
    items: products.map((p) => ({
      productId: p.id,
      sellerId: p.seller_id,
      sellerSku: p.seller_sku,
      title: p.title_ko,
      brand: p.brand,
      imageUrl: p.image,
      variantCount: p.variants,
      status: p.status,
      sites: byProduct.get(p.id) ?? [],
    })),
    nextCursor: more ? products[products.length - 1]!.id : null,
  };
}

/** The cells of some products (in scope already), per product id, sites in order. */
export async function gridCells(
  store: Pick<Store, 'query'>,
  productIds: readonly string[],
  site?: string,
): Promise<Map<string, GridCell[]>> {
  const byProduct = new Map<string, GridCell[]>();
  if (productIds.length === 0) return byProduct;
  const cells = await store.query<{
    product_id: string;
    site: string;
    state: GridState;
    reason: string | null;
    id: string | null;
  }>(
    `SELECT p.id AS product_id, s.site, ${CELL_STATE} AS state, ${CELL_REASON} AS reason, l.id
     FROM products p CROSS JOIN LATERAL ${CELLS}
     WHERE p.id = ANY($1::text[]) AND ($2::text IS NULL OR s.site = $2)
     ORDER BY p.id, s.site`,
    [productIds, site ?? null],
  );
  for (const c of cells) {
    let list = byProduct.get(c.product_id);
    if (!list) byProduct.set(c.product_id, (list = []));
    list.push({ site: c.site, state: c.state, reason: c.reason, listingId: c.id });
  }
  return byProduct;
}
