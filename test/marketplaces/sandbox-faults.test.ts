// Under injected faults (the sandbox's fault switches) the client retries idempotent calls until
// they succeed, never duplicates a create, refreshes once on a rejected token, and surfaces
// business errors with the platform's code and message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money } from '../../src/shared/index.ts';
import {
  connectMarketplace,
  InMemoryTokenStore,
  isMarketplaceError,
  type CategoryNode,
} from '../../src/marketplaces/index.ts';
import { sandboxAvailable, startSandboxForTest } from './sandbox-harness.ts';

const skip = sandboxAvailable() ? false : 'src/sandbox is not in this tree';

function walk(nodes: CategoryNode[], pred: (n: CategoryNode) => boolean): CategoryNode | undefined {
  for (const n of nodes) {
    if (pred(n)) return n;
    const hit = walk(n.children, pred);
    if (hit) return hit;
  }
  return undefined;
}

test(
  'faults: retries to success, no duplicate create, one refresh, business errors surfaced',
  { skip },
  async () => {
    const sb = await startSandboxForTest({
      seed: 7,
      qcDelayMs: 3_600_000,
      faults: {
        rules: [
          { kind: 'serviceTimeout', api: '/product/create', count: 2 },
          { kind: 'http5xx', api: '/products/get', count: 1, status: 503 },
          { kind: 'apiCallLimit', api: '/product/price_quantity/update', count: 2 },
          { kind: '901', api: '/product/price_quantity/update', count: 1 },
          { kind: 'html', api: '/orders/get', count: 1 },
          { kind: 'serviceTimeout', api: '/category/attributes/get', count: 3 },
          { kind: 'expiredToken', api: '/order/items/get', count: 1 },
        ],
      },
    });
    const sleeps: number[] = [];
    try {
      const conn = connectMarketplace({
        platform: 'lazada',
        venture: 'MY',
        appKey: sb.appKey,
        appSecret: sb.appSecret,
        sandboxOrigin: sb.url,
        tokenStore: new InMemoryTokenStore(),
        tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
        sleep: async (ms) => void sleeps.push(ms),
      });
      const res = await fetch(conn.tokens.authorizeUrl('https://kbridge.example/cb'), { redirect: 'manual' });
      await conn.tokens.exchangeCode(
        'sel_1',
        new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '',
      );
      const a = conn.adapter('sel_1');

      const tree = await a.categoryTree();
      const leaf = walk(tree, (n) => n.leaf);
      const branch = walk(tree, (n) => !n.leaf);
      assert.ok(leaf && branch);
      await a.categoryAttributes(leaf.id); // three ServiceTimeouts, then the answer
      const brandId = (await a.brands({ limit: 1 })).brands[0]?.id ?? '';
      const input = {
        categoryId: leaf.id,
        attributes: { name: 'kbridge faults', description: '<p>x</p>', brand_id: brandId },
        images: ['https://sandbox.slatic.net/p/a.jpg'],
        skus: [
          {
            sellerSku: 'FAULT-1',
            price: money('MYR', 2990),
            quantity: 10,
            packageWeightKg: 1,
            packageLengthCm: 10,
            packageWidthCm: 10,
            packageHeightCm: 10,
          },
        ],
      };
      const created = await a.createProduct(input);
      assert.ok(created.itemId);
      const found = await a.getProducts({ sellerSkus: ['FAULT-1'] });
      assert.equal(found.products.length, 1, 'exactly one product holds the SellerSku');

      // A second run of the same create (a job retried) reconciles to the same item, creating nothing.
      const again = await a.createProduct(input);
      assert.equal(again.itemId, created.itemId);
      assert.equal(again.reconciled, true);

      sb.admin.decideQc('lazada-my', Number(created.itemId), true);
      const out = await a.updatePriceQuantity([
        { sellerSku: 'FAULT-1', price: money('MYR', 3190), quantity: 8 },
      ]);
      assert.deepEqual(out.failed, []);
      assert.ok(sleeps.filter((ms) => ms >= 1000).length >= 3, `throttle backoffs: ${sleeps.join(',')}`);

      const [placed] = sb.admin.placeOrders({
        site: 'lazada-my',
        lines: [{ sellerSku: 'FAULT-1' }],
        paymentMethod: 'COD',
      });
      const orders = await a.listOrders({ createdAfter: new Date(Date.now() - 60_000) });
      assert.ok(orders.orders.some((o) => o.orderId === String(placed?.order_id)));
      const items = await a.getOrderItems(String(placed?.order_id)); // expired token → one refresh
      assert.equal(items.length, 1);

      const e = await a
        .createProduct({
          ...input,
          categoryId: branch.id,
          skus: [{ ...input.skus[0]!, sellerSku: 'FAULT-2' }],
        })
        .catch((x: unknown) => x);
      assert.ok(isMarketplaceError(e));
      assert.equal(e.errorClass, 'business');
      assert.equal(e.platformCode, '4134');
      assert.ok(e.platformMessage.length > 0);
      assert.match(e.message, /4134/);

      const counters = sb.admin.counters();
      const fired = Object.entries(counters).filter(([k]) => k.startsWith('faults.'));
      assert.ok(fired.length >= 5, JSON.stringify(counters));
    } finally {
      await sb.close();
    }
  },
);
