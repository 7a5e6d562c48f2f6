import { runStockSync, type StockChange } from '../inventory/index.ts';
import type { PriceQuantityUpdate } from '../marketplaces/index.ts';
import type { ListingsDeps } from './listing-deps.ts';
import { recordEvents, recordSkuPushes, type SkuPush } from './listing-store.ts';
import { groupBy, listSites } from '../marketplaces/index.ts';
import { pricingSiteOf } from './listing-inputs.ts';

const SITE_IDS = listSites().map((s) => s.id);

/**
 * Price and stock sync: what each site should show, compared with what was last pushed there;
 * only the differences go out, 20 SKUs per call (the adapter batches), one SKU's stock to every
 * site it is listed on. Stock changes come from inventory's coalescing outbox (a burst of orders
 * on one SKU is one pending row); prices from site_prices. A failed push leaves the change
 * pending, so the next round sends it again.
 */
export interface SyncSummary {
  stockPushed: number;
  stockFailed: number;
  pricePushed: number;
  priceFailed: number;
  calls: number;
}

interface Target extends SkuPush {
  state: string;
  pushedQuantity: number | null;
}

/** Pushes one site's updates for one seller; returns the SellerSkus that went through. */
async function pushGroup(
  deps: ListingsDeps,
  site: string,
  sellerId: string,
  updates: PriceQuantityUpdate[],
  summary: SyncSummary,
  listingOf: Map<string, string>,
): Promise<Set<string>> {
  const adapter = await deps.adapterFor(site, sellerId);
  if (!adapter || updates.length === 0) return new Set();
  try {
    const outcome = await adapter.updatePriceQuantity(updates);
    summary.calls += outcome.calls;
    await recordEvents(
      deps.store,
      outcome.failed
        .map((f) => ({
          listingId: listingOf.get(f.key) ?? '',
          sellerId,
          kind: 'error' as const,
          code: f.code,
          message: `${f.key}: ${f.message}`,
        }))
        .filter((e) => e.listingId),
    );
    return new Set(outcome.succeeded);
  } catch (e) {
    deps.logger?.warn({ site, err: (e as Error).message }, 'price/stock push failed');
    return new Set();
  }
}

/**
 * Pushes rows grouped by site and seller, the groups at once (the client's limiter paces each
 * site), records what went through, and returns the rows pushed and the rows that failed.
 */
async function pushAll<R extends Target>(
  deps: ListingsDeps,
  rows: readonly R[],
  update: (r: R) => PriceQuantityUpdate,
  record: (r: R) => SkuPush,
  summary: SyncSummary,
): Promise<{ pushed: R[]; failed: R[] }> {
  const groups = [...groupBy(rows, (r) => `${r.site}\n${r.sellerId}`).values()];
  const outcomes = await Promise.all(
    groups.map(async (group) => {
      const { site, sellerId } = group[0]!;
      const listingOf = new Map(group.map((r) => [r.sellerSku, r.listingId]));
      const ok = await pushGroup(deps, site, sellerId, group.map(update), summary, listingOf);
      return group.map((r) => ({ r, ok: ok.has(r.sellerSku) }));
    }),
  );
  const all = outcomes.flat();
  const pushed = all.filter((x) => x.ok).map((x) => x.r);
  await recordSkuPushes(deps.store, pushed.map(record));
  return { pushed, failed: all.filter((x) => !x.ok).map((x) => x.r) };
}

const skuRef = (t: Target) => ({
  sellerSku: t.sellerSku,
  itemId: t.itemId ?? undefined,
  skuId: t.skuId ?? undefined,
});

/** The stock outbox consumer: each changed SKU's quantity to every site it is listed on. */
async function pushStock(deps: ListingsDeps, changes: readonly StockChange[], summary: SyncSummary) {
  const targets = await deps.store.query<Target>(
    `SELECT k.variant_id AS "variantId", k.site, k.listing_id AS "listingId", k.seller_id AS "sellerId",
            k.seller_sku AS "sellerSku", k.item_id AS "itemId", k.sku_id AS "skuId", l.state,
            k.pushed_quantity AS "pushedQuantity"
     FROM listing_skus k JOIN listings l ON l.id = k.listing_id
     WHERE k.variant_id = ANY($1::text[]) AND l.state IN ('pending_qc', 'live', 'paused', 'rejected')`,
    [changes.map((c) => c.variantId)],
  );
  const byVariant = new Map(changes.map((c) => [c.variantId, c]));
  const due = targets
    .map((t) => ({
      ...t,
      quantity: t.state === 'paused' ? 0 : (byVariant.get(t.variantId)?.bySite[t.site] ?? 0),
    }))
    .filter((t) => t.quantity !== t.pushedQuantity);
  const { pushed, failed } = await pushAll(
    deps,
    due,
    (t) => ({ ...skuRef(t), quantity: t.quantity }),
    (t) => t,
    summary,
  );
  summary.stockPushed += pushed.length;
  summary.stockFailed += failed.length;
  const failedVariants = new Set(failed.map((t) => t.variantId));
  return changes.map((c) => ({ variantId: c.variantId, ok: !failedVariants.has(c.variantId) }));
}

/** Prices that differ from the last pushed ones. */
async function pushPrices(deps: ListingsDeps, summary: SyncSummary, limit: number) {
  const rows = await deps.store.query<Target & { currency: string; priceMinor: number }>(
    `SELECT k.variant_id AS "variantId", k.site, k.listing_id AS "listingId", k.seller_id AS "sellerId",
            k.seller_sku AS "sellerSku", k.item_id AS "itemId", k.sku_id AS "skuId", l.state,
            sp.currency, sp.price_minor::float8 AS "priceMinor"
     FROM listing_skus k JOIN listings l ON l.id = k.listing_id
     JOIN unnest($2::text[], $3::text[]) AS m(site, pricing_site) ON m.site = k.site
     JOIN site_prices sp ON sp.variant_id = k.variant_id AND sp.site = m.pricing_site AND sp.status = 'ok'
     WHERE l.state IN ('pending_qc', 'live', 'paused', 'rejected')
       AND (k.pushed_price_minor IS DISTINCT FROM sp.price_minor OR k.pushed_currency IS DISTINCT FROM sp.currency)
     ORDER BY sp.updated_at LIMIT $1`,
    [limit, SITE_IDS, SITE_IDS.map(pricingSiteOf)],
  );
  const { pushed, failed } = await pushAll(
    deps,
    rows,
    (t) => ({ ...skuRef(t), price: { currency: t.currency, minor: t.priceMinor } }),
    (t) => ({ ...t, priceMinor: t.priceMinor }),
    summary,
  );
  summary.pricePushed += pushed.length;
  summary.priceFailed += failed.length;
}

/** One round of the sync: pending stock changes, then changed prices. */
export async function syncOnce(deps: ListingsDeps, options: { limit?: number } = {}): Promise<SyncSummary> {
  const summary: SyncSummary = { stockPushed: 0, stockFailed: 0, pricePushed: 0, priceFailed: 0, calls: 0 };
  await runStockSync(
    deps.store,
    { push: (changes) => pushStock(deps, changes, summary) },
    {
      limit: options.limit ?? 2000,
      sitesFor: (sellerId) => deps.sellerSites(sellerId),
    },
  );
  await pushPrices(deps, summary, options.limit ?? 2000);
  return summary;
}
