import type { ProductWithVariants } from '../catalog/index.ts';
import type { Store } from '../db/index.ts';
import type { LocalizedListing } from '../localization/index.ts';
import type { MarketplaceAdapter } from '../marketplaces/index.ts';
import type { PricingContext } from '../pricing/index.ts';
import type { Clock, Logger } from '../shared/index.ts';
import type { SiteTree } from './category/index.ts';
import type { CategoryChoice } from './listing-builder.ts';
import type { SiteCatalogs } from './site-catalog.ts';

/** What the listings engine needs from the rest of the system; tests and the runtime fill it in. */
export interface ListingsDeps {
  store: Store;
  clock: Clock;
  logger?: Logger | undefined;
  /** The seller's adapter on a site (through its channel), or undefined when it has no account there. */
  adapterFor(site: string, sellerId: string): Promise<MarketplaceAdapter | undefined>;
  /** The sites the seller has accounts on. */
  sellerSites(sellerId: string): Promise<string[]>;
  catalogs: SiteCatalogs;
  /** The leaf category of the site for the product (a confirmed mapping, else the best match). */
  categoryFor(adapter: MarketplaceAdapter, product: ProductWithVariants): Promise<CategoryChoice | undefined>;
  /**
   * The site's category tree (cached; fetched through the seller's account there, or any active
   * account on the site), or undefined when nobody can reach the site.
   */
  categoryTree(site: string, sellerId?: string | null): Promise<SiteTree | undefined>;
  /** Drops cached confirmations, so a new one counts from the next build. */
  forgetConfirmations(): void;
  /** The product localized into the site's required language. */
  localize(product: ProductWithVariants, site: string): Promise<LocalizedListing | undefined>;
  pricing(): Promise<PricingContext>;
}
