import type { Store } from '../db/index.ts';
import { parsePushMessage, type MarketplaceAdapter, type RemoteReverseLine } from '../marketplaces/index.ts';
import type { Clock } from '../shared/index.ts';
import type { MarketplaceGateway, OrderChannel } from './channels.ts';
import { AE_REQUEST_PREFIX } from './cancel-requests.ts';
import { sweepBody } from './ingest-worker.ts';
import { normaliseStatus } from './line-states.ts';
import type { InboxWriter } from './push-inbox.ts';

/**
 * The safety net under pushes: list the orders a channel's site updated since the last sweep
 * (`/orders/get` by `update_after` windows, sorted by update time, 100 a page, each page starting
 * at the previous page's last update time) and queue, through the same inbox and processor as pushes, every
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
  /** Reverse-order lines listed in the window, and those queued (not already had from a push). */
  reverseListed: number;
  reverseQueued: number;
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
    // The next page starts at the last order's update time (inclusive: that second is read
    // again), not at an offset: an order updated while we page moves to the end of the list, and
    // offset paging would then skip the order that slides into the page already read.
    const last = page.orders.at(-1)?.updatedAt;
    if (last && last.getTime() > after.getTime()) {
      after = last;
      offset = 0;
      continue;
    }
    // A full page within one second: step through that second by offset.
    offset += limit;
    if (offset + limit > MAX_OFFSET) break;
  }
  const reverse = adapter.listReverseOrders
    ? await sweepReverse(deps, channel, adapter, { from: start, until, pageSize: Math.min(limit, 50) })
    : { listed: 0, queued: 0 };
  await deps.store.query(
    `UPDATE order_channels SET swept_until = $3, last_sweep_at = $4 WHERE site = $1 AND external_seller_id = $2`,
    [channel.site, channel.externalSellerId, until, now],
  );
  return {
    site: channel.site,
    sellerId: channel.sellerId,
    listed,
    queued,
    reverseListed: reverse.listed,
    reverseQueued: reverse.queued,
    from: start,
    until,
  };
}

/**
 * Reverse statuses (buyer cancel requests, returns, refunds) changed in the window, from the
 * platform's reverse-order list where it has one. Each line is queued as the type-10 push it
 * stands for, under the push's own dedupe key: a status we already had from a push (or an earlier
 * sweep) is a duplicate and stops there; the rest are applied by the processor exactly like
 * pushes (the reverse transition table never moves a line back).
 */
async function sweepReverse(
  deps: { inbox: InboxWriter },
  channel: OrderChannel,
  adapter: MarketplaceAdapter,
  window: { from: Date; until: Date; pageSize: number },
): Promise<{ listed: number; queued: number }> {
  let listed = 0;
  let queued = 0;
  for (let pageNo = 1; ; pageNo++) {
    const page = await adapter.listReverseOrders!({
      modifiedAfter: window.from,
      modifiedBefore: window.until,
      pageNo,
      pageSize: window.pageSize,
    });
    listed += page.lines.length;
    for (const line of page.lines) {
      const body = reversePushBody(channel, line);
      const message = parsePushMessage(body, channel.platform);
      const outcome = await deps.inbox.add({
        source: 'sweep',
        platform: message.platform,
        site: channel.site,
        externalSellerId: channel.externalSellerId,
        messageType: 10,
        dedupeKey: message.dedupeKey,
        externalOrderId: line.orderId,
        body,
      });
      if (outcome === 'new') queued += 1;
    }
    if (page.orders < window.pageSize || pageNo * window.pageSize >= page.total) break;
  }
  return { listed, queued };
}

/** The type-10 push a listed reverse line stands for (research 1.8's envelope and fields). */
function reversePushBody(channel: OrderChannel, line: RemoteReverseLine): string {
  return JSON.stringify({
    seller_id: channel.externalSellerId,
    message_type: 10,
    site: channel.site,
    timestamp: line.modifiedAt?.getTime() ?? null,
    data: {
      reverse_order_id: line.reverseOrderId,
      reverse_order_line_id: line.reverseOrderLineId,
      trade_order_id: line.orderId,
      trade_order_line_id: line.orderItemId,
      reverse_status: line.status,
      ...(line.modifiedAt ? { status_update_time: Math.floor(line.modifiedAt.getTime() / 1000) } : {}),
    },
  });
}

async function queueDifferences(
  deps: { store: Store; inbox: InboxWriter },
  channel: OrderChannel,
  orders: { orderId: string; updatedAt?: Date | undefined; statuses: string[] }[],
): Promise<number> {
  if (orders.length === 0) return 0;
  // An AliExpress cancellation request (IN_CANCEL) counts as a status of its own on both sides,
  // so a request, and its answer, are differences the sweep queues (cancel-requests.ts).
  const rows = await deps.store.query<{ external_order_id: string; statuses: string[] }>(
    `SELECT o.external_order_id, array_agg(DISTINCT CASE WHEN l.reverse_phase = 'requested'
       AND l.external_reverse_order_id LIKE '${AE_REQUEST_PREFIX}%' THEN 'IN_CANCEL' ELSE l.status END) AS statuses
     FROM orders o
     LEFT JOIN order_lines l ON l.order_id = o.id
     WHERE o.site = $1 AND o.external_order_id = ANY($2::text[]) GROUP BY o.external_order_id`,
    [channel.site, orders.map((o) => o.orderId)],
  );
  const ours = new Map(rows.map((r) => [r.external_order_id, new Set(r.statuses)]));
  let queued = 0;
  for (const o of orders) {
    const have = ours.get(o.orderId);
    const theirs = new Set(o.statuses.map((s) => (s === 'IN_CANCEL' ? s : (normaliseStatus(s) ?? s))));
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
