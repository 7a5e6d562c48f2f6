import { LazopAdapter, type AdapterInit } from './lazop-adapter.ts';
import { AliExpressAdapter } from './aliexpress-adapter.ts';
import type { MarketplaceAdapter } from './types.ts';

/** The adapter for the client's site: Lazop for Lazada/Daraz/Miravia, IOP/TOP for AliExpress. */
export function createMarketplaceAdapter(init: AdapterInit): MarketplaceAdapter {
  return init.client.site.protocol === 'iop-top' ? new AliExpressAdapter(init) : new LazopAdapter(init);
}
