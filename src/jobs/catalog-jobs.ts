import { z } from 'zod';
import { importCatalog } from '../catalog/index.ts';
import { defineJob } from './registry.ts';

/** Imports a catalog file in the background (the API's upload path and the CLI's --async). */
export const importCatalogJob = defineJob({
  name: 'catalog.import',
  payload: z.object({
    path: z.string().min(1),
    sellerId: z.string().optional(),
    format: z.string().optional(),
  }),
  retryLimit: 1,
  async handler(payload, { app }) {
    const summary = await importCatalog(app.store, payload.path, app.clock, payload);
    return {
      runId: summary.runId,
      created: summary.created,
      updated: summary.updated,
      unchanged: summary.unchanged,
      rejected: summary.rejected,
    };
  },
});
