// Inventory on the store of this run (PGlite by default, PostgreSQL with DATABASE_URL): movements,
// idempotency, the CHECK constraints, the outbox, and concurrent last-unit reservations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/db/index.ts';
import {
  countStock,
  markStockSynced,
  openStockFromCatalog,
  pendingStockChanges,
  receiveStock,
  releaseStock,
  reserveStock,
  setAllocationPolicy,
  shipStock,
  stockLedger,
  stockLevels,
} from '../../src/inventory/index.ts';
import { OPERATOR_SCOPE, sellerScope } from '../../src/shared/index.ts';
import { seedSeller } from '../helpers/seed.ts';
import { testStore } from '../helpers/store.ts';

let store: Store;
before(async () => {
  store = await testStore();
});
after(async () => {
  await store.close();
});

async function counts(variantId: string) {
  const [r] = await store.query<{ on_hand: number; reserved: number }>(
    'SELECT on_hand, reserved FROM stock_items WHERE variant_id = $1',
    [variantId],
  );
  return r;
}

/** Replays the ledger: its deltas must add up to the current counts. */
async function ledgerTotals(variantId: string) {
  const [r] = await store.query<{ on_hand: number; reserved: number }>(
    `SELECT coalesce(sum(on_hand_delta),0)::int AS on_hand, coalesce(sum(reserved_delta),0)::int AS reserved
     FROM stock_ledger WHERE variant_id = $1`,
    [variantId],
  );
  return r;
}

test('receive, reserve, release, ship: counts follow and the ledger replays to them', async () => {
  const { sellerId, variants } = await seedSeller(store, { skus: ['INV-A'] });
  const v = variants[0]!;
  const scope = sellerScope(sellerId);
  const got = await receiveStock(store, scope, { sellerSku: 'INV-A', quantity: 5, requestId: 'po-1' });
  assert.deepEqual(got, { applied: true, counts: { onHand: 5, reserved: 0 } });
  // The same request again changes nothing.
  assert.equal(
    (await receiveStock(store, scope, { sellerSku: 'INV-A', quantity: 5, requestId: 'po-1' })).applied,
    false,
  );

  const input = { sellerId, variantId: v.variantId, site: 'lazada-sg', quantity: 2, ref: 'oli_1' };
  assert.deepEqual(await store.transaction((tx) => reserveStock(tx, input)), { ok: true, value: 'reserved' });
  assert.deepEqual(await store.transaction((tx) => reserveStock(tx, input)), {
    ok: true,
    value: 'already-reserved',
  });
  assert.deepEqual(await counts(v.variantId), { on_hand: 5, reserved: 2 });

  const short = await store.transaction((tx) =>
    reserveStock(tx, { ...input, ref: 'oli_2', quantity: 4, site: 'daraz-pk' }),
  );
  assert.deepEqual(short, { ok: false, error: { kind: 'short', available: 3, wanted: 4 } });
  assert.equal((await store.query(`SELECT 1 FROM stock_reservations WHERE ref = 'oli_2'`)).length, 0);

  assert.equal(await store.transaction((tx) => releaseStock(tx, 'oli_1')), true);
  assert.equal(await store.transaction((tx) => releaseStock(tx, 'oli_1')), false);
  assert.deepEqual(await counts(v.variantId), { on_hand: 5, reserved: 0 });

  await store.transaction((tx) => reserveStock(tx, { ...input, ref: 'oli_3', quantity: 3 }));
  const shipped = await store.transaction((tx) => shipStock(tx, { ...input, ref: 'oli_3', quantity: 3 }));
  assert.deepEqual(shipped, { ok: true, value: 'shipped' });
  assert.deepEqual(await store.transaction((tx) => shipStock(tx, { ...input, ref: 'oli_3', quantity: 3 })), {
    ok: true,
    value: 'already-shipped',
  });
  assert.deepEqual(await counts(v.variantId), { on_hand: 2, reserved: 0 });
  // A line first seen already shipped takes its units from free stock.
  assert.deepEqual(await store.transaction((tx) => shipStock(tx, { ...input, ref: 'oli_4', quantity: 1 })), {
    ok: true,
    value: 'shipped-unreserved',
  });
  assert.deepEqual(await counts(v.variantId), await ledgerTotals(v.variantId));
  const entries = await stockLedger(store, scope, { variantId: v.variantId });
  assert.deepEqual(
    entries.map((e) => e.kind),
    ['shipment', 'shipment', 'reservation', 'release', 'reservation', 'receipt'],
  );
});

test('a count below what orders hold is refused; the CHECK constraint refuses any oversell', async () => {
  const { sellerId, variants } = await seedSeller(store, { skus: ['INV-B'] });
  const v = variants[0]!;
  const scope = sellerScope(sellerId);
  await receiveStock(store, scope, { variantId: v.variantId, quantity: 4 });
  await store.transaction((tx) =>
    reserveStock(tx, { sellerId, variantId: v.variantId, site: 'lazada-th', quantity: 3, ref: 'oli_b1' }),
  );
  const refused = await countStock(store, scope, { variantId: v.variantId, onHand: 2 });
  assert.deepEqual(refused, { ok: false, error: { kind: 'below-reserved', reserved: 3, wanted: 2 } });
  assert.deepEqual(await countStock(store, scope, { variantId: v.variantId, onHand: 6, requestId: 'c1' }), {
    ok: true,
    value: { onHand: 6, reserved: 3 },
  });
  await assert.rejects(
    store.query(`UPDATE stock_items SET reserved = on_hand + 1 WHERE variant_id = $1`, [v.variantId]),
    /stock_items_reserved_within/,
  );
  await assert.rejects(
    store.query(`UPDATE stock_items SET on_hand = -1, reserved = 0 WHERE variant_id = $1`, [v.variantId]),
    /stock_items_on_hand_nonneg|stock_items_reserved_within/,
  );
  assert.deepEqual(await counts(v.variantId), await ledgerTotals(v.variantId));
});

test('a seller cannot touch another seller’s variant', async () => {
  const a = await seedSeller(store, { skus: ['INV-C'] });
  const b = await seedSeller(store, { skus: ['INV-C'] });
  await assert.rejects(
    receiveStock(store, sellerScope(b.sellerId), { variantId: a.variants[0]!.variantId, quantity: 1 }),
    /not found/,
  );
  // The same SKU names each seller's own variant.
  await receiveStock(store, sellerScope(b.sellerId), { sellerSku: 'INV-C', quantity: 2 });
  const levels = await stockLevels(store, sellerScope(b.sellerId), { sellerSku: 'INV-C' });
  assert.deepEqual(
    levels.map((l) => [l.variantId, l.onHand]),
    [[b.variants[0]!.variantId, 2]],
  );
  assert.deepEqual(await stockLevels(store, sellerScope(a.sellerId), { sellerSku: 'INV-C' }), []);
});

test('concurrent orders from several sites at the last units: none is oversold', async () => {
  const { sellerId, variants } = await seedSeller(store, { skus: ['LAST-1', 'LAST-2'] });
  const [v1, v2] = variants as [(typeof variants)[0], (typeof variants)[0]];
  await receiveStock(store, OPERATOR_SCOPE, { variantId: v1.variantId, quantity: 5 });
  await receiveStock(store, OPERATOR_SCOPE, { variantId: v2.variantId, quantity: 3 });
  const sites = ['lazada-sg', 'lazada-my', 'daraz-pk', 'miravia-es'];
  // 48 orders of one or two units, each its own transaction, all started at once. Every tenth is a
  // duplicate of an earlier one (a push delivered twice), which must not reserve again.
  const attempts = Array.from({ length: 48 }, (_, i) => ({
    sellerId,
    variantId: i % 3 === 0 ? v2.variantId : v1.variantId,
    site: sites[i % sites.length]!,
    quantity: i % 5 === 0 ? 2 : 1,
    ref: i % 10 === 9 ? `race_${i - 9}` : `race_${i}`,
  }));
  const results = await Promise.all(attempts.map((a) => store.transaction((tx) => reserveStock(tx, a))));
  for (const v of [v1, v2]) {
    const c = (await counts(v.variantId))!;
    assert.ok(c.reserved <= c.on_hand, `reserved ${c.reserved} within on hand ${c.on_hand}`);
    const [held] = await store.query<{ n: number }>(
      `SELECT coalesce(sum(quantity),0)::int AS n FROM stock_reservations WHERE variant_id = $1 AND state = 'active'`,
      [v.variantId],
    );
    assert.equal(held!.n, c.reserved, 'reservation rows add up to the reserved count');
    assert.deepEqual(c, await ledgerTotals(v.variantId));
  }
  const reservedUnits = results.reduce(
    (n, r, i) => n + (r.ok && r.value === 'reserved' ? attempts[i]!.quantity : 0),
    0,
  );
  const c1 = (await counts(v1.variantId))!;
  const c2 = (await counts(v2.variantId))!;
  assert.equal(reservedUnits, c1.reserved + c2.reserved);
  // Demand far exceeds supply, so the last units are taken (a one-unit order can always fit the last one).
  assert.equal(c1.reserved, 5);
  assert.equal(c2.reserved, 3);
  assert.ok(results.some((r) => !r.ok && r.error.kind === 'short'));
  const [dupes] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM stock_ledger WHERE kind = 'reservation' AND ref LIKE 'race_%'
     GROUP BY ref ORDER BY count(*) DESC LIMIT 1`,
  );
  assert.equal(dupes!.n, 1, 'no line reserved twice');
});

test('a policy change while orders reserve several SKUs: both lock in variant order, no deadlock', async () => {
  const { sellerId, variants } = await seedSeller(store, { skus: ['DL-1', 'DL-2', 'DL-3', 'DL-4', 'DL-5'] });
  // Stock rows created in reverse variant order, so a scan in storage order is not variant order.
  const sorted = variants.map((v) => v.variantId).sort();
  for (const variantId of [...sorted].reverse())
    await receiveStock(store, OPERATOR_SCOPE, { variantId, quantity: 100 });
  const orders = Array.from({ length: 30 }, (_, i) =>
    store.transaction(async (tx) => {
      // As order processing does (orders/line-stock.ts): every SKU of the batch, in variant order.
      for (const variantId of sorted)
        await reserveStock(tx, {
          sellerId,
          variantId,
          site: 'lazada-sg',
          quantity: 1,
          ref: `dl_${i}_${variantId}`,
        });
    }),
  );
  const policies = Array.from({ length: 10 }, (_, i) =>
    setAllocationPolicy(store, OPERATOR_SCOPE, {
      sellerId,
      policy: { mode: 'shared', buffers: { '*': i % 3 }, weights: {} },
    }),
  );
  const settled = await Promise.allSettled([...orders, ...policies]);
  const failures = settled.filter((r) => r.status === 'rejected');
  assert.deepEqual(
    failures.map((f) => String((f as PromiseRejectedResult).reason)),
    [],
    'no transaction failed (a deadlock aborts one)',
  );
  for (const variantId of sorted) assert.equal((await counts(variantId))!.reserved, 30);
});

test('the outbox: a change is pending until pushed; a newer change stays pending', async () => {
  const { sellerId, variants } = await seedSeller(store, { skus: ['OUT-1'], stock: 7 });
  const v = variants[0]!;
  const scope = sellerScope(sellerId);
  assert.deepEqual(await openStockFromCatalog(store, scope), { opened: 1 });
  assert.deepEqual(await openStockFromCatalog(store, scope), { opened: 0 });
  await setAllocationPolicy(store, scope, {
    policy: { mode: 'shared', buffers: { 'lazada-sg': 2 }, weights: {} },
  });
  const sitesFor = () => ['lazada-sg', 'lazada-my'];
  let pending = (await pendingStockChanges(store, { sitesFor, limit: 10_000 })).filter(
    (c) => c.variantId === v.variantId,
  );
  assert.equal(pending.length, 1);
  assert.deepEqual(pending[0]!.bySite, { 'lazada-sg': 5, 'lazada-my': 7 });
  const seen = pending[0]!;
  await store.transaction((tx) =>
    reserveStock(tx, { sellerId, variantId: v.variantId, site: 'lazada-my', quantity: 1, ref: 'out_1' }),
  );
  await markStockSynced(store, [{ variantId: seen.variantId, version: seen.version }]);
  pending = (await pendingStockChanges(store, { sitesFor, limit: 10_000 })).filter(
    (c) => c.variantId === v.variantId,
  );
  assert.equal(pending.length, 1, 'the reservation after the read is still to push');
  assert.deepEqual(pending[0]!.bySite, { 'lazada-sg': 4, 'lazada-my': 6 });
  await markStockSynced(store, [{ variantId: v.variantId, version: pending[0]!.version }]);
  pending = (await pendingStockChanges(store, { sitesFor, limit: 10_000 })).filter(
    (c) => c.variantId === v.variantId,
  );
  assert.equal(pending.length, 0);
  // Split policy for this one variant: shares never exceed the free stock.
  await setAllocationPolicy(store, scope, {
    variantId: v.variantId,
    policy: { mode: 'split', buffers: {}, weights: { 'lazada-sg': 1, 'lazada-my': 2 } },
  });
  const [level] = await stockLevels(store, scope, { sellerSku: 'OUT-1', sites: ['lazada-sg', 'lazada-my'] });
  assert.deepEqual(level!.bySite, { 'lazada-sg': 2, 'lazada-my': 4 });
  assert.equal(level!.pendingPush, true);
});
