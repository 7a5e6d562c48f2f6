import { invalidParameter, missingParameter } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import { fail } from './ae-common.ts';

/**
 * `aliexpress.postproduct.redefining.offlineaeproduct`: `product_ids` joined by `;` (≤ 50) go off
 * sale (status offline). All or nothing: an id the seller does not have refuses the whole call
 * (13041) and changes nothing. Offlining an offline product again is a no-op.
 */
export function offlineProducts(ctx: CallContext): ApiBody {
  const raw = ctx.params.product_ids;
  if (raw === undefined || raw === '') throw missingParameter('product_ids');
  const ids = raw.split(';').map((s) => s.trim());
  if (ids.length > 50) throw invalidParameter('product_ids', 'at most 50 product ids');
  if (ids.some((id) => !/^\d+$/.test(id))) throw invalidParameter('product_ids', 'numeric ids joined by ;');
  const data = ctx.rt.store.site(ctx.site.key);
  const sellerId = sellerOf(ctx);
  const products = ids.map((id) => data.products.get(Number(id)));
  const missing = ids.filter((_, i) => {
    const p = products[i];
    return !p || p.sellerId !== sellerId || p.status === 'Deleted';
  });
  if (missing.length > 0) return fail('13041', `product not found: ${missing.join(';')}`);
  for (const p of products) {
    if (!p || p.status === 'InActive') continue;
    p.status = 'InActive';
    p.updatedAt = ctx.now;
    data.indexProduct(p);
    ctx.rt.store.touch('product', ctx.site.key, p.itemId);
  }
  data.liveCache = undefined;
  return { result: { success: true, modify_count: products.length } };
}
