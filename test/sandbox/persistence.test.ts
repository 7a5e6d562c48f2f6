import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fixedClock } from '../../src/shared/index.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { lazop, productPayload, sku, type Json } from './helpers.ts';

describe('sandbox persistence across restarts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kbridge-sandbox-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps apps, tokens, products, orders, packages and the clock offset', async () => {
    const clock = fixedClock('2026-11-25T01:00:00Z');
    const first = await startSandbox({
      clock,
      stateDir: dir,
      qcDelayMs: 1000,
      callbackUrl: 'https://app.example.com/cb',
    });
    const token = first.admin.issueToken({ platform: 'lazada' }).access_token;
    const created = (
      await lazop(
        first,
        'lazada/ph',
        '/product/create',
        { payload: productPayload(7665, [sku('KEEP-1')]) },
        { token },
      )
    ).json.data;
    first.admin.advanceTime(1000);
    const order = first.admin.placeOrders({
      site: 'lazada-ph',
      lines: [{ sellerSku: 'KEEP-1', quantity: 2 }],
      paymentMethod: 'COD',
    })[0]!;
    const ids = (order.items as Json[]).map((i) => i.order_item_id);
    const packReq = JSON.stringify({
      pack_order_list: [{ order_id: order.order_id, order_item_list: ids }],
      delivery_type: 'dropship',
      shipping_allocate_type: 'NTFS',
      shipment_provider_code: 'CJ_KR',
    });
    const packed = (await lazop(first, 'lazada/ph', '/order/fulfill/pack', { packReq }, { token })).json;
    const packageId = packed.result.data.pack_order_list[0].order_item_list[0].package_id;
    const offset = first.admin.now() - clock.now().getTime();
    await first.close();
    assert.ok(readdirSync(dir).includes('snapshot.jsonl'));

    const second = await startSandbox({ clock, stateDir: dir, qcDelayMs: 1000 });
    try {
      assert.equal(second.admin.now() - clock.now().getTime(), offset, 'time travel survives');
      assert.equal(second.admin.apps()[0]!.callbackUrl, 'https://app.example.com/cb');
      const item = await lazop(
        second,
        'lazada/ph',
        '/product/item/get',
        { item_id: String(created.item_id) },
        { token, method: 'GET' },
      );
      assert.equal(item.json.code, '0', 'the old token still works');
      assert.equal(item.json.data.status, 'Active');
      assert.equal(item.json.data.skus[0].Available, 8);
      const items = (
        await lazop(
          second,
          'lazada/ph',
          '/order/items/get',
          { order_id: String(order.order_id) },
          { token, method: 'GET' },
        )
      ).json.data as Json[];
      assert.deepEqual(
        items.map((i) => [i.status, i.package_id]),
        [
          ['packed', packageId],
          ['packed', packageId],
        ],
      );
      const rts = await lazop(
        second,
        'lazada/ph',
        '/order/package/rts',
        { readyToShipReq: JSON.stringify({ packages: [{ package_id: packageId }] }) },
        { token },
      );
      assert.equal(rts.json.result.data.packages[0].item_err_code, '0');
      // Id sequences continue instead of restarting.
      const next = (
        await lazop(
          second,
          'lazada/ph',
          '/product/create',
          { payload: productPayload(7665, [sku('KEEP-2')]) },
          { token },
        )
      ).json.data;
      assert.ok(next.item_id > created.item_id);
      assert.equal(
        (
          await lazop(
            second,
            'lazada/ph',
            '/product/create',
            { payload: productPayload(7665, [sku('KEEP-1')]) },
            { token },
          )
        ).json.code,
        '4105',
      );
    } finally {
      await second.close();
    }

    // Due timers come back too: the package picked up after the restart still ships on time.
    const third = await startSandbox({ clock, stateDir: dir });
    try {
      third.admin.advanceTime(2 * 3600_000);
      const o = third.admin.order('lazada-ph', order.order_id as number);
      assert.deepEqual(
        (o.items as Json[]).map((i) => i.status),
        ['shipped', 'shipped'],
      );
    } finally {
      await third.close();
    }
  });
});
