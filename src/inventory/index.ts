/**
 * Inventory: one stock per seller SKU (variant) shared by every site it sells on. An append-only
 * ledger of movements (receipts, counts, reservations, releases, shipments, restocks), current
 * counts guarded by CHECK constraints (reserved never exceeds on hand), reservations per order
 * line, allocation of free stock to sites (shared pool with buffers, or fixed splits), and the
 * stock push to the listings as a coalescing outbox. This file is the capability's only door.
 */
export {
  reserveStock,
  releaseStock,
  shipStock,
  addStock,
  setOnHand,
  type Sql,
  type Counts,
  type ReserveInput,
  type ReserveOutcome,
  type ReserveFailure,
  type ShipOutcome,
  type AdjustFailure,
} from './stock-moves.ts';
export {
  availableBySite,
  validatePolicy,
  DEFAULT_POLICY,
  type AllocationMode,
  type AllocationPolicy,
} from './allocation.ts';
export {
  pendingStockChanges,
  markStockSynced,
  runStockSync,
  loadPolicies,
  policyFor,
  type StockChange,
  type StockPushTarget,
} from './stock-sync.ts';
export {
  resolveVariant,
  receiveStock,
  countStock,
  openStockFromCatalog,
  stockLevels,
  stockLedger,
  setAllocationPolicy,
  type VariantRef,
  type StockLevel,
  type LedgerEntry,
} from './stock-service.ts';
