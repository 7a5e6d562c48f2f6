// Order ingestion against the real sandbox over HTTP, on the store of this run (PGlite, or
// PostgreSQL with DATABASE_URL): duplicate, late and reordered pushes, a lost push caught by the
// sweep, order-time FX, SKU mapping and unmatched lines.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/db/index.ts';
import { receiveStock } from '../../src/inventory/index.ts';
import { signPush, type MarketplaceAdapter, type OrderQuery } from '../../src/marketplaces/index.ts';
import { OrderFx, sweepChannel, type OrderChannel } from '../../src/orders/index.ts';
import { DbFxRepository, createFxSnapshot } from '../../src/pricing/index.ts';
import { OPERATOR_SCOPE, type Clock } from '../../src/shared/index.ts';
import { startPushSink, type PushSink } from '../marketplaces/sandbox-harness.ts';
import { startOrdersHarness, type OrdersHarness } from '../helpers/orders-harness.ts';
import { seedSeller } from '../helpers/seed.ts';
import { testStore } from '../helpers/store.ts';

let store: Store;
let h: OrdersHarness;
let sink: PushSink;
let sellerId: string;
const SITES = ['lazada-sg', 'daraz-pk'];
const fxBefore = createFxSnapshot({
  source: 'test:before',
  takenAt: new Date(Date.now() - 3_600_000),
  rates: { SGD: '1000', PKR: '5' },
});
const fxAfter = createFxSnapshot({
  source: 'test:after',
  takenAt: new Date(Date.now() + 86_400_000),
  rates: { SGD: '2000', PKR: '9' },
});

before(async () => {
  store = await testStore();
  const seeded = await seedSeller(store, { skus: ['ING-1', 'ING-2'] });
  sellerId = seeded.sellerId;
  for (const v of seeded.variants)
    await receiveStock(store, OPERATOR_SCOPE, { variantId: v.variantId, quantity: 20 });
  const repo = new DbFxRepository(store.db);
  await repo.save(fxBefore);
  await repo.save(fxAfter);
  h = await startOrdersHarness({
    store,
    sellerId,
    sites: SITES,
    skus: ['ING-1', 'ING-2', 'NOT-IN-CATALOG'],
    stockPerSite: 50,
    fx: new OrderFx(repo),
  });
  sink = await startPushSink();
});

after(async () => {
  await h.close();
  await sink.close();
  await store.close();
});

/** The sweep asks for orders up to "now": the sandbox's now, which tests move forward. */
const sandboxClock = (): Clock => ({ now: () => new Date(h.sb.admin.now()) });

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await h.sb.admin.flushPushes();
    await h.ingestor.drain();
  }
}

async function line(site: string, externalItemId: string) {
  const [r] = await store.query<{
    status: string;
    stock_state: string;
    variant_id: string | null;
    seller_id: string;
  }>(
    `SELECT status, stock_state, variant_id, seller_id FROM order_lines WHERE site = $1 AND external_item_id = $2`,
    [site, externalItemId],
  );
  return r;
}

const itemIds = (o: Record<string, unknown>) =>
  (o.items as { order_item_id: number }[]).map((i) => String(i.order_item_id));

test('pushes delivered twice and shuffled: every order once, every line once, stock reserved once', async () => {
  h.sb.admin.setOptions({ push: { duplicateRate: 1, reorder: true, concurrency: 4 } });
  const placed = [];
  for (const site of SITES) {
    placed.push(
      ...h.sb.admin.placeOrders({ site, lines: [{ sellerSku: 'ING-1', quantity: 2 }], paymentMethod: 'COD' }),
    );
    // Paid online: unpaid, then pending right after (payment delay 0): two statuses per line.
    placed.push(
      ...h.sb.admin.placeOrders({ site, lines: [{ sellerSku: 'ING-2' }], paymentMethod: 'PAYPAL' }),
    );
  }
  h.sb.admin.advanceTime(1000);
  await settle();
  assert.ok(h.received.duplicate > 0, 'the receiver saw duplicates');
  const [orders] = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
  assert.equal(orders!.n, placed.length);
  const [lines] = await store.query<{ n: number; d: number }>(
    'SELECT count(*)::int AS n, count(DISTINCT (site, external_item_id))::int AS d FROM order_lines',
  );
  assert.equal(lines!.n, 6);
  assert.equal(lines!.d, 6);
  const rows = await store.query<{ status: string; stock_state: string; seller_id: string }>(
    'SELECT status, stock_state, seller_id FROM order_lines',
  );
  assert.ok(
    rows.every((r) => r.status === 'pending' && r.stock_state === 'reserved' && r.seller_id === sellerId),
  );
  const [reserved] = await store.query<{ n: number }>(
    'SELECT sum(reserved)::int AS n FROM stock_items WHERE seller_id = $1',
    [sellerId],
  );
  assert.equal(reserved!.n, 6);
  const [ledger] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM stock_ledger WHERE kind = 'reservation'`,
  );
  assert.equal(ledger!.n, 6, 'one reservation per line');
  // Order-time FX: the snapshot taken before the order, not the later one.
  const fx = await store.query<{
    fx_snapshot_id: string;
    currency: string;
    items_total_minor: number;
    items_total_krw: number;
  }>('SELECT fx_snapshot_id, currency, items_total_minor, items_total_krw FROM orders');
  for (const r of fx) {
    assert.equal(r.fx_snapshot_id, fxBefore.id);
    const rate = r.currency === 'SGD' ? 1000 : 5;
    assert.equal(r.items_total_krw, Math.round((r.items_total_minor / 100) * rate));
  }
  h.sb.admin.setOptions({ push: { duplicateRate: 0, reorder: false, concurrency: 8 } });
});

test('late and reordered pushes never move a line back; a replayed push changes nothing', async () => {
  // Capture the pushes instead of delivering them, then replay them newest first.
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: sink.url });
  const [o] = h.sb.admin.placeOrders({
    site: 'lazada-sg',
    lines: [{ sellerSku: 'ING-1' }],
    paymentMethod: 'COD',
  });
  const orderId = String(o!.order_id);
  const [itemId] = itemIds(o!);
  const a = h.adapters.get('lazada-sg')!;
  const packed = await a.pack([
    { orderId, orderItemIds: [itemId!], shipmentProviderCode: 'CJ_KR', shippingAllocateType: 'NTFS' },
  ]);
  assert.ok(packed[0]?.ok, JSON.stringify(packed));
  await a.readyToShip([{ packageId: packed[0]!.packageId! }]);
  await h.sb.admin.flushPushes();
  const mine = sink.received.filter((p) => p.raw.toString().includes(`"trade_order_line_id":"${itemId}"`));
  assert.deepEqual(
    mine.map((p) => (JSON.parse(p.raw.toString()) as { data: { order_status: string } }).data.order_status),
    ['pending', 'packed', 'ready_to_ship'],
  );
  // Newest first: the first push (ready_to_ship, unknown order) makes the processor read the order.
  for (const p of [...mine].reverse()) {
    const r = await h.receiver.receive(p.raw, p.authorization);
    assert.equal(r.status, 200);
    await h.ingestor.drain();
  }
  assert.equal((await line('lazada-sg', itemId!))!.status, 'ready_to_ship');
  // The very same pushes again: duplicates by key, acknowledged, nothing changes.
  for (const p of mine)
    assert.deepEqual(await h.receiver.receive(p.raw, p.authorization), { status: 200, outcome: 'duplicate' });
  // A late push with a status behind the stored one (a key never seen before) is stale.
  const late = JSON.stringify({
    seller_id: (JSON.parse(mine[0]!.raw.toString()) as { seller_id: string }).seller_id,
    message_type: 0,
    data: {
      trade_order_id: orderId,
      trade_order_line_id: itemId,
      order_status: 'unpaid',
      status_update_time: 1,
    },
    timestamp: Date.now(),
    site: 'lazada_sg',
  });
  const r = await h.receiver.receive(late, signPush(h.sb.appSecret, h.sb.appKey, late));
  assert.deepEqual(r, { status: 200, outcome: 'new' });
  const [batch] = await h.ingestor.drain();
  assert.equal(batch!.summary.staleReports, 1);
  const l = (await line('lazada-sg', itemId!))!;
  assert.equal(l.status, 'ready_to_ship');
  assert.equal(l.stock_state, 'reserved');
  const events = await store.query<{ to_status: string }>(
    `SELECT e.to_status FROM order_events e JOIN order_lines l ON l.id = e.line_id
     WHERE l.external_item_id = $1 AND e.kind = 'status' ORDER BY e.id`,
    [itemId],
  );
  assert.deepEqual(
    events.map((e) => e.to_status),
    ['ready_to_ship'],
    'first seen at ready_to_ship; the older pushes were stale',
  );
  // A bad signature is refused before anything is stored.
  assert.equal((await h.receiver.receive(late, 'deadbeef')).status, 401);
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: h.receiverUrl });
});

test('a lost push is caught by the sweep; an unknown SKU is recorded as unmatched', async () => {
  // Pushes go nowhere (the receiver is "down"): the order is only found by polling.
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: 'http://127.0.0.1:9/unreachable' });
  const [lost] = h.sb.admin.placeOrders({
    site: 'daraz-pk',
    lines: [{ sellerSku: 'ING-2' }],
    paymentMethod: 'COD',
  });
  const [odd] = h.sb.admin.placeOrders({
    site: 'daraz-pk',
    lines: [{ sellerSku: 'NOT-IN-CATALOG' }],
    paymentMethod: 'COD',
  });
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: h.receiverUrl });
  // Time filters have whole seconds: let the orders' second pass before sweeping up to now.
  h.sb.admin.advanceTime(2000);
  const channel = h.channels.get('daraz-pk')!;
  const result = await sweepChannel(
    { store, gateway: h.gateway, inbox: h.inbox, clock: sandboxClock() },
    { ...channel, sweptUntil: null },
    { firstWindowMs: 3_600_000, overlapMs: 0 },
  );
  assert.ok(result.queued >= 2, JSON.stringify(result));
  await h.ingestor.drain();
  const found = await line('daraz-pk', itemIds(lost!)[0]!);
  assert.equal(found?.status, 'pending');
  assert.equal(found?.stock_state, 'reserved');
  const unmatched = await line('daraz-pk', itemIds(odd!)[0]!);
  assert.equal(unmatched?.stock_state, 'unmatched');
  assert.equal(unmatched?.variant_id, null);
  const [ev] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_events WHERE kind = 'unmatched-sku'`,
  );
  assert.equal(ev!.n, 1);
  // A second sweep finds nothing new to queue.
  const again = await sweepChannel(
    { store, gateway: h.gateway, inbox: h.inbox, clock: sandboxClock() },
    { ...channel, sweptUntil: null },
    { firstWindowMs: 3_600_000, overlapMs: 0 },
  );
  assert.equal(again.queued, 0);
});

test('orders updated while the sweep pages through them do not push others past it', async () => {
  // Five orders a second apart, their pushes lost; the sweep reads two a page. After the first
  // page the first order is updated (the buyer cancels it) and moves to the end of the list: an
  // offset would now skip the third order. Pages start at the last update time instead.
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: 'http://127.0.0.1:9/unreachable' });
  // The window starts on a whole second after every earlier order, so the first page is ours.
  h.sb.admin.advanceTime(2000);
  const start = Math.ceil(h.sb.admin.now() / 1000) * 1000;
  const placed: string[] = [];
  for (let i = 0; i < 5; i++) {
    h.sb.admin.advanceTime(1000);
    const [o] = h.sb.admin.placeOrders({
      site: 'daraz-pk',
      lines: [{ sellerSku: 'ING-1' }],
      paymentMethod: 'COD',
    });
    placed.push(String(o!.order_id));
  }
  h.sb.admin.advanceTime(2000);
  const channel = h.channels.get('daraz-pk')!;
  let pages = 0;
  const gateway = {
    adapter(c: OrderChannel): MarketplaceAdapter {
      const a = h.gateway.adapter(c);
      return new Proxy(a, {
        get(target, prop) {
          if (prop === 'listOrders')
            return async (q: OrderQuery) => {
              const page = await target.listOrders(q);
              if (++pages === 1) {
                h.sb.admin.advanceTime(1000);
                h.sb.admin.buyerCancel('daraz-pk', Number(placed[0]));
                await h.sb.admin.flushPushes();
              }
              return page;
            };
          const v = Reflect.get(target, prop) as unknown;
          return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(target) : v;
        },
      });
    },
  };
  const result = await sweepChannel(
    { store, gateway, inbox: h.inbox, clock: sandboxClock() },
    { ...channel, sweptUntil: new Date(start) },
    { overlapMs: 0, pageSize: 2 },
  );
  assert.ok(pages >= 3, `paged (${pages} pages)`);
  assert.equal(result.queued, 5, JSON.stringify(result));
  await h.ingestor.drain();
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: h.receiverUrl });
  const stored = await store.query<{ id: string }>(
    `SELECT external_order_id AS id FROM orders WHERE site = 'daraz-pk' AND external_order_id = ANY($1::text[])`,
    [placed],
  );
  assert.deepEqual(stored.map((r) => r.id).sort(), [...placed].sort(), JSON.stringify(result));
  const [first] = await store.query<{ status: string }>(
    `SELECT l.status FROM order_lines l JOIN orders o ON o.id = l.order_id
     WHERE o.site = 'daraz-pk' AND o.external_order_id = $1`,
    [placed[0]],
  );
  assert.equal(first?.status, 'canceled', 'the updated order read as it is now');
});

test('last units ordered on several sites at once, processed by concurrent workers: none oversold', async () => {
  const { OrderIngestor, ChannelDirectory, OrderFx: Fx } = await import('../../src/orders/index.ts');
  const [{ variantId }] = (await store.query<{ variantId: string }>(
    `SELECT id AS "variantId" FROM variants WHERE seller_id = $1 AND seller_sku = 'ING-2'`,
    [sellerId],
  )) as [{ variantId: string }];
  const [before] = await store.query<{ on_hand: number; reserved: number }>(
    'SELECT on_hand, reserved FROM stock_items WHERE variant_id = $1',
    [variantId],
  );
  const free = before!.on_hand - before!.reserved;
  // Buyers on both sites want more than is left (the sites still show their own larger stock).
  const wanted = free + 6;
  for (let i = 0; i < wanted; i++) {
    h.sb.admin.placeOrders({ site: SITES[i % 2]!, lines: [{ sellerSku: 'ING-2' }], paymentMethod: 'COD' });
  }
  await h.sb.admin.flushPushes();
  const workers = Array.from(
    { length: 3 },
    () =>
      new OrderIngestor({
        store,
        gateway: h.gateway,
        channels: new ChannelDirectory(store),
        fx: new Fx(undefined),
        clock: sandboxClock(),
        batchSize: 2,
      }),
  );
  await Promise.all(workers.map((w) => w.drain()));
  await h.ingestor.drain();
  const [after] = await store.query<{ on_hand: number; reserved: number }>(
    'SELECT on_hand, reserved FROM stock_items WHERE variant_id = $1',
    [variantId],
  );
  assert.equal(after!.on_hand, before!.on_hand);
  assert.equal(after!.reserved, after!.on_hand, 'every last unit is reserved');
  const [short] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_lines WHERE variant_id = $1 AND stock_state = 'short'`,
    [variantId],
  );
  assert.equal(short!.n, wanted - free, 'the lines beyond the stock are short, not reserved');
  const [held] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_lines WHERE variant_id = $1 AND stock_state = 'reserved'`,
    [variantId],
  );
  assert.equal(held!.n, after!.reserved);
});

test('reverse-order pushes (returns, refunds) are stored forward only; a return opens and arrives', async () => {
  const [o] = h.sb.admin.placeOrders({
    site: 'lazada-sg',
    lines: [{ sellerSku: 'ING-1' }],
    paymentMethod: 'COD',
  });
  const orderId = String(o!.order_id);
  const [itemId] = itemIds(o!);
  const a = h.adapters.get('lazada-sg')!;
  const packed = await a.pack([
    { orderId, orderItemIds: [itemId!], shipmentProviderCode: 'CJ_KR', shippingAllocateType: 'NTFS' },
  ]);
  await a.readyToShip([{ packageId: packed[0]!.packageId! }]);
  for (const to of ['shipped', 'delivered'] as const)
    h.sb.admin.advanceOrder('lazada-sg', Number(orderId), to);
  await settle();
  assert.equal((await line('lazada-sg', itemId!))?.status, 'delivered');
  const reverse = (status: string, at: number) => {
    const body = JSON.stringify({
      seller_id: h.channels.get('lazada-sg')!.externalSellerId,
      message_type: 10,
      data: {
        reverse_order_id: 'R-9001',
        reverse_order_line_id: 'RL-1',
        trade_order_id: orderId,
        trade_order_line_id: itemId,
        reverse_status: status,
        buyer_id: 1,
        status_update_time: at,
      },
      timestamp: Date.now(),
      site: 'lazada_sg',
    });
    return h.receiver.receive(body, signPush(h.sb.appSecret, h.sb.appKey, body));
  };
  const t0 = Math.floor(Date.now() / 1000);
  // Out of order: the item is back before the request is heard of; then a late collection report.
  assert.equal((await reverse('RTM_RECEIVE_ITEM', t0 + 200)).status, 200);
  await h.ingestor.drain();
  assert.equal((await reverse('RTM_INIT', t0 + 100)).status, 200);
  assert.equal((await reverse('RTM_SHIPPING_BACK', t0 + 150)).status, 200);
  assert.equal((await reverse('RTM_TELEPORTED', t0 + 300)).status, 200);
  await h.ingestor.drain();
  const [l] = await store.query<{ id: string; reverse_status: string; reverse_phase: string; ext: string }>(
    `SELECT id, reverse_status, reverse_phase, external_reverse_order_id AS ext FROM order_lines
     WHERE site = 'lazada-sg' AND external_item_id = $1`,
    [itemId],
  );
  assert.deepEqual([l?.reverse_status, l?.reverse_phase, l?.ext], ['RTM_RECEIVE_ITEM', 'received', 'R-9001']);
  const events = await store.query<{ kind: string; to_status: string }>(
    `SELECT kind, to_status FROM order_events WHERE line_id = $1 AND kind LIKE 're%' ORDER BY id`,
    [l!.id],
  );
  assert.deepEqual(
    events.map((e) => [e.kind, e.to_status]),
    [
      ['reverse-status', 'RTM_RECEIVE_ITEM'],
      ['return-opened', null],
      ['reverse-unknown', 'RTM_TELEPORTED'],
    ],
  );
  const [ret] = await store.query<{ status: string; arrived: boolean; ext: string }>(
    `SELECT status, arrived_at IS NOT NULL AS arrived, external_reverse_order_id AS ext FROM order_returns WHERE line_id = $1`,
    [l!.id],
  );
  assert.deepEqual(ret, { status: 'open', arrived: true, ext: 'R-9001' });
});
