import { z } from '@hono/zod-openapi';
import {
  LINE_STATUSES,
  PACKAGE_STATUSES,
  RETURN_KINDS,
  RETURN_STATUSES,
  STOCK_STATES,
  TODO_ACTIONS,
} from '../../orders/index.ts';
import { DateTime, MoneySchema, pageOf } from '../schemas.ts';

/**
 * What the order, package, stock and return endpoints answer, field for field as the orders and
 * inventory capabilities return them (dates as ISO strings). Closed lists come from the
 * capabilities' constants so a new status shows up here and in the console's generated types.
 */

const id = (description: string) => z.string().openapi({ description });
const count = z.number().int();
const minor = (description: string) => z.number().int().openapi({ description });

export const LineStatus = z
  .enum(LINE_STATUSES)
  .openapi('LineStatus', { description: "the marketplace's order item status; moves only forward" });
export const StockState = z
  .enum(STOCK_STATES)
  .openapi('StockState', { description: "what the line holds of the seller's stock" });
export const PackageStatus = z.enum(PACKAGE_STATUSES).openapi('PackageStatus');

const summaryShape = {
  id: id('our order id (`ord_…`)'),
  sellerId: z.string(),
  site: z.string().openapi({ example: 'lazada-sg' }),
  externalOrderId: id("the marketplace's order id"),
  orderNumber: z
    .string()
    .nullable()
    .openapi({ description: "the marketplace's order number, as buyers see it" }),
  currency: z.string().openapi({ example: 'SGD', description: 'ISO 4217 code of the order' }),
  itemsTotalMinor: minor('items total in minor units of `currency`'),
  itemsTotalKrw: minor('items total in KRW at the order-time FX snapshot'),
  fxSnapshotId: z.string(),
  buyerCountry: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2' }),
  placedAt: DateTime,
  statuses: z.array(LineStatus).openapi({ description: "the distinct statuses of the order's lines" }),
};

export const OrderSummary = z.object(summaryShape).openapi('OrderSummary');

export const OrderLine = z
  .object({
    id: z.string(),
    orderId: z.string(),
    externalItemId: z.string(),
    status: LineStatus,
    stockState: StockState,
    variantId: z.string().nullable().openapi({ description: 'null: no variant has the seller SKU' }),
    sellerSku: z.string().nullable(),
    quantity: count,
    packageId: z.string().nullable(),
    externalPackageId: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    shipmentProvider: z.string().nullable(),
  })
  .openapi('OrderLine');

export const OrderPackage = z
  .object({
    id: z.string(),
    externalPackageId: z.string(),
    status: PackageStatus,
    trackingNumber: z.string().nullable(),
    firstMileCarrier: z.string().nullable(),
    firstMileTracking: z.string().nullable(),
  })
  .openapi('OrderPackage');

export const OrderDetail = z
  .object({
    ...summaryShape,
    paymentMethod: z.string().nullable(),
    buyerName: z.string().nullable(),
    shippingFeeMinor: minor('shipping fee in minor units of `currency`'),
    lines: z.array(OrderLine),
    packages: z.array(OrderPackage),
  })
  .openapi('OrderDetail');

const TodoLine = z.object({
  lineId: z.string(),
  sellerSku: z.string().nullable(),
  status: LineStatus,
  quantity: count,
});

export const TodoItem = z
  .object({
    action: z.enum(TODO_ACTIONS).openapi('TodoAction'),
    orderId: z.string(),
    externalOrderId: z.string(),
    site: z.string(),
    sellerId: z.string(),
    placedAt: DateTime,
    lines: z.array(TodoLine),
    packageId: z.string().nullable(),
    returnId: z.string().optional().openapi({ description: '`receive-return`: the return to receive' }),
    reverseOrderId: z
      .string()
      .optional()
      .openapi({ description: "`answer-cancel`: the buyer's cancellation request to accept or refuse" }),
  })
  .openapi('TodoItem');

export const TimelineEntry = z
  .object({
    at: DateTime,
    kind: z.string().openapi({
      description: 'status, stock-…, seller actions (packed, label-printed…) or `tracking:<code>`',
    }),
    lineId: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    source: z.string().openapi({ description: 'push, sweep, manual, seller… or `<leg>:<carrier>`' }),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('TimelineEntry');

export const PackResult = z
  .object({
    packages: z.array(
      z.object({
        packageId: z.string(),
        externalPackageId: z.string(),
        trackingNumber: z.string().optional(),
        provider: z.string().optional(),
        lines: z.array(z.string()).openapi({ description: 'line ids in the package' }),
      }),
    ),
  })
  .openapi('PackResult');

export const CancelResult = z
  .object({
    canceled: z.array(z.string()),
    reason: z.object({ id: z.string(), name: z.string() }),
    alsoCanceled: z
      .array(z.string())
      .openapi({ description: 'other lines the marketplace cancelled with them (a packed package)' }),
  })
  .openapi('CancelResult');

export const CancelRequestAnswer = z
  .object({
    reverseOrderIds: z.array(z.string()),
    accepted: z.boolean(),
    lines: z.array(z.object({ lineId: z.string(), status: LineStatus })),
  })
  .openapi('CancelRequestAnswer');

export const ShippingOption = z
  .object({
    code: z.string().openapi({ example: 'kpost-ems' }),
    name: z.string(),
    carrier: z.string(),
    kind: z.enum(['marketplace-hub', 'post']),
    eligible: z.boolean(),
    reasons: z.array(z.string()).openapi({ description: 'why not, when not eligible' }),
    actualG: count,
    volumetricG: count,
    chargeableG: count,
    price: MoneySchema.nullable().openapi({ description: 'postage estimate in KRW; null: no price' }),
    priceStatus: z.string().nullable(),
    customsForm: z.enum(['CN22', 'CN23']),
  })
  .openapi('ShippingOption');

export const ReadyToShipOutcome = z
  .object({ packageId: z.string(), ok: z.boolean(), message: z.string().optional() })
  .openapi('ReadyToShipOutcome');

export const HandOverResult = z
  .object({
    packageId: z.string(),
    shippedLines: count.openapi({ description: 'lines whose units left stock now' }),
  })
  .openapi('HandOverResult');

export const StockLevel = z
  .object({
    variantId: z.string(),
    sellerId: z.string(),
    sellerSku: z.string(),
    onHand: count,
    reserved: count,
    free: count,
    pendingPush: z.boolean().openapi({ description: 'the latest change is not on the listings yet' }),
    bySite: z.record(z.string(), count).openapi({ description: 'units each requested site may offer' }),
  })
  .openapi('StockLevel');

export const StockCounts = z.object({ onHand: count, reserved: count }).openapi('StockCounts');

export const StockReceipt = z
  .object({
    applied: z.boolean().openapi({ description: 'false: this request id was applied before' }),
    counts: StockCounts,
  })
  .openapi('StockReceipt');

export const ReturnStatus = z.enum(RETURN_STATUSES).openapi('ReturnStatus');

export const Return = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    orderId: z.string(),
    lineId: z.string(),
    kind: z.enum(RETURN_KINDS),
    status: ReturnStatus,
    externalReverseOrderId: z.string().nullable(),
    sellerSku: z.string().nullable(),
    quantity: count,
    createdAt: DateTime,
  })
  .openapi('Return');

export const ReturnClosed = z
  .object({ status: z.enum(['restocked', 'written_off']) })
  .openapi('ReturnClosed');

export const OrderSummaryPage = pageOf(OrderSummary).openapi('OrderSummaryPage');
export const TodoPage = pageOf(TodoItem).openapi('TodoPage');
export const TimelinePage = pageOf(TimelineEntry).openapi('TimelinePage');
export const ShippingOptionPage = pageOf(ShippingOption).openapi('ShippingOptionPage');
export const ReadyToShipPage = pageOf(ReadyToShipOutcome).openapi('ReadyToShipPage');
export const StockLevelPage = pageOf(StockLevel).openapi('StockLevelPage');
export const ReturnPage = pageOf(Return).openapi('ReturnPage');
