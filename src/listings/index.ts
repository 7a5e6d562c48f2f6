/**
 * Listings: a Korean product becomes a listing on each site and stays correct there. Category
 * and attribute mapping, the listing builder, preflight, the lifecycle (a transition table),
 * publishing, QC, price and stock sync, reconciliation, and operator actions. This file is the
 * capability's only door. See docs/listings.md.
 */
export * from './category/index.ts';
export {
  preflight,
  blocking,
  type PreflightIssue,
  type PreflightInput,
  type PreflightCompliance,
} from './preflight/index.ts';
export {
  LISTING_STATES,
  LISTING_TRANSITIONS,
  ON_PLATFORM,
  transition,
  isListingState,
  statesLeadingTo,
  type ListingState,
  type TransitionResult,
} from './lifecycle.ts';
export {
  buildListing,
  type BuildInput,
  type BuildResult,
  type BuiltItem,
  type CategoryChoice,
  type MissingField,
} from './listing-builder.ts';
export type { ListingsDeps } from './listing-deps.ts';
export { createListingsDeps, type ListingsWiring } from './listings-runtime.ts';
export { SiteCatalogs } from './site-catalog.ts';
export { publishProduct, buildFor, loadProduct, PUBLISHABLE, type PublishOutcome } from './publish.ts';
export {
  publishSite,
  recoverPublishing,
  type PublishRunOptions,
  type PublishSummary,
} from './publish-run.ts';
export { pollQc, type QcSummary } from './qc.ts';
export { qcPushHandler, QC_PUSH_TYPE } from './qc-pushes.ts';
export { syncOnce, type SyncSummary } from './sync.ts';
export { reconcileSite, type ReconcileSummary } from './reconcile.ts';
export { actOnListing, type ListingAction } from './actions.ts';
export {
  bulkListingAction,
  BULK_ACTIONS,
  MAX_BULK_TARGETS,
  type BulkAction,
  type BulkItem,
  type BulkRequest,
  type BulkResult,
} from './bulk-actions.ts';
export {
  catalogGrid,
  gridCells,
  GRID_STATES,
  type GridCell,
  type GridFilter,
  type GridRow,
  type GridState,
} from './grid.ts';
export {
  productSyncLog,
  productListingSkus,
  type ProductSyncEntry,
  type ProductListingSku,
} from './product-history.ts';
export {
  categoryReview,
  confirmListingCategory,
  type CategoryReviewRow,
  type ConfirmCategoryRequest,
} from './category-review.ts';
export {
  listingStatus,
  listingCounts,
  type StateCounts,
  listListings,
  getListing,
  type StatusReport,
  type ListingPage,
  type ListingDetail,
} from './queries.ts';
export { pricingSiteOf, priceableVariant } from './listing-inputs.ts';
export type { ListingRow } from './listing-store.ts';
export { listingsDeps } from './app-runtime.ts';
export { startSyncLoop, type SyncLoopOptions } from './sync-loop.ts';
