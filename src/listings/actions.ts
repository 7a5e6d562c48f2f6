import type { MarketplaceAdapter } from '../marketplaces/index.ts';
import { AppError, type Scope } from '../shared/index.ts';
import { transition, type ListingState } from './lifecycle.ts';
import type { ListingsDeps } from './listing-deps.ts';
import { loadProduct } from './publish.ts';
import { quantitiesFor } from './listing-inputs.ts';
import { moveListing, recordSkuPushes } from './listing-store.ts';
import { getListing, type ListingDetail } from './queries.ts';

/**
 * Operator and seller actions on a listing. Pause takes the stock to zero on the site (the
 * listing stays, unbuyable) and resume puts the current quantity back. Delist removes the product
 * from the site (Lazada `/product/remove`, AliExpress offline) and is final for the listing
 * record. A move the table does not allow is refused (conflict) before anything is sent.
 */
export type ListingAction = 'pause' | 'resume' | 'delist';

const TARGET: Record<ListingAction, ListingState> = { pause: 'paused', resume: 'live', delist: 'delisted' };

export async function actOnListing(deps: ListingsDeps, scope: Scope, id: string, action: ListingAction) {
  const listing = await getListing(deps.store, scope, id);
  const to = TARGET[action];
  const refuse = () =>
    new AppError('conflict', `a ${listing.state} listing cannot be ${action}d`, {
      details: { listing: id, state: listing.state },
    });
  if (listing.state !== to && !transition(listing.state, to).ok) throw refuse();
  const adapter = await deps.adapterFor(listing.site, listing.sellerId);
  if (action === 'delist') {
    // Removed on the site first: a listing recorded delisted is never synced or reconciled again,
    // so it must not stay buyable there. A refusal leaves the record as it was, to try again.
    const removed = adapter ? await removeFromSite(adapter, listing) : 0;
    const from = await moveListing(
      deps.store,
      listing,
      to,
      {},
      { message: `delist requested; ${removed} SKUs removed` },
    );
    if (!from) throw refuse();
    return getListing(deps.store, scope, id);
  }
  if (!(await moveListing(deps.store, listing, to, {}, { message: `${action} requested` }))) throw refuse();
  if (adapter) await pushQuantities(deps, adapter, listing, action === 'resume');
  return getListing(deps.store, scope, id);
}

async function removeFromSite(adapter: MarketplaceAdapter, listing: ListingDetail): Promise<number> {
  const listed = listing.skus.filter((s) => s.itemId);
  if (listed.length === 0) return 0;
  const outcome = await adapter.removeProducts(
    listed.map((s) => ({ sellerSku: s.sellerSku, itemId: s.itemId ?? undefined })),
  );
  if (outcome.failed.length > 0) {
    const [first] = outcome.failed;
    throw new AppError(
      'upstream',
      `${listing.site} refused to remove ${outcome.failed.length} of ${listed.length} SKUs (${first!.key}: ${first!.code} ${first!.message}); the listing is unchanged, delist again to retry`,
      { details: { listing: listing.id, failed: outcome.failed } },
    );
  }
  return listed.length;
}

/** Pause sends 0 for every listed SKU; resume sends what the allocation policy gives the site. */
async function pushQuantities(
  deps: ListingsDeps,
  adapter: MarketplaceAdapter,
  listing: ListingDetail,
  restore: boolean,
): Promise<void> {
  const listed = listing.skus.filter((s) => s.itemId);
  if (listed.length === 0) return;
  const quantities = restore
    ? await quantitiesFor(
        deps.store,
        await loadProduct(deps, listing.productId),
        listing.site,
        await deps.sellerSites(listing.sellerId),
      )
    : new Map<string, number>();
  const outcome = await adapter.updatePriceQuantity(
    listed.map((s) => ({
      sellerSku: s.sellerSku,
      itemId: s.itemId ?? undefined,
      skuId: s.skuId ?? undefined,
      quantity: quantities.get(s.variantId) ?? 0,
    })),
  );
  const ok = new Set(outcome.succeeded);
  await recordSkuPushes(
    deps.store,
    listed
      .filter((s) => ok.has(s.sellerSku))
      .map((s) => ({
        variantId: s.variantId,
        site: listing.site,
        listingId: listing.id,
        sellerId: listing.sellerId,
        sellerSku: s.sellerSku,
        quantity: quantities.get(s.variantId) ?? 0,
      })),
  );
}
