import { groupBy, type MarketplaceAdapter } from '../marketplaces/index.ts';

const IMAGE_WINDOW = 100;
import type { ListingsDeps } from './listing-deps.ts';
import { moveListing } from './listing-store.ts';
import { loadProduct, publishProduct, type PublishOutcome } from './publish.ts';

/**
 * A publish run on one site: every product of the sellers with an account there that has no
 * listing yet, is ready, or changed since its last build, sent by a few workers at once. The
 * client's rate limiter paces the calls, so more workers than the rate needs only wait.
 */
export interface PublishRunOptions {
  sellerId?: string | undefined;
  limit?: number | undefined;
  /** Rebuild every draft, rejected and failed listing, not only those whose product changed. */
  rebuild?: boolean | undefined;
  /** Products sent at once (default 4). */
  concurrency?: number | undefined;
  /** How many products the run will look at (for a progress bar). */
  onPlanned?: ((count: number) => void) | undefined;
  onOutcome?: ((o: PublishOutcome) => void) | undefined;
  /** Stops taking new products (those in flight finish; the next run picks up the rest). */
  signal?: AbortSignal | undefined;
}

export interface PublishSummary {
  site: string;
  considered: number;
  created: number;
  updated: number;
  blocked: number;
  failed: number;
  retry: number;
  unchanged: number;
  skipped: number;
  recovered: number;
  /** The most frequent reasons, for the summary line. */
  topErrors: { code: string; count: number }[];
}

/** Products this run should look at, oldest first. */
type Candidate = { id: string; seller_id: string; images: string[] };

async function candidates(deps: ListingsDeps, site: string, o: PublishRunOptions): Promise<Candidate[]> {
  return deps.store.query<Candidate>(
    `SELECT p.id, p.seller_id, p.images FROM products p
     JOIN order_channels c ON c.seller_id = p.seller_id AND c.site = $1 AND c.status = 'active'
     LEFT JOIN listings l ON l.product_id = p.id AND l.site = $1
     WHERE p.status = 'active' AND ($2::text IS NULL OR p.seller_id = $2)
       AND (l.id IS NULL OR l.state = 'ready'
            OR (l.state IN ('draft', 'rejected', 'error') AND ($3 OR p.updated_at > l.updated_at
                OR l.updated_at < (SELECT max(m.confirmed_at) FROM category_mappings m
                                   WHERE m.site_id = $1 AND (m.seller_id IS NULL OR m.seller_id = p.seller_id))))
            OR (l.state = 'live' AND p.updated_at > l.updated_at))
     ORDER BY p.id LIMIT $4`,
    [site, o.sellerId ?? null, !!o.rebuild, o.limit ?? 1_000_000],
  );
}

/**
 * Listings left in `publishing` by a process that stopped mid-call: read back by SellerSku; found
 * means the create went through (pending QC), absent means it did not (ready to send again).
 */
export async function recoverPublishing(
  deps: ListingsDeps,
  site: string,
  olderThanMs = 60_000,
): Promise<number> {
  const stuck = await deps.store.query<{ id: string; seller_id: string; skus: string[] }>(
    `SELECT l.id, l.seller_id, array_agg(v.seller_sku) AS skus FROM listings l
     JOIN variants v ON v.product_id = l.product_id AND v.active
     WHERE l.site = $1 AND l.state = 'publishing' AND l.updated_at < $2
     GROUP BY l.id, l.seller_id`,
    [site, new Date(deps.clock.now().getTime() - olderThanMs)],
  );
  let n = 0;
  for (const row of stuck) {
    const adapter = await deps.adapterFor(site, row.seller_id);
    if (!adapter) continue;
    const page = await adapter.getProducts({ sellerSkus: row.skus.slice(0, 100) });
    const found = page.products[0];
    const listing = { id: row.id, sellerId: row.seller_id };
    if (found)
      await moveListing(
        deps.store,
        listing,
        'pending_qc',
        { itemId: found.itemId },
        { message: 'found by SellerSku after an interrupted publish' },
      );
    else
      await moveListing(
        deps.store,
        listing,
        'ready',
        {},
        { message: 'not on the platform after an interrupted publish' },
      );
    n++;
  }
  return n;
}

export async function publishSite(
  deps: ListingsDeps,
  site: string,
  o: PublishRunOptions = {},
): Promise<PublishSummary> {
  const summary: PublishSummary = {
    site,
    considered: 0,
    created: 0,
    updated: 0,
    blocked: 0,
    failed: 0,
    retry: 0,
    unchanged: 0,
    skipped: 0,
    recovered: await recoverPublishing(deps, site),
    topErrors: [],
  };
  const list = await candidates(deps, site, o);
  summary.considered = list.length;
  o.onPlanned?.(list.length);
  const adapters = new Map<string, Promise<MarketplaceAdapter | undefined>>();
  const adapterOf = (sellerId: string) => {
    let a = adapters.get(sellerId);
    if (!a) adapters.set(sellerId, (a = deps.adapterFor(site, sellerId)));
    return a;
  };
  // Image migration waits on the platform (about half a second a batch): the images of the next
  // window of products are hosted, many batches at once, while the current window is sent.
  const windows = new Map<number, Promise<void>>();
  const hostWindow = (w: number): Promise<void> => {
    let ready = windows.get(w);
    if (!ready) {
      const rows = list.slice(w * IMAGE_WINDOW, (w + 1) * IMAGE_WINDOW);
      ready = (async () => {
        for (const [seller, group] of groupBy(rows, (r) => r.seller_id)) {
          const adapter = await adapterOf(seller);
          if (adapter)
            await deps.catalogs.listingImages(
              adapter,
              seller,
              group.flatMap((r) => r.images),
            );
        }
      })().catch((e: unknown) => {
        // Each product hosts its own images again when it is built; the error shows there.
        deps.logger?.warn({ site, err: (e as Error).message }, 'image prefetch failed');
      });
      windows.set(w, ready);
    }
    return ready;
  };
  const errors = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < list.length && !o.signal?.aborted) {
      const index = next++;
      const row = list[index]!;
      const w = Math.floor(index / IMAGE_WINDOW);
      void hostWindow(w + 1);
      await hostWindow(w);
      const adapter = await adapterOf(row.seller_id);
      if (!adapter) continue;
      const outcome = await publishProduct(deps, adapter, await loadProduct(deps, row.id));
      summary[outcome.action] += 1;
      if (outcome.code) errors.set(outcome.code, (errors.get(outcome.code) ?? 0) + 1);
      o.onOutcome?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  summary.topErrors = [...errors]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([code, count]) => ({ code, count }));
  return summary;
}
