import type { Store } from '../db/index.ts';
import type { Clock } from '../shared/index.ts';
import type { MarketplaceGateway, OrderChannel } from './channels.ts';
import { sweepBody } from './ingest-worker.ts';
import { normaliseStatus } from './line-states.ts';
import type { InboxWriter } from './push-inbox.ts';

/**
 * The safety net under pushes: list the orders a channel's site updated since the last sweep
 * (`/orders/get` by `update_after` windows, sorted by update time, 100 a page, restarting the
 * window past offset 5000) and queue, through the same inbox and processor as pushes, every
 * order we do not have or whose item statuses differ from ours. The window overlaps the previous
 * one by `overlapMs`, because a marketplace may stamp an update a little before it is readable.
 */
export interface SweepOptions {
  /** How far back the first sweep of a channel looks. */
  firstWindowMs?: number;
  overlapMs?: number;
  /** Orders updated in the last `settleMs` are left to the next sweep (still being written). */
  settleMs?: number;
  pageSize?: number;
}

export interface SweepResult {
  site: string;
  sellerId: string;
  listed: number;
  queued: number;
  from: Date;
  until: Date;
}

const MAX_OFFSET = 5000;

export async function sweepChannel(
  deps: { store: Store; gateway: MarketplaceGateway; inbox: InboxWriter; clock: Clock },
  channel: OrderChannel,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const now = deps.clock.now();
  // Marketplace time filters have whole seconds: the window ends on a second we can express, so
  // the cursor is exactly what was asked for.
  const until = new Date(Math.floor((now.getTime() - (options.settleMs ?? 0)) / 1000) * 1000);
  const start = channel.sweptUntil
    ? new Date(channel.sweptUntil.getTime() - (options.overlapMs ?? 5 * 60_000))
    : new Date(now.getTime() - (options.firstWindowMs ?? 24 * 3_600_000));
  const adapter = deps.gateway.adapter(channel);
  const limit = options.pageSize ?? 100;
  let after = start;
  let offset = 0;
  let listed = 0;
  let queued = 0;
  for (;;) {
    const page = await adapter.listOrders({
      updatedAfter: after,
      updatedBefore: until,
      sortBy: 'updated_at',
      sortDirection: 'ASC',
      limit,
      offset,
    });
    listed += page.orders.length;
    queued += await queueDifferences(deps, channel, page.orders);
    if (page.orders.length < limit) break;
    offset += limit;
    if (offset + limit > MAX_OFFSET) {
      // Past the offset ceiling: a new window from the last order's update time.
      const last = page.orders.at(-1)?.updatedAt;
      if (!last || last.getTime() <= after.getTime()) break;
      after = last;
      offset = 0;
    }
  }
  await deps.store.query(
    `UPDATE order_channels SET swept_until = $3, last_sweep_at = $4 WHERE site = $1 AND external_seller_id = $2`,
    [channel.site, channel.externalSellerId, until, now],
  );
  return { site: channel.site, sellerId: channel.sellerId, listed, queued, from: start, until };
}

async function queueDifferences(
  deps: { store: Store; inbox: InboxWriter },
  channel: OrderChannel,
  orders: { orderId: string; updatedAt?: Date | undefined; statuses: string[] }[],
): Promise<number> {
  if (orders.length === 0) return 0;
  const rows = await deps.store.query<{ external_order_id: string; statuses: string[] }>(
    `SELECT o.external_order_id, array_agg(DISTINCT l.status) AS statuses FROM orders o
     LEFT JOIN order_lines l ON l.order_id = o.id
     WHERE o.site = $1 AND o.external_order_id = ANY($2::text[]) GROUP BY o.external_order_id`,
    [channel.site, orders.map((o) => o.orderId)],
  );
  const ours = new Map(rows.map((r) => [r.external_order_id, new Set(r.statuses)]));
  let queued = 0;
  for (const o of orders) {
    const have = ours.get(o.orderId);
    const theirs = new Set(o.statuses.map((s) => normaliseStatus(s) ?? s));
    const same = have && have.size === theirs.size && [...theirs].every((s) => have.has(s));
    if (same) continue;
    const outcome = await deps.inbox.add({
      source: 'sweep',
      platform: channel.platform,
      site: channel.site,
      externalSellerId: channel.externalSellerId,
      messageType: 0,
      dedupeKey: `sweep:${channel.site}:${o.orderId}:${o.updatedAt?.getTime() ?? 'x'}:${[...theirs].sort().join(',')}`,
      externalOrderId: o.orderId,
      body: sweepBody(o.orderId, o.updatedAt),
    });
    if (outcome === 'new') queued += 1;
  }
  return queued;
}
