import type { MarketplaceAdapter, RemoteProduct } from '../marketplaces/index.ts';
import { chunk } from '../marketplaces/index.ts';

/** A platform's product status in our terms (Lazada/Daraz/Miravia and AliExpress words differ). */
export type RemoteState = 'live' | 'pending' | 'rejected' | 'inactive' | 'deleted';

export function remoteState(p: Pick<RemoteProduct, 'status' | 'rejectReasons'>): RemoteState {
  const s = (p.status ?? '').toLowerCase();
  if (/deleted/.test(s)) return 'deleted';
  if (/^active$|onselling|^live$/.test(s)) return 'live';
  if (/pending|audit/.test(s)) return 'pending';
  if (/reject|editingrequired|refused/.test(s) || p.rejectReasons.length > 0) return 'rejected';
  return 'inactive';
}

/** Reads products back by SellerSku, 100 per call; each SellerSku maps to the product holding it. */
export async function readBySellerSku(
  adapter: MarketplaceAdapter,
  sellerSkus: readonly string[],
): Promise<Map<string, RemoteProduct>> {
  const out = new Map<string, RemoteProduct>();
  for (const part of chunk([...sellerSkus], 100)) {
    const page = await adapter.getProducts({ sellerSkus: part, filter: 'all' });
    for (const p of page.products) for (const s of p.skus) out.set(s.sellerSku, p);
  }
  return out;
}
