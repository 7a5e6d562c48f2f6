import type { Store } from '../db/index.ts';
import { AppError, scopedSellerId, type Scope } from '../shared/index.ts';
import { LISTING_STATES } from './lifecycle.ts';
import { LISTING_COLUMNS, type ListingRow } from './listing-store.ts';

/** Read side of listings: counts per state, pages, one listing with its SKUs and sync log. Scoped. */
export interface StateCounts {
  site: string;
  total: number;
  states: Record<string, number>;
}

export interface StatusReport {
  sites: StateCounts[];
  /** The commonest platform error codes and preflight rules holding listings back. */
  topErrors: { reason: string; count: number }[];
}

function counts(site: string): StateCounts {
  return { site, total: 0, states: Object.fromEntries(LISTING_STATES.map((x) => [x, 0])) };
}

/** Listings per seller, site and state (a seller sees its own). */
export async function listingCounts(
  store: Pick<Store, 'query'>,
  scope: Scope,
  site?: string,
): Promise<(StateCounts & { sellerId: string })[]> {
  const rows = await store.query<{ seller_id: string; site: string; state: string; n: number }>(
    `SELECT seller_id, site, state, count(*)::int AS n FROM listings
     WHERE ($1::text IS NULL OR seller_id = $1) AND ($2::text IS NULL OR site = $2)
     GROUP BY seller_id, site, state ORDER BY seller_id, site`,
    [scopedSellerId(scope) ?? null, site ?? null],
  );
  const out = new Map<string, StateCounts & { sellerId: string }>();
  for (const r of rows) {
    const key = `${r.seller_id} ${r.site}`;
    let c = out.get(key);
    if (!c) out.set(key, (c = { sellerId: r.seller_id, ...counts(r.site) }));
    c.states[r.state] = r.n;
    c.total += r.n;
  }
  return [...out.values()];
}

/** Listings per site and state over every seller in scope, and the top reasons holding them back. */
export async function listingStatus(
  store: Pick<Store, 'query'>,
  scope: Scope,
  site?: string,
): Promise<StatusReport> {
  const seller = scopedSellerId(scope) ?? null;
  const sites = new Map<string, StateCounts>();
  for (const c of await listingCounts(store, scope, site)) {
    let s = sites.get(c.site);
    if (!s) sites.set(c.site, (s = counts(c.site)));
    for (const [state, n] of Object.entries(c.states)) s.states[state] = (s.states[state] ?? 0) + n;
    s.total += c.total;
  }
  const errors = await store.query<{ reason: string; n: number }>(
    // Counted in listings, not issue lines (a listing of 12 SKUs missing a colour counts once).
    `SELECT reason, count(DISTINCT id)::int AS n FROM (
       SELECT id, last_error_code || ': ' || coalesce(last_error_message, '') AS reason FROM listings
       WHERE last_error_code IS NOT NULL AND state IN ('error', 'ready')
         AND ($1::text IS NULL OR seller_id = $1) AND ($2::text IS NULL OR site = $2)
       UNION ALL
       SELECT id, (i->>'rule') || ' ' || (i->>'field') FROM listings, jsonb_array_elements(issues) i
       WHERE state = 'draft' AND i->>'severity' = 'error'
         AND ($1::text IS NULL OR seller_id = $1) AND ($2::text IS NULL OR site = $2)
       UNION ALL
       SELECT id, 'QC: ' || qc_reason FROM listings WHERE state = 'rejected' AND qc_reason IS NOT NULL
         AND ($1::text IS NULL OR seller_id = $1) AND ($2::text IS NULL OR site = $2)
     ) x GROUP BY reason ORDER BY n DESC, reason LIMIT 10`,
    [seller, site ?? null],
  );
  return { sites: [...sites.values()], topErrors: errors.map((e) => ({ reason: e.reason, count: e.n })) };
}

export interface ListingPage {
  items: ListingRow[];
  nextCursor: string | null;
}

export async function listListings(
  store: Pick<Store, 'query'>,
  scope: Scope,
  filter: {
    site?: string | undefined;
    state?: string | undefined;
    productId?: string | undefined;
    after?: string | undefined;
    limit?: number | undefined;
  } = {},
): Promise<ListingPage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const items = await store.query<ListingRow>(
    `SELECT ${LISTING_COLUMNS} FROM listings
     WHERE ($1::text IS NULL OR seller_id = $1) AND ($2::text IS NULL OR site = $2) AND ($3::text IS NULL OR state = $3)
       AND ($4::text IS NULL OR product_id = $4) AND id > $5
     ORDER BY id LIMIT $6`,
    [
      scopedSellerId(scope) ?? null,
      filter.site ?? null,
      filter.state ?? null,
      filter.productId ?? null,
      filter.after ?? '',
      limit + 1,
    ],
  );
  const more = items.length > limit;
  if (more) items.pop();
  return { items, nextCursor: more ? items[items.length - 1]!.id : null };
}

export interface ListingDetail extends ListingRow {
  skus: {
    variantId: string;
    sellerSku: string;
    itemId: string | null;
    skuId: string | null;
    pushedPrice: { currency: string; minor: number } | null;
    pushedQuantity: number | null;
    pushedAt: Date | null;
  }[];
  events: {
    at: Date;
    kind: string;
    fromState: string | null;
    toState: string | null;
    code: string | null;
    message: string | null;
  }[];
}

/** One listing in scope, with its SKUs' last pushed state and its sync log (newest 100, oldest first). */
export async function getListing(
  store: Pick<Store, 'query'>,
  scope: Scope,
  id: string,
): Promise<ListingDetail> {
  const [row] = await store.query<ListingRow>(
    `SELECT ${LISTING_COLUMNS} FROM listings WHERE id = $1 AND ($2::text IS NULL OR seller_id = $2)`,
    [id, scopedSellerId(scope) ?? null],
  );
  if (!row) throw new AppError('not_found', `listing ${id} not found`);
  const skus = await store.query<{
    variant_id: string;
    seller_sku: string;
    item_id: string | null;
    sku_id: string | null;
    pushed_currency: string | null;
    pushed_price_minor: number | null;
    pushed_quantity: number | null;
    pushed_at: Date | null;
  }>(
    `SELECT variant_id, seller_sku, item_id, sku_id, pushed_currency, pushed_price_minor, pushed_quantity, pushed_at
     FROM listing_skus WHERE listing_id = $1 ORDER BY seller_sku`,
    [id],
  );
  const events = await store.query<ListingDetail['events'][number]>(
    `SELECT at, kind, from_state AS "fromState", to_state AS "toState", code, message FROM (
       SELECT * FROM listing_events WHERE listing_id = $1 ORDER BY id DESC LIMIT 100) e ORDER BY id`,
    [id],
  );
  return {
    ...row,
    skus: skus.map((s) => ({
      variantId: s.variant_id,
      sellerSku: s.seller_sku,
      itemId: s.item_id,
      skuId: s.sku_id,
      pushedPrice:
        s.pushed_currency && s.pushed_price_minor !== null
          ? { currency: s.pushed_currency, minor: Number(s.pushed_price_minor) }
          : null,
      pushedQuantity: s.pushed_quantity,
      pushedAt: s.pushed_at,
    })),
    events,
  };
}
