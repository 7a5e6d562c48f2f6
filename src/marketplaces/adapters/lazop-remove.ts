import { isMarketplaceError } from '../errors.ts';
import { BATCH_LIMITS, chunk, mapConcurrent, type AdapterContext } from './common.ts';
import { detailFailures } from './lazop-products.ts';
import type { BatchOutcome, ItemFailure, RemoveRef } from './types.ts';

/** The site no longer has this SellerSku: for a removal, the wanted end state already holds. */
const SKU_NOT_FOUND = '4136';

/**
 * `POST /product/remove` by `seller_sku_list` (a JSON list, ≤ 50 per call). The product goes when
 * its last SKU goes. Idempotent: a SKU already gone (4136) is reported as removed, so a retried
 * delist after a lost answer ends the same way.
 */
export async function removeProducts(ctx: AdapterContext, refs: RemoveRef[]): Promise<BatchOutcome> {
  const batches = chunk(refs, BATCH_LIMITS.removeMax);
  const failedLists = await mapConcurrent(batches, ctx.options.batchConcurrency, async (batch) => {
    try {
      await ctx.client.call({
        api: '/product/remove',
        httpMethod: 'POST',
        params: { seller_sku_list: JSON.stringify(batch.map((r) => r.sellerSku)) },
        session: ctx.session,
        idempotent: true,
      });
      return [] as ItemFailure[];
    } catch (e) {
      if (isMarketplaceError(e) && e.errorClass === 'business')
        return detailFailures(e, batch).filter((f) => f.code !== SKU_NOT_FOUND);
      throw e;
    }
  });
  const failed = failedLists.flat();
  const failedKeys = new Set(failed.map((f) => f.key));
  return {
    calls: batches.length,
    succeeded: refs.map((r) => r.sellerSku).filter((k) => !failedKeys.has(k)),
    failed,
  };
}
