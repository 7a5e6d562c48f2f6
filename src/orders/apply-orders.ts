import type { SqlTx } from '../db/index.ts';
import type { FxSnapshot } from '../pricing/index.ts';
import { money, newId } from '../shared/index.ts';
import {
  insertEvents,
  insertLines,
  lockLines,
  lockOrders,
  updateLines,
  upsertOrders,
  type EventRow,
  type LineRow,
  type LineUpdate,
  type NewLine,
  type OrderInsert,
} from './apply-sql.ts';
import type { OrderChannel } from './channels.ts';
import { decideStatus, isLineStatus, returnKind, type LineStatus } from './line-states.ts';
import { runStockOps, stockOpFor, type PlannedStockOp, type StockState } from './line-stock.ts';
import { toKrw } from './order-fx.ts';
import type { LineSnapshot, OrderSnapshot } from './snapshot.ts';

/**
 * Applies what the marketplaces reported, in one transaction per batch: exactly once per order
 * line and status. Orders are upserted (or locked) first, so two processors on the same order take
 * turns; their lines are locked and each incoming status is applied only when it lies ahead of
 * the stored one (line-states.ts); stock moves follow the status (line-stock.ts); every change
 * lands in the timeline. The inbox rows that carried the reports are marked done by the caller in
 * the same transaction, so a report is either fully applied or still queued. Writes are batched
 * per kind (apply-sql.ts): a batch of hundreds of orders is a handful of statements plus one per
 * stock move.
 */
export type ReportSource = 'push' | 'sweep' | 'manual';

export interface StatusReport {
  externalItemId: string;
  status: LineStatus;
  statusAt?: Date | undefined;
  reverseOrderId?: string | undefined;
}

export type OrderWork =
  | { kind: 'snapshot'; channel: OrderChannel; snapshot: OrderSnapshot; fx: FxSnapshot; source: ReportSource }
  | {
      kind: 'statuses';
      channel: OrderChannel;
      site: string;
      externalOrderId: string;
      reports: StatusReport[];
      source: ReportSource;
    };

export interface ApplySummary {
  ordersCreated: number;
  linesCreated: number;
  statusChanges: number;
  staleReports: number;
  reserved: number;
  short: number;
  released: number;
  shipped: number;
  unmatched: number;
  returnsOpened: number;
  /** Status reports about orders or lines not in the store yet: fetch the order and apply again. */
  needsFetch: { site: string; externalOrderId: string }[];
  /** Lines created by this batch (for latency measurements). */
  createdLines: {
    lineId: string;
    orderId: string;
    sellerId: string;
    site: string;
    externalOrderId: string;
  }[];
}

export function emptySummary(): ApplySummary {
  return {
    ordersCreated: 0,
    linesCreated: 0,
    statusChanges: 0,
    staleReports: 0,
    reserved: 0,
    short: 0,
    released: 0,
    shipped: 0,
    unmatched: 0,
    returnsOpened: 0,
    needsFetch: [],
    createdLines: [],
  };
}

const keyOf = (w: OrderWork) =>
  `${w.channel.site}\n${w.kind === 'snapshot' ? w.snapshot.externalOrderId : w.externalOrderId}`;

/** Our variants for (seller, SKU) pairs, in one query. */
async function matchVariants(tx: SqlTx, works: OrderWork[]): Promise<Map<string, string>> {
  const pairs = works.flatMap((w) =>
    w.kind === 'snapshot'
      ? w.snapshot.lines
          .filter((l) => l.sellerSku)
          .map((l) => ({ sellerId: w.channel.sellerId, sku: l.sellerSku! }))
      : [],
  );
  const out = new Map<string, string>();
  if (pairs.length === 0) return out;
  const rows = await tx.query<{ id: string; seller_id: string; seller_sku: string }>(
    `SELECT v.id, v.seller_id, v.seller_sku FROM variants v
     JOIN unnest($1::text[], $2::text[]) AS k(seller_id, sku) ON v.seller_id = k.seller_id AND v.seller_sku = k.sku`,
    [pairs.map((p) => p.sellerId), pairs.map((p) => p.sku)],
  );
  for (const r of rows) out.set(`${r.seller_id}\n${r.seller_sku}`, r.id);
  return out;
}

function orderRow(w: Extract<OrderWork, { kind: 'snapshot' }>, now: Date): OrderInsert {
  const s = w.snapshot;
  const itemsTotal = s.lines.reduce((n, l) => n + l.itemPriceMinor, 0);
  const { krw, rate } = toKrw(money(s.currency, itemsTotal), w.fx);
  return {
    id: newId('order', now.getTime()),
    sellerId: w.channel.sellerId,
    site: w.channel.site,
    platform: s.platform,
    externalOrderId: s.externalOrderId,
    orderNumber: s.orderNumber ?? null,
    externalSellerId: s.externalSellerId,
    currency: s.currency,
    itemsTotalMinor: itemsTotal,
    shippingFeeMinor: s.shippingFeeMinor,
    itemsTotalKrw: krw.minor,
    fxSnapshotId: w.fx.id,
    fxRate: rate,
    paymentMethod: s.paymentMethod ?? null,
    buyerName: s.buyerName ?? null,
    buyerCountry: s.buyerCountry ?? null,
    address: s.address ? JSON.stringify(s.address) : null,
    placedAt: s.placedAt,
    remoteUpdatedAt: s.updatedAt ?? null,
    now,
  };
}

export async function applyOrders(tx: SqlTx, input: OrderWork[], now: Date): Promise<ApplySummary> {
  const sum = emptySummary();
  const works = [...input].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const variants = await matchVariants(tx, works);
  const snapshots = works.filter((w): w is Extract<OrderWork, { kind: 'snapshot' }> => w.kind === 'snapshot');
  const upserted = await upsertOrders(
    tx,
    snapshots.map((w) => orderRow(w, now)),
  );
  const locked = await lockOrders(
    tx,
    works
      .filter((w) => w.kind === 'statuses')
      .map((w) => ({
        site: w.channel.site,
        externalOrderId: (w as { externalOrderId: string }).externalOrderId,
      })),
  );
  const orderIdOf = (w: OrderWork) => upserted.get(keyOf(w)) ?? locked.get(keyOf(w));
  const lines = await lockLines(tx, [
    ...new Set(works.map((w) => orderIdOf(w)?.id).filter((x): x is string => !!x)),
  ]);

  const newLines: NewLine[] = [];
  const updates: LineUpdate[] = [];
  const ops: PlannedStockOp[] = [];
  const events: EventRow[] = [];
  const needsFetch = new Set<string>();
  const returns: {
    sellerId: string;
    orderId: string;
    lineId: string;
    kind: string;
    reverseId?: string | undefined;
    at: Date;
  }[] = [];

  for (const w of works) {
    const site = w.channel.site;
    const order = orderIdOf(w);
    if (!order) {
      needsFetch.add(keyOf(w));
      continue;
    }
    const { id: orderId, sellerId } = order;
    const reports: (StatusReport & { snapshotLine?: LineSnapshot })[] = [];
    if (w.kind === 'snapshot') {
      const s = w.snapshot;
      if (upserted.get(keyOf(w))?.inserted) {
        sum.ordersCreated += 1;
        const itemsTotal = s.lines.reduce((n, l) => n + l.itemPriceMinor, 0);
        events.push({
          sellerId,
          orderId,
          lineId: null,
          kind: 'ingested',
          from: null,
          to: null,
          source: w.source,
          detail: {
            externalOrderId: s.externalOrderId,
            lines: s.lines.length,
            itemsTotal: { currency: s.currency, minor: itemsTotal },
            fxSnapshotId: w.fx.id,
          },
          at: now,
        });
      }
      for (const l of s.lines)
        reports.push({
          externalItemId: l.externalItemId,
          status: l.status,
          statusAt: l.statusAt,
          reverseOrderId: l.reverseOrderId,
          snapshotLine: l,
        });
    } else {
      reports.push(...w.reports);
    }

    const byItem = new Map((lines.get(orderId) ?? []).map((l) => [l.external_item_id, l]));
    for (const r of reports) {
      const existing = byItem.get(r.externalItemId);
      const snap = r.snapshotLine;
      if (!existing) {
        if (!snap || w.kind !== 'snapshot') {
          needsFetch.add(keyOf(w)); // a status about a line we have never seen: read the order
          continue;
        }
        const lineId = newId('orderLine', now.getTime());
        const variantId = snap.sellerSku
          ? (variants.get(`${w.channel.sellerId}\n${snap.sellerSku}`) ?? null)
          : null;
        const state: StockState = variantId ? 'none' : 'unmatched';
        newLines.push({
          id: lineId,
          sellerId,
          orderId,
          site,
          line: snap,
          variantId,
          currency: w.snapshot.currency,
          itemPriceKrw: toKrw(money(w.snapshot.currency, snap.itemPriceMinor), w.fx).krw.minor,
          stockState: state,
        });
        const row: LineRow = {
          id: lineId,
          order_id: orderId,
          external_item_id: r.externalItemId,
          status: snap.status,
          status_at: snap.statusAt ?? null,
          stock_state: state,
          variant_id: variantId,
          quantity: snap.quantity,
        };
        byItem.set(r.externalItemId, row);
        sum.linesCreated += 1;
        sum.createdLines.push({
          lineId,
          orderId,
          sellerId,
          site,
          externalOrderId: w.snapshot.externalOrderId,
        });
        events.push({
          sellerId,
          orderId,
          lineId,
          kind: 'status',
          from: null,
          to: snap.status,
          source: w.source,
          detail: snap.rawStatus ? { platformStatus: snap.rawStatus } : null,
          at: snap.statusAt ?? now,
        });
        if (!variantId) {
          sum.unmatched += 1;
          events.push({
            sellerId,
            orderId,
            lineId,
            kind: 'unmatched-sku',
            from: null,
            to: null,
            source: 'system',
            detail: { sellerSku: snap.sellerSku ?? null, shopSku: snap.shopSku ?? null },
            at: now,
          });
        } else {
          const op = stockOpFor('none', snap.status);
          if (op) ops.push({ op, lineId, sellerId, variantId, site, quantity: snap.quantity, at: now });
        }
        const rk = returnKind(snap.status);
        if (rk)
          returns.push({ sellerId, orderId, lineId, kind: rk, reverseId: snap.reverseOrderId, at: now });
        continue;
      }
      if (snap?.rawStatus) continue; // a status we do not know leaves the line as it is
      if (!isLineStatus(existing.status)) continue;
      const decision = decideStatus(existing.status, existing.status_at, r.status, r.statusAt);
      if (decision !== 'apply') {
        if (decision === 'stale') sum.staleReports += 1;
        // Same status: still take the fulfilment facts the marketplace added (package, tracking).
        if (decision === 'same' && snap && (snap.externalPackageId || snap.trackingNumber)) {
          updates.push({
            id: existing.id,
            status: existing.status,
            statusAt: existing.status_at,
            stockState: existing.stock_state,
            packageId: snap.externalPackageId,
            tracking: snap.trackingNumber,
            provider: snap.shipmentProvider,
          });
        }
        continue;
      }
      sum.statusChanges += 1;
      events.push({
        sellerId,
        orderId,
        lineId: existing.id,
        kind: 'status',
        from: existing.status,
        to: r.status,
        source: w.source,
        detail: snap?.reason ? { reason: snap.reason } : null,
        at: r.statusAt ?? now,
      });
      const op = existing.variant_id ? stockOpFor(existing.stock_state, r.status) : undefined;
      if (op)
        ops.push({
          op,
          lineId: existing.id,
          sellerId,
          variantId: existing.variant_id!,
          site,
          quantity: existing.quantity,
          at: now,
        });
      updates.push({
        id: existing.id,
        status: r.status,
        statusAt: r.statusAt ?? null,
        stockState: existing.stock_state,
        reason: snap?.reason,
        packageId: snap?.externalPackageId,
        tracking: snap?.trackingNumber,
        provider: snap?.shipmentProvider,
      });
      existing.status = r.status;
      existing.status_at = r.statusAt ?? existing.status_at;
      const rk = returnKind(r.status);
      if (rk)
        returns.push({
          sellerId,
          orderId,
          lineId: existing.id,
          kind: rk,
          reverseId: r.reverseOrderId ?? snap?.reverseOrderId,
          at: now,
        });
    }
  }

  // Stock moves (in variant order), then the lines with the stock state they ended in.
  const outcomes = new Map((await runStockOps(tx, ops)).map((o) => [o.lineId, o]));
  const sellerOfLine = new Map(ops.map((o) => [o.lineId, o.sellerId]));
  for (const o of outcomes.values()) {
    if (o.state === 'reserved') sum.reserved += 1;
    else if (o.state === 'released') sum.released += 1;
    else if (o.state === 'shipped') sum.shipped += 1;
    else if (o.state === 'short') sum.short += 1;
  }
  for (const n of newLines) n.stockState = outcomes.get(n.id)?.state ?? n.stockState;
  // The same line may be updated twice in one batch (two reports): keep its last update.
  const lastUpdate = new Map<string, LineUpdate>();
  for (const u of updates)
    lastUpdate.set(u.id, { ...u, stockState: outcomes.get(u.id)?.state ?? u.stockState });
  await insertLines(tx, newLines, now);
  await updateLines(tx, [...lastUpdate.values()], now);
  const orderOfLine = new Map<string, string>();
  for (const [orderId, ls] of lines) for (const l of ls) orderOfLine.set(l.id, orderId);
  for (const n of newLines) orderOfLine.set(n.id, n.orderId);
  for (const o of outcomes.values()) {
    if (o.state !== 'short') continue;
    events.push({
      sellerId: sellerOfLine.get(o.lineId) ?? '',
      orderId: orderOfLine.get(o.lineId) ?? '',
      lineId: o.lineId,
      kind: 'stock-short',
      from: null,
      to: null,
      source: 'system',
      detail: { available: o.short?.available ?? 0, wanted: o.short?.wanted ?? 0 },
      at: now,
    });
  }
  for (const r of returns) {
    const rows = await tx.query(
      `INSERT INTO order_returns (id, seller_id, order_id, line_id, kind, external_reverse_order_id, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$7) ON CONFLICT (line_id, kind) DO NOTHING RETURNING id`,
      [
        newId('orderReturn', now.getTime()),
        r.sellerId,
        r.orderId,
        r.lineId,
        r.kind,
        r.reverseId ?? null,
        r.at,
      ],
    );
    if (rows.length > 0) {
      sum.returnsOpened += 1;
      events.push({
        sellerId: r.sellerId,
        orderId: r.orderId,
        lineId: r.lineId,
        kind: 'return-opened',
        from: null,
        to: null,
        source: 'system',
        detail: { kind: r.kind, reverseOrderId: r.reverseId ?? null },
        at: r.at,
      });
    }
  }
  await insertEvents(tx, events);
  for (const k of needsFetch) {
    const [site, externalOrderId] = k.split('\n') as [string, string];
    sum.needsFetch.push({ site, externalOrderId });
  }
  return sum;
}
