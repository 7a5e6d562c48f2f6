import { addStock } from '../inventory/index.ts';
import type { Store } from '../db/index.ts';
import { AppError, err, ok, scopedSellerId, type Result, type Scope } from '../shared/index.ts';
import { applyReverse } from './apply-reverse.ts';
import { AE_REQUEST_PREFIX } from './cancel-requests.ts';
import { SELLER_CANCELLABLE, isLineStatus, type LineStatus } from './line-states.ts';
import { channelOf, linesOf, orderInScope, recordEvent, refreshOrder, type OrderDeps } from './order-deps.ts';

/**
 * The order lifecycle beyond what the marketplace reports by itself: a seller's cancellation
 * (validated with the marketplace first, research 2.9), and returns (a buyer return or a parcel
 * back from a failed delivery) received by the seller and put back on the shelf or written off.
 * Buyer cancellations need nothing here: they arrive as `canceled` statuses and release stock in
 * the ingestion path.
 */

export type CancelFailure =
  | { kind: 'not-cancellable'; lines: { lineId: string; status: string }[] }
  | { kind: 'unknown-reason'; reasons: { id: string; name: string }[] };

export interface CancelResult {
  canceled: string[];
  reason: { id: string; name: string };
  /** Other lines the marketplace cancelled with them (a packed package is cancelled whole). */
  alsoCanceled: string[];
}

/**
 * Cancels lines of an order on the seller's behalf: only pending … ready-to-ship lines; the
 * reason must be one the marketplace offers for them (`reasonId`, or the first offered). The
 * order is then read back and applied, which releases the stock.
 */
export async function cancelLines(
  deps: OrderDeps,
  scope: Scope,
  input: {
    orderId: string;
    lineIds?: readonly string[] | undefined;
    reasonId?: string | undefined;
    actor?: string;
  },
): Promise<Result<CancelResult, CancelFailure>> {
  const order = await orderInScope(deps.store, scope, input.orderId);
  const all = await linesOf(deps.store, order.id);
  const cancellable = (l: { status: string }) => isLineStatus(l.status) && SELLER_CANCELLABLE.has(l.status);
  let lines = all;
  if (input.lineIds) {
    lines = all.filter((l) => input.lineIds!.includes(l.id) || input.lineIds!.includes(l.externalItemId));
    if (lines.length === 0) throw new AppError('invalid_input', 'lines: none of these lines is in the order');
  } else if (all.some(cancellable)) {
    // The whole order: every line that can still be cancelled.
    lines = all.filter(cancellable);
  }
  const blocked = lines.filter((l) => !cancellable(l));
  if (blocked.length > 0) {
    return err({ kind: 'not-cancellable', lines: blocked.map((l) => ({ lineId: l.id, status: l.status })) });
  }
  const adapter = deps.gateway.adapter(await channelOf(deps, order));
  const itemIds = lines.map((l) => l.externalItemId);
  const reasons = await adapter.cancelReasons(order.externalOrderId, itemIds);
  const reason = input.reasonId ? reasons.find((r) => r.id === input.reasonId) : reasons[0];
  if (!reason) return err({ kind: 'unknown-reason', reasons });
  await recordEvent(deps.store, {
    sellerId: order.sellerId,
    orderId: order.id,
    kind: 'cancel-requested',
    source: input.actor ?? 'seller',
    detail: { lines: lines.map((l) => l.id), reason },
    at: deps.clock.now(),
  });
  await adapter.cancel({ orderId: order.externalOrderId, orderItemIds: itemIds, reasonId: reason.id });
  await refreshOrder(deps, order, 'manual');
  const after = await linesOf(deps.store, order.id);
  const wanted = new Set(lines.map((l) => l.id));
  return ok({
    canceled: after.filter((l) => wanted.has(l.id) && l.status === 'canceled').map((l) => l.id),
    reason,
    alsoCanceled: after
      .filter(
        (l) =>
          !wanted.has(l.id) &&
          l.status === 'canceled' &&
          all.find((x) => x.id === l.id)?.status !== 'canceled',
      )
      .map((l) => l.id),
  });
}

export type AnswerCancelFailure = { kind: 'no-cancel-request'; statuses: string[] };

/**
 * The seller answers a buyer's cancellation request (a reverse order in `CANCEL_INIT`, on the
 * to-do list as `answer-cancel`) before shipping: accepting cancels the lines (stock released by
 * the ordinary path), refusing keeps them to be shipped. The order and the reverse order are then
 * read back and applied through the same exactly-once paths as pushes, so the push that follows
 * changes nothing.
 */
export async function answerCancelRequest(
  deps: OrderDeps,
  scope: Scope,
  input: { orderId: string; accept: boolean; reasonCode?: string | undefined; actor?: string },
): Promise<
  Result<
    { reverseOrderIds: string[]; accepted: boolean; lines: { lineId: string; status: LineStatus }[] },
    AnswerCancelFailure
  >
> {
  const order = await orderInScope(deps.store, scope, input.orderId);
  const requested = await deps.store.query<{
    id: string;
    external_reverse_order_id: string | null;
    reverse_status: string;
  }>(
    `SELECT id, external_reverse_order_id, reverse_status FROM order_lines
     WHERE order_id = $1 AND reverse_phase = 'requested' AND reverse_status LIKE 'CANCEL%' ORDER BY id`,
    [order.id],
  );
  const ids = [...new Set(requested.map((r) => r.external_reverse_order_id).filter((x): x is string => !!x))];
  if (ids.length === 0) {
    const all = await linesOf(deps.store, order.id);
    return err({ kind: 'no-cancel-request', statuses: [...new Set(all.map((l) => l.status))] });
  }
  const adapter = deps.gateway.adapter(await channelOf(deps, order));
  if (!adapter.decideCancel)
    throw new AppError('unsupported', `${order.site}: answering cancellation requests is not supported`);
  for (const id of ids)
    await adapter.decideCancel({
      orderId: order.externalOrderId,
      // AliExpress requests have no reverse order of the platform's (reverse ids of ours: `IN_CANCEL@…`).
      reverseOrderId: id.startsWith(AE_REQUEST_PREFIX) ? undefined : id,
      agree: input.accept,
      reason: input.reasonCode,
    });
  const now = deps.clock.now();
  await recordEvent(deps.store, {
    sellerId: order.sellerId,
    orderId: order.id,
    kind: input.accept ? 'cancel-request-accepted' : 'cancel-request-refused',
    source: input.actor ?? 'seller',
    detail: { reverseOrderIds: ids, lines: requested.map((r) => r.id) },
    at: now,
  });
  await refreshOrder(deps, order, 'manual');
  if (adapter.listReverseOrders) {
    for (const id of ids) {
      const page = await adapter.listReverseOrders({ reverseOrderId: id, pageNo: 1, pageSize: 50 });
      const reports = page.lines.map((l) => ({
        site: order.site,
        externalItemId: l.orderItemId,
        rawStatus: l.status,
        reverseOrderId: l.reverseOrderId,
        at: l.modifiedAt,
        source: 'manual',
      }));
      await deps.store.transaction((tx) => applyReverse(tx, reports, deps.clock.now()));
    }
  }
  const after = await linesOf(deps.store, order.id);
  const wanted = new Set(requested.map((r) => r.id));
  return ok({
    reverseOrderIds: ids,
    accepted: input.accept,
    lines: after.filter((l) => wanted.has(l.id)).map((l) => ({ lineId: l.id, status: l.status })),
  });
}

export const RETURN_KINDS = ['buyer_return', 'returned_to_sender'] as const;
export const RETURN_STATUSES = ['open', 'restocked', 'written_off'] as const;

export interface ReturnView {
  id: string;
  sellerId: string;
  orderId: string;
  lineId: string;
  kind: (typeof RETURN_KINDS)[number];
  status: (typeof RETURN_STATUSES)[number];
  externalReverseOrderId: string | null;
  sellerSku: string | null;
  quantity: number;
  createdAt: Date;
}

/** Returns in scope, open ones first. */
export async function listReturns(
  store: Pick<Store, 'query'>,
  scope: Scope,
  options: { status?: string; limit?: number } = {},
): Promise<ReturnView[]> {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT r.id, r.seller_id, r.order_id, r.line_id, r.kind, r.status, r.external_reverse_order_id, r.created_at,
       l.seller_sku, l.quantity
     FROM order_returns r JOIN order_lines l ON l.id = r.line_id
     WHERE ($1::text IS NULL OR r.seller_id = $1) AND ($2::text IS NULL OR r.status = $2)
     ORDER BY (r.status = 'open') DESC, r.created_at DESC LIMIT $3`,
    [scopedSellerId(scope) ?? null, options.status ?? null, options.limit ?? 100],
  );
  return rows.map((r) => ({
    id: String(r.id),
    sellerId: String(r.seller_id),
    orderId: String(r.order_id),
    lineId: String(r.line_id),
    // The table's CHECK lists are these constants.
    kind: r.kind as ReturnView['kind'],
    status: r.status as ReturnView['status'],
    externalReverseOrderId: (r.external_reverse_order_id as string | null) ?? null,
    sellerSku: (r.seller_sku as string | null) ?? null,
    quantity: Number(r.quantity),
    createdAt: r.created_at as Date,
  }));
}

/**
 * The seller has the returned parcel: `restock` puts the units back on hand (they become
 * available to every site again), otherwise they are written off. Doing it twice changes nothing.
 */
export async function receiveReturn(
  store: Store,
  scope: Scope,
  input: { returnId: string; restock: boolean; note?: string; actor?: string; at?: Date },
): Promise<Result<{ status: 'restocked' | 'written_off' }, { kind: 'already-closed'; status: string }>> {
  const at = input.at ?? new Date();
  return store.transaction(async (tx) => {
    const [r] = await tx.query<{
      id: string;
      seller_id: string;
      order_id: string;
      line_id: string;
      status: string;
      variant_id: string | null;
      seller_sku: string | null;
      quantity: number;
      site: string;
    }>(
      `SELECT r.id, r.seller_id, r.order_id, r.line_id, r.status, l.variant_id, l.seller_sku, l.quantity, l.site
       FROM order_returns r JOIN order_lines l ON l.id = r.line_id
       WHERE r.id = $1 AND ($2::text IS NULL OR r.seller_id = $2) FOR UPDATE OF r`,
      [input.returnId, scopedSellerId(scope) ?? null],
    );
    if (!r) throw new AppError('not_found', `return ${input.returnId} not found`);
    if (r.status !== 'open') return err({ kind: 'already-closed' as const, status: r.status });
    const status = input.restock && r.variant_id ? 'restocked' : 'written_off';
    if (status === 'restocked') {
      await addStock(tx, {
        sellerId: r.seller_id,
        variantId: r.variant_id!,
        sellerSku: r.seller_sku ?? '',
        quantity: r.quantity,
        kind: 'restock',
        idempotencyKey: `restock:${r.id}`,
        ref: r.id,
        site: r.site,
        actor: input.actor,
        note: input.note ?? 'returned parcel back on the shelf',
        at,
      });
    }
    await tx.query(`UPDATE order_returns SET status = $2, updated_at = $3 WHERE id = $1`, [r.id, status, at]);
    await recordEvent(tx, {
      sellerId: r.seller_id,
      orderId: r.order_id,
      lineId: r.line_id,
      kind: status === 'restocked' ? 'return-restocked' : 'return-written-off',
      source: input.actor ?? 'seller',
      detail: input.note ? { note: input.note } : null,
      at,
    });
    return ok({ status });
  });
}
