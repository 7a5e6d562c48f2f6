// The order sweep runs on its own: the queue schedules `orders.sweep` (KBRIDGE_ORDERS_SWEEP_SECONDS)
// in every process that runs workers, and an order placed in the sandbox while pushes go nowhere
// reaches the store with nobody calling the sweep.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { receiveStock } from '../../src/inventory/index.ts';
import { ALL_JOBS, startQueue, type Queue } from '../../src/jobs/index.ts';
import { recurrence } from '../../src/jobs/queue.ts';
import type { App } from '../../src/main/app.ts';
import { ordersRuntime } from '../../src/orders/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { OPERATOR_SCOPE, systemClock } from '../../src/shared/index.ts';
import { testApp } from '../helpers/app.ts';
import { authorizeChannel, publishSkus } from '../helpers/orders-harness.ts';
import { seedSeller } from '../helpers/seed.ts';

const SITE = 'lazada-my';
let sb: Sandbox;
let app: App;
let queue: Queue | undefined;

before(async () => {
  // Pushes go to a port nothing listens on: only polling can find the orders.
  sb = await startSandbox({
    port: 0,
    pushUrl: 'http://127.0.0.1:9/unreachable',
    qcDelayMs: 3_600_000,
    paymentDelayMs: 0,
  });
  const base = await testApp({
    KBRIDGE_ORDERS_SWEEP_SECONDS: '60',
    KBRIDGE_MARKETPLACE_APP_KEY: sb.appKey,
    KBRIDGE_MARKETPLACE_APP_SECRET: sb.appSecret,
    KBRIDGE_MARKETPLACE_SANDBOX_URL: sb.url,
    KBRIDGE_SECRET_KEY: 'sweep-schedule-test-key-0123456789',
  });
  // The sweep asks for orders up to "now": the sandbox runs on real time, so must the app.
  app = { ...base, clock: systemClock };
  const seeded = await seedSeller(app.store, { skus: ['SWP-1'] });
  await receiveStock(app.store, OPERATOR_SCOPE, { variantId: seeded.variants[0]!.variantId, quantity: 5 });
  const rt = ordersRuntime(app);
  const channel = await authorizeChannel(app.store, rt.connection(SITE), SITE, seeded.sellerId);
  await publishSkus(sb, rt.deps.gateway.adapter(channel), ['SWP-1'], 5);
});

after(async () => {
  await queue?.stop();
  await ordersRuntime(app).stop();
  await sb.close();
  await app.close();
});

test('the interval becomes a recurrence rule in the coarsest unit', () => {
  assert.equal(recurrence(7200), 'FREQ=HOURLY;INTERVAL=2');
  assert.equal(recurrence(300), 'FREQ=MINUTELY;INTERVAL=5');
  assert.equal(recurrence(45), 'FREQ=SECONDLY;INTERVAL=45');
});

test('a scheduled sweep picks up an order placed without a push', async () => {
  const [placed] = sb.admin.placeOrders({
    site: SITE,
    lines: [{ sellerSku: 'SWP-1' }],
    paymentMethod: 'COD',
  });
  const externalOrderId = String(placed!.order_id);
  // Workers start after the order was placed; nobody calls the sweep: the schedule does.
  queue = await startQueue(app, ALL_JOBS);
  await queue.work();
  const deadline = Date.now() + 90_000; // occurrences come at most once a minute
  let line: { status: string; stock_state: string } | undefined;
  while (Date.now() < deadline) {
    [line] = await app.store.query<{ status: string; stock_state: string }>(
      `SELECT l.status, l.stock_state FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE o.site = $1 AND o.external_order_id = $2`,
      [SITE, externalOrderId],
    );
    if (line) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.ok(line, 'the order reached the store through the scheduled sweep');
  assert.equal(line.status, 'pending');
  assert.equal(line.stock_state, 'reserved');
  const [inbox] = await app.store.query<{ source: string }>(
    `SELECT source FROM push_inbox WHERE external_order_id = $1`,
    [externalOrderId],
  );
  assert.equal(inbox?.source, 'sweep');
  const schedules = await queue.boss.getSchedules();
  assert.ok(schedules.some((s) => s.name === 'orders.sweep' && s.cron === recurrence(60)));
});
