import { AppError } from '../../shared/index.ts';
import { asObject, idString, stringValue } from '../lossless-json.ts';
import {
  BATCH_LIMITS,
  chunk,
  jsonWithIds,
  mapConcurrent,
  numericId,
  priceText,
  type AdapterContext,
} from './common.ts';
import { AE_METHODS, listOf } from './aliexpress-catalog.ts';
import type { BatchOutcome, ItemFailure, PriceQuantityUpdate } from './types.ts';

/**
 * AliExpress price and stock: `aliexpress.solution.batch.product.price.update` and
 * `.inventory.update` (`mutiple_product_update_list`, sic), by product_id + sku_code, ≤ 20
 * products × ≤ 200 SKUs per call; a product whose SKUs failed comes back in `update_error_list`.
 */

type SkuField = 'price' | 'inventory';

async function batchUpdate(
  ctx: AdapterContext,
  method: string,
  field: SkuField,
  updates: PriceQuantityUpdate[],
): Promise<{ calls: number; failed: ItemFailure[] }> {
  const byProduct = new Map<string, PriceQuantityUpdate[]>();
  for (const u of updates) {
    if (!u.itemId)
      throw new AppError(
        'invalid_input',
        `AliExpress updates need the product id (itemId) for sku_code ${u.sellerSku}`,
      );
    byProduct.set(u.itemId, [...(byProduct.get(u.itemId) ?? []), u]);
  }
  const products = [...byProduct.entries()].flatMap(([productId, list]) =>
    chunk(list, BATCH_LIMITS.aliexpressSkusPerProductMax).map((l) => ({ productId, list: l })),
  );
  const batches = chunk(products, BATCH_LIMITS.aliexpressProductsMax);
  const failedLists = await mapConcurrent(batches, ctx.options.batchConcurrency, async (batch) => {
    const res = await ctx.client.call({
      api: method,
      httpMethod: 'POST',
      params: {
        mutiple_product_update_list: jsonWithIds(
          batch.map((p) => ({
            product_id: numericId(p.productId),
            multiple_sku_update_list: p.list.map((u) =>
              field === 'price'
                ? {
                    sku_code: u.sellerSku,
                    price: u.price ? priceText(u.price, ctx.site) : undefined,
                    discount_price: u.salePrice ? priceText(u.salePrice, ctx.site) : undefined,
                  }
                : { sku_code: u.sellerSku, inventory: String(u.quantity) },
            ),
          })),
        ),
      },
      session: ctx.session,
      idempotent: true,
    });
    const data = asObject(res.data);
    const failed: ItemFailure[] = [];
    for (const raw of listOf(data.update_failed_list ?? data.update_error_list)) {
      const f = asObject(raw);
      const productId = idString(f.product_id) ?? '';
      for (const u of byProduct.get(productId) ?? []) {
        failed.push({
          key: u.sellerSku,
          code: stringValue(f.error_code) ?? 'UpdateFailed',
          message: stringValue(f.error_message) ?? '',
          retryable: false,
        });
      }
    }
    return failed;
  });
  return { calls: batches.length, failed: failedLists.flat() };
}

/** Price and inventory are separate AliExpress methods; each batches ≤ 20 products × ≤ 200 SKUs. */
export async function updatePriceQuantity(
  ctx: AdapterContext,
  updates: PriceQuantityUpdate[],
): Promise<BatchOutcome> {
  const prices = updates.filter((u) => u.price !== undefined);
  const stocks = updates.filter((u) => u.quantity !== undefined);
  const p = prices.length
    ? await batchUpdate(ctx, AE_METHODS.priceUpdate, 'price', prices)
    : { calls: 0, failed: [] };
  const s = stocks.length
    ? await batchUpdate(ctx, AE_METHODS.inventoryUpdate, 'inventory', stocks)
    : { calls: 0, failed: [] };
  const failed = [...p.failed, ...s.failed];
  const failedKeys = new Set(failed.map((f) => f.key));
  return {
    calls: p.calls + s.calls,
    succeeded: [...new Set(updates.map((u) => u.sellerSku))].filter((k) => !failedKeys.has(k)),
    failed,
  };
}
