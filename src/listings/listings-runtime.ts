import type { ProductWithVariants } from '../catalog/index.ts';
import type { Store } from '../db/index.ts';
import {
  localizeProductRecord,
  sitePolicy,
  type LocalizedListing,
  type TranslationService,
} from '../localization/index.ts';
import type { MarketplaceAdapter } from '../marketplaces/index.ts';
import { DbFxRepository, loadPricingContext, type PricingContext } from '../pricing/index.ts';
import { AppError, type Clock, type Logger } from '../shared/index.ts';
import {
  applyConfirmation,
  CategoryTreeCache,
  confirmedMappings,
  sourcePathKey,
  type SiteTree,
} from './category/index.ts';
import type { CategoryChoice } from './listing-builder.ts';
import type { ListingsDeps } from './listing-deps.ts';
import { SiteCatalogs } from './site-catalog.ts';

/**
 * Wires the listings engine to the rest of kbridge: sellers' accounts are the order channels
 * (one token per seller and site), translation comes from the text localization service (one
 * localization per product and platform, shared by the sites of that platform), prices from the
 * stored FX snapshot, categories from the tree cache and confirmed mappings.
 */
export interface ListingsWiring {
  store: Store;
  clock: Clock;
  logger?: Logger | undefined;
  translation: TranslationService;
  /** The adapter for a seller's channel on a site (throws not_found when it has none). */
  adapter(site: string, sellerId: string): Promise<MarketplaceAdapter>;
}

const PRICING_TTL_MS = 60_000;

export function createListingsDeps(w: ListingsWiring): ListingsDeps {
  const trees = new CategoryTreeCache(w.store);
  const treeLoads = new Map<string, Promise<SiteTree>>();
  const localized = new Map<string, Promise<LocalizedListing | undefined>>();
  let pricing: { at: number; ctx: Promise<PricingContext> } | undefined;
  const sites = new Map<string, { at: number; list: Promise<string[]> }>();

  // Confirmations are read once per site and seller for a few seconds, not once per product.
  const confirmations = new Map<string, { at: number; map: ReturnType<typeof confirmedMappings> }>();
  const confirmedFor = (site: string, sellerId: string) => {
    const key = `${site}\n${sellerId}`;
    const now = w.clock.now().getTime();
    let hit = confirmations.get(key);
    if (!hit || now - hit.at > 5_000)
      confirmations.set(key, (hit = { at: now, map: confirmedMappings(w.store, site, sellerId) }));
    return hit.map;
  };

  const adapterFor = async (site: string, sellerId: string): Promise<MarketplaceAdapter | undefined> => {
    try {
      return await w.adapter(site, sellerId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') return undefined;
      throw e;
    }
  };

  // One load per site at a time; a failed load is forgotten so the next call tries again.
  const treeOf = (adapter: MarketplaceAdapter): Promise<SiteTree> => {
    const site = adapter.site.id;
    let load = treeLoads.get(site);
    if (!load) {
      load = trees.get(site, adapter);
      load.catch(() => treeLoads.delete(site));
      treeLoads.set(site, load);
    }
    return load;
  };

  const categoryFor = async (
    adapter: MarketplaceAdapter,
    product: ProductWithVariants,
  ): Promise<CategoryChoice | undefined> => {
    const koreanPath = product.sourceCategoryPath.split('>');
    const [tree, confirmed] = await Promise.all([
      treeOf(adapter),
      confirmedFor(adapter.site.id, product.sellerId),
    ]);
    const best = applyConfirmation(
      tree.mapper,
      { koreanPath, title: product.titleKo },
      confirmed.get(sourcePathKey(koreanPath)),
    ).best;
    return best ? { id: best.id, path: best.path.join(' > '), confidence: best.confidence } : undefined;
  };

  return {
    store: w.store,
    clock: w.clock,
    logger: w.logger,
    catalogs: new SiteCatalogs(w.store),
    categoryFor,
    async categoryTree(site, sellerId) {
      const cached = await trees.cached(site);
      if (cached) return cached;
      const [channel] = await w.store.query<{ seller_id: string }>(
        `SELECT seller_id FROM order_channels WHERE site = $1 AND status = 'active'
         ORDER BY (seller_id = $2) DESC, seller_id LIMIT 1`,
        [site, sellerId ?? null],
      );
      const adapter = channel ? await adapterFor(site, channel.seller_id) : undefined;
      return adapter ? treeOf(adapter) : undefined;
    },
    forgetConfirmations: () => confirmations.clear(),
    adapterFor,
    sellerSites(sellerId) {
      const hit = sites.get(sellerId);
      if (hit && w.clock.now().getTime() - hit.at < 5_000) return hit.list;
      const list = w.store
        .query<{ site: string }>(
          `SELECT site FROM order_channels WHERE seller_id = $1 AND status = 'active' ORDER BY site`,
          [sellerId],
        )
        .then((rows) => rows.map((r) => r.site));
      sites.set(sellerId, { at: w.clock.now().getTime(), list });
      return list;
    },
    localize(product, site) {
      const platform = site.slice(0, site.indexOf('-'));
      const key = `${product.id}|${product.updatedAt.getTime()}|${platform}|${sitePolicy(site)
        .required.map((t) => t.locale)
        .join()}`;
      let hit = localized.get(key);
      if (!hit) {
        hit = localizeProductRecord(w.translation, product, site).then((p) =>
          p.listings.find((l) => l.required),
        );
        hit.catch(() => localized.delete(key));
        // Bounded: a long run over a big catalog must not keep every localization.
        if (localized.size > 5_000) localized.delete(localized.keys().next().value!);
        localized.set(key, hit);
      }
      return hit;
    },
    pricing() {
      const now = w.clock.now().getTime();
      if (!pricing || now - pricing.at > PRICING_TTL_MS) {
        pricing = {
          at: now,
          ctx: loadPricingContext({ fx: new DbFxRepository(w.store.db), clock: w.clock }),
        };
      }
      return pricing.ctx;
    },
  };
}
