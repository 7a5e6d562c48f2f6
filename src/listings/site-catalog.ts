import type { Store } from '../db/index.ts';
import type { Brand, CategoryAttribute, MarketplaceAdapter } from '../marketplaces/index.ts';
import { chunk, isMarketplaceError, mapConcurrent } from '../marketplaces/index.ts';
import { localizedVariants, variantBytes } from './localized-images.ts';

/**
 * What a site says about its catalog, fetched once per process and kept: category attributes per
 * category, the brand list, and hosted copies of the sellers' images (remembered in the store, so
 * an image is migrated once per site ever). These calls are public or slow-changing data; asking
 * for them per product would spend the rate limit that publishing needs.
 */
const MIGRATIONS_IN_FLIGHT = 16;

export class SiteCatalogs {
  readonly #attributes = new Map<string, Promise<CategoryAttribute[]>>();
  readonly #brands = new Map<string, Promise<Brand[]>>();
  readonly #hosted = new Map<string, string>();
  readonly #refusedBrands = new Set<string>();

  constructor(private readonly store: Pick<Store, 'query'>) {}

  attributes(adapter: MarketplaceAdapter, categoryId: string): Promise<CategoryAttribute[]> {
    const key = `${adapter.site.id}\n${categoryId}`;
    let hit = this.#attributes.get(key);
    if (!hit) {
      hit = adapter.categoryAttributes(categoryId);
      hit.catch(() => this.#attributes.delete(key));
      this.#attributes.set(key, hit);
    }
    return hit;
  }

  /** The brand list: site-wide on Lazop platforms, per category on AliExpress. */
  brands(adapter: MarketplaceAdapter, categoryId: string | undefined): Promise<Brand[]> {
    const perCategory = adapter.site.platform === 'aliexpress';
    if (perCategory && !categoryId) return Promise.resolve([]);
    const key = perCategory ? `${adapter.site.id}\n${categoryId}` : adapter.site.id;
    let hit = this.#brands.get(key);
    if (!hit) {
      hit = (async () => {
        const all: Brand[] = [];
        for (let offset = 0; ; offset += 200) {
          const page = await adapter.brands({ offset, limit: 200, ...(perCategory ? { categoryId } : {}) });
          all.push(...page.brands);
          if (page.brands.length < 200) return all;
        }
      })();
      hit.catch(() => this.#brands.delete(key));
      this.#brands.set(key, hit);
    }
    return hit;
  }

  /** Remembers a brand the platform refused in a category (Lazada 4142). */
  refuseBrand(site: string, categoryId: string, brandId: string): void {
    this.#refusedBrands.add(`${site}\n${categoryId}\n${brandId}`);
  }

  brandAllowed(site: string, categoryId: string, brandId: string): boolean {
    return !this.#refusedBrands.has(`${site}\n${categoryId}\n${brandId}`);
  }

  /**
   * Platform-hosted URLs for the images, in order; ones the platform could not take are left out.
   * AliExpress takes image URLs as they are (this client has no photo-bank upload).
   */
  async hostImages(adapter: MarketplaceAdapter, urls: readonly string[]): Promise<string[]> {
    const site = adapter.site.id;
    if (adapter.site.platform === 'aliexpress') return [...urls];
    const key = (u: string) => `${site}\n${u}`;
    const unknown = urls.filter((u) => !this.#hosted.has(key(u)));
    if (unknown.length > 0) {
      const rows = await this.store.query<{ source_url: string; hosted_url: string }>(
        `SELECT source_url, hosted_url FROM hosted_images WHERE site = $1 AND source_url = ANY($2::text[])`,
        [site, unknown],
      );
      for (const r of rows) this.#hosted.set(key(r.source_url), r.hosted_url);
      const toMigrate = unknown.filter((u) => !this.#hosted.has(key(u)));
      // Each batch waits about half a second for the platform's answer: several are in flight at once.
      await mapConcurrent(chunk(toMigrate, 8), MIGRATIONS_IN_FLIGHT, async (part) => {
        const result = await adapter.migrateImages(part);
        const pairs = result.images
          .map((img, i) => [img.originalUrl ?? part[i], img.url] as const)
          .filter((p): p is readonly [string, string] => !!p[0] && !!p[1]);
        if (pairs.length === 0) return;
        await this.store.query(
          `INSERT INTO hosted_images (site, source_url, hosted_url)
           SELECT $1, s, h FROM unnest($2::text[], $3::text[]) AS t(s, h) ON CONFLICT DO NOTHING`,
          [site, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        );
        for (const [s, h] of pairs) this.#hosted.set(key(s), h);
      });
    }
    return urls.map((u) => this.#hosted.get(key(u))).filter((u): u is string => !!u);
  }

  /**
   * The images a listing shows: each product image's localized variant for the site where the
   * image job made one (uploaded once per site: Lazop `/image/upload`, AliExpress's photo bank),
   * else the hosted original (AliExpress takes the merchant's URL as it is). A variant the platform refuses (a detail page taller
   * than 5,000 px) is remembered as refused and the original goes instead.
   */
  async listingImages(
    adapter: MarketplaceAdapter,
    sellerId: string,
    urls: readonly string[],
  ): Promise<string[]> {
    const site = adapter.site.id;
    const variants = await localizedVariants(this.store, site, sellerId, urls);
    const key = (id: string) => `${site}\nlocalized:${id}`;
    const toUpload = [...variants.values()].filter((v) => !this.#hosted.has(key(v.id)));
    if (toUpload.length > 0) {
      const rows = await this.store.query<{ source_url: string; hosted_url: string }>(
        `SELECT source_url, hosted_url FROM hosted_images WHERE site = $1 AND source_url = ANY($2::text[])`,
        [site, toUpload.map((v) => `localized:${v.id}`)],
      );
      for (const r of rows) this.#hosted.set(`${site}\n${r.source_url}`, r.hosted_url);
      for (const v of toUpload.filter((x) => !this.#hosted.has(key(x.id)))) {
        let hosted = '';
        try {
          hosted = await adapter.uploadImage({
            bytes: await variantBytes(this.store, v.id),
            contentType: v.mime,
          });
        } catch (e) {
          if (!isMarketplaceError(e) || e.errorClass !== 'business') throw e;
        }
        await this.store.query(
          `INSERT INTO hosted_images (site, source_url, hosted_url) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [site, `localized:${v.id}`, hosted],
        );
        this.#hosted.set(key(v.id), hosted);
      }
    }
    const originals = urls.filter((u) => !this.#hosted.get(key(variants.get(u)?.id ?? '')));
    await this.hostImages(adapter, originals);
    const original = (u: string) =>
      adapter.site.platform === 'aliexpress' ? u : this.#hosted.get(`${site}\n${u}`);
    return urls
      .map((u) => this.#hosted.get(key(variants.get(u)?.id ?? '')) || original(u))
      .filter((u): u is string => !!u);
  }
}
