import { AppError } from '../../shared/index.ts';
import { isMarketplaceError } from '../errors.ts';
import { AE_METHODS } from './aliexpress-catalog.ts';
import { BATCH_LIMITS, chunk, type AdapterContext } from './common.ts';
import type { BatchOutcome, ItemFailure, RemoveRef } from './types.ts';

/** AliExpress's "product not found": for a removal, the wanted end state already holds. */
const PRODUCT_NOT_FOUND = '13041';

const offline = (ctx: AdapterContext, productIds: string[]) =>
  ctx.client.call({
    api: AE_METHODS.productOffline,
    httpMethod: 'POST',
    params: { product_ids: productIds.join(';') },
    session: ctx.session,
    idempotent: true,
  });

/**
 * `aliexpress.postproduct.redefining.offlineaeproduct` (`product_ids` joined by `;`, ≤ 50): the
 * products go off sale. The call is all or nothing, so a refused batch is retried one product at a
 * time to name the one at fault; a product the site no longer has counts as removed.
 */
export async function removeProducts(ctx: AdapterContext, refs: RemoveRef[]): Promise<BatchOutcome> {
  const byProduct = new Map<string, RemoveRef[]>();
  for (const r of refs) {
    if (!r.itemId)
      throw new AppError(
        'invalid_input',
        `AliExpress removal needs the product id (itemId) for ${r.sellerSku}`,
      );
    byProduct.set(r.itemId, [...(byProduct.get(r.itemId) ?? []), r]);
  }
  let calls = 0;
  const failed: ItemFailure[] = [];
  const attempt = async (ids: string[], single: boolean): Promise<void> => {
    calls++;
    try {
      await offline(ctx, ids);
    } catch (e) {
      if (!isMarketplaceError(e) || e.errorClass !== 'business') throw e;
      if (!single) {
        for (const id of ids) await attempt([id], true);
        return;
      }
      if (e.platformCode === PRODUCT_NOT_FOUND) return;
      for (const r of byProduct.get(ids[0]!) ?? [])
        failed.push({ key: r.sellerSku, code: e.platformCode, message: e.platformMessage, retryable: false });
    }
  };
  for (const ids of chunk([...byProduct.keys()], BATCH_LIMITS.removeMax))
    await attempt(ids, ids.length === 1);
  const failedKeys = new Set(failed.map((f) => f.key));
  return { calls, succeeded: refs.map((r) => r.sellerSku).filter((k) => !failedKeys.has(k)), failed };
}
