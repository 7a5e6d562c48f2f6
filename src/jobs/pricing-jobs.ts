import { activeVariants } from '../catalog/index.ts';
import {
  DbFxRepository,
  REQUOTE_JOB,
  createRequoteJobHandler,
  loadPricingData,
  pricingCategoryOf,
  requoteJobPayload,
  saveSitePrices,
  type PriceableItem,
} from '../pricing/index.ts';
import { AppError } from '../shared/index.ts';
import { defineJob } from './registry.ts';

/**
 * Requotes the catalog from one FX snapshot (and pricing data version) to another and stores only
 * the prices that changed in site_prices. Enqueue it after saving a new FX snapshot.
 */
export const requoteJob = defineJob({
  name: REQUOTE_JOB,
  payload: requoteJobPayload,
  retryLimit: 2,
  async handler(payload, { app }) {
    const handler = createRequoteJobHandler({
      fx: new DbFxRepository(app.store.db),
      data(version) {
        const current = loadPricingData();
        // Only the shipped data exists; older versions are not kept yet, so a fee-change requote
        // must name the current version on both sides.
        if (version && version !== current.version) {
          throw new AppError(
            'not_found',
            `pricing data version ${version} is not available (current: ${current.version})`,
          );
        }
        return current;
      },
      async *items(filter) {
        for await (const v of activeVariants(app.store, filter)) {
          const item: PriceableItem = {
            variantId: v.variantId,
            sellerId: v.sellerId,
            priceKrw: v.priceKrw,
            // A product imported without a weight is priced as a 500 g parcel until the seller fills it.
            weightG: v.weightG ?? 500,
            category: pricingCategoryOf(v.categoryPath),
            ...(v.dimsMm ? { dims: v.dimsMm } : {}),
          };
          yield item;
        }
      },
      publish: (changes) => saveSitePrices(app.store, changes),
      clock: app.clock,
    });
    return handler(payload);
  },
});
