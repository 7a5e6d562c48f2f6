import type { SqlTx } from '../db/index.ts';
import type { FxSnapshot } from '../pricing/index.ts';
import { money, newId } from '../shared/index.ts';
import type { OrderChannel } from './channels.ts';
import { decideStatus, isLineStatus, returnKind, type LineStatus } from './line-states.ts';
import { runStockOps, stockOpFor, type PlannedStockOp, type StockState } from './line-stock.ts';
import { toKrw } from './order-fx.ts';
import type { OrderSnapshot } from './snapshot.ts';

/**
 * Applies what the marketplaces reported, in one transaction per batch: exactly once per order
 * line and status. The order row is upserted (or locked) first, so two processors on the same
 * order take turns; its lines are locked and each incoming status is applied only when it lies
 * ahead of the stored one (line-states.ts); stock moves follow the status (line-stock.ts); every
 * change lands in the timeline. The inbox rows that carried the reports are marked done by the
 * caller in the same transaction, so a report is either fully applied or still queued.
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

interface LineRow {
  id: string;
  external_item_id: string;
  status: string;
  status_at: Date | null;
  stock_state: StockState;
  variant_id: string | null;
  quantity: number;
}

interface NewLine {
  id: string;
  sellerId: string;
  orderId: string;
  site: string;
  line: OrderSnapshot['lines'][number];
  variantId: string | null;
  currency: string;
  itemPriceKrw: number;
  stockState: StockState;
}

interface LineUpdate {
  id: string;
  status: LineStatus;
  statusAt: Date | null;
  stockState: StockState;
  reason?: string | undefined;
  packageId?: string | undefined;
  tracking?: string | undefined;
  provider?: string | undefined;
}

interface EventRow {
  sellerId: string;
  orderId: string;
  lineId: string | null;
  kind: string;
  from: string | null;
  to: string | null;
  source: string;
  detail: Record<string, unknown> | null;
  at: Date;
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

/** Our variants for (seller, SKU) pairs, in one query. */
async function matchVariants(
  tx: SqlTx,
  pairs: { sellerId: string; sku: string }[],
): Promise<Map<string, string>> {
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

export async function applyOrders(tx: SqlTx, works: OrderWork[], now: Date): Promise<ApplySummary> {
  const sum = emptySummary();
  const key = (w: OrderWork) =>
    `${w.channel.site}\n${w.kind === 'snapshot' ? w.snapshot.externalOrderId : w.externalOrderId}`;
  works.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const variants = await matchVariants(
    tx,
    works.flatMap((w) =>
      w.kind === 'snapshot'
        ? w.snapshot.lines
            .filter((l) => l.sellerSku)
            .map((l) => ({ sellerId: w.channel.sellerId, sku: l.sellerSku! }))
        : [],
    ),
  );
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
    let orderId: string;
    let sellerId: string;
    const reports: (StatusReport & { snapshotLine?: OrderSnapshot['lines'][number] })[] = [];
    if (w.kind === 'snapshot') {
      const s = w.snapshot;
      const itemsTotal = s.lines.reduce((n, l) => n + l.itemPriceMinor, 0);
      const { krw, rate } = toKrw(money(s.currency, itemsTotal), w.fx);
      const [row] = await tx.query<{ id: string; seller_id: string; inserted: boolean }>(
        `INSERT INTO orders (id, seller_id, site, platform, external_order_id, order_number, external_seller_id, currency,
           items_total_minor, shipping_fee_minor, items_total_krw, fx_snapshot_id, fx_rate, payment_method, buyer_name,
           buyer_country, shipping_address, placed_at, remote_updated_at, created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$20)
         ON CONFLICT (site, external_order_id) DO UPDATE SET updated_at = EXCLUDED.updated_at,
           remote_updated_at = GREATEST(orders.remote_updated_at, EXCLUDED.remote_updated_at)
         RETURNING id, seller_id, (xmax = 0) AS inserted`,
        [
          newId('order', now.getTime()),
          w.channel.sellerId,
          site,
          s.platform,
          s.externalOrderId,
          s.orderNumber ?? null,
          s.externalSellerId,
          s.currency,
          itemsTotal,
          s.shippingFeeMinor,
          krw.minor,
          w.fx.id,
          rate,
          s.paymentMethod ?? null,
          s.buyerName ?? null,
          s.buyerCountry ?? null,
          s.address ? JSON.stringify(s.address) : null,
          s.placedAt,
          s.updatedAt ?? null,
          now,
        ],
      );
      orderId = row!.id;
      sellerId = row!.seller_id;
      if (row!.inserted) {
        sum.ordersCreated += 1;
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
            krw: krw.minor,
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
      const [row] = await tx.query<{ id: string; seller_id: string }>(
        `SELECT id, seller_id FROM orders WHERE site = $1 AND external_order_id = $2 FOR UPDATE`,
        [site, w.externalOrderId],
      );
      if (!row) {
        needsFetch.add(key(w));
        continue;
      }
      orderId = row.id;
      sellerId = row.seller_id;
      reports.push(...w.reports);
    }

    const lines = await tx.query<LineRow>(
      `SELECT id, external_item_id, status, status_at, stock_state, variant_id, quantity FROM order_lines
       WHERE order_id = $1 ORDER BY external_item_id FOR UPDATE`,
      [orderId],
    );
    const byItem = new Map(lines.map((l) => [l.external_item_id, l]));
    for (const r of reports) {
      const existing = byItem.get(r.externalItemId);
      const snap = r.snapshotLine;
      if (!existing) {
        if (!snap || w.kind !== 'snapshot') {
          // A status about a line we have never seen: the order must be fetched.
          needsFetch.add(key(w));
          continue;
        }
        const lineId = newId('orderLine', now.getTime());
        const variantId = snap.sellerSku
          ? (variants.get(`${w.channel.sellerId}\n${snap.sellerSku}`) ?? null)
          : null;
        const state: StockState = variantId ? 'none' : 'unmatched';
        const nl: NewLine = {
          id: lineId,
          sellerId,
          orderId,
          site,
          line: snap,
          variantId,
          currency: w.snapshot.currency,
          itemPriceKrw: toKrw(money(w.snapshot.currency, snap.itemPriceMinor), w.fx).krw.minor,
          stockState: state,
        };
        newLines.push(nl);
        byItem.set(r.externalItemId, {
          id: lineId,
          external_item_id: r.externalItemId,
          status: snap.status,
          status_at: snap.statusAt ?? null,
          stock_state: state,
          variant_id: variantId,
          quantity: snap.quantity,
        });
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
        // Same status: still take fulfilment facts the marketplace added (package, tracking).
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

  // Stock moves, then the lines with their resulting stock state.
  const outcomes = new Map((await runStockOps(tx, ops)).map((o) => [o.lineId, o]));
  const lineMeta = new Map<string, { sellerId: string; orderId: string }>();
  for (const n of newLines) lineMeta.set(n.id, { sellerId: n.sellerId, orderId: n.orderId });
  for (const o of outcomes.values()) {
    if (o.state === 'reserved') sum.reserved += 1;
    else if (o.state === 'released') sum.released += 1;
    else if (o.state === 'shipped') sum.shipped += 1;
    else if (o.state === 'short') sum.short += 1;
  }
  await insertLines(tx, newLines, outcomes, now);
  for (const u of updates) {
    const o = outcomes.get(u.id);
    await tx.query(
      `UPDATE order_lines SET status = $2, status_at = COALESCE($3, status_at), stock_state = $4,
         cancel_reason = COALESCE($5, cancel_reason), external_package_id = COALESCE($6, external_package_id),
         tracking_number = COALESCE($7, tracking_number), shipment_provider = COALESCE($8, shipment_provider),
         updated_at = $9 WHERE id = $1`,
      [
        u.id,
        u.status,
        u.statusAt,
        o?.state ?? u.stockState,
        u.reason ?? null,
        u.packageId ?? null,
        u.tracking ?? null,
        u.provider ?? null,
        now,
      ],
    );
  }
  for (const o of outcomes.values()) {
    if (o.state !== 'short') continue;
    const n = newLines.find((l) => l.id === o.lineId);
    const meta = n ? { sellerId: n.sellerId, orderId: n.orderId } : await lineOwner(tx, o.lineId);
    events.push({
      ...meta,
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

async function lineOwner(tx: SqlTx, lineId: string): Promise<{ sellerId: string; orderId: string }> {
  const [r] = await tx.query<{ seller_id: string; order_id: string }>(
    `SELECT seller_id, order_id FROM order_lines WHERE id = $1`,
    [lineId],
  );
  return { sellerId: r?.seller_id ?? '', orderId: r?.order_id ?? '' };
}

async function insertLines(
  tx: SqlTx,
  lines: NewLine[],
  outcomes: Map<string, { state: StockState }>,
  now: Date,
): Promise<void> {
  if (lines.length === 0) return;
  const cols = 23;
  const values: unknown[] = [];
  const rows: string[] = [];
  lines.forEach((n, i) => {
    const b = i * cols;
    rows.push(`(${Array.from({ length: cols }, (_, k) => `$${b + k + 1}`).join(',')})`);
    const l = n.line;
    values.push(
      n.id,
      n.sellerId,
      n.orderId,
      n.site,
      l.externalItemId,
      l.sellerSku ?? null,
      n.variantId,
      l.shopSku ?? null,
      l.name ?? null,
      l.quantity,
      n.currency,
      l.itemPriceMinor,
      l.paidPriceMinor,
      n.itemPriceKrw,
      l.status,
      l.statusAt ?? null,
      outcomes.get(n.id)?.state ?? n.stockState,
      l.externalPackageId ?? null,
      l.trackingNumber ?? null,
      l.shipmentProvider ?? null,
      l.reason ?? null,
      now,
      now,
    );
  });
  await tx.query(
    `INSERT INTO order_lines (id, seller_id, order_id, site, external_item_id, seller_sku, variant_id, shop_sku, name,
       quantity, currency, item_price_minor, paid_price_minor, item_price_krw, status, status_at, stock_state,
       external_package_id, tracking_number, shipment_provider, cancel_reason, created_at, updated_at)
     VALUES ${rows.join(',')} ON CONFLICT (site, external_item_id) DO NOTHING`,
    values,
  );
}

async function insertEvents(tx: SqlTx, events: EventRow[]): Promise<void> {
  if (events.length === 0) return;
  const cols = 9;
  const values: unknown[] = [];
  const rows: string[] = [];
  events.forEach((e, i) => {
    const b = i * cols;
    rows.push(`(${Array.from({ length: cols }, (_, k) => `$${b + k + 1}`).join(',')})`);
    values.push(
      e.sellerId,
      e.orderId,
      e.lineId,
      e.kind,
      e.from,
      e.to,
      e.source,
      e.detail ? JSON.stringify(e.detail) : null,
      e.at,
    );
  });
  await tx.query(
    `INSERT INTO order_events (seller_id, order_id, line_id, kind, from_status, to_status, source, detail, at)
     VALUES ${rows.join(',')}`,
    values,
  );
}
