import { importCatalogJob } from './catalog-jobs.ts';
import { requoteJob } from './pricing-jobs.ts';
import { processInboxJob, refreshTrackingJob, sweepOrdersJob } from './orders-jobs.ts';
import { localizeProductJob } from './translation-jobs.ts';
import { localizeCatalogImagesJob, localizeProductImagesJob } from './image-jobs.ts';
import type { JobDefinition } from './registry.ts';
import { publishListingsJob, reconcileListingsJob } from './listings-jobs.ts';

export { defineJob, type JobDefinition } from './registry.ts';
export { startQueue, type Queue } from './queue.ts';
export {
  queueOverview,
  redactSecrets,
  type QueueOverview,
  type QueueStats,
  type JobFailure,
} from './queue-stats.ts';

/** Every job kbridge runs; workers register all of them. */
export const ALL_JOBS: readonly JobDefinition[] = [
  importCatalogJob,
  requoteJob,
  processInboxJob,
  sweepOrdersJob,
  refreshTrackingJob,
  localizeProductJob,
  localizeProductImagesJob,
  localizeCatalogImagesJob,
  publishListingsJob,
  reconcileListingsJob,
] as unknown as JobDefinition[];
