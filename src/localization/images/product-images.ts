/**
 * Localizing all the images of one product: fetch each image URL safely, localize it for every
 * target locale (through the variant cache, so shared images and re-runs cost a lookup), and say
 * per image and locale what happened. A URL the fetch rules refuse, or bytes that are no image, is
 * an outcome recorded for that image; a network failure is thrown so the job is retried.
 */
import { getProduct, listProducts } from '../../catalog/index.ts';
import type { App } from '../../main/app.ts';
import { AppError, sellerScope, OPERATOR_SCOPE, isAppError } from '../../shared/index.ts';
import { sitePolicy, translationService, type TranslationService } from '../text/index.ts';
import { ImageLocalizer } from './image-localizer.ts';
import { safeFetchImage, type SafeFetchOptions } from './safe-fetch.ts';

export interface ProductImageOutcome {
  url: string;
  sourceHash?: string;
  /** `refused` (fetch rules or not an image) or `done`. */
  outcome: 'done' | 'refused';
  error?: string;
  locales: Record<
    string,
    { complete: boolean; cached: boolean; translated: number; flagged: number; residualHangul: number | null }
  >;
}

const localizers = new WeakMap<TranslationService, ImageLocalizer>();

/** The process's image localizer for a translation service (one cache, one detector). */
export function imageLocalizer(service: TranslationService): ImageLocalizer {
  let l = localizers.get(service);
  if (!l) {
    l = new ImageLocalizer(service);
    localizers.set(service, l);
  }
  return l;
}

/** The locales a product's images need for some sites: each site's required languages. */
export function localesForSites(sites: readonly string[]): string[] {
  return [...new Set(sites.flatMap((s) => sitePolicy(s).required.map((t) => t.locale)))];
}

export async function localizeProductImages(
  app: App,
  input: { productId: string; locales: readonly string[]; sellerId?: string | undefined },
  fetchOptions: SafeFetchOptions = {},
): Promise<ProductImageOutcome[]> {
  const scope = input.sellerId ? sellerScope(input.sellerId) : OPERATOR_SCOPE;
  const product = await getProduct(app.store.db, scope, input.productId);
  const localizer = imageLocalizer(translationService(app));
  const out: ProductImageOutcome[] = [];
  for (const url of product.images) {
    let bytes: Buffer;
    try {
      bytes = (await safeFetchImage(url, fetchOptions)).bytes;
    } catch (err) {
      if (isAppError(err) && (err.code === 'forbidden' || err.code === 'invalid_input')) {
        out.push({ url, outcome: 'refused', error: err.message, locales: {} });
        continue;
      }
      throw err;
    }
    const variants = await localizer.localize(bytes, { locales: input.locales, sellerId: product.sellerId });
    const locales: ProductImageOutcome['locales'] = {};
    variants.forEach((v, i) => {
      const s = v.report.summary;
      locales[input.locales[i]!] = {
        complete: s.complete,
        cached: !!v.report.cached,
        translated: s.translated + s.converted,
        flagged: s.needsTranslation + s.needsReview + s.unreadable,
        residualHangul: v.report.residual?.hangul ?? null,
      };
    });
    const sourceHash = variants[0]?.report.sourceHash;
    // Listings look a URL's variants up through the bytes it held (see listings/site-catalog.ts).
    if (sourceHash)
      await app.store.query(
        `INSERT INTO image_sources (seller_id, url, source_hash) VALUES ($1, $2, $3)
         ON CONFLICT (seller_id, url) DO UPDATE SET source_hash = EXCLUDED.source_hash, fetched_at = now()`,
        [product.sellerId, url, sourceHash],
      );
    out.push({ url, sourceHash, outcome: 'done', locales });
  }
  if (out.length === 0 && product.images.length > 0) throw new AppError('internal', 'no image handled');
  // A new variant is a change of the product's localized content: its listings are rebuilt (and
  // live ones updated) by the next publish run, which picks up products changed since.
  if (out.some((o) => Object.values(o.locales).some((l) => !l.cached)))
    await app.store.query(`UPDATE products SET updated_at = now() WHERE id = $1`, [product.id]);
  return out;
}

export interface CatalogImagesSummary {
  products: number;
  images: number;
  refused: number;
  /** Variants served from the cache (image already done for that locale and memory version). */
  cached: number;
  rendered: number;
  /** The last product id handled: pass it as `after` to go on (null when the catalog is done). */
  next: string | null;
}

/**
 * The images of many products (a seller's, or the whole catalog for the operator), keyset-paged
 * by product id: at most `limit` products per call, so one job stays short and a long catalog is
 * walked by several jobs, each starting `after` the last.
 */
export async function localizeCatalogImages(
  app: App,
  input: {
    locales: readonly string[];
    sellerId?: string | undefined;
    after?: string | undefined;
    limit?: number;
  },
  fetchOptions: SafeFetchOptions = {},
): Promise<CatalogImagesSummary> {
  const scope = input.sellerId ? sellerScope(input.sellerId) : OPERATOR_SCOPE;
  const limit = input.limit ?? 100;
  const summary: CatalogImagesSummary = {
    products: 0,
    images: 0,
    refused: 0,
    cached: 0,
    rendered: 0,
    next: null,
  };
  let after = input.after;
  while (summary.products < limit) {
    const page = await listProducts(app.store.db, scope, {
      after,
      limit: Math.min(50, limit - summary.products),
    });
    if (page.length === 0) return { ...summary, next: null };
    for (const product of page) {
      summary.products++;
      after = product.id;
      if (product.images.length === 0) continue;
      const outcomes = await localizeProductImages(
        app,
        { productId: product.id, locales: input.locales, sellerId: input.sellerId },
        fetchOptions,
      );
      for (const o of outcomes) {
        summary.images++;
        if (o.outcome === 'refused') summary.refused++;
        for (const l of Object.values(o.locales)) {
          if (l.cached) summary.cached++;
          else summary.rendered++;
        }
      }
    }
  }
  return { ...summary, next: after ?? null };
}
