import type { App } from '../main/app.ts';
import { translationService } from '../localization/index.ts';
import { ordersRuntime } from '../orders/index.ts';
import type { ListingsDeps } from './listing-deps.ts';
import { createListingsDeps } from './listings-runtime.ts';
import { qcPushHandler } from './qc-pushes.ts';

const DEPS = new WeakMap<App, ListingsDeps>();

/**
 * The listings engine for a process's App: sellers' accounts and tokens are the orders
 * capability's channels and gateway (one connection and rate limiter per site for the process);
 * product QC pushes the order inbox receives are acted on here.
 */
export function listingsDeps(app: App): ListingsDeps {
  let deps = DEPS.get(app);
  if (!deps) {
    const orders = ordersRuntime(app);
    deps = createListingsDeps({
      store: app.store,
      clock: app.clock,
      logger: app.logger,
      translation: translationService(app),
      adapter: async (site, sellerId) =>
        orders.deps.gateway.adapter(await orders.deps.channels.forSeller(site, sellerId)),
    });
    orders.onOtherPushes(qcPushHandler(deps));
    DEPS.set(app, deps);
  }
  return deps;
}
