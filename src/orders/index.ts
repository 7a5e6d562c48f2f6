/**
 * Orders: ingestion from the marketplaces (signed pushes committed to an inbox and acknowledged
 * at once, processed from there; polling sweeps as the safety net), exactly-once upserts per
 * order line and status that never move a line backwards, KRW values at the order-time FX
 * snapshot, routing to the seller, stock reservations and releases through inventory, the
 * lifecycle (seller and buyer cancels, returns), fulfilment and the seller's to-do list. This
 * file is the capability's only door.
 */
export {
  LINE_STATUSES,
  LINE_TRANSITIONS,
  SELLER_CANCELLABLE,
  decideStatus,
  isAhead,
  isLineStatus,
  normaliseStatus,
  stockNeed,
  returnKind,
  type LineStatus,
  type StatusDecision,
} from './line-states.ts';
export { snapshotFromRemote, type OrderSnapshot, type LineSnapshot } from './snapshot.ts';
export { OrderFx, toKrw } from './order-fx.ts';
export {
  registerChannel,
  listChannels,
  siteById,
  siteIdOf,
  ChannelDirectory,
  connectGateway,
  type OrderChannel,
  type MarketplaceGateway,
  type MarketplaceApp,
} from './channels.ts';
export { listConnections, type Connection } from './connections.ts';
export {
  InboxWriter,
  claimInbox,
  finishInbox,
  retryInbox,
  inboxStats,
  requeueFailed,
  type InboxEntry,
  type ClaimedEntry,
} from './push-inbox.ts';
export { PushReceiver, ORDER_MESSAGE_TYPES, type ReceiveOutcome } from './push-receiver.ts';
export {
  applyOrders,
  type ApplySummary,
  type OrderWork,
  type StatusReport,
  type ReportSource,
} from './apply-orders.ts';
export { OrderIngestor, type IngestDeps, type BatchResult } from './ingest-worker.ts';
export { sweepChannel, type SweepOptions, type SweepResult } from './sweep.ts';
export {
  orderInScope,
  linesOf,
  refreshOrder,
  recordEvent,
  type OrderDeps,
  type OrderRef,
  type LineRef,
} from './order-deps.ts';
export {
  answerCancelRequest,
  cancelLines,
  listReturns,
  receiveReturn,
  type AnswerCancelFailure,
  type CancelFailure,
  type CancelResult,
  type ReturnView,
  RETURN_KINDS,
  RETURN_STATUSES,
} from './lifecycle.ts';
export {
  packOrder,
  shippingLabel,
  readyToShip,
  handOver,
  packagesInScope,
  PACKAGE_STATUSES,
  type PackageStatus,
  type PackFailure,
  type PackResult,
  type PackageRow,
} from './fulfilment.ts';
export {
  todoList,
  getOrderDetail,
  orderTimeline,
  TODO_ACTIONS,
  type TodoAction,
  type TodoItem,
  type OrderDetail,
  type TimelineEntry,
} from './queries.ts';
export { listOrders, type OrderListOptions, type OrderSummary } from './order-list.ts';
export { STOCK_STATES, type StockState } from './line-stock.ts';
export {
  customsPapers,
  packageParcel,
  packageShippingOptions,
  type Describe,
  type DescribedGoods,
  type DescriptionSource,
  type PackageParcel,
  type PapersFailure,
} from './customs-papers.ts';
export { englishTitleDescriber, describerFor } from './customs-describe.ts';
export { refreshTracking, type TrackingRefresh } from './tracking-refresh.ts';
export { ordersRuntime, tokenEncryptionKey, type OrdersRuntime } from './runtime.ts';
