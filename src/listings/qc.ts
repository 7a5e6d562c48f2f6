import type { ListingsDeps } from './listing-deps.ts';
import { moveListing } from './listing-store.ts';
import { groupBy } from '../marketplaces/index.ts';
import { readBySellerSku, remoteState } from './remote-status.ts';

/**
 * QC results by polling: listings waiting for QC are read back by SellerSku and moved to live or
 * rejected (with the platform's reason). Pushes (type 1) deliver the same news sooner; polling is
 * what makes a lost push harmless.
 */
export interface QcSummary {
  checked: number;
  live: number;
  rejected: number;
  pending: number;
}

export async function pollQc(deps: ListingsDeps, site: string, sellerId?: string): Promise<QcSummary> {
  const rows = await deps.store.query<{ id: string; seller_id: string; skus: string[] }>(
    `SELECT l.id, l.seller_id, array_agg(k.seller_sku) AS skus FROM listings l
     JOIN listing_skus k ON k.listing_id = l.id
     WHERE l.site = $1 AND l.state = 'pending_qc' AND ($2::text IS NULL OR l.seller_id = $2)
     GROUP BY l.id, l.seller_id ORDER BY l.id`,
    [site, sellerId ?? null],
  );
  const summary: QcSummary = { checked: rows.length, live: 0, rejected: 0, pending: 0 };
  const bySeller = groupBy(rows, (r) => r.seller_id);
  for (const [seller, listings] of bySeller) {
    const adapter = await deps.adapterFor(site, seller);
    if (!adapter) continue;
    const remote = await readBySellerSku(
      adapter,
      listings.flatMap((l) => l.skus),
    );
    for (const l of listings) {
      const states = l.skus.map((s) => remote.get(s)).map((p) => (p ? remoteState(p) : 'pending'));
      const listing = { id: l.id, sellerId: l.seller_id };
      if (states.includes('rejected')) {
        const reasons = l.skus.flatMap((s) => remote.get(s)?.rejectReasons ?? []);
        const reason = [...new Set(reasons)].join('; ') || 'rejected by QC';
        await moveListing(
          deps.store,
          listing,
          'rejected',
          { qcReason: reason, lastSyncAt: deps.clock.now() },
          { code: 'QC_REJECTED', message: reason },
        );
        summary.rejected++;
      } else if (states.every((s) => s === 'live')) {
        await moveListing(
          deps.store,
          listing,
          'live',
          { qcReason: null, lastSyncAt: deps.clock.now() },
          { message: 'QC approved' },
        );
        summary.live++;
      } else summary.pending++;
    }
  }
  return summary;
}
