// The end-to-end flow through the client against the real sandbox over HTTP: authorize,
// exchange the code, categories and attributes, create a product, pass QC, update price and
// stock, receive an order by push and by polling, pack, label, ready-to-ship, cancel another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money } from '../../src/shared/index.ts';
import {
  connectMarketplace,
  InMemoryTokenStore,
  isMarketplaceError,
  type AliExpressAdapter,
  type CategoryAttribute,
  type CategoryNode,
  type MarketplaceAdapter,
  type MarketplaceConnection,
  type Platform,
  type SkuInput,
} from '../../src/marketplaces/index.ts';
import {
  sandboxAvailable,
  startPushSink,
  startSandboxForTest,
  type PushSink,
  type SandboxHandle,
} from './sandbox-harness.ts';

const skip = sandboxAvailable() ? false : 'src/sandbox is not in this tree';
const CALLBACK = 'https://kbridge.example/marketplace/callback';

async function authorize(conn: MarketplaceConnection, key: string): Promise<void> {
  const res = await fetch(conn.tokens.authorizeUrl(CALLBACK, 'st-42'), { redirect: 'manual' });
  assert.equal(res.status, 302, await res.text());
  const location = new URL(res.headers.get('location') ?? '');
  assert.equal(location.searchParams.get('state'), 'st-42');
  const code = location.searchParams.get('code');
  assert.ok(code);
  await conn.tokens.exchangeCode(key, code);
}

function firstLeaf(nodes: CategoryNode[]): CategoryNode | undefined {
  for (const n of nodes) {
    if (n.leaf) return n;
    const hit = firstLeaf(n.children);
    if (hit) return hit;
  }
  return undefined;
}

function sampleValue(a: CategoryAttribute): string {
  const opt = a.options[0];
  if (opt) return opt.enName ?? opt.name;
  if (a.inputType === 'numeric') return '1';
  if (a.inputType === 'date') return '2026-01-01';
  return 'kbridge sample';
}

async function productFor(
  a: MarketplaceAdapter,
  categoryId: string,
  sellerSku: string,
  currencyMinor: number,
) {
  const attrs = await a.categoryAttributes(categoryId);
  const brands = await a.brands({ limit: 10 });
  const attributes: Record<string, string> = {
    name: `kbridge 김치 & 깍두기 ${sellerSku}`,
    description: '<p>한국 김치 &amp; 반찬</p>',
    short_description: '<ul><li>맛있는 김치</li></ul>',
    brand_id: brands.brands[0]?.id ?? '',
  };
  const sku: SkuInput = {
    sellerSku,
    price: money(a.site.currency, currencyMinor),
    quantity: 50,
    packageWeightKg: '0.5',
    packageLengthCm: 10,
    packageWidthCm: 10,
    packageHeightCm: 10,
    saleProps: {},
    attributes: {},
  };
  // Fields the interface carries itself (SellerSku, price, package_*…) are not category extras.
  const own = new Set([
    'name',
    'description',
    'short_description',
    'brand',
    'brand_id',
    'SellerSku',
    'price',
    'quantity',
    'special_price',
    'package_weight',
    'package_length',
    'package_width',
    'package_height',
  ]);
  for (const attr of attrs.filter((x) => x.mandatory && !own.has(x.name))) {
    if (attr.level === 'sku') {
      if (attr.saleProp) sku.saleProps![attr.name] = sampleValue(attr);
      else sku.attributes![attr.name] = sampleValue(attr);
    } else if (!(attr.name in attributes) || attributes[attr.name] === '') {
      attributes[attr.name] = sampleValue(attr);
    }
  }
  const migrated = await a.migrateImages(['https://images.example.com/kimchi.jpg?size=800&fmt=jpg']);
  assert.equal(migrated.errors.length, 0, JSON.stringify(migrated.errors));
  return { categoryId, attributes, images: migrated.images.map((i) => i.url), skus: [sku] };
}

async function withSandbox(run: (sb: SandboxHandle, sink: PushSink) => Promise<void>): Promise<void> {
  const sink = await startPushSink();
  const sb = await startSandboxForTest({
    pushUrl: sink.url,
    callbackUrl: CALLBACK,
    qcDelayMs: 3_600_000,
    paymentDelayMs: 0,
  });
  try {
    await run(sb, sink);
  } finally {
    await sb.close();
    await sink.close();
  }
}

function connect(sb: SandboxHandle, platform: Platform, venture?: string): MarketplaceConnection {
  return connectMarketplace({
    platform,
    venture,
    appKey: sb.appKey,
    appSecret: sb.appSecret,
    sandboxOrigin: sb.url,
    tokenStore: new InMemoryTokenStore(),
    tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
    sleep: async () => {},
  });
}

for (const [platform, venture, priceMinor] of [
  ['lazada', 'SG', 3500],
  ['daraz', 'PK', 150000],
  ['miravia', 'ES', 1999],
] as const) {
  test(`full flow through the client against the sandbox: ${platform} ${venture}`, { skip }, async () => {
    await withSandbox(async (sb, sink) => {
      const conn = connect(sb, platform, venture);
      const siteKey = `${platform}-${venture.toLowerCase()}`;
      await authorize(conn, 'sel_1');
      const a = conn.adapter('sel_1');

      const tree = await a.categoryTree();
      const leaf = firstLeaf(tree);
      assert.ok(leaf, 'a leaf category');
      const input = await productFor(a, leaf.id, `KB-${venture}-1`, priceMinor);
      const created = await a.createProduct(input);
      assert.ok(created.itemId);
      assert.equal(created.reconciled, false);
      sb.admin.decideQc(siteKey, Number(created.itemId), true);
      const qcPush = await sink.waitFor(
        (raw) => raw.includes('"message_type":1') && raw.includes(created.itemId),
      );
      assert.equal(a.verifyPush(qcPush.raw, qcPush.authorization), true);

      const priceOut = await a.updatePriceQuantity([
        { sellerSku: `KB-${venture}-1`, price: money(a.site.currency, priceMinor * 2), quantity: 40 },
      ]);
      assert.deepEqual(priceOut.failed, []);
      const products = await a.getProducts({ sellerSkus: [`KB-${venture}-1`] });
      assert.equal(products.products[0]?.status, 'Active');
      assert.equal(products.products[0]?.skus[0]?.quantity, 40);
      assert.deepEqual(products.products[0]?.skus[0]?.price, money(a.site.currency, priceMinor * 2));

      const since = new Date(Date.now() - 60_000);
      const [placed] = sb.admin.placeOrders({
        site: siteKey,
        lines: [{ sellerSku: `KB-${venture}-1`, quantity: 2 }],
        paymentMethod: 'COD',
      });
      const orderId = String(placed?.order_id);
      const push = await sink.waitFor((raw) => raw.includes('"message_type":0') && raw.includes(orderId));
      assert.equal(a.verifyPush(push.raw, push.authorization), true);
      const message = a.parsePush(push.raw);
      assert.equal(message.kind, 'order-status');
      assert.equal(message.data.trade_order_id, orderId);
      const polled = await a.listOrders({ createdAfter: since });
      assert.ok(polled.orders.some((o) => o.orderId === orderId));
      const order = await a.getOrder(orderId);
      assert.equal(order.orderId, orderId);
      const items = await a.getOrderItems(orderId);
      assert.equal(items.length, 2); // one item per unit
      assert.ok(
        items.every((i) => i.status === 'pending'),
        items.map((i) => i.status).join(),
      );

      const packed = await a.pack([{ orderId, orderItemIds: items.map((i) => i.orderItemId) }]);
      assert.ok(
        packed.every((p) => p.ok && p.packageId),
        JSON.stringify(packed),
      );
      const packageIds = [...new Set(packed.map((p) => p.packageId as string))];
      const label = await a.shippingLabel(packageIds.map((packageId) => ({ packageId })));
      assert.ok(label.base64.length > 100);
      const rts = await a.readyToShip(packageIds.map((packageId) => ({ packageId })));
      assert.ok(
        rts.every((r) => r.ok),
        JSON.stringify(rts),
      );
      assert.ok((await a.getOrderItems(orderId)).every((i) => i.status === 'ready_to_ship'));

      const [other] = sb.admin.placeOrders({
        site: siteKey,
        lines: [{ sellerSku: `KB-${venture}-1` }],
        paymentMethod: 'COD',
      });
      const otherId = String(other?.order_id);
      const otherItems = await a.getOrderItems(otherId);
      const reasons = await a.cancelReasons(
        otherId,
        otherItems.map((i) => i.orderItemId),
      );
      assert.ok(reasons.length > 0);
      await a.cancel({
        orderId: otherId,
        orderItemIds: otherItems.map((i) => i.orderItemId),
        reasonId: reasons[0]?.id,
      });
      assert.ok((await a.getOrderItems(otherId)).every((i) => i.status === 'canceled'));
    });
  });
}

test('full flow through the client against the sandbox: AliExpress', { skip }, async () => {
  await withSandbox(async (sb, sink) => {
    const site = 'aliexpress-global';
    const conn = connect(sb, 'aliexpress');
    await authorize(conn, 'aliexpress:sel_1');
    const a = conn.adapter('aliexpress:sel_1') as AliExpressAdapter;

    // Categories a level at a time, then the leaf's common and SKU attributes.
    let nodes = await a.categoryTree();
    let leaf: CategoryNode | undefined;
    for (let depth = 0; depth < 8 && !leaf; depth++) {
      leaf = nodes.find((n) => n.leaf);
      if (!leaf) nodes = await a.categoryTree({ parentId: nodes[0]?.id ?? '0' });
    }
    assert.ok(leaf, 'a leaf category');
    assert.ok(leaf.name.length > 0);
    const attrs = await a.categoryAttributes(leaf.id);
    const brand = (await a.brands({ categoryId: leaf.id, limit: 5 })).brands[0];
    assert.ok(brand, 'brands are the values of the Brand Name attribute');
    const attributes: Record<string, string> = {
      name: 'kbridge hanbok 한복',
      description: '<p>silk &amp; cotton</p>',
      brand_id: brand.id,
    };
    const saleProps: Record<string, string> = {};
    for (const attr of attrs.filter((x) => x.mandatory && x.id !== '2')) {
      if (attr.level === 'sku') saleProps[attr.name] = sampleValue(attr);
      else attributes[attr.name] = sampleValue(attr);
    }
    assert.ok('Origin' in attributes, 'Origin is mandatory on AliExpress');
    const input = {
      categoryId: leaf.id,
      attributes,
      images: ['https://ae01.alicdn.com/kf/hanbok.jpg'],
      skus: [
        {
          sellerSku: 'AE-HB-1',
          price: money('USD', 12999),
          quantity: 20,
          packageWeightKg: '0.8',
          packageLengthCm: 30,
          packageWidthCm: 20,
          packageHeightCm: 5,
          saleProps,
        },
      ],
    };
    const created = await a.createProduct(input);
    assert.ok(created.itemId);
    assert.equal(created.reconciled, false);
    // A create job run twice finds the product by sku_code and creates nothing.
    const again = await a.createProduct(input);
    assert.deepEqual([again.itemId, again.reconciled], [created.itemId, true]);

    sb.admin.decideQc(site, Number(created.itemId), true);
    const qcPush = await sink.waitFor(
      (raw) => raw.includes('"message_type":1') && raw.includes(created.itemId),
    );
    assert.equal(a.verifyPush(qcPush.raw, qcPush.authorization), true);

    const out = await a.updatePriceQuantity([
      { sellerSku: 'AE-HB-1', itemId: created.itemId, price: money('USD', 11999), quantity: 15 },
    ]);
    assert.deepEqual(out.failed, []);
    const [live] = (await a.getProducts({ sellerSkus: ['AE-HB-1'] })).products;
    assert.equal(live?.status, 'onSelling');
    assert.equal(live?.skus[0]?.quantity, 15);
    assert.deepEqual(live?.skus[0]?.price, money('USD', 11999));
    await a.updateProduct({
      itemId: created.itemId,
      attributes: { name: 'kbridge hanbok, edited' },
      skus: [{ sellerSku: 'AE-HB-1', specialPrice: money('USD', 9999) }],
    });
    const edited = (await a.getProducts({ itemId: created.itemId })).products[0];
    assert.equal(edited?.name, 'kbridge hanbok, edited');
    assert.deepEqual(edited?.skus[0]?.specialPrice, money('USD', 9999));
    const listed = await a.getProducts({ filter: 'live' });
    assert.ok(listed.products.some((p) => p.itemId === created.itemId));

    // An order by push and by polling.
    const since = new Date(Date.now() - 60_000);
    const [placed] = sb.admin.placeOrders({
      site,
      lines: [{ sellerSku: 'AE-HB-1', quantity: 2 }],
      paymentMethod: 'COD',
    });
    const orderId = String(placed?.order_id);
    const push = await sink.waitFor((raw) => raw.includes('"message_type":0') && raw.includes(orderId));
    assert.equal(a.verifyPush(push.raw, push.authorization), true);
    assert.equal(a.parsePush(push.raw).data.trade_order_id, orderId);
    const page = await a.listOrders({ createdAfter: since });
    assert.ok(page.orders.some((o) => o.orderId === orderId));
    assert.deepEqual((await a.getOrder(orderId)).statuses, ['WAIT_SELLER_SEND_GOODS']);
    const items = await a.getOrderItems(orderId);
    assert.equal(items.length, 2); // one child order per unit
    assert.ok(items.every((i) => i.sellerSku === 'AE-HB-1'));

    // Pack = an online logistics order (platform tracking number), label, then declare shipment.
    const providers = await a.shipmentProviders(orderId, []);
    const service = providers.providers.find((p) => p.code === 'CAINIAO_STANDARD');
    assert.ok(service, JSON.stringify(providers));
    const packed = await a.pack([
      {
        orderId,
        orderItemIds: items.map((i) => i.orderItemId),
        shipmentProviderCode: service.code,
        aliexpress: {
          sender: { addressId: '1001' },
          declarations: [
            {
              productId: created.itemId,
              nameEn: 'Silk hanbok',
              nameCn: '丝绸韩服',
              quantity: 2,
              value: money('USD', 11999),
              weightKg: 0.8,
            },
          ],
        },
      },
    ]);
    assert.ok(
      packed.every((p) => p.ok && p.trackingNumber),
      JSON.stringify(packed),
    );
    const pkg = {
      packageId: packed[0]!.packageId!,
      orderId,
      trackingNumber: packed[0]!.trackingNumber,
      shipmentProvider: packed[0]!.shipmentProvider,
    };
    const label = await a.shippingLabel([pkg]);
    const pdf = Buffer.from(label.base64, 'base64');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.toString('latin1').includes(pkg.trackingNumber!), 'the label carries the tracking number');
    assert.deepEqual(await a.readyToShip([pkg]), [{ packageId: pkg.packageId, ok: true }]);
    assert.deepEqual((await a.getOrder(orderId)).statuses, ['WAIT_BUYER_ACCEPT_GOODS']);

    // Cancel another order: the buyer asks, the seller refuses once, then accepts.
    const [other] = sb.admin.placeOrders({ site, lines: [{ sellerSku: 'AE-HB-1' }], paymentMethod: 'COD' });
    const otherId = String(other?.order_id);
    assert.equal(sb.admin.requestCancel(site, Number(otherId), 'Ordered the wrong size'), 'requested');
    assert.deepEqual((await a.getOrder(otherId)).statuses, ['IN_CANCEL']);
    await a.refuseCancel(otherId, 'Already packed');
    assert.deepEqual((await a.getOrder(otherId)).statuses, ['WAIT_SELLER_SEND_GOODS']);
    sb.admin.requestCancel(site, Number(otherId), 'Ordered the wrong size');
    assert.deepEqual(await a.cancelReasons(otherId, []), []);
    await a.cancel({ orderId: otherId, orderItemIds: [] });
    const closed = await a.getOrder(otherId);
    assert.deepEqual(closed.statuses, ['FINISH']);
    assert.equal(closed.raw.order_end_reason, 'cancel_order_close_trade');
    const e = await a.cancel({ orderId: otherId, orderItemIds: [] }).catch((x: unknown) => x);
    assert.ok(isMarketplaceError(e) && e.errorClass === 'business', String(e));
  });
});
