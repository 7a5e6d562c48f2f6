import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/shared/index.ts';
import {
  deriveCategoryId,
  ITEM_TRANSITIONS,
  sandboxSites,
  startSandbox,
  type Sandbox,
} from '../../src/sandbox/index.ts';
import { expectedPushSignature, lazop, productPayload, pushReceiver, sku, type Json } from './helpers.ts';

const TENTS = 7665;
const HOUR = 3600_000;

describe('sandbox orders: simulated buyers, item lifecycle, fulfillment, cancels, returns', () => {
  let sb: Sandbox;
  let token: string;
  let receiver: Awaited<ReturnType<typeof pushReceiver>>;
  const call = (
    api: string,
    params: Record<string, string>,
    method: 'GET' | 'POST' = 'POST',
  ): Promise<Json> => lazop(sb, 'lazada/ph', api, params, { token, method }).then((r) => r.json);
  const items = async (orderId: number): Promise<Json[]> =>
    (await call('/order/items/get', { order_id: String(orderId) }, 'GET')).data;
  const order = (lines: { sellerSku: string; quantity?: number }[], paymentMethod = 'COD'): Json =>
    sb.admin.placeOrders({ site: 'lazada-ph', lines, paymentMethod })[0]!;
  const packReq = (orderId: number, ids: number[], extra: Json = {}): string =>
    JSON.stringify({
      pack_order_list: [{ order_id: orderId, order_item_list: ids }],
      delivery_type: 'dropship',
      shipping_allocate_type: 'NTFS',
      shipment_provider_code: 'CJ_KR',
      ...extra,
    });

  before(async () => {
    receiver = await pushReceiver();
    // One push at a time, so the receiver sees them in the order they were raised.
    sb = await startSandbox({
      clock: fixedClock('2026-11-25T01:00:00Z'),
      qcDelayMs: 1000,
      pushUrl: receiver.url,
      push: { concurrency: 1, ackTimeoutMs: 10_000 },
    });
    token = sb.admin.issueToken({ platform: 'lazada' }).access_token;
    for (const s of ['ORD-1', 'ORD-2', 'ORD-3']) {
      const r = await lazop(
        sb,
        'lazada/ph',
        '/product/create',
        { payload: productPayload(TENTS, [sku(s, { quantity: '20' })]) },
        { token },
      );
      assert.equal(r.json.code, '0');
    }
    sb.admin.advanceTime(1000);
  });
  after(async () => {
    await sb.close();
    await receiver.close();
  });

  it('keeps the item lifecycle as a transition table', () => {
    assert.deepEqual(ITEM_TRANSITIONS.pending, ['packed', 'canceled']);
    assert.ok(ITEM_TRANSITIONS.packed.includes('repacked'));
    assert.ok(!ITEM_TRANSITIONS.delivered.includes('canceled'));
    assert.ok(!ITEM_TRANSITIONS.shipped.includes('canceled'));
  });

  it('places an order with one item per unit, held stock, COD pending and signed type-0 pushes', async () => {
    const o = order([{ sellerSku: 'ORD-1', quantity: 2 }]);
    const list = await items(o.order_id);
    assert.equal(list.length, 2);
    assert.deepEqual(
      list.map((i) => i.status),
      ['pending', 'pending'],
    );
    assert.equal(list[0]!.sku, 'ORD-1');
    assert.equal(list[0]!.currency, 'PHP');
    const got = (await call('/order/get', { order_id: String(o.order_id) }, 'GET')).data;
    assert.equal(got.payment_method, 'COD');
    assert.deepEqual(got.statuses, ['pending']);
    assert.equal(got.address_shipping.country, 'Philippines');
    assert.match(got.created_at, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0800$/);
    const product = (await call('/products/get', { sku_seller_list: '["ORD-1"]' }, 'GET')).data.products[0]
      .skus[0];
    assert.deepEqual([product.quantity, product.Available], [20, 18]);
    await sb.admin.flushPushes();
    const pushes = receiver.pushes.filter(
      (p) => p.body.message_type === 0 && p.body.data.trade_order_id === String(o.order_id),
    );
    assert.equal(pushes.length, 2);
    assert.equal(pushes[0]!.body.data.order_status, 'pending');
    for (const p of pushes)
      assert.equal(p.authorization, expectedPushSignature(sb.appKey, sb.appSecret, p.raw));
  });

  it('moves online-payment orders from unpaid to pending after the payment delay', async () => {
    const o = order([{ sellerSku: 'ORD-2' }], 'GCASH');
    assert.equal((await items(o.order_id))[0]!.status, 'unpaid');
    sb.admin.advanceTime(60_000);
    assert.equal((await items(o.order_id))[0]!.status, 'pending');
  });

  it('places orders at the configured rate as sandbox time passes', async () => {
    const before = (await call('/orders/get', { created_after: '2026-01-01T00:00:00+08:00' }, 'GET')).data
      .countTotal;
    sb.admin.setOptions({ orderRate: { 'lazada-ph': 3 } });
    sb.admin.advanceTime(2 * 60_000);
    sb.admin.setOptions({ orderRate: 0 });
    const afterCount = (await call('/orders/get', { created_after: '2026-01-01T00:00:00+08:00' }, 'GET')).data
      .countTotal;
    assert.equal(afterCount - before, 6);
  });

  it('validates /orders/get parameters with the documented codes', async () => {
    assert.equal((await call('/orders/get', {}, 'GET')).code, 'MissingParameter');
    assert.equal((await call('/orders/get', { created_after: '2026-01-01 00:00:00' }, 'GET')).code, '17');
    assert.equal(
      (await call('/orders/get', { created_after: '2026-01-01T00:00:00+08:00', limit: '101' }, 'GET')).code,
      '19',
    );
    assert.equal(
      (await call('/orders/get', { created_after: '2026-01-01T00:00:00+08:00', status: 'nope' }, 'GET')).code,
      '36',
    );
    const pending = (
      await call(
        '/orders/get',
        { created_after: '2026-01-01T00:00:00+08:00', status: 'pending', limit: '2', sort_direction: 'ASC' },
        'GET',
      )
    ).data;
    assert.equal(pending.count, 2);
    assert.ok(pending.countTotal >= 2);
  });

  it('packs (NTFS), prints a real PDF AWB, ready-to-ships, then the carrier ships and delivers', async () => {
    const o = order([{ sellerSku: 'ORD-1' }, { sellerSku: 'ORD-3' }]);
    const ids = (await items(o.order_id)).map((i) => i.order_item_id as number);
    const providers = (
      await call('/order/shipment/providers/get', {
        getShipmentProvidersReq: JSON.stringify({ orders: [{ order_id: o.order_id, order_item_ids: ids }] }),
      })
    ).result.data;
    assert.equal(providers.shipping_allocate_type, 'NTFS');
    assert.ok(providers.shipment_providers.some((p: Json) => p.provider_code === 'CJ_KR'));
    const tfs = await call('/order/fulfill/pack', {
      packReq: packReq(o.order_id, ids, { shipping_allocate_type: 'TFS', shipment_provider_code: undefined }),
    });
    assert.equal(tfs.code, '0');
    assert.equal(tfs.result.success, false);
    const packed = await call('/order/fulfill/pack', { packReq: packReq(o.order_id, ids) });
    assert.equal(packed.result.success, true);
    const lines = packed.result.data.pack_order_list[0].order_item_list as Json[];
    assert.deepEqual(
      lines.map((l) => l.item_err_code),
      ['0', '0'],
    );
    const packageId = lines[0]!.package_id as string;
    const tracking = lines[0]!.tracking_number as string;
    assert.match(packageId, /^FP\d+$/);
    assert.equal(lines[1]!.package_id, packageId);
    assert.deepEqual(
      (await items(o.order_id)).map((i) => [i.status, i.tracking_code]),
      [
        ['packed', tracking],
        ['packed', tracking],
      ],
    );
    const twice = await call('/order/fulfill/pack', { packReq: packReq(o.order_id, ids) });
    assert.equal(twice.result.data.pack_order_list[0].order_item_list[0].item_err_code, '700001');

    const doc = await call('/order/package/document/get', {
      getDocumentReq: JSON.stringify({
        doc_type: 'PDF',
        packages: [{ package_id: packageId }],
        print_item_list: true,
      }),
    });
    assert.equal(doc.result.success, true);
    const pdf = Buffer.from(doc.result.data.file, 'base64');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.toString('latin1').includes(tracking), 'the AWB carries the tracking number');

    const rts = await call('/order/package/rts', {
      readyToShipReq: JSON.stringify({ packages: [{ package_id: packageId }] }),
    });
    assert.equal(rts.result.data.packages[0].item_err_code, '0');
    assert.deepEqual(
      (await items(o.order_id)).map((i) => i.status),
      ['ready_to_ship', 'ready_to_ship'],
    );
    const again = await call('/order/package/rts', {
      readyToShipReq: JSON.stringify({ packages: [{ package_id: packageId }] }),
    });
    assert.equal(again.result.data.packages[0].item_err_code, '700001');
    sb.admin.advanceTime(2 * HOUR);
    assert.deepEqual(
      (await items(o.order_id)).map((i) => i.status),
      ['shipped', 'shipped'],
    );
    sb.admin.advanceTime(48 * HOUR);
    assert.deepEqual(
      (await items(o.order_id)).map((i) => i.status),
      ['delivered', 'delivered'],
    );
    const stock = (await call('/products/get', { sku_seller_list: '["ORD-3"]' }, 'GET')).data.products[0]
      .skus[0];
    assert.equal(stock.quantity, 19, 'shipped units leave the stock');

    assert.equal(sb.admin.returnItems('lazada-ph', o.order_id, [ids[0]!]), 1);
    const after = await items(o.order_id);
    assert.equal(after[0]!.status, 'returned');
    assert.ok(after[0]!.reverse_order_id);
    await sb.admin.flushPushes();
    const statuses = receiver.pushes
      .filter((p) => p.body.data.trade_order_line_id === String(ids[0]))
      .map((p) => `${p.body.message_type}:${p.body.data.order_status ?? p.body.data.reverse_status}`);
    assert.deepEqual(statuses, [
      '0:pending',
      '0:packed',
      '0:ready_to_ship',
      '0:shipped',
      '0:delivered',
      '10:REFUND_SUCCESS',
      '0:returned',
    ]);
    assert.throws(() => sb.admin.advanceOrder('lazada-ph', o.order_id, 'canceled'), /no item can move/);
  });

  it('repacks a packed package back to packable items', async () => {
    const o = order([{ sellerSku: 'ORD-2' }]);
    const ids = (await items(o.order_id)).map((i) => i.order_item_id as number);
    const packageId = (await call('/order/fulfill/pack', { packReq: packReq(o.order_id, ids) })).result.data
      .pack_order_list[0].order_item_list[0].package_id;
    const re = await call('/order/package/repack', {
      rePackReq: JSON.stringify({ packages: [{ package_id: packageId }] }),
    });
    assert.equal(re.result.data.packages[0].item_err_code, '0');
    assert.equal((await items(o.order_id))[0]!.status, 'repacked');
    const packed = await call('/order/fulfill/pack', { packReq: packReq(o.order_id, ids) });
    assert.equal(packed.result.data.pack_order_list[0].order_item_list[0].item_err_code, '0');
  });

  it('cancels: validate gives reasons, cancelling one packed item cancels its package mates, out-of-stock zeroes stock', async () => {
    const o = order([{ sellerSku: 'ORD-3', quantity: 2 }]);
    const ids = (await items(o.order_id)).map((i) => i.order_item_id as number);
    await call('/order/fulfill/pack', { packReq: packReq(o.order_id, ids) });
    const v = (
      await call(
        '/order/reverse/cancel/validate',
        { order_id: String(o.order_id), order_item_id_list: JSON.stringify([ids[0]]) },
        'GET',
      )
    ).data;
    assert.equal(v.tip_type, 'WARNING');
    const outOfStock = v.reason_options.find((r: Json) => r.reason_name === 'Out of stock');
    const c = await call(
      '/order/reverse/cancel/create',
      {
        order_id: String(o.order_id),
        order_item_id_list: JSON.stringify([ids[0]]),
        reason_id: outOfStock.reason_id,
      },
      'GET',
    );
    assert.equal(c.code, '0');
    const after = await items(o.order_id);
    assert.deepEqual(
      after.map((i) => i.status),
      ['canceled', 'canceled'],
    );
    assert.equal(after[0]!.reason, 'Out of stock');
    const s = (await call('/products/get', { sku_seller_list: '["ORD-3"]' }, 'GET')).data.products[0].skus[0];
    assert.equal(s.Available, 0);
    const late = await call(
      '/order/reverse/cancel/create',
      {
        order_id: String(o.order_id),
        order_item_id_list: JSON.stringify([ids[0]]),
        reason_id: outOfStock.reason_id,
      },
      'GET',
    );
    assert.equal(late.code, 'InvalidParameter');
  });

  it('serves the legacy /order/pack and /order/rts on Daraz', async () => {
    const daraz = sb.admin.issueToken({ platform: 'daraz', venture: 'pk' }).access_token;
    const created = await lazop(
      sb,
      'daraz/pk',
      '/product/create',
      { payload: productPayload(deriveId(), [sku('DZ-1', { price: '1500' })]) },
      { token: daraz },
    );
    assert.equal(created.json.code, '0', JSON.stringify(created.json));
    sb.admin.advanceTime(1000);
    const o = sb.admin.placeOrders({
      site: 'daraz-pk',
      lines: [{ sellerSku: 'DZ-1' }],
      paymentMethod: 'COD',
    })[0]!;
    const id = (o.items as Json[])[0]!.order_item_id;
    const packed = await lazop(
      sb,
      'daraz/pk',
      '/order/pack',
      { order_item_ids: `[${id}]`, delivery_type: 'dropship', shipping_provider: 'CJ_KR' },
      { token: daraz },
    );
    assert.equal(packed.json.code, '0', JSON.stringify(packed.json));
    assert.match(packed.json.data.order_items[0].tracking_number, /^DEXPK/);
    const rts = await lazop(
      sb,
      'daraz/pk',
      '/order/rts',
      { order_item_ids: `[${id}]`, delivery_type: 'dropship' },
      { token: daraz },
    );
    assert.equal(rts.json.code, '0');
    const again = await lazop(
      sb,
      'daraz/pk',
      '/order/pack',
      { order_item_ids: `[${id}]`, delivery_type: 'dropship' },
      { token: daraz },
    );
    assert.equal(again.json.code, '73');
  });
});

/** Tents on daraz-pk (derived id). */
function deriveId(): number {
  return deriveCategoryId(
    TENTS,
    sandboxSites().find((s) => s.key === 'daraz-pk')!,
  );
}
