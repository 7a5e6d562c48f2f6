// Under injected faults (the sandbox's fault switches) the client retries idempotent calls until
// they succeed, never duplicates a create, refreshes once on a rejected token, and surfaces
// business errors with the platform's code and message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money } from '../../src/shared/index.ts';
import {
  connectMarketplace,
  fetchTransport,
  InMemoryTokenStore,
  isMarketplaceError,
  type CategoryNode,
  type MarketplaceAdapter,
  type ProductInput,
} from '../../src/marketplaces/index.ts';
import { sandboxAvailable, startSandboxForTest, type SandboxHandle } from './sandbox-harness.ts';

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

const AE = 'aliexpress-global';
const POST = 'aliexpress.solution.product.post';

async function aeSeller(sb: SandboxHandle, timeoutMs = 30_000): Promise<MarketplaceAdapter> {
  const conn = connectMarketplace({
    platform: 'aliexpress',
    appKey: sb.appKey,
    appSecret: sb.appSecret,
    sandboxOrigin: sb.url,
    tokenStore: new InMemoryTokenStore(),
    tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
    transport: fetchTransport({ timeoutMs }),
    sleep: async () => {},
  });
  const res = await fetch(conn.tokens.authorizeUrl('https://kbridge.example/cb'), { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
  await conn.tokens.exchangeCode('aliexpress:sel_1', code);
  return conn.adapter('aliexpress:sel_1');
}

/** A valid AliExpress product in the first leaf reached by walking the first branches. */
async function aeProduct(a: MarketplaceAdapter): Promise<(skuCodes: string[]) => ProductInput> {
  let nodes = await a.categoryTree();
  let leaf: CategoryNode | undefined;
  for (let depth = 0; depth < 8 && !leaf; depth++) {
    leaf = nodes.find((n) => n.leaf);
    if (!leaf) nodes = await a.categoryTree({ parentId: nodes[0]?.id ?? '0' });
  }
  assert.ok(leaf);
  const attrs = await a.categoryAttributes(leaf.id);
  const attributes: Record<string, string> = { name: 'kbridge reconcile', description: '<p>x</p>' };
  const saleProps: Record<string, string> = {};
  for (const attr of attrs.filter((x) => x.mandatory)) {
    const value = attr.options[0]?.name ?? 'kbridge';
    if (attr.level === 'sku') saleProps[attr.name] = value;
    else attributes[attr.name] = value;
  }
  const categoryId = leaf.id;
  return (skuCodes) => ({
    categoryId,
    attributes,
    images: ['https://ae01.alicdn.com/kf/reconcile.jpg'],
    skus: skuCodes.map((sellerSku, i) => ({
      sellerSku,
      price: money('USD', 1990),
      quantity: 5,
      packageWeightKg: '0.3',
      packageLengthCm: 10,
      packageWidthCm: 10,
      packageHeightCm: 5,
      // Several SKUs need distinct sale props.
      saleProps: skuCodes.length > 1 ? { ...saleProps, Color: `Shade ${i + 1}` } : saleProps,
    })),
  });
}

function holders(sb: SandboxHandle, skuCode: string): string[] {
  return sb.admin
    .products(AE, { limit: 1000 })
    .filter((p) => (p.skus as { SellerSku: string }[]).some((s) => s.SellerSku === skuCode))
    .map((p) => String(p.item_id));
}

test(
  'AliExpress create reconciliation: an answer lost to 5xx, a timeout or a ServiceTimeout never creates twice',
  { skip },
  async () => {
    const sb = await startSandboxForTest({ seed: 11, qcDelayMs: 3_600_000 });
    try {
      const a = await aeSeller(sb, 1500);
      const input = await aeProduct(a);
      // Products the sandbox created (counted as they are made, before any answer is sent).
      const created = (): number => sb.admin.counters()['products.created'] ?? 0;

      // 1. The post acts, then the gateway answers 502 (and a read-back hits a 503 once).
      sb.admin.setFaults({
        rules: [
          { kind: 'http5xx', api: POST, status: 502, count: 1, afterApply: true },
          { kind: 'http5xx', api: 'aliexpress.solution.product.list.get', status: 503, count: 1 },
        ],
      });
      const lost5xx = await a.createProduct(input(['REC-1']));
      assert.equal(lost5xx.reconciled, true, 'found by sku_code, not posted again');
      assert.deepEqual(holders(sb, 'REC-1'), [lost5xx.itemId]);
      assert.equal(created(), 1);

      // 2. The post acts, then hangs past the client's timeout (ClientTimeout, outcome unknown).
      sb.admin.setFaults({
        rules: [{ kind: 'timeout', api: POST, delayMs: 10_000, count: 1, afterApply: true }],
      });
      const lostTimeout = await a.createProduct(input(['REC-2', 'REC-3']));
      assert.equal(lostTimeout.reconciled, true);
      assert.deepEqual(
        lostTimeout.skus.map((s) => s.sellerSku),
        ['REC-2', 'REC-3'],
      );
      assert.deepEqual(holders(sb, 'REC-2'), [lostTimeout.itemId]);
      assert.equal(created(), 2);

      // 3. ServiceTimeout before the post ran: nothing there, so it is posted again (once).
      sb.admin.setFaults({ rules: [{ kind: 'serviceTimeout', api: POST, count: 1 }] });
      const refused = await a.createProduct(input(['REC-4']));
      assert.equal(refused.reconciled, false);
      assert.deepEqual(holders(sb, 'REC-4'), [refused.itemId]);
      assert.equal(created(), 3);

      // 4. A job run twice: the duplicate sku_code answer is reconciled to the same product.
      sb.admin.setFaults({});
      const twice = await a.createProduct(input(['REC-4']));
      assert.deepEqual([twice.itemId, twice.reconciled], [refused.itemId, true]);
      assert.deepEqual(holders(sb, 'REC-4'), [refused.itemId]);

      // 5. A code held by a product that lacks the others is a real conflict, surfaced.
      const conflict = await a.createProduct(input(['REC-4', 'REC-5'])).catch((x: unknown) => x);
      assert.ok(isMarketplaceError(conflict), String(conflict));
      assert.equal(conflict.platformCode, '13026');
      assert.deepEqual(holders(sb, 'REC-5'), []);

      // 6. Every attempt lost before acting: the create fails after its attempts, creating nothing.
      sb.admin.setFaults({ rules: [{ kind: 'http5xx', api: POST, status: 503, count: 3 }] });
      const gaveUp = await a.createProduct(input(['REC-6'])).catch((x: unknown) => x);
      assert.ok(isMarketplaceError(gaveUp) && gaveUp.outcomeUnknown, String(gaveUp));
      assert.deepEqual(holders(sb, 'REC-6'), []);
      assert.equal(created(), 3);
    } finally {
      await sb.close();
    }
  },
);

test(
  'AliExpress fulfillment and cancel calls that lost their answer are reconciled from the order',
  { skip },
  async () => {
    const sb = await startSandboxForTest({ seed: 12, qcDelayMs: 3_600_000 });
    try {
      const a = await aeSeller(sb);
      const created = await a.createProduct((await aeProduct(a))(['FUL-1']));
      sb.admin.decideQc(AE, Number(created.itemId), true);
      const [placed] = sb.admin.placeOrders({
        site: AE,
        lines: [{ sellerSku: 'FUL-1' }],
        paymentMethod: 'COD',
      });
      const orderId = String(placed?.order_id);
      const items = await a.getOrderItems(orderId);
      sb.admin.setFaults({
        rules: [
          { kind: 'http5xx', api: 'aliexpress.logistics.createwarehouseorder', count: 1, afterApply: true },
          { kind: 'serviceTimeout', api: 'aliexpress.solution.order.fulfill', count: 1, afterApply: true },
        ],
      });
      const packed = await a.pack([
        {
          orderId,
          orderItemIds: items.map((i) => i.orderItemId),
          shipmentProviderCode: 'CAINIAO_STANDARD',
          aliexpress: {
            sender: {
              name: 'kbridge',
              phone: '+82-2-1234-5678',
              country: 'KR',
              city: 'Seoul',
              streetAddress: '1 Sejong-daero',
            },
            declarations: [
              {
                nameEn: 'Gift set',
                nameCn: '礼品套装',
                quantity: 1,
                value: money('USD', 1990),
                weightKg: 0.3,
              },
            ],
          },
        },
      ]);
      assert.ok(packed[0]?.ok && packed[0].trackingNumber, JSON.stringify(packed));
      assert.equal(
        sb.admin.counters()['calls.aliexpress.logistics.createwarehouseorder'],
        1,
        'one logistics order',
      );
      const shipped = await a.readyToShip([
        {
          packageId: packed[0].packageId!,
          orderId,
          trackingNumber: packed[0].trackingNumber,
          shipmentProvider: 'CAINIAO_STANDARD',
        },
      ]);
      assert.deepEqual(shipped, [{ packageId: packed[0].packageId, ok: true }]);
      assert.deepEqual((await a.getOrder(orderId)).statuses, ['WAIT_BUYER_ACCEPT_GOODS']);

      const [other] = sb.admin.placeOrders({
        site: AE,
        lines: [{ sellerSku: 'FUL-1' }],
        paymentMethod: 'COD',
      });
      sb.admin.requestCancel(AE, Number(other?.order_id));
      sb.admin.setFaults({
        rules: [
          { kind: 'http5xx', api: 'aliexpress.trade.seller.order.acceptcancel', count: 1, afterApply: true },
        ],
      });
      await a.cancel({ orderId: String(other?.order_id), orderItemIds: [] });
      assert.deepEqual((await a.getOrder(String(other?.order_id))).statuses, ['FINISH']);
      assert.equal(sb.admin.counters()['calls.aliexpress.trade.seller.order.acceptcancel'], 1);
    } finally {
      await sb.close();
    }
  },
);
