// Buyers' cancellation requests against the real sandbox (PGlite, or PostgreSQL with DATABASE_URL):
// a request (reverse order in CANCEL_INIT; on AliExpress the order's IN_CANCEL) is on the seller's
// to-do list before anything else, the seller refuses or accepts it, and reverse statuses reach
// the store from the sweep's reverse-order list when their pushes were lost — once, whichever
// path brings them first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/db/index.ts';
import { receiveStock } from '../../src/inventory/index.ts';
import {
  ChannelDirectory,
  OrderFx,
  answerCancelRequest,
  sweepChannel,
  todoList,
  type OrderDeps,
} from '../../src/orders/index.ts';
import { OPERATOR_SCOPE, sellerScope, type Clock, type Scope } from '../../src/shared/index.ts';
import { startOrdersHarness, type OrdersHarness } from '../helpers/orders-harness.ts';
import { seedSeller } from '../helpers/seed.ts';
import { testStore } from '../helpers/store.ts';

let store: Store;
let h: OrdersHarness;
let ae: OrdersHarness;
let variantId: string;
let deps: OrderDeps;
let scope: Scope;
const SITE = 'lazada-sg';
const AE = 'aliexpress-global';

before(async () => {
  store = await testStore();
  const seeded = await seedSeller(store, { skus: ['RV-1'] });
  scope = sellerScope(seeded.sellerId);
  variantId = seeded.variants[0]!.variantId;
  await receiveStock(store, OPERATOR_SCOPE, { variantId, quantity: 10 });
  h = await startOrdersHarness({
    store,
    sellerId: seeded.sellerId,
    sites: [SITE],
    skus: ['RV-1'],
    stockPerSite: 50,
  });
  ae = await startOrdersHarness({
    store,
    sellerId: seeded.sellerId,
    sites: [AE],
    skus: ['RV-1'],
    stockPerSite: 50,
  });
  deps = {
    store,
    gateway: h.gateway,
    channels: new ChannelDirectory(store),
    fx: new OrderFx(undefined),
    clock: sandboxClock(),
  };
});

after(async () => {
  await h.close();
  await ae.close();
  await store.close();
});

const sandboxClock = (): Clock => ({ now: () => new Date(h.sb.admin.now()) });

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await h.sb.admin.flushPushes();
    await h.ingestor.drain();
  }
}

async function reserved(): Promise<number> {
  const [r] = await store.query<{ reserved: number }>(
    'SELECT reserved FROM stock_items WHERE variant_id = $1',
    [variantId],
  );
  return r!.reserved;
}

async function lineOf(externalOrderId: string) {
  const [r] = await store.query<{
    id: string;
    order_id: string;
    status: string;
    reverse_status: string | null;
    reverse_phase: string | null;
  }>(
    `SELECT l.id, l.order_id, l.status, l.reverse_status, l.reverse_phase FROM order_lines l
     JOIN orders o ON o.id = l.order_id WHERE o.site = $1 AND o.external_order_id = $2`,
    [SITE, externalOrderId],
  );
  return r!;
}

const place = () =>
  String(
    h.sb.admin.placeOrders({ site: SITE, lines: [{ sellerSku: 'RV-1' }], paymentMethod: 'COD' })[0]!.order_id,
  );

test("a buyer's cancellation request is the seller's first to-do; refused, the order is packed as before", async () => {
  const ext = place();
  await settle();
  const { order_id: orderId } = await lineOf(ext);
  assert.equal(h.sb.admin.requestCancel(SITE, Number(ext)), 'requested');
  await settle();
  assert.deepEqual(
    [(await lineOf(ext)).reverse_status, (await lineOf(ext)).reverse_phase],
    ['CANCEL_INIT', 'requested'],
  );
  const todo = await todoList(store, scope);
  assert.deepEqual(
    todo.map((t) => [t.action, t.orderId]),
    [['answer-cancel', orderId]],
    'the request replaces packing until it is answered',
  );
  assert.ok(todo[0]!.reverseOrderId, 'names the reverse order');
  assert.deepEqual(await todoList(store, sellerScope('sel_someone_else')), []);

  const refused = await answerCancelRequest(deps, scope, { orderId, accept: false });
  assert.ok(refused.ok);
  assert.deepEqual(
    refused.value.lines.map((l) => l.status),
    ['pending'],
  );
  const line = await lineOf(ext);
  assert.deepEqual(
    [line.status, line.reverse_status, line.reverse_phase],
    ['pending', 'CANCEL_REFUSED', 'rejected'],
  );
  assert.deepEqual(
    (await todoList(store, scope)).map((t) => t.action),
    ['pack'],
  );
  // The pushes of the decision come after it was applied: nothing changes, nothing is counted twice.
  await settle();
  const [{ n }] = (await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_events WHERE line_id = $1 AND kind = 'reverse-status'`,
    [line.id],
  )) as [{ n: number }];
  assert.equal(n, 2, 'CANCEL_INIT, then CANCEL_REFUSED, each once');
  assert.deepEqual(await answerCancelRequest(deps, scope, { orderId, accept: true }), {
    ok: false,
    error: { kind: 'no-cancel-request', statuses: ['pending'] },
  });
});

test('accepted, the lines are cancelled and their stock released', async () => {
  const before = await reserved();
  const ext = place();
  await settle();
  assert.equal(await reserved(), before + 1);
  h.sb.admin.requestCancel(SITE, Number(ext));
  await settle();
  const { order_id: orderId } = await lineOf(ext);
  const accepted = await answerCancelRequest(deps, scope, { orderId, accept: true });
  assert.ok(accepted.ok);
  assert.deepEqual(
    accepted.value.lines.map((l) => l.status),
    ['canceled'],
  );
  await settle();
  const line = await lineOf(ext);
  assert.deepEqual(
    [line.status, line.reverse_status, line.reverse_phase],
    ['canceled', 'CANCEL_SUCCESS', 'refunded'],
  );
  assert.equal(await reserved(), before);
  assert.ok(!(await todoList(store, scope)).some((t) => t.orderId === orderId));
});

test('a lost reverse push is caught by the sweep from the reverse-order list, once', async () => {
  const ext = place();
  await settle();
  // Pushes go nowhere now: the buyer's request is only found by polling.
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: 'http://127.0.0.1:9/unreachable' });
  h.sb.admin.requestCancel(SITE, Number(ext));
  await h.sb.admin.flushPushes();
  assert.equal((await lineOf(ext)).reverse_status, null, 'the push was lost');
  h.sb.admin.advanceTime(2000);
  const channel = h.channels.get(SITE)!;
  const sweep = () =>
    sweepChannel(
      { store, gateway: h.gateway, inbox: h.inbox, clock: sandboxClock() },
      { ...channel, sweptUntil: null },
      { firstWindowMs: 3_600_000, overlapMs: 0 },
    );
  const first = await sweep();
  assert.ok(first.reverseListed >= 1, JSON.stringify(first));
  assert.ok(first.reverseQueued >= 1, JSON.stringify(first));
  await h.ingestor.drain();
  const line = await lineOf(ext);
  assert.deepEqual([line.reverse_status, line.reverse_phase], ['CANCEL_INIT', 'requested']);
  assert.ok(
    (await todoList(store, scope)).some((t) => t.action === 'answer-cancel' && t.orderId === line.order_id),
  );
  // Sweeping again, and the late push arriving after all, change nothing.
  assert.equal((await sweep()).reverseQueued, 0);
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: h.receiverUrl });
  const [inbox] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM push_inbox WHERE message_type = 10 AND external_order_id = $1`,
    [ext],
  );
  assert.equal(inbox!.n, 1, 'one inbox row for the status, from the sweep');
  const [{ n }] = (await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_events WHERE line_id = $1 AND kind = 'reverse-status'`,
    [line.id],
  )) as [{ n: number }];
  assert.equal(n, 1);
  // Answered while pushes are lost: the decision is read back from the marketplace.
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: 'http://127.0.0.1:9/unreachable' });
  const answered = await answerCancelRequest(deps, scope, { orderId: line.order_id, accept: true });
  assert.ok(answered.ok);
  assert.deepEqual((await lineOf(ext)).reverse_phase, 'refunded');
  h.sb.admin.advanceTime(2000);
  await sweep();
  await h.ingestor.drain();
  const after = await lineOf(ext);
  assert.deepEqual(
    [after.status, after.reverse_status, after.reverse_phase],
    ['canceled', 'CANCEL_SUCCESS', 'refunded'],
  );
  h.sb.admin.upsertApp({ appKey: h.sb.appKey, pushUrl: h.receiverUrl });
});

test('AliExpress: IN_CANCEL is the request; found by the sweep, answered, read back from the order', async () => {
  const aeDeps: OrderDeps = {
    ...deps,
    gateway: ae.gateway,
    clock: { now: () => new Date(ae.sb.admin.now()) },
  };
  const channel = ae.channels.get(AE)!;
  const sweep = () =>
    sweepChannel(
      { store, gateway: ae.gateway, inbox: ae.inbox, clock: aeDeps.clock },
      { ...channel, sweptUntil: null },
      { firstWindowMs: 3_600_000, overlapMs: 0 },
    );
  const settleAe = async () => {
    ae.sb.admin.advanceTime(2000);
    await sweep();
    for (let i = 0; i < 3; i++) {
      await ae.sb.admin.flushPushes();
      await ae.ingestor.drain();
    }
  };
  const placeAe = () =>
    String(
      ae.sb.admin.placeOrders({ site: AE, lines: [{ sellerSku: 'RV-1' }], paymentMethod: 'COD' })[0]!
        .order_id,
    );
  const aeLine = async (ext: string) => {
    const [r] = await store.query<{
      order_id: string;
      status: string;
      reverse_status: string | null;
      reverse_phase: string | null;
    }>(
      `SELECT l.order_id, l.status, l.reverse_status, l.reverse_phase FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE o.site = $1 AND o.external_order_id = $2`,
      [AE, ext],
    );
    return r!;
  };

  const refuseMe = placeAe();
  await settleAe();
  assert.equal((await aeLine(refuseMe)).status, 'pending');
  assert.equal(ae.sb.admin.requestCancel(AE, Number(refuseMe)), 'requested');
  await settleAe();
  let line = await aeLine(refuseMe);
  assert.deepEqual(
    [line.status, line.reverse_status, line.reverse_phase],
    ['pending', 'CANCEL_INIT', 'requested'],
  );
  const todo = await todoList(store, scope, { site: AE });
  assert.deepEqual(
    todo.map((t) => [t.action, t.orderId]),
    [['answer-cancel', line.order_id]],
  );
  assert.match(todo[0]!.reverseOrderId!, /^IN_CANCEL@/);
  // Reading the order again while the request waits changes nothing.
  await settleAe();
  const [{ n }] = (await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM order_events e JOIN order_lines l ON l.id = e.line_id
     WHERE l.order_id = $1 AND e.kind = 'reverse-status'`,
    [line.order_id],
  )) as [{ n: number }];
  assert.equal(n, 1);

  const refused = await answerCancelRequest(aeDeps, scope, { orderId: line.order_id, accept: false });
  assert.ok(refused.ok);
  line = await aeLine(refuseMe);
  assert.deepEqual(
    [line.status, line.reverse_status, line.reverse_phase],
    ['pending', 'CANCEL_REFUSED', 'rejected'],
  );
  assert.deepEqual(
    (await todoList(store, scope, { site: AE })).map((t) => t.action),
    ['pack'],
  );

  // Accepted in AliExpress's own seller centre: the sweep sees the order closed and reads it so.
  const acceptMe = placeAe();
  await settleAe();
  ae.sb.admin.requestCancel(AE, Number(acceptMe));
  await settleAe();
  const accepted = await answerCancelRequest(aeDeps, scope, {
    orderId: (await aeLine(acceptMe)).order_id,
    accept: true,
  });
  assert.ok(accepted.ok);
  await settleAe();
  line = await aeLine(acceptMe);
  assert.deepEqual(
    [line.status, line.reverse_status, line.reverse_phase],
    ['canceled', 'CANCEL_SUCCESS', 'refunded'],
  );
});
