import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money } from '../../src/shared/index.ts';
import { connectMarketplace, InMemoryTokenStore, AE_METHODS } from '../../src/marketplaces/index.ts';
import {
  allParams,
  expectedLazopSign,
  expectedTopSign,
  startFakeGateway,
  type Recorded,
  type Reply,
} from './fake-gateway.ts';

const SECRET = 'ae-secret-0123456789';

const wrap = (method: string, inner: object): Reply => ({
  body: { [`${method.replace(/\./g, '_')}_response`]: { ...inner, request_id: 'r' } },
});
const aeError = (code: string, msg: string): Reply => ({
  body: { error_response: { type: 'ISV', code, msg, request_id: 'r', _trace_id_: 't' } },
});

async function aeGateway(routes: Record<string, (r: Recorded, p: Record<string, string>) => Reply>) {
  return startFakeGateway((r) => {
    const p = allParams(r);
    if (r.path === '/aliexpress/global/auth/rest/auth/token/create') {
      if (p.sign !== expectedLazopSign(SECRET, '/auth/token/create', p))
        return { body: { code: 'IncompleteSignature', type: 'ISV', message: 'bad' } };
      return {
        body: {
          access_token: 'ae-tok-123456',
          refresh_token: 'ae-ref-123456',
          expire_time: Date.now() + 86_400_000,
          refresh_token_valid_time: Date.now() + 172_800_000,
          seller_id: 2000000001,
          code: '0',
        },
      };
    }
    if (r.path !== '/aliexpress/sync') return aeError('InvalidApiPath', r.path);
    if (p.sign !== expectedTopSign(SECRET, p)) return aeError('IncompleteSignature', 'bad sign');
    if (p.session !== 'ae-tok-123456') return aeError('IllegalAccessToken', 'bad session');
    const route = routes[p.method ?? ''];
    return route ? route(r, p) : aeError('InvalidApiPath', p.method ?? '');
  });
}

async function connect(origin: string) {
  const conn = connectMarketplace({
    platform: 'aliexpress',
    appKey: '500001',
    appSecret: SECRET,
    sandboxOrigin: origin,
    tokenStore: new InMemoryTokenStore(),
    tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
    rateLimits: {},
    sleep: async () => {},
  });
  await conn.tokens.exchangeCode('aliexpress:sel_1', 'code-123456');
  return conn.adapter('aliexpress:sel_1');
}

test('AliExpress catalog and product flow over /sync', async () => {
  const gw = await aeGateway({
    [AE_METHODS.categoryTree]: () =>
      wrap(AE_METHODS.categoryTree, {
        children_category_list: {
          category_info: [
            {
              children_category_id: 200000297,
              is_leaf_category: false,
              multi_language_names: '[{"language":"en_US","name":"Women\'s Clothing"}]',
            },
          ],
        },
        is_success: true,
      }),
    [AE_METHODS.attributes]: () =>
      wrap(AE_METHODS.attributes, {
        result: {
          success: true,
          supporting_common_attribute_list: {
            supported_common_attribute_dto: [
              {
                aliexpress_common_attribute_name_id: 2,
                aliexpress_common_attribute_name: 'Brand Name',
                required: true,
                aliexpress_common_attribute_value_list: {
                  common_attribute_value_info_dto: [
                    {
                      aliexpress_common_attribute_value_id: 201,
                      aliexpress_common_attribute_value: 'Hanbok House',
                    },
                  ],
                },
              },
            ],
          },
          supporting_sku_attribute_list: {
            supported_sku_attribute_dto: [
              {
                aliexpress_sku_name: 'Color',
                required: true,
                support_customized_name: true,
                aliexpress_sku_value_list: {
                  sku_value_simplified_info_dto: [{ aliexpress_sku_value_name: 'Red' }],
                },
              },
            ],
          },
        },
      }),
    [AE_METHODS.productPost]: () =>
      wrap(AE_METHODS.productPost, { result: { success: true, product_id: 1005001234567890 } }),
    [AE_METHODS.priceUpdate]: () =>
      wrap(AE_METHODS.priceUpdate, {
        update_success: false,
        update_failed_list: {
          synchronize_product_response_dto: [
            { product_id: 1005001234567891, error_code: 'F01', error_message: 'sku not found' },
          ],
        },
      }),
    [AE_METHODS.inventoryUpdate]: () => wrap(AE_METHODS.inventoryUpdate, { update_success: true }),
  });
  try {
    const a = await connect(gw.origin);
    const tree = await a.categoryTree();
    assert.deepEqual(tree, [{ id: '200000297', name: "Women's Clothing", leaf: false, children: [] }]);
    const brands = await a.brands({ categoryId: '200000297' });
    assert.deepEqual(brands.brands, [{ id: '201', name: 'Hanbok House', nameEn: 'Hanbok House' }]);
    const attrReq = gw.requests.find((r) => r.query.method === AE_METHODS.attributes);
    assert.equal(attrReq?.form.query_sku_attribute_info_request, '{"aliexpress_category_id":200000297}');
    const attrs = await a.categoryAttributes('200000297');
    assert.deepEqual(
      attrs.map((x) => [x.id, x.name, x.mandatory, x.level, x.saleProp, x.options.map((o) => o.name)]),
      [
        ['2', 'Brand Name', true, 'product', false, ['Hanbok House']],
        ['Color', 'Color', true, 'sku', true, ['Red']],
      ],
    );

    const created = await a.createProduct({
      categoryId: '200000297',
      attributes: { name: 'Hanbok dress', description: '<p>silk</p>', Material: 'Silk', brand_id: '201' },
      images: ['https://ae01.alicdn.com/kf/a.jpg'],
      skus: [
        {
          sellerSku: 'HB-1',
          price: money('USD', 12999),
          quantity: 5,
          packageWeightKg: '0.8',
          packageLengthCm: 30.2,
          packageWidthCm: 20,
          packageHeightCm: 5,
          saleProps: { Color: 'Red' },
        },
      ],
    });
    assert.equal(created.itemId, '1005001234567890');
    const postText =
      gw.requests.find((r) => r.query.method === AE_METHODS.productPost)?.form.post_product_request ?? '{}';
    const post = JSON.parse(postText);
    assert.ok(postText.includes('"aliexpress_category_id":200000297'), 'a Long, not a string');
    assert.deepEqual(post.multi_language_subject_list, [{ language: 'en', subject: 'Hanbok dress' }]);
    assert.deepEqual(post.multi_language_description_list, [{ language: 'en', web_detail: '<p>silk</p>' }]);
    assert.deepEqual(post.main_image_urls_list, ['https://ae01.alicdn.com/kf/a.jpg']);
    assert.deepEqual(post.sku_info_list[0], {
      sku_code: 'HB-1',
      price: '129.99',
      inventory: 5,
      sku_attributes_list: [{ sku_attribute_name: 'Color', sku_attribute_value: 'Red' }],
    });
    assert.deepEqual(
      [post.weight, post.package_length, post.package_width, post.package_height],
      ['0.8', 31, 20, 5],
    );
    assert.deepEqual(post.attribute_list, [
      { aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201 },
      { attribute_name: 'Material', attribute_value: 'Silk' },
    ]);

    const out = await a.updatePriceQuantity([
      { sellerSku: 'HB-1', itemId: '1005001234567890', price: money('USD', 11999), quantity: 4 },
      { sellerSku: 'HB-2', itemId: '1005001234567891', price: money('USD', 11999) },
    ]);
    assert.equal(out.calls, 2);
    assert.deepEqual(out.failed, [{ key: 'HB-2', code: 'F01', message: 'sku not found', retryable: false }]);
    assert.deepEqual(out.succeeded, ['HB-1']);
    const priceReq = gw.requests.find((r) => r.query.method === AE_METHODS.priceUpdate);
    assert.equal(
      priceReq?.form.mutiple_product_update_list,
      '[{"product_id":1005001234567890,"multiple_sku_update_list":[{"sku_code":"HB-1","price":"119.99"}]},{"product_id":1005001234567891,"multiple_sku_update_list":[{"sku_code":"HB-2","price":"119.99"}]}]',
    );
    await assert.rejects(a.updatePriceQuantity([{ sellerSku: 'X', quantity: 1 }]), /product id/);
  } finally {
    await gw.close();
  }
});

test('AliExpress orders in Pacific time, fulfil, cancel, and error_response surfaced with its msg', async () => {
  const gw = await aeGateway({
    [AE_METHODS.orderList]: () => ({
      body: '{"aliexpress_solution_order_get_response":{"result":{"success":true,"total_count":1,"target_list":{"order_dto":[{"order_id":8012345678901234567,"gmt_create":"2024-07-15 13:00:00","order_status":"WAIT_SELLER_SEND_GOODS","pay_amount":{"amount":"25.50","currency_code":"USD"},"product_list":{"order_product_dto":[{"product_id":1,"product_count":2}]}}]}}}}',
    }),
    [AE_METHODS.orderInfo]: () =>
      wrap(AE_METHODS.orderInfo, {
        result: {
          success: true,
          data: {
            id: 801,
            order_status: 'WAIT_SELLER_SEND_GOODS',
            child_order_list: {
              global_aeop_tp_child_order_dto: [
                {
                  id: 9001,
                  sku_code: 'HB-1',
                  product_count: 2,
                  product_price: { amount: '12.75', currency_code: 'USD' },
                },
              ],
            },
          },
        },
      }),
    [AE_METHODS.fulfill]: (_r, p) =>
      p.logistics_no === 'BAD'
        ? aeError('isv.invalid-logistics-no', 'logistics number invalid')
        : wrap(AE_METHODS.fulfill, { result: { result_success: true } }),
    [AE_METHODS.acceptCancel]: () => wrap(AE_METHODS.acceptCancel, { result: { success: true } }),
  });
  try {
    const a = await connect(gw.origin);
    const page = await a.listOrders({
      createdAfter: new Date('2024-07-15T20:00:00Z'),
      status: 'WAIT_SELLER_SEND_GOODS',
    });
    const param0 = JSON.parse(
      gw.requests.find((r) => r.query.method === AE_METHODS.orderList)?.form.param0 ?? '{}',
    );
    assert.equal(param0.create_date_start, '2024-07-15 13:00:00'); // PDT
    assert.deepEqual(param0.order_status_list, ['WAIT_SELLER_SEND_GOODS']);
    const [o] = page.orders;
    assert.equal(o?.orderId, '8012345678901234567');
    assert.equal(o?.createdAt?.toISOString(), '2024-07-15T20:00:00.000Z');
    assert.deepEqual(o?.price, { currency: 'USD', minor: 2550 });
    assert.equal(o?.itemsCount, 2);

    const items = await a.getOrderItems('801');
    assert.deepEqual(
      items.map((i) => [i.orderItemId, i.sellerSku, i.quantity, i.itemPrice?.minor]),
      [['9001', 'HB-1', 2, 1275]],
    );

    const packed = await a.pack([
      {
        orderId: '801',
        orderItemIds: ['9001'],
        shipmentProviderCode: 'CAINIAO_STANDARD',
        trackingNumber: 'LP001',
      },
    ]);
    const rts = await a.readyToShip(
      packed.map((p) => ({
        packageId: p.packageId ?? '',
        orderId: p.orderId,
        trackingNumber: p.trackingNumber,
        shipmentProvider: p.shipmentProvider,
      })),
    );
    assert.deepEqual(rts, [{ packageId: '801', ok: true }]);
    const fulfil = gw.requests.find((r) => r.query.method === AE_METHODS.fulfill);
    assert.deepEqual(
      [fulfil?.form.out_ref, fulfil?.form.service_name, fulfil?.form.logistics_no, fulfil?.form.send_type],
      ['801', 'CAINIAO_STANDARD', 'LP001', 'all'],
    );
    const bad = await a.readyToShip([
      { packageId: '802', orderId: '802', trackingNumber: 'BAD', shipmentProvider: 'X' },
    ]);
    assert.deepEqual(bad, [
      {
        packageId: '802',
        ok: false,
        code: 'isv.invalid-logistics-no',
        message: 'logistics number invalid',
        retryable: false,
      },
    ]);

    await a.cancel({ orderId: '803', orderItemIds: [], reasonDetail: 'buyer asked' });
    const cancel = gw.requests.find((r) => r.query.method === AE_METHODS.acceptCancel);
    assert.equal(cancel?.form.param_order_cancel_request, '{"order_id":803}');
  } finally {
    await gw.close();
  }
});
