import { getProduct, type ProductWithVariants } from '../catalog/index.ts';
import { isMarketplaceError, type MarketplaceAdapter } from '../marketplaces/index.ts';
import { OPERATOR_SCOPE, toAppError } from '../shared/index.ts';
import type { ListingState } from './lifecycle.ts';
import { buildListing, type BuildResult } from './listing-builder.ts';
import type { ListingsDeps } from './listing-deps.ts';
import { pricesFor, quantitiesFor } from './listing-inputs.ts';
import {
  ensureListing,
  moveListing,
  recordSkuPushes,
  type ListingRow,
  type MovePatch,
} from './listing-store.ts';
import { blocking, preflight, type PreflightIssue } from './preflight/index.ts';

/**
 * Publishing one product on one site: build (localized content, category, attributes, prices,
 * stock, hosted images), preflight, then send, with the state moved before and after each step
 * so a crash leaves a state the next run knows how to continue from. A create whose answer was
 * lost is reconciled by the adapter (it reads the product back by SellerSku), never sent twice.
 */
export interface PublishOutcome {
  listingId: string;
  productId: string;
  site: string;
  state: ListingState;
  /** What happened in this run. */
  action: 'created' | 'updated' | 'blocked' | 'failed' | 'retry' | 'unchanged' | 'skipped';
  issues: number;
  code?: string | undefined;
  message?: string | undefined;
}

/** States a publish run picks up. */
export const PUBLISHABLE: readonly ListingState[] = ['draft', 'ready', 'rejected', 'error'];
const MAX_ATTEMPTS = 5;
/** Lazada's THD_BRAND_ID_IS_NOT_VALID_IN_CATEGORY. */
const BRAND_NOT_IN_CATEGORY = '4142';

export async function buildFor(
  deps: ListingsDeps,
  adapter: MarketplaceAdapter,
  product: ProductWithVariants,
): Promise<{
  build: BuildResult;
  issues: (PreflightIssue | BuildResult['missing'][number])[];
  category: Awaited<ReturnType<ListingsDeps['categoryFor']>>;
}> {
  const site = adapter.site;
  const [category, localized, pricing, sellerSites, images] = await Promise.all([
    deps.categoryFor(adapter, product),
    deps.localize(product, site.id),
    deps.pricing(),
    deps.sellerSites(product.sellerId),
    deps.catalogs.listingImages(adapter, product.sellerId, product.images),
  ]);
  const [attributes, brands, prices, quantities] = await Promise.all([
    category ? deps.catalogs.attributes(adapter, category.id) : Promise.resolve([]),
    deps.catalogs
      .brands(adapter, category?.id)
      .then((list) =>
        list.filter((b) => !category || deps.catalogs.brandAllowed(site.id, category.id, b.id)),
      ),
    pricesFor(deps.store, pricing, site.id, product),
    quantitiesFor(deps.store, product, site.id, sellerSites),
  ]);
  const build = buildListing({
    site,
    product,
    localized,
    category,
    attributes,
    brands,
    prices,
    quantities,
    images,
  });
  const issues: (PreflightIssue | BuildResult['missing'][number])[] = [...build.missing];
  for (const item of build.items) {
    issues.push(
      ...preflight({
        site,
        category: category ? { id: category.id, leaf: true } : undefined,
        attributes,
        product: item.input,
        compliance: {
          titleKo: product.titleKo,
          titleEn: build.title ?? undefined,
          hsCode: product.hsCode,
          sourceCategoryPath: product.sourceCategoryPath,
          weightKg: product.weightG ? product.weightG / 1000 : undefined,
          country: site.venture,
        },
        brandIds: new Set(brands.map((b) => b.id)),
        ...(site.platform === 'aliexpress' ? { isHostedImage: () => true } : {}),
      }),
    );
  }
  // One issue per rule, field, SKU and message: split items repeat the product-level ones.
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${i.rule}|${i.field}|${i.sellerSku ?? ''}|${i.message}`;
    return !seen.has(key) && seen.add(key);
  });
  return { build, issues: unique, category };
}

function isBlocking(issues: readonly { severity: string }[]): boolean {
  return blocking(issues as PreflightIssue[]);
}

/** Builds, checks and (when it passes) sends one product to one site. */
export async function publishProduct(
  deps: ListingsDeps,
  adapter: MarketplaceAdapter,
  product: ProductWithVariants,
): Promise<PublishOutcome> {
  const site = adapter.site.id;
  const listing = await ensureListing(deps.store, {
    sellerId: product.sellerId,
    productId: product.id,
    site,
  });
  const out = (
    state: ListingState,
    action: PublishOutcome['action'],
    extra: Partial<PublishOutcome> = {},
  ) => ({
    listingId: listing.id,
    productId: product.id,
    site,
    state,
    action,
    issues: 0,
    ...extra,
  });
  const live = listing.state === 'live';
  if (!live && !PUBLISHABLE.includes(listing.state)) return out(listing.state, 'skipped');
  const { build, issues, category } = await buildFor(deps, adapter, product);
  const patch = {
    title: build.title,
    issues: issues as unknown as Record<string, unknown>[],
    contentHash: build.contentHash,
    categoryId: category?.id ?? null,
    categoryPath: category?.path ?? null,
    categoryConfidence: category?.confidence ?? null,
  };
  if (live) {
    // A live listing whose product changed: the new content goes as an update (and through QC
    // again); content that would fail preflight is not sent, and the listing stays as it is.
    if (listing.contentHash === build.contentHash) return out('live', 'unchanged', { issues: issues.length });
    if (isBlocking(issues)) {
      await moveListing(deps.store, listing, 'live', { issues: patch.issues });
      return out('live', 'blocked', { issues: issues.length });
    }
    // The new hash is written only once the update went through: a failed one is tried again.
    return send(deps, adapter, listing, product, build, issues.length, patch);
  }
  if (isBlocking(issues)) {
    const to: ListingState =
      listing.state === 'error' || listing.state === 'rejected' ? listing.state : 'draft';
    // Written even when the state stays: the issues are the current ones, and the listing counts
    // as built after any category confirmation so far.
    await moveListing(deps.store, listing, to, to === 'draft' ? patch : { issues: patch.issues });
    return out(to, 'blocked', { issues: issues.length });
  }
  // Unchanged content the platform rejected stays rejected: sending it again would be rejected again.
  if (listing.state === 'rejected' && listing.contentHash === build.contentHash) {
    await moveListing(deps.store, listing, 'rejected', { issues: patch.issues });
    return out('rejected', 'unchanged', { issues: issues.length });
  }
  if (!(await moveListing(deps.store, listing, 'ready', patch))) return out(listing.state, 'skipped');
  if (!(await moveListing(deps.store, listing, 'publishing'))) return out('ready', 'skipped');
  return send(deps, adapter, { ...listing, state: 'publishing' }, product, build, issues.length);
}

async function send(
  deps: ListingsDeps,
  adapter: MarketplaceAdapter,
  listing: ListingRow,
  product: ProductWithVariants,
  build: BuildResult,
  issueCount: number,
  patchOnSuccess: MovePatch = {},
): Promise<PublishOutcome> {
  const base = { listingId: listing.id, productId: product.id, site: adapter.site.id, issues: issueCount };
  const known = await deps.store.query<{ variant_id: string; item_id: string | null; sku_id: string | null }>(
    `SELECT variant_id, item_id, sku_id FROM listing_skus WHERE listing_id = $1`,
    [listing.id],
  );
  const itemOf = new Map(known.map((k) => [k.variant_id, k]));
  let firstItem: string | undefined;
  let anyLive = true;
  let updated = false;
  try {
    for (const item of build.items) {
      const existing = item.variantIds.map((v) => itemOf.get(v)?.item_id).find((x): x is string => !!x);
      let itemId: string;
      let skuIds = new Map<string, string | undefined>();
      if (existing) {
        await adapter.updateProduct({
          itemId: existing,
          attributes: item.input.attributes,
          images: item.input.images,
          skus: item.input.skus.map((s, i) => ({
            ...s,
            skuId: itemOf.get(item.variantIds[i]!)?.sku_id ?? undefined,
          })),
        });
        itemId = existing;
        updated = true;
        anyLive = false;
      } else {
        const created = await adapter.createProduct(item.input);
        itemId = created.itemId;
        skuIds = new Map(created.skus.map((s) => [s.sellerSku, s.skuId]));
        if (!/^active$|onselling|live/i.test(created.status ?? '')) anyLive = false;
      }
      firstItem ??= itemId;
      await recordSkuPushes(
        deps.store,
        item.input.skus.map((s, i) => ({
          variantId: item.variantIds[i]!,
          site: adapter.site.id,
          listingId: listing.id,
          sellerId: listing.sellerId,
          sellerSku: s.sellerSku,
          itemId,
          skuId: skuIds.get(s.sellerSku),
          currency: s.price.currency,
          priceMinor: s.price.minor,
          quantity: s.quantity,
        })),
      );
    }
  } catch (e) {
    // The platform refused the brand in this category (the brand list does not say where a brand
    // may be used): remember it, so the next build lists the product as "No Brand", and retry.
    const brandId = build.items[0]?.input.attributes.brand_id;
    const refusedBrand =
      isMarketplaceError(e) && e.platformCode === BRAND_NOT_IN_CATEGORY && brandId !== undefined;
    if (refusedBrand)
      deps.catalogs.refuseBrand(adapter.site.id, build.items[0]!.input.categoryId, String(brandId));
    return failed(deps, listing, e, base, refusedBrand);
  }
  const to: ListingState = anyLive ? 'live' : 'pending_qc';
  await moveListing(
    deps.store,
    listing,
    to,
    {
      ...patchOnSuccess,
      itemId: firstItem ?? null,
      attempts: 0,
      lastErrorCode: null,
      lastErrorMessage: null,
      qcReason: null,
      lastSyncAt: deps.clock.now(),
    },
    { message: updated ? 'sent as an update' : 'created' },
  );
  return { ...base, state: to, action: updated ? 'updated' : 'created' };
}

async function failed(
  deps: ListingsDeps,
  listing: ListingRow,
  e: unknown,
  base: Omit<PublishOutcome, 'state' | 'action'>,
  fixable = false,
): Promise<PublishOutcome> {
  const mp = isMarketplaceError(e) ? e : undefined;
  const code = mp ? mp.platformCode : toAppError(e).code;
  const message = mp ? mp.platformMessage : toAppError(e).message;
  // Throttles, timeouts and 5xx that outlasted the client's retries go back to ready for the next
  // run; a business refusal (the platform's validation) is an error a person must look at.
  const retry = !mp || mp.errorClass !== 'business' || fixable;
  const attempts = listing.attempts + 1;
  const to: ListingState = retry && attempts < MAX_ATTEMPTS ? 'ready' : 'error';
  await moveListing(
    deps.store,
    listing,
    to,
    { attempts, lastErrorCode: code, lastErrorMessage: message },
    { code, message },
  );
  deps.logger?.warn({ listing: listing.id, site: base.site, code }, 'publish failed');
  return { ...base, state: to, action: to === 'ready' ? 'retry' : 'failed', code, message };
}

/** Loads a product for publishing (operator scope: the engine acts for every seller). */
export function loadProduct(deps: ListingsDeps, productId: string): Promise<ProductWithVariants> {
  return getProduct(deps.store.db, OPERATOR_SCOPE, productId);
}
