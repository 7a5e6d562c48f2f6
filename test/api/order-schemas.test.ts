// The order, package, stock and return endpoints answer exactly what their OpenAPI schemas say
// (the console's generated types are only as true as these): real responses over HTTP, for
// orders placed on the sandbox and taken through the lifecycle, parsed with the route's schema;
// and GET /v1/orders filters as a console uses them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from '@hono/zod-openapi';
import { createApiKey, startApiServer, type RunningServer } from '../../src/api/index.ts';
import * as S from '../../src/api/orders/schemas.ts';
import { loadConfig } from '../../src/config/index.ts';
import { receiveStock } from '../../src/inventory/index.ts';
import type { App } from '../../src/main/app.ts';
import { ordersRuntime } from '../../src/orders/index.ts';
import { OPERATOR_SCOPE } from '../../src/shared/index.ts';
import { testApp } from '../helpers/app.ts';
import { authorizeChannel, startOrdersHarness, type OrdersHarness } from '../helpers/orders-harness.ts';
import { seedSeller } from '../helpers/seed.ts';

const SITE = 'lazada-my';
let app: App;
let h: OrdersHarness;
let server: RunningServer;
let sellerId: string;
const keys = {} as Record<'seller' | 'operator', string>;

before(async () => {
  const base = await testApp();
  const seeded = await seedSeller(base.store, { skus: ['OS-1'] });
  sellerId = seeded.sellerId;
  await receiveStock(base.store, OPERATOR_SCOPE, { variantId: seeded.variants[0]!.variantId, quantity: 20 });
  h = await startOrdersHarness({
    store: base.store,
    sellerId,
    sites: [SITE],
    skus: ['OS-1'],
    stockPerSite: 50,
  });
  // The API's own orders runtime talks to this sandbox, with tokens kept in the store.
  app = {
    ...base,
    clock: { now: () => new Date(h.sb.admin.now()) },
    config: loadConfig({
      KBRIDGE_DATA_DIR: '.kbridge-test',
      ...(base.config.databaseUrl ? { DATABASE_URL: base.config.databaseUrl.reveal() } : {}),
      KBRIDGE_MARKETPLACE_APP_KEY: h.sb.appKey,
      KBRIDGE_MARKETPLACE_APP_SECRET: h.sb.appSecret,
      KBRIDGE_MARKETPLACE_SANDBOX_URL: h.sb.url,
      KBRIDGE_SECRET_KEY: 'order-schemas-test-key-0123456789',
    }),
  };
  await authorizeChannel(app.store, ordersRuntime(app).connection(SITE), SITE, sellerId);
  keys.seller = (await createApiKey(app.store.db, { role: 'seller', sellerId }, app.clock)).key;
  keys.operator = (await createApiKey(app.store.db, { role: 'operator' }, app.clock)).key;
  server = await startApiServer(app, { host: '127.0.0.1', port: 0 });
});

after(async () => {
  await server.close();
  await ordersRuntime(app).stop();
  await h.close();
  await app.close();
});

async function call(path: string, body?: unknown, key = keys.seller) {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** 200, and the body is exactly the schema's shape: parsing neither fails nor drops a field. */
async function expect<T extends z.ZodType>(schema: T, path: string, body?: unknown, key?: string) {
  const res = await call(path, body, key);
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  const parsed = schema.safeParse(res.body);
  assert.ok(parsed.success, `${path}: ${parsed.error?.message}`);
  assert.deepEqual(parsed.data, res.body, `${path}: no field outside the schema`);
  return parsed.data as z.output<T>;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await h.sb.admin.flushPushes();
    await h.ingestor.drain();
  }
}

const place = () =>
  h.sb.admin.placeOrders({
    site: SITE,
    lines: [{ sellerSku: 'OS-1', quantity: 1 }],
    paymentMethod: 'COD',
  })[0]!;

async function orderOf(externalId: unknown): Promise<string> {
  const [r] = await app.store.query<{ id: string }>('SELECT id FROM orders WHERE external_order_id = $1', [
    String(externalId),
  ]);
  return r!.id;
}

test('every order, package, stock and return response matches its declared schema', async () => {
  const [shipMe, cancelMe, askMe] = [place(), place(), place()];
  await settle();
  const [ship, cancel, ask] = await Promise.all([shipMe, cancelMe, askMe].map((p) => orderOf(p.order_id)));
  h.sb.admin.requestCancel(SITE, Number(askMe.order_id));
  await settle();

  const list = await expect(S.OrderSummaryPage, '/v1/orders');
  assert.deepEqual(list.data.map((o) => o.id).sort(), [ship, cancel, ask].sort());
  const todo = await expect(S.TodoPage, '/v1/orders/todo');
  assert.deepEqual(todo.data[0] && [todo.data[0].action, todo.data[0].orderId], ['answer-cancel', ask]);
  assert.deepEqual(
    todo.data
      .slice(1)
      .map((t) => [t.action, t.orderId])
      .sort(),
    [
      ['pack', cancel],
      ['pack', ship],
    ].sort(),
  );
  assert.ok(todo.data[0]!.reverseOrderId, 'the cancellation request to answer');
  const detail = await expect(S.OrderDetail, `/v1/orders/${ship}`);
  assert.deepEqual(
    detail.lines.map((l) => [l.status, l.stockState]),
    [['pending', 'reserved']],
  );

  const packed = await expect(S.PackResult, `/v1/orders/${ship}/pack`, {});
  const pkg = packed.packages[0]!.packageId;
  const options = await expect(S.ShippingOptionPage, `/v1/packages/${pkg}/shipping-options`);
  assert.ok(options.data.some((o) => o.eligible && o.price?.currency === 'KRW'));
  assert.ok(
    (
      await fetch(`${server.url}/v1/packages/${pkg}/label`, {
        headers: { authorization: `Bearer ${keys.seller}` },
      }).then((r) => r.arrayBuffer())
    ).byteLength > 0,
  );
  const rts = await expect(S.ReadyToShipPage, `/v1/packages/${pkg}/ready-to-ship`, {});
  assert.deepEqual(rts.data, [{ packageId: pkg, ok: true }]);
  const handed = await expect(S.HandOverResult, `/v1/packages/${pkg}/hand-over`, {
    carrier: 'CJ',
    trackingNumber: '601234567890',
  });
  assert.deepEqual(handed, { packageId: pkg, shippedLines: 1 });
  const shipped = await expect(S.OrderDetail, `/v1/orders/${ship}`);
  assert.deepEqual(
    shipped.packages.map((p) => [p.id, p.status, p.firstMileCarrier]),
    [[pkg, 'handed_over', 'CJ']],
  );

  const canceled = await expect(S.CancelResult, `/v1/orders/${cancel}/cancel`, {});
  assert.equal(canceled.canceled.length, 1);
  const answered = await expect(S.CancelRequestAnswer, `/v1/orders/${ask}/cancel-request`, { accept: true });
  assert.deepEqual(
    answered.lines.map((l) => l.status),
    ['canceled'],
  );

  // Delivered, then returned by the buyer: a return to receive.
  h.sb.admin.advanceTime(3 * 3_600_000);
  h.sb.admin.advanceTime(3 * 86_400_000);
  await settle();
  h.sb.admin.returnItems(SITE, Number(shipMe.order_id));
  await settle();
  const returns = await expect(S.ReturnPage, '/v1/returns?status=open');
  assert.equal(returns.data.length, 1);
  const closed = await expect(S.ReturnClosed, `/v1/returns/${returns.data[0]!.id}/receive`, {
    restock: true,
  });
  assert.deepEqual(closed, { status: 'restocked' });

  const timeline = await expect(S.TimelinePage, `/v1/orders/${ship}/timeline`);
  assert.ok(timeline.data.some((e) => e.kind === 'tracking:handed-over'));
  assert.ok(timeline.data.some((e) => e.kind === 'return-restocked'));

  const levels = await expect(S.StockLevelPage, `/v1/inventory?sites=${SITE}`);
  assert.deepEqual(
    levels.data.map((l) => [l.sellerSku, l.onHand, l.reserved, typeof l.bySite[SITE]]),
    [['OS-1', 20, 0, 'number']],
  );
  const receipt = await expect(S.StockReceipt, '/v1/inventory/receipts', { sellerSku: 'OS-1', quantity: 2 });
  assert.deepEqual(receipt, { applied: true, counts: { onHand: 22, reserved: 0 } });
  const counted = await expect(S.StockCounts, '/v1/inventory/counts', { sellerSku: 'OS-1', onHand: 15 });
  assert.deepEqual(counted, { onHand: 15, reserved: 0 });
});

test('GET /v1/orders: status, seller, placed range and text search; bad filters are named', async () => {
  const all = await expect(S.OrderSummaryPage, '/v1/orders', undefined, keys.operator);
  assert.ok(all.data.length >= 3);
  const byStatus = (s: string) =>
    expect(S.OrderSummaryPage, `/v1/orders?status=${s}`).then((p) => p.data.map((o) => o.id));
  const canceled = await byStatus('canceled');
  assert.equal(canceled.length, 2);
  assert.ok(all.data.filter((o) => o.statuses.includes('canceled')).every((o) => canceled.includes(o.id)));
  assert.deepEqual(await byStatus('unpaid'), []);

  const forSeller = await expect(
    S.OrderSummaryPage,
    `/v1/orders?sellerId=${sellerId}`,
    undefined,
    keys.operator,
  );
  assert.equal(forSeller.data.length, all.data.length);
  const noSeller = await expect(
    S.OrderSummaryPage,
    '/v1/orders?sellerId=sel_nobody',
    undefined,
    keys.operator,
  );
  assert.deepEqual(noSeller.data, []);

  // The placed range: around the newest order's time, and a day in Korea.
  const newest = all.data[0]!;
  const at = new Date(newest.placedAt).getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const range = async (from: string, to: string) =>
    (await expect(S.OrderSummaryPage, `/v1/orders?from=${from}&to=${to}`)).data.map((o) => o.id);
  assert.ok((await range(iso(at), iso(at + 1))).includes(newest.id));
  assert.deepEqual(await range(iso(at + 1), iso(at + 60_000)), []);
  assert.ok(!(await range(iso(at - 60_000), iso(at))).includes(newest.id), '`to` is exclusive');
  const kstDay = new Date(at + 9 * 3_600_000).toISOString().slice(0, 10);
  assert.ok((await range(kstDay, kstDay)).includes(newest.id), 'a date is a whole day in Korea');

  // Text search: part of the order number or of the buyer's name, any case.
  const [row] = await app.store.query<{ order_number: string | null; buyer_name: string | null }>(
    'SELECT order_number, buyer_name FROM orders WHERE id = $1',
    [newest.id],
  );
  const search = async (q: string) =>
    (await expect(S.OrderSummaryPage, `/v1/orders?q=${encodeURIComponent(q)}`)).data.map((o) => o.id);
  const number = row!.order_number ?? newest.externalOrderId;
  assert.deepEqual(await search(number), [newest.id]);
  if (row!.buyer_name)
    assert.ok((await search(row!.buyer_name.slice(0, 4).toUpperCase())).includes(newest.id));
  assert.deepEqual(await search('no such order %_'), []);

  for (const [query, parameter] of [
    ['status=bogus', 'status'],
    ['from=yesterday', 'from'],
    ['to=2026-13-01', 'to'],
    ['from=2026-11-02&to=2026-11-01', 'to'],
    ['q=x', 'q'],
  ] as const) {
    const res = await call(`/v1/orders?${query}`);
    assert.equal(res.status, 400, query);
    const message = (res.body as { error: { message: string } }).error.message;
    assert.match(message, new RegExp(`^${parameter}:`), `${query}: ${message}`);
  }
});
