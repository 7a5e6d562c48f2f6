import { z } from 'zod';
import { listingsDeps, publishSite, reconcileSite } from '../listings/index.ts';
import { listSites } from '../marketplaces/index.ts';
import { defineJob } from './registry.ts';

/**
 * Listings as jobs: a publish run per site (enqueue one per site to spread them over workers),
 * and reconciliation of every site every hour. Price and stock sync is not a job: it runs as a
 * loop in each worker process (`startSyncLoop`), because stock must reach the sites in seconds.
 */
export const publishListingsJob = defineJob({
  name: 'listings.publish',
  payload: z.object({
    site: z.string(),
    sellerId: z.string().optional(),
    limit: z.number().int().positive().optional(),
    rebuild: z.boolean().optional(),
  }),
  retryLimit: 2,
  async handler(p, { app }) {
    return publishSite(listingsDeps(app), p.site, {
      sellerId: p.sellerId,
      limit: p.limit,
      rebuild: p.rebuild,
    });
  },
});

export const reconcileListingsJob = defineJob({
  name: 'listings.reconcile',
  payload: z.object({ site: z.string().optional() }),
  retryLimit: 1,
  everySeconds: () => 3600,
  async handler(p, { app }) {
    const sites = p.site ? [p.site] : listSites().map((s) => s.id);
    const out = [];
    for (const site of sites) out.push(await reconcileSite(listingsDeps(app), site));
    return { sites: out };
  },
});
