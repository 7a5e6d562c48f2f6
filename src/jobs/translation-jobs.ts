import { z } from 'zod';
import { localizeProduct, translationService } from '../localization/index.ts';
import { OPERATOR_SCOPE, sellerScope } from '../shared/index.ts';
import { defineJob } from './registry.ts';

/**
 * Translates a product for one or more sites (publishing enqueues it before building listings).
 * Idempotent: the memory and the review queue are upserts, so a second run only reads the memory.
 */
export const localizeProductJob = defineJob({
  name: 'translation.localize-product',
  payload: z.object({
    productId: z.string().startsWith('prd_'),
    sites: z.array(z.string()).min(1).default(['lazada-sg']),
    /** Run on the seller's behalf (its glossary, scoped like its API key); else as the operator. */
    sellerId: z.string().optional(),
    /** Also the sites' optional languages. */
    optional: z.boolean().default(false),
  }),
  retryLimit: 2,
  async handler(payload, { app }) {
    const service = translationService(app);
    const scope = payload.sellerId ? sellerScope(payload.sellerId) : OPERATOR_SCOPE;
    const sites: Record<string, Record<string, string>> = {};
    for (const site of payload.sites) {
      const result = await localizeProduct(service, scope, payload.productId, site, {
        optional: payload.optional,
      });
      sites[site] = Object.fromEntries(result.listings.map((l) => [l.language, l.status]));
    }
    return { productId: payload.productId, sites };
  },
});
