import { getProduct, type ProductWithVariants } from '../../catalog/index.ts';
import {
  gridCells,
  listingsDeps,
  listListings,
  priceableVariant,
  pricingSiteOf,
  productListingSkus,
  productSyncLog,
  type GridCell,
  type ListingRow,
  type ProductListingSku,
} from '../../listings/index.ts';
import type { LocalizedListing } from '../../localization/index.ts';
import type { App } from '../../main/app.ts';
import { quote, type PricingContext } from '../../pricing/index.ts';
import type { Scope } from '../../shared/index.ts';

/**
 * The product page: the Korean source and, per site, what the listing uses there (the localized
 * content the builder reads, the price waterfall, the listing's state and issues, what was
 * pushed), and the sync log across sites. Put together from the capabilities' own read paths:
 * the localization is the listings engine's (cached per product and platform), the quote is
 * pricing's pure function on the current FX snapshot.
 */
export async function productOverview(app: App, scope: Scope, productId: string, onlySite?: string) {
  const product = await getProduct(app.store.db, scope, productId);
  const deps = listingsDeps(app);
  const [cells, listings, skus, syncLog, pricing] = await Promise.all([
    gridCells(app.store, [product.id], onlySite),
    listListings(app.store, scope, { productId: product.id, limit: 500 }),
    productListingSkus(app.store, scope, product.id),
    productSyncLog(app.store, scope, product.id),
    deps.pricing(),
  ]);
  const listingBySite = new Map(listings.items.map((l) => [l.site, l]));
  const sites = await Promise.all(
    (cells.get(product.id) ?? []).map(async (cell) =>
      siteView(
        product,
        cell,
        listingBySite.get(cell.site),
        skus.filter((s) => s.site === cell.site),
        await deps.localize(product, cell.site),
        pricing,
      ),
    ),
  );
  return { product, sites, syncLog };
}

function siteView(
  product: ProductWithVariants,
  cell: GridCell,
  listing: ListingRow | undefined,
  pushed: ProductListingSku[],
  localized: LocalizedListing | undefined,
  pricing: PricingContext,
) {
  const pushedOf = new Map(pushed.map((p) => [p.variantId, p]));
  const quotes = product.variants
    .filter((v) => v.active)
    .map((v) => ({
      variant: v,
      result: quote(pricing, pricingSiteOf(cell.site), priceableVariant(product, v)),
    }));
  return {
    site: cell.site,
    state: cell.state,
    reason: cell.reason,
    listing: listing
      ? {
          id: listing.id,
          state: listing.state,
          title: listing.title,
          categoryId: listing.categoryId,
          categoryPath: listing.categoryPath,
          categoryConfidence: listing.categoryConfidence,
          itemId: listing.itemId,
          qcReason: listing.qcReason,
          lastError: listing.lastErrorCode
            ? { code: listing.lastErrorCode, message: listing.lastErrorMessage ?? '' }
            : null,
          issues: listing.issues.map((i) => ({
            rule: String(i.rule ?? ''),
            field: String(i.field ?? ''),
            severity: i.severity === 'warning' ? ('warning' as const) : ('error' as const),
            message: String(i.message ?? ''),
            sellerSku: typeof i.sellerSku === 'string' ? i.sellerSku : null,
            code: typeof i.code === 'string' ? i.code : null,
          })),
          lastSyncAt: listing.lastSyncAt ? new Date(listing.lastSyncAt).toISOString() : null,
          updatedAt: new Date(listing.updatedAt).toISOString(),
        }
      : null,
    translationStatus: localized?.status ?? ('needs-translation' as const),
    localized: localized ?? null,
    pricing: {
      site: pricingSiteOf(cell.site),
      variants: quotes.map(({ variant, result }) => {
        const p = pushedOf.get(variant.id);
        return {
          variantId: variant.id,
          sellerSku: variant.sellerSku,
          stock: variant.stock,
          price: result.ok ? result.value.price : null,
          failure: result.ok ? null : result.error.message,
          pushedPrice: p?.pushedPrice ?? null,
          pushedQuantity: p?.pushedQuantity ?? null,
          pushedAt: p?.pushedAt ? new Date(p.pushedAt).toISOString() : null,
        };
      }),
      waterfall: quotes[0] ? waterfallOf(quotes[0].variant.id, quotes[0].result) : null,
    },
  };
}

/** The waterfall of the first active variant: the same quote the listing's price comes from. */
function waterfallOf(variantId: string, r: ReturnType<typeof quote>) {
  if (!r.ok) return { status: 'rejected' as const, variantId, kind: r.error.kind, message: r.error.message };
  const q = r.value;
  return {
    status: 'ok' as const,
    variantId,
    currency: q.currency,
    price: q.price,
    priceKrw: q.priceKrw,
    components: q.components.map((c) => ({ ...c })),
    margin: q.margin,
    shipping: {
      service: q.shipping.service,
      name: q.shipping.name,
      chargeableWeightG: q.shipping.chargeableWeightG,
    },
    buyerPays: q.customs.buyerPays.map((b) => ({ ...b })),
    fxSnapshot: q.fxSnapshot,
    dataVersion: q.dataVersion,
  };
}
