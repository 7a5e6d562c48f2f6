import { activeVariants } from '../catalog/index.ts';
import {
  DbFxRepository,
  REQUOTE_JOB,
  createRequoteJobHandler,
  loadPricingData,
  priceableItem,
  requoteJobPayload,
  saveSitePrices,
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
        for await (const v of activeVariants(app.store, filter)) yield priceableItem(v);
      },
      publish: (changes) => saveSitePrices(app.store, changes),
      clock: app.clock,
    });
    return handler(payload);
  },
});
