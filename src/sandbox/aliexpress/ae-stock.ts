import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import type { SkuRecord } from '../core/model.ts';
import { decimals } from '../catalog/product-rules.ts';
import { asArr, asObj, fail, jsonArg, str, type Obj } from './ae-common.ts';

/**
 * `aliexpress.solution.batch.product.price.update` and `.inventory.update`
 * (`mutiple_product_update_list`, sic): ≤ 20 products × ≤ 200 SKUs, by product_id + sku_code.
 * A product whose SKUs are not all valid is left unchanged and listed in `update_error_list`.
 */
export function batchUpdate(kind: 'price' | 'inventory') {
  return (ctx: CallContext): ApiBody => {
    const list = asArr(jsonArg(ctx, 'mutiple_product_update_list')).map(asObj);
    if (list.length === 0 || list.length > 20) return fail('13040', 'between 1 and 20 products per call');
    const data = ctx.rt.store.site(ctx.site.key);
    const sellerId = sellerOf(ctx);
    const okList: Obj[] = [];
    const errList: Obj[] = [];
    for (const entry of list) {
      const p = data.products.get(Number(entry.product_id));
      const skus = asArr(entry.multiple_sku_update_list).map(asObj);
      if (!p || p.sellerId !== sellerId || p.status === 'Deleted') {
        errList.push({
          product_id: entry.product_id,
          error_code: '13041',
          error_message: 'product not found',
        });
        continue;
      }
      if (skus.length > 200) {
        errList.push({
          product_id: p.itemId,
          error_code: '13042',
          error_message: 'at most 200 SKUs per product',
        });
        continue;
      }
      if (ctx.rt.faults.isLocked(p.itemId, ctx.api, ctx.site.key)) {
        errList.push({
          product_id: p.itemId,
          error_code: '13052',
          error_message: 'product is locked by a running promotion',
        });
        continue;
      }
      const byCode = new Map<string, SkuRecord>();
      for (const s of p.skus) if (s.status !== 'deleted') byCode.set(s.sellerSku, s);
      let problem: string | undefined;
      for (const s of skus) {
        const sku = byCode.get(str(s.sku_code));
        const price = str(s.price);
        if (!sku) problem = `sku_code ${str(s.sku_code)} not found`;
        else if (kind === 'price' && (!(Number(price) > 0) || decimals(price) > 2))
          problem = `price of ${sku.sellerSku} must be > 0 with at most 2 decimals`;
        else if (
          kind === 'price' &&
          s.discount_price !== undefined &&
          !(Number(s.discount_price) < Number(price))
        )
          problem = `discount_price of ${sku.sellerSku} must be below price`;
        else if (kind === 'inventory' && !/^\d+$/.test(str(s.inventory)))
          problem = `inventory of ${sku.sellerSku} must be a whole number`;
        if (problem) break;
      }
      if (problem) {
        errList.push({ product_id: p.itemId, error_code: '13043', error_message: problem });
        continue;
      }
      for (const s of skus) {
        const sku = byCode.get(str(s.sku_code))!;
        if (kind === 'price') {
          sku.price = str(s.price);
          if (s.discount_price !== undefined) sku.specialPrice = str(s.discount_price);
        } else sku.quantity = Number(s.inventory);
      }
      p.updatedAt = ctx.now;
      ctx.rt.store.touch('product', ctx.site.key, p.itemId);
      data.liveCache = undefined;
      okList.push({ product_id: p.itemId });
    }
    return {
      result: {
        success: errList.length === 0,
        update_success_list: { synchronize_product_response_dto: okList },
        update_error_list: { synchronize_product_response_dto: errList },
      },
    };
  };
}
