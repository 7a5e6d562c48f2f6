import { z } from 'zod';
import { localesForSites, localizeCatalogImages, localizeProductImages } from '../localization/index.ts';
import { defineJob } from './registry.ts';

/**
 * Localizes every image of a product for the given locales (or the required languages of the
 * given sites). Idempotent: variants are cached by image content, locale and translation-memory
 * version, so a second run only looks them up.
 */
export const localizeProductImagesJob = defineJob({
  name: 'images.localize-product',
  payload: z
    .object({
      productId: z.string().startsWith('prd_'),
      locales: z.array(z.string().min(2)).optional(),
      sites: z.array(z.string()).optional(),
      /** Run on the seller's behalf (its products only); else as the operator. */
      sellerId: z.string().optional(),
    })
    .refine((p) => (p.locales?.length ?? 0) + (p.sites?.length ?? 0) > 0, {
      message: 'give locales or sites',
      path: ['locales'],
    }),
  retryLimit: 2,
  // A page keeps both cores of a small worker busy (detector thread + two tesseract processes).
  concurrency: 1,
  async handler(payload, { app }) {
    const locales = [...new Set([...(payload.locales ?? []), ...localesForSites(payload.sites ?? [])])];
    const images = await localizeProductImages(app, {
      productId: payload.productId,
      locales,
      sellerId: payload.sellerId,
    });
    return { productId: payload.productId, locales, images };
  },
});

/**
 * Localizes the images of a seller's products, or of the whole catalog, `limit` products per run
 * after the product id `after`, then enqueues the run for the next page (`next`; null: done) so
 * one job walks the whole catalog. Idempotent like the product job: images already done come from
 * the cache, and a page is enqueued once (singleton key) even when a run is retried.
 */
export const localizeCatalogImagesJob = defineJob({
  name: 'images.localize-catalog',
  payload: z
    .object({
      locales: z.array(z.string().min(2)).optional(),
      sites: z.array(z.string()).optional(),
      sellerId: z.string().optional(),
      after: z.string().optional(),
      limit: z.number().int().min(1).max(10_000).default(100),
    })
    .refine((p) => (p.locales?.length ?? 0) + (p.sites?.length ?? 0) > 0, {
      message: 'give locales or sites',
      path: ['locales'],
    }),
  retryLimit: 2,
  // A page keeps both cores of a small worker busy (detector thread + two tesseract processes).
  concurrency: 1,
  async handler(payload, { app, send }) {
    const locales = [...new Set([...(payload.locales ?? []), ...localesForSites(payload.sites ?? [])])];
    const page = await localizeCatalogImages(app, {
      locales,
      sellerId: payload.sellerId,
      after: payload.after,
      limit: payload.limit,
    });
    if (page.next)
      await send(
        'images.localize-catalog',
        { ...payload, after: page.next },
        {
          singletonKey: `images.localize-catalog:${payload.sellerId ?? '*'}:${locales.join(',')}:${page.next}`,
        },
      );
    return page;
  },
});
