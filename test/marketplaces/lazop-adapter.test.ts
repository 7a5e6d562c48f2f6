import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money } from '../../src/shared/index.ts';
import {
  connectMarketplace,
  InMemoryTokenStore,
  signPush,
  type MarketplaceConnection,
  type Platform,
} from '../../src/marketplaces/index.ts';
import {
  allParams,
  expectedLazopSign,
  lazopError,
  ok,
  startFakeGateway,
  type FakeGateway,
  type Recorded,
  type Reply,
} from './fake-gateway.ts';

const SECRET = 'app-secret-0123456789';
const NOW = Date.parse('2026-11-25T03:00:00Z');

type Route = (r: Recorded, params: Record<string, string>) => Reply;

/** A fake Lazop gateway: routes by API path (after /rest), answers tokens, checks every signature. */
async function lazopGateway(platform: Platform, venture: string, routes: Record<string, Route>) {
  const prefix = `/${platform}/${venture.toLowerCase()}`;
  const gw = await startFakeGateway((r) => {
    const params = allParams(r);
    const rest = r.path.startsWith(`${prefix}/auth/rest`)
      ? r.path.slice(`${prefix}/auth/rest`.length)
      : r.path.slice(`${prefix}/rest`.length);
    if (params.sign !== expectedLazopSign(SECRET, rest, params))
      return lazopError('IncompleteSignature', 'bad sign');
    if (rest === '/auth/token/create') {
      return {
        body: {
          access_token: 'tok-abcdef-1',
          refresh_token: 'ref-abcdef-1',
          expires_in: 604800,
          refresh_expires_in: 2592000,
          country: 'cb',
          code: '0',
        },
      };
    }
    if (params.access_token !== 'tok-abcdef-1' && rest !== '/category/tree/get')
      return lazopError('IllegalAccessToken', 'invalid token');
    const route = routes[rest];
    return route ? route(r, params) : lazopError('InvalidApiPath', `no route ${rest}`);
  });
  return gw;
}

async function connect(
  gw: FakeGateway,
  platform: Platform,
  venture: string,
  extra: Partial<Parameters<typeof connectMarketplace>[0]> = {},
) {
  const conn = connectMarketplace({
    platform,
    venture,
    appKey: '123456',
    appSecret: SECRET,
    sandboxOrigin: gw.origin,
    tokenStore: new InMemoryTokenStore(),
    tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
    rateLimits: {},
    now: () => NOW,
    sleep: async () => {},
    random: () => 0,
    ...extra,
  });
  await conn.tokens.exchangeCode('sel_1', 'code-123456');
  return conn;
}

const calls = (gw: FakeGateway, suffix: string): Recorded[] =>
  gw.requests.filter((r) => r.path.endsWith(suffix));

test('catalog: category tree, attributes, brands', async () => {
  const gw = await lazopGateway('lazada', 'SG', {
    '/category/tree/get': () =>
      ok([
        {
          category_id: 3,
          name: 'Phones',
          leaf: false,
          var: false,
          children: [{ category_id: 10002019, name: 'Smartphones', leaf: true, var: true }],
        },
      ]),
    '/category/attributes/get': () =>
      ok([
        {
          id: 1,
          name: 'name',
          label: 'Name',
          is_mandatory: 1,
          is_sale_prop: 0,
          attribute_type: 'normal',
          input_type: 'text',
          options: [],
        },
        {
          id: 9,
          name: 'color_family',
          label: 'Color',
          is_mandatory: 1,
          is_sale_prop: 1,
          attribute_type: 'sku',
          input_type: 'multiSelect',
          options: [{ id: 5, name: '녹색', en_name: 'Green' }],
        },
      ]),
    '/category/brands/query': () => ({
      body: {
        code: '0',
        success: true,
        data: {
          total_record: 1,
          module: [{ brand_id: 30768, name: 'No Brand', name_en: 'No Brand', global_identifier: 'no_brand' }],
        },
      },
    }),
  });
  try {
    const conn = await connect(gw, 'lazada', 'SG');
    const tree = await conn.adapter().categoryTree({ language: 'en_SG' });
    assert.deepEqual(tree[0]?.children[0], { id: '10002019', name: 'Smartphones', leaf: true, children: [] });
    assert.equal(calls(gw, '/category/tree/get')[0]?.query.access_token, undefined); // public call without a seller
    const attrs = await conn.adapter('sel_1').categoryAttributes('10002019');
    assert.equal(calls(gw, '/category/attributes/get')[0]?.query.primary_category_id, '10002019');
    assert.deepEqual(
      attrs.map((a) => [a.name, a.mandatory, a.saleProp, a.level]),
      [
        ['name', true, false, 'product'],
        ['color_family', true, true, 'sku'],
      ],
    );
    assert.equal(attrs[1]?.options[0]?.enName, 'Green');
    const brands = await conn.adapter('sel_1').brands({ limit: 500 });
    assert.deepEqual(brands.brands[0], {
      id: '30768',
      name: 'No Brand',
      nameEn: 'No Brand',
      globalIdentifier: 'no_brand',
    });
    assert.equal(calls(gw, '/category/brands/query')[0]?.query.pageSize, '200');
  } finally {
    await gw.close();
  }
});

const product = {
  categoryId: '10002019',
  attributes: {
    name: '한국 김치 & 깍두기',
    brand_id: '30768',
    short_description: '<ul><li>맛있는</li></ul>',
  },
  images: ['https://sg-live.slatic.net/p/a.jpg'],
  skus: [
    {
      sellerSku: 'KB-KIMCHI-1',
      price: money('SGD', 3500),
      specialPrice: money('SGD', 3300),
      specialFrom: new Date('2026-12-01T00:00:00Z'),
      specialTo: new Date('2026-12-31T00:00:00Z'),
      quantity: 3,
      packageWeightKg: '0.5',
      packageLengthCm: 10,
      packageWidthCm: 10,
      packageHeightCm: 10,
      saleProps: { color_family: 'Green' },
    },
  ],
};

test('create product: JSON payload with arrays, money in the site currency, local sale dates', async () => {
  const gw = await lazopGateway('lazada', 'SG', {
    '/product/create': () =>
      ok({
        item_id: 2374791958,
        item_status: 'Pending QC',
        sku_list: [{ seller_sku: 'KB-KIMCHI-1', shop_sku: '2374791958_SGAMZ-1', sku_id: 13896560193 }],
      }),
  });
  try {
    const conn = await connect(gw, 'lazada', 'SG');
    const created = await conn.adapter('sel_1').createProduct(product);
    assert.deepEqual(created, {
      itemId: '2374791958',
      status: 'Pending QC',
      skus: [{ sellerSku: 'KB-KIMCHI-1', skuId: '13896560193', shopSku: '2374791958_SGAMZ-1' }],
      reconciled: false,
    });
    const [r] = calls(gw, '/product/create');
    assert.ok(r);
    assert.equal(r.method, 'POST');
    const payload = JSON.parse(r.form.payload ?? '');
    const sku = payload.Request.Product.Skus.Sku[0];
    assert.ok(Array.isArray(payload.Request.Product.Images.Image));
    assert.equal(payload.Request.Product.Attributes.name, '한국 김치 & 깍두기');
    assert.equal(sku.price, '35');
    assert.equal(sku.special_price, '33');
    assert.equal(sku.special_from_date, '2026-12-01 08:00:00'); // Asia/Singapore
    assert.deepEqual(sku.saleProp, { color_family: 'Green' });
    await assert.rejects(
      conn
        .adapter('sel_1')
        .createProduct({ ...product, skus: [{ ...product.skus[0]!, price: money('KRW', 35000) }] }),
      /prices are in SGD/,
    );
  } finally {
    await gw.close();
  }
});

test('create is never blindly retried: an unanswered create is reconciled by SellerSku', async () => {
  let creates = 0;
  let created = false;
  const gw = await lazopGateway('lazada', 'SG', {
    '/product/create': () => {
      creates++;
      created = true; // the platform acted, but the answer is lost
      return lazopError('ServiceTimeout', 'The request has failed due to a timeout', 'ISP');
    },
    '/products/get': (_r, p) => {
      assert.equal(p.sku_seller_list, '["KB-KIMCHI-1"]');
      return ok({
        total_products: created ? 1 : 0,
        products: created
          ? [
              {
                item_id: 99,
                status: 'Pending QC',
                skus: [{ SkuId: 7, SellerSku: 'KB-KIMCHI-1', ShopSku: '99_SG-7' }],
              },
            ]
          : [],
      });
    },
  });
  try {
    const conn = await connect(gw, 'lazada', 'SG');
    const result = await conn.adapter('sel_1').createProduct(product);
    assert.equal(creates, 1);
    assert.deepEqual(result, {
      itemId: '99',
      status: 'Pending QC',
      skus: [{ sellerSku: 'KB-KIMCHI-1', skuId: '7', shopSku: '99_SG-7' }],
      reconciled: true,
    });
  } finally {
    await gw.close();
  }
});

test('create: not found after an unanswered create → create again (bounded); duplicate SellerSku of another product → conflict surfaced', async () => {
  let creates = 0;
  const gw = await lazopGateway('lazada', 'SG', {
    '/product/create': () =>
      ++creates < 2 ? lazopError('ServiceTimeout', 'timeout', 'ISP') : ok({ item_id: 5, sku_list: [] }),
    '/products/get': () => ok({ total_products: 0, products: [] }),
  });
  try {
    const conn = await connect(gw, 'lazada', 'SG');
    assert.equal((await conn.adapter('sel_1').createProduct(product)).itemId, '5');
    assert.equal(creates, 2);
    assert.equal(calls(gw, '/products/get').length, 1);
  } finally {
    await gw.close();
  }
  const gw2 = await lazopGateway('lazada', 'SG', {
    '/product/create': () => lazopError('4105', 'outer id already exists'),
    '/products/get': () => ok({ total_products: 0, products: [] }),
  });
  try {
    const conn = await connect(gw2, 'lazada', 'SG');
    const e = await conn
      .adapter('sel_1')
      .createProduct(product)
      .catch((x: unknown) => x);
    assert.match(String(e), /4105: outer id already exists/);
    assert.equal(calls(gw2, '/product/create').length, 1);
  } finally {
    await gw2.close();
  }
});

test('price/quantity: batches of 20 by default, business failures per SKU, XML option escapes', async () => {
  const gw = await lazopGateway('lazada', 'MY', {
    '/product/price_quantity/update': (r) => {
      const payload = r.form.payload ?? '';
      if (payload.includes('SKU-45'))
        return {
          body: {
            code: '501',
            message: 'partial',
            detail: [{ seller_sku: 'SKU-45', code: '4118', message: 'price must be > 0' }],
          },
        };
      return ok({});
    },
  });
  try {
    const conn = await connect(gw, 'lazada', 'MY');
    const updates = Array.from({ length: 45 }, (_, i) => ({
      sellerSku: `SKU-${i + 1}`,
      price: money('MYR', 1999 + i),
      quantity: i,
      saleStart: new Date('2026-11-30T20:00:00Z'),
    }));
    const out = await conn.adapter('sel_1').updatePriceQuantity(updates);
    assert.equal(out.calls, 3);
    const sent = calls(gw, '/product/price_quantity/update').map(
      (r) => JSON.parse(r.form.payload ?? '').Request.Product.Skus.Sku.length,
    );
    assert.deepEqual(sent.sort(), [20, 20, 5]);
    assert.deepEqual(out.failed, [
      { key: 'SKU-45', code: '4118', message: 'price must be > 0', retryable: false },
    ]);
    assert.equal(out.succeeded.length, 44);
    const first = JSON.parse(calls(gw, '/product/price_quantity/update')[0]?.form.payload ?? '').Request
      .Product.Skus.Sku[0];
    assert.deepEqual(first, { SellerSku: 'SKU-1', Price: '19.99', SaleStartDate: '2026-12-01', Quantity: 0 });

    const xmlConn = await connect(gw, 'lazada', 'MY', {
      adapterOptions: { payloadFormat: 'xml', priceQuantityBatchSize: 50 },
    });
    await xmlConn.adapter('sel_1').updatePriceQuantity([{ sellerSku: 'A&B<1>', quantity: 5 }]);
    const xml = calls(gw, '/product/price_quantity/update').at(-1)?.form.payload;
    assert.equal(
      xml,
      '<?xml version="1.0" encoding="UTF-8" ?><Request><Product><Skus><Sku><SellerSku>A&amp;B&lt;1&gt;</SellerSku><Quantity>5</Quantity></Sku></Skus></Product></Request>',
    );
    assert.throws(
      () =>
        connectMarketplace({
          platform: 'lazada',
          venture: 'MY',
          appKey: '1',
          appSecret: 's',
          tokenStore: new InMemoryTokenStore(),
          tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
          adapterOptions: { priceQuantityBatchSize: 51 },
        }).adapter('x'),
      /1\.\.50/,
    );
  } finally {
    await gw.close();
  }
});

test('orders: ISO windows with the venture offset, venture-local times parsed, ids as strings, one item per unit', async () => {
  const gw = await lazopGateway('lazada', 'TH', {
    '/orders/get': () => ({
      body: '{"code":"0","data":{"count":1,"countTotal":1,"orders":[{"order_id":1234567890123456789,"order_number":300034,"created_at":"2018-09-22 00:09:17 +0700","updated_at":"2018-09-22T00:10:00+07:00","price":"1,500.00","shipping_fee":40,"items_count":2,"statuses":["pending"],"payment_method":"COD"}]}}',
    }),
    '/order/items/get': () =>
      ok([
        {
          order_item_id: 1,
          order_id: 2,
          status: 'pending',
          sku: 'KB-1',
          item_price: '750.00',
          paid_price: '700.00',
          currency: 'THB',
        },
        {
          order_item_id: 3,
          order_id: 2,
          status: 'pending',
          sku: 'KB-1',
          item_price: '750.00',
          paid_price: '700.00',
          currency: 'THB',
        },
      ]),
  });
  try {
    const conn = await connect(gw, 'lazada', 'TH');
    const page = await conn
      .adapter('sel_1')
      .listOrders({ updatedAfter: new Date('2018-02-10T08:00:00Z'), limit: 500 });
    const q = calls(gw, '/orders/get')[0]?.query;
    assert.equal(q?.update_after, '2018-02-10T15:00:00+07:00');
    assert.equal(q?.limit, '100');
    const [o] = page.orders;
    assert.equal(o?.orderId, '1234567890123456789');
    assert.equal(o?.orderNumber, '300034');
    assert.equal(o?.createdAt?.toISOString(), '2018-09-21T17:09:17.000Z');
    assert.deepEqual(o?.price, { currency: 'THB', minor: 150000 });
    assert.deepEqual(o?.shippingFee, { currency: 'THB', minor: 4000 });
    const items = await conn.adapter('sel_1').getOrderItems('2');
    assert.equal(items.length, 2);
    assert.deepEqual(
      items.map((i) => [i.orderItemId, i.quantity, i.paidPrice?.minor]),
      [
        ['1', 1, 70000],
        ['3', 1, 70000],
      ],
    );
    await assert.rejects(conn.adapter('sel_1').listOrders({}), /createdAfter or updatedAfter/);
  } finally {
    await gw.close();
  }
});

test('fulfillment (fulfill-pack): providers → pack → label → RTS, per-item errors, and cancel', async () => {
  const gw = await lazopGateway('lazada', 'SG', {
    '/order/shipment/providers/get': () => ({
      body: {
        code: '0',
        result: {
          success: true,
          data: {
            platform_default: 0,
            shipping_allocate_type: 'NTFS',
            shipment_providers: [{ name: 'Ninja Van', provider_code: 'NJV' }],
          },
        },
      },
    }),
    '/order/fulfill/pack': () => ({
      body: {
        code: '0',
        result: {
          success: true,
          data: {
            pack_order_list: [
              {
                order_id: 100,
                order_item_list: [
                  {
                    order_item_id: 1,
                    item_err_code: '0',
                    tracking_number: 'NJV123',
                    shipment_provider: 'Ninja Van',
                    package_id: 'FP0001',
                    retry: false,
                  },
                  { order_item_id: 2, item_err_code: '700001', msg: 'status not allowed', retry: false },
                ],
              },
            ],
          },
        },
      },
    }),
    '/order/package/document/get': () => ({
      body: {
        code: '0',
        result: {
          success: true,
          data: { file: Buffer.from('%PDF-1.4').toString('base64'), doc_type: 'PDF' },
        },
      },
    }),
    '/order/package/rts': () => ({
      body: {
        code: '0',
        result: {
          success: true,
          data: { packages: [{ package_id: 'FP0001', item_err_code: '0', retry: false }] },
        },
      },
    }),
    '/order/reverse/cancel/validate': () =>
      ok({ tip_type: 'NONE', reason_options: [{ reason_id: 15, reason_name: 'Out of stock' }] }),
    '/order/reverse/cancel/create': () => ok({}),
  });
  try {
    const a = (await connect(gw, 'lazada', 'SG')).adapter('sel_1');
    const packed = await a.pack([{ orderId: '100', orderItemIds: ['1', '2'] }]);
    const providersReq = calls(gw, '/order/shipment/providers/get')[0];
    assert.equal(
      providersReq?.query.getShipmentProvidersReq,
      '{"orders":[{"order_id":100,"order_item_ids":[1,2]}]}',
    );
    const packReq = calls(gw, '/order/fulfill/pack')[0];
    assert.equal(
      packReq?.form.packReq,
      '{"pack_order_list":[{"order_id":100,"order_item_list":[1,2]}],"delivery_type":"dropship","shipping_allocate_type":"NTFS","shipment_provider_code":"NJV"}',
    );
    assert.deepEqual(packed[0], {
      orderId: '100',
      orderItemId: '1',
      ok: true,
      packageId: 'FP0001',
      trackingNumber: 'NJV123',
      shipmentProvider: 'Ninja Van',
      code: undefined,
      message: undefined,
      retryable: false,
    });
    assert.equal(packed[1]?.ok, false);
    assert.equal(packed[1]?.code, '700001');
    assert.equal(packed[1]?.message, 'status not allowed');

    const label = await a.shippingLabel([{ packageId: 'FP0001' }]);
    assert.equal(Buffer.from(label.base64, 'base64').toString(), '%PDF-1.4');
    assert.equal(label.mimeType, 'application/pdf');
    assert.equal(
      calls(gw, '/order/package/document/get')[0]?.form.getDocumentReq,
      '{"doc_type":"PDF","packages":[{"package_id":"FP0001"}],"print_item_list":false}',
    );
    assert.deepEqual(await a.readyToShip([{ packageId: 'FP0001' }]), [
      { packageId: 'FP0001', ok: true, code: undefined, message: undefined, retryable: false },
    ]);
    assert.equal(
      calls(gw, '/order/package/rts')[0]?.form.readyToShipReq,
      '{"packages":[{"package_id":"FP0001"}]}',
    );

    await a.cancel({ orderId: '101', orderItemIds: ['5', '6'] });
    const c = calls(gw, '/order/reverse/cancel/create')[0];
    assert.equal(c?.query.order_item_id_list, '[5,6]');
    assert.equal(c?.query.reason_id, '15');
  } finally {
    await gw.close();
  }
});

test('fulfillment: an unanswered pack is reconciled from the order items, not repeated', async () => {
  const gw = await lazopGateway('lazada', 'SG', {
    '/order/fulfill/pack': () => ({
      status: 504,
      body: '<html>Gateway Timeout</html>',
      contentType: 'text/html',
    }),
    '/order/items/get': () =>
      ok([
        {
          order_item_id: 1,
          order_id: 100,
          status: 'packed',
          package_id: 'FP9',
          tracking_code: 'T9',
          shipment_provider: 'LEX',
        },
      ]),
  });
  try {
    const a = (await connect(gw, 'lazada', 'SG')).adapter('sel_1');
    const packed = await a.pack([{ orderId: '100', orderItemIds: ['1'], shippingAllocateType: 'TFS' }]);
    assert.equal(calls(gw, '/order/fulfill/pack').length, 1);
    assert.deepEqual(packed, [
      {
        orderId: '100',
        orderItemId: '1',
        ok: true,
        packageId: 'FP9',
        trackingNumber: 'T9',
        shipmentProvider: 'LEX',
      },
    ]);
    // TFS never names a provider.
    assert.equal(
      JSON.parse(calls(gw, '/order/fulfill/pack')[0]?.form.packReq ?? '').shipment_provider_code,
      undefined,
    );
  } finally {
    await gw.close();
  }
});

test('Daraz with the legacy flavour: /order/pack, /order/rts on the venture host', async () => {
  const gw = await lazopGateway('daraz', 'PK', {
    '/order/pack': () =>
      ok({
        order_items: [
          { order_item_id: 11, package_id: 'PK-P1', tracking_number: 'TCS1', shipment_provider: 'TCS' },
        ],
      }),
    '/order/rts': () => ok({ order_items: [{ order_item_id: 11 }] }),
  });
  try {
    const conn = await connect(gw, 'daraz', 'PK', { adapterOptions: { fulfillment: 'legacy' } });
    assert.equal(gw.requests[0]?.path, '/daraz/pk/auth/rest/auth/token/create');
    const a = conn.adapter('sel_1');
    const packed = await a.pack([{ orderId: '10', orderItemIds: ['11'], shipmentProviderCode: 'TCS' }]);
    assert.equal(packed[0]?.packageId, 'PK-P1');
    assert.equal(calls(gw, '/order/pack')[0]?.form.order_item_ids, '[11]');
    await a.readyToShip([
      { packageId: 'PK-P1', orderItemIds: ['11'], trackingNumber: 'TCS1', shipmentProvider: 'TCS' },
    ]);
    assert.equal(calls(gw, '/order/rts')[0]?.form.tracking_number, 'TCS1');
    assert.equal(conn.site.currency, 'PKR');
  } finally {
    await gw.close();
  }
});

test('images: /images/migrate (XML) then /image/response/get with the batch id', async () => {
  const gw = await lazopGateway('miravia', 'ES', {
    '/images/migrate': () => ({ body: { code: '0', batch_id: '1681964401234', request_id: 'r' } }),
    '/image/response/get': (_r, p) => {
      assert.equal(p.batch_id, '1681964401234');
      return ok({
        images: [{ url: 'https://img.miravia.es/a.jpg', hash_code: 'h1' }],
        errors: [{ field: 'Url', msg: 'too large', original_url: 'https://x/b.jpg' }],
      });
    },
  });
  try {
    const a = (await connect(gw, 'miravia', 'ES')).adapter('sel_1');
    const out = await a.migrateImages(['https://x/a.jpg?w=1&h=2', 'https://x/b.jpg']);
    assert.equal(
      calls(gw, '/images/migrate')[0]?.form.payload,
      '<?xml version="1.0" encoding="UTF-8" ?><Request><Images><Url>https://x/a.jpg?w=1&amp;h=2</Url><Url>https://x/b.jpg</Url></Images></Request>',
    );
    assert.deepEqual(out, {
      batchId: '1681964401234',
      images: [{ url: 'https://img.miravia.es/a.jpg', hashCode: 'h1', originalUrl: undefined }],
      errors: [{ originalUrl: 'https://x/b.jpg', message: 'too large' }],
    });
  } finally {
    await gw.close();
  }
});

test('push: verified over the raw body, parsed with a dedupe key', async () => {
  const gw = await lazopGateway('lazada', 'VN', {});
  try {
    const conn: MarketplaceConnection = await connect(gw, 'lazada', 'VN');
    const a = conn.adapter('sel_1');
    const body =
      '{"seller_id":"1000","message_type":0,"data":{"order_status":"pending","trade_order_id":260012345678901234,"trade_order_line_id":"260012345678901235","status_update_time":1700000000},"timestamp":1700000000123,"site":"lazada_vn"}';
    const sig = signPush(SECRET, '123456', body);
    assert.equal(a.verifyPush(body, sig), true);
    assert.equal(a.verifyPush(body.replace('pending', 'canceled'), sig), false);
    const msg = a.parsePush(Buffer.from(body));
    assert.equal(msg.kind, 'order-status');
    assert.equal(msg.venture, 'VN');
    assert.equal(msg.data.trade_order_id, '260012345678901234');
    assert.equal(msg.timestamp?.getTime(), 1700000000123);
    assert.equal(msg.dedupeKey, 'lazada:1000:0:260012345678901234:260012345678901235:pending:');
  } finally {
    await gw.close();
  }
});
