// The order lifecycle against the real sandbox: pack, label, ready-to-ship, hand-over, delivery,
// a buyer return restocked, seller and buyer cancellations releasing stock, and the to-do list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/db/index.ts';
import { receiveStock } from '../../src/inventory/index.ts';
import {
  ChannelDirectory,
  OrderFx,
  cancelLines,
  customsPapers,
  englishTitleDescriber,
  getOrderDetail,
  packageShippingOptions,
  handOver,
  listReturns,
  orderTimeline,
  packOrder,
  packagesInScope,
  readyToShip,
  receiveReturn,
  shippingLabel,
  todoList,
  type OrderDeps,
} from '../../src/orders/index.ts';
import { makeS10 } from '../../src/logistics/index.ts';
import { convert, defaultFxSnapshot } from '../../src/pricing/index.ts';
import { OPERATOR_SCOPE, money, sellerScope, toDecimalString, type Scope } from '../../src/shared/index.ts';
import { startOrdersHarness, type OrdersHarness } from '../helpers/orders-harness.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { TranslationService } from '../../src/localization/index.ts';
import { seedSeller } from '../helpers/seed.ts';
import { testStore } from '../helpers/store.ts';

let store: Store;
let h: OrdersHarness;
let sellerId: string;
let variantId: string;
let deps: OrderDeps;
let scope: Scope;
const SITE = 'lazada-my';

before(async () => {
  store = await testStore();
  const seeded = await seedSeller(store, { skus: ['LC-1'] });
  sellerId = seeded.sellerId;
  scope = sellerScope(sellerId);
  variantId = seeded.variants[0]!.variantId;
  await receiveStock(store, OPERATOR_SCOPE, { variantId, quantity: 10 });
  h = await startOrdersHarness({ store, sellerId, sites: [SITE], skus: ['LC-1'], stockPerSite: 50 });
  deps = {
    store,
    gateway: h.gateway,
    channels: new ChannelDirectory(store),
    fx: new OrderFx(undefined),
    clock: { now: () => new Date(h.sb.admin.now()) },
  };
});

after(async () => {
  await h.close();
  await store.close();
});

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await h.sb.admin.flushPushes();
    await h.ingestor.drain();
  }
}

async function stock() {
  const [r] = await store.query<{ on_hand: number; reserved: number }>(
    'SELECT on_hand, reserved FROM stock_items WHERE variant_id = $1',
    [variantId],
  );
  return r!;
}

async function orderOf(externalId: string): Promise<string> {
  const [r] = await store.query<{ id: string }>('SELECT id FROM orders WHERE external_order_id = $1', [
    externalId,
  ]);
  return r!.id;
}

const place = (quantity = 1) =>
  h.sb.admin.placeOrders({ site: SITE, lines: [{ sellerSku: 'LC-1', quantity }], paymentMethod: 'COD' })[0]!;

test('pack, label, ready-to-ship, hand over, deliver, return: stock and timeline follow', async () => {
  const placed = place(2);
  await settle();
  const orderId = await orderOf(String(placed.order_id));
  assert.deepEqual(await stock(), { on_hand: 10, reserved: 2 });
  let todo = await todoList(store, scope);
  assert.deepEqual(
    todo.map((t) => [t.action, t.orderId, t.lines.length]),
    [['pack', orderId, 2]],
  );
  // Another seller sees nothing of it.
  const other = await seedSeller(store, { skus: ['X'] });
  assert.deepEqual(await todoList(store, sellerScope(other.sellerId)), []);
  await assert.rejects(getOrderDetail(store, sellerScope(other.sellerId), orderId), /not found/);

  const packed = await packOrder(deps, scope, { orderId });
  assert.ok(packed.ok, JSON.stringify(packed));
  const pkg = packed.value.packages[0]!;
  assert.equal(pkg.lines.length, 2);
  assert.ok(pkg.trackingNumber, 'the marketplace gave a tracking number');
  todo = await todoList(store, scope);
  assert.deepEqual(
    todo.map((t) => t.action),
    ['print-label'],
  );

  const label = await shippingLabel(deps, scope, { packageIds: [pkg.packageId] });
  assert.equal(label.bytes.subarray(0, 5).toString(), '%PDF-');
  const text = await pdfText(label.bytes);
  assert.ok(text.pages.join(' ').includes(pkg.trackingNumber!), 'the AWB shows the tracking number');
  assert.deepEqual(
    (await todoList(store, scope)).map((t) => t.action),
    ['ready-to-ship'],
  );

  // Logistics for the parcel (two 350 g serums to Malaysia) and its customs papers.
  const options = await packageShippingOptions(deps, scope, pkg.packageId);
  assert.deepEqual(
    options
      .filter((o) => o.eligible)
      .map((o) => o.code)
      .sort(),
    ['kpost-ems', 'kpost-kpacket', 'lazada-lgs'],
  );
  const papers = await customsPapers(deps, scope, { packageId: pkg.packageId, serviceCode: 'lazada-lgs' });
  assert.ok(papers.ok, JSON.stringify(papers));
  const [paid] = await store.query<{ minor: number; currency: string }>(
    `SELECT sum(paid_price_minor)::int AS minor, min(currency) AS currency FROM order_lines WHERE package_id = $1`,
    [pkg.packageId],
  );
  const usd = convert(money(paid!.currency, paid!.minor), 'USD', defaultFxSnapshot()).money;
  const cn = (await pdfText(papers.value.declarationPdf)).pages.join(' ');
  assert.ok(cn.includes('CUSTOMS DECLARATION CN23'), cn);
  assert.match(
    cn,
    new RegExp(`Serum LC-1 2 0\\.700 ${toDecimalString(usd).replace('.', '\\.')} 3304\\.99 KR`),
  );
  assert.ok(cn.includes(pkg.trackingNumber!), 'the declaration carries the tracking number');
  const invoice = (await pdfText(papers.value.invoicePdf)).pages.join(' ');
  assert.ok(invoice.includes(`TOTAL (USD): ${toDecimalString(usd)}`), invoice);
  assert.ok(invoice.includes('DDP'), 'the hub service collects import taxes');
  assert.deepEqual(
    papers.value.descriptions.map((d) => [d.source, d.englishTitle]),
    [['listing-name', 'not-asked']],
  );
  // Wired to localization: the English title when it can be had, else the fallback and why.
  const describe = englishTitleDescriber(new TranslationService({ store, providers: [] }));
  const [{ productId }] = (await store.query<{ productId: string }>(
    `SELECT product_id AS "productId" FROM variants WHERE seller_sku = 'LC-1' AND seller_id = $1`,
    [sellerId],
  )) as [{ productId: string }];
  const retitle = (t: string) =>
    store.query(`UPDATE products SET title_ko = $2 WHERE id = $1`, [productId, t]);
  await retitle('쀍뛟 퓕');
  const untranslated = await customsPapers(deps, scope, {
    packageId: pkg.packageId,
    serviceCode: 'lazada-lgs',
    describe,
  });
  assert.ok(untranslated.ok);
  assert.deepEqual(untranslated.value.descriptions[0], {
    sellerSku: 'LC-1',
    description: 'Serum LC-1',
    source: 'listing-name',
    englishTitle: 'needs-translation',
  });
  await retitle('히알루론산 세럼');
  const localized = await customsPapers(deps, scope, {
    packageId: pkg.packageId,
    serviceCode: 'lazada-lgs',
    describe,
  });
  assert.ok(localized.ok);
  assert.equal(localized.value.descriptions[0]?.source, 'english-title');
  assert.ok(
    (await pdfText(localized.value.declarationPdf)).pages.join(' ').includes('Hyaluronic Acid Serum 2'),
    'the CN23 describes the goods by the English title',
  );

  const rts = await readyToShip(deps, scope, { packageIds: [pkg.packageId] });
  assert.deepEqual(
    rts.map((r) => r.ok),
    [true],
  );
  const detail = await getOrderDetail(store, scope, orderId);
  assert.deepEqual(detail.statuses, ['ready_to_ship']);
  assert.deepEqual(
    (await todoList(store, scope)).map((t) => t.action),
    ['hand-over'],
  );

  const bad = await handOver(deps, scope, {
    packageId: pkg.packageId,
    carrier: 'CJ',
    trackingNumber: '12-34',
  });
  assert.deepEqual(bad, {
    ok: false,
    error: { kind: 'bad-format', field: 'trackingNumber', expected: '10 or 12 digits' },
  });
  // The international number is checked too, naming the field: a wrong S10 check digit, a
  // non-Korean item, a K-Packet number given as EMS, an unknown carrier, a number without carrier.
  const firstMile = { packageId: pkg.packageId, carrier: 'CJ', trackingNumber: '601234567890' };
  for (const [internationalCarrier, internationalTracking, kind] of [
    ['EMS', 'EE123456784KR', 'bad-format'],
    ['EMS', 'EE123456785US', 'bad-format'],
    ['EMS', makeS10('LK', 12345678), 'bad-format'],
    ['DHL', 'EE123456785KR', 'unknown-carrier'],
    [undefined, 'EE123456785KR', 'unknown-carrier'],
    ['HUB', 'NOT-THE-HUB-NUMBER', 'bad-format'],
  ] as const) {
    const r = await handOver(deps, scope, { ...firstMile, internationalCarrier, internationalTracking });
    assert.equal(r.ok, false, `${internationalCarrier} ${internationalTracking}`);
    assert.equal(!r.ok && r.error.kind, kind);
    assert.ok(
      !r.ok && 'field' in r.error && r.error.field.startsWith('international'),
      `${internationalCarrier}: names the field`,
    );
  }
  assert.deepEqual(
    (await getOrderDetail(store, scope, orderId)).statuses,
    ['ready_to_ship'],
    'nothing moved',
  );
  const handed = await handOver(deps, scope, {
    packageId: pkg.packageId,
    carrier: 'cj',
    trackingNumber: '6012-3456-7890',
    internationalCarrier: 'hub',
  });
  assert.deepEqual(handed, { ok: true, value: { packageId: pkg.packageId, shippedLines: 2 } });
  const [recorded] = await packagesInScope(store, scope, [pkg.packageId]);
  assert.equal(recorded?.internationalCarrier, 'HUB');
  assert.ok(recorded?.internationalTracking, "the hub's number is the marketplace's");
  assert.equal(recorded.internationalTracking, recorded.trackingNumber);
  assert.deepEqual(await stock(), { on_hand: 8, reserved: 0 });
  assert.deepEqual(await todoList(store, scope), []);

  // The carrier picks it up and delivers (sandbox time): shipped then delivered, stock unchanged.
  h.sb.admin.advanceTime(3 * 3_600_000);
  h.sb.admin.advanceTime(3 * 86_400_000);
  await settle();
  assert.deepEqual((await getOrderDetail(store, scope, orderId)).statuses, ['delivered']);
  assert.deepEqual(await stock(), { on_hand: 8, reserved: 0 });

  // The buyer returns both units: two open returns; one goes back on the shelf, one is written off.
  h.sb.admin.returnItems(SITE, Number(placed.order_id));
  await settle();
  const returns = await listReturns(store, scope, { status: 'open' });
  assert.equal(returns.length, 2);
  assert.ok(returns.every((r) => r.kind === 'buyer_return' && r.externalReverseOrderId));
  assert.equal((await todoList(store, scope)).filter((t) => t.action === 'receive-return').length, 2);
  assert.deepEqual(await receiveReturn(store, scope, { returnId: returns[0]!.id, restock: true }), {
    ok: true,
    value: { status: 'restocked' },
  });
  assert.deepEqual(await receiveReturn(store, scope, { returnId: returns[0]!.id, restock: true }), {
    ok: false,
    error: { kind: 'already-closed', status: 'restocked' },
  });
  await receiveReturn(store, scope, { returnId: returns[1]!.id, restock: false });
  assert.deepEqual(await stock(), { on_hand: 9, reserved: 0 });

  const timeline = await orderTimeline(store, scope, orderId);
  const kinds = timeline.map((e) => e.kind);
  for (const k of [
    'ingested',
    'packed',
    'label-printed',
    'ready-to-ship',
    'handed-over',
    'tracking:handed-over',
    'return-opened',
    'return-restocked',
    'return-written-off',
  ]) {
    assert.ok(kinds.includes(k), `timeline has ${k}: ${kinds.join(', ')}`);
  }
  const statuses = timeline
    .filter((e) => e.kind === 'status' && e.lineId === detail.lines[0]!.id)
    .map((e) => e.to);
  assert.deepEqual(statuses, ['pending', 'packed', 'ready_to_ship', 'shipped', 'delivered', 'returned']);
});

test('seller cancellation (validated first) and buyer cancellation release the stock', async () => {
  const before = await stock();
  const a = place(1);
  const b = place(1);
  await settle();
  assert.equal((await stock()).reserved, before.reserved + 2);

  const orderA = await orderOf(String(a.order_id));
  const wrongReason = await cancelLines(deps, scope, { orderId: orderA, reasonId: 'no-such-reason' });
  assert.equal(wrongReason.ok, false);
  assert.equal(!wrongReason.ok && wrongReason.error.kind, 'unknown-reason');
  const canceled = await cancelLines(deps, scope, { orderId: orderA });
  assert.ok(canceled.ok, JSON.stringify(canceled));
  assert.equal(canceled.value.canceled.length, 1);
  assert.equal((await stock()).reserved, before.reserved + 1);
  // A second cancel: nothing left that can be cancelled.
  const again = await cancelLines(deps, scope, { orderId: orderA });
  assert.equal(!again.ok && again.error.kind, 'not-cancellable');

  h.sb.admin.buyerCancel(SITE, Number(b.order_id));
  await settle();
  assert.deepEqual(await stock(), before);
  const orderB = await orderOf(String(b.order_id));
  const events = await orderTimeline(store, scope, orderB);
  assert.ok(events.some((e) => e.kind === 'status' && e.to === 'canceled' && e.source === 'push'));
  const ledger = await store.query<{ kind: string }>(
    `SELECT kind FROM stock_ledger WHERE ref IN (SELECT id FROM order_lines WHERE order_id = ANY($1::text[])) ORDER BY id`,
    [[orderA, orderB]],
  );
  assert.deepEqual(
    ledger.map((l) => l.kind),
    ['reservation', 'reservation', 'release', 'release'],
  );
});
