import { AppError, type Scope } from '../shared/index.ts';
import type { ListingState } from './lifecycle.ts';
import type { ListingsDeps } from './listing-deps.ts';
import { loadProduct } from './publish.ts';
import { quantitiesFor } from './listing-inputs.ts';
import { moveListing, recordSkuPushes } from './listing-store.ts';
import { getListing } from './queries.ts';

/**
 * Operator and seller actions on a listing. Pause and delist take the stock to zero on the site
 * (the listing stays, unbuyable); resume puts the current quantity back. Delisting is final for
 * the listing record. The move is refused (conflict) when the table does not allow it.
 */
export type ListingAction = 'pause' | 'resume' | 'delist';

const TARGET: Record<ListingAction, ListingState> = { pause: 'paused', resume: 'live', delist: 'delisted' };

export async function actOnListing(deps: ListingsDeps, scope: Scope, id: string, action: ListingAction) {
  const listing = await getListing(deps.store, scope, id);
  const to = TARGET[action];
  const from = await moveListing(deps.store, listing, to, {}, { message: `${action} requested` });
  if (!from)
    throw new AppError('conflict', `a ${listing.state} listing cannot be ${action}d`, {
      details: { listing: id, state: listing.state },
    });
  const adapter = await deps.adapterFor(listing.site, listing.sellerId);
  const listed = listing.skus.filter((s) => s.itemId);
  if (adapter && listed.length > 0) {
    let quantities = new Map<string, number>();
    if (action === 'resume') {
      const product = await loadProduct(deps, listing.productId);
      quantities = await quantitiesFor(
        deps.store,
        product,
        listing.site,
        await deps.sellerSites(listing.sellerId),
      );
    }
    const updates = listed.map((s) => ({
      sellerSku: s.sellerSku,
      itemId: s.itemId ?? undefined,
      skuId: s.skuId ?? undefined,
      quantity: quantities.get(s.variantId) ?? 0,
    }));
    const outcome = await adapter.updatePriceQuantity(updates);
    const ok = new Set(outcome.succeeded);
    await recordSkuPushes(
      deps.store,
      listed
        .filter((s) => ok.has(s.sellerSku))
        .map((s) => ({
          variantId: s.variantId,
          site: listing.site,
          listingId: id,
          sellerId: listing.sellerId,
          sellerSku: s.sellerSku,
          quantity: quantities.get(s.variantId) ?? 0,
        })),
    );
  }
  return getListing(deps.store, scope, id);
}
