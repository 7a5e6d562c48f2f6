import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/shared/index.ts';
import { deriveCategoryId, sandboxSites, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { aeSync, lazop, productPayload, pushReceiver, sku, type Json } from './helpers.ts';

async function admin(
  sb: Sandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${sb.url}/_admin${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

describe('sandbox admin HTTP API, push delays, AliExpress flow', () => {
  let sb: Sandbox;
  let receiver: Awaited<ReturnType<typeof pushReceiver>>;
  before(async () => {
    receiver = await pushReceiver();
    sb = await startSandbox({
      clock: fixedClock('2026-11-25T01:00:00Z'),
      qcDelayMs: 5000,
      push: { ackTimeoutMs: 10_000 },
    });
  });
  after(async () => {
    await sb.close();
    await receiver.close();
  });

  it('drives a seller flow through /_admin: app push URL, token, time, QC, orders, counters, calls', async () => {
    assert.equal(
      (await admin(sb, 'PUT', `/apps/${sb.appKey}`, { pushUrl: receiver.url })).json.pushUrl,
      receiver.url,
    );
    const token = (await admin(sb, 'POST', '/tokens', { platform: 'lazada', venture: 'th' })).json;
    assert.equal(token.country, 'cb');
    assert.ok(token.sites['lazada-th'].seller_id);
    const th = sandboxSites().find((s) => s.key === 'lazada-th')!;
    const created = await lazop(
      sb,
      'lazada/th',
      '/product/create',
      { payload: productPayload(deriveCategoryId(7665, th), [sku('ADM-1')]) },
      { token: token.access_token },
    );
    assert.equal(created.json.code, '0');
    const itemId = created.json.data.item_id;
    assert.equal((await admin(sb, 'GET', `/products/lazada-th/${itemId}`)).json.status, 'Pending QC');
    const t = (await admin(sb, 'POST', '/time', { advanceMs: 5000 })).json;
    assert.equal(t.iso, '2026-11-25T01:00:05.000Z');
    assert.equal((await admin(sb, 'GET', `/products/lazada-th/${itemId}`)).json.status, 'Active');
    const placed = (await admin(sb, 'POST', '/orders', { site: 'lazada-th', count: 2 }))
      .json as unknown as Json[];
    assert.equal(placed.length, 2);
    assert.equal(placed[0]!.address_shipping.country, 'Thailand');
    const orderId = placed[0]!.order_id;
    const cancel = await admin(sb, 'POST', `/orders/lazada-th/${orderId}/cancel`, {});
    assert.ok((cancel.json.items as Json[]).every((i) => i.status === 'canceled'));
    const bad = await admin(sb, 'POST', `/orders/lazada-th/${orderId}/advance`, { to: 'shipped' });
    assert.equal(bad.status, 400);
    assert.equal((await admin(sb, 'GET', '/orders/lazada-th/1')).status, 404);
    const counters = (await admin(sb, 'GET', '/counters')).json;
    assert.equal(counters['calls./product/create'], 1);
    assert.equal(counters['orders.placed'], 2);
    const calls = (await admin(sb, 'GET', '/calls?limit=1')).json as unknown as Json[];
    assert.equal(calls[0]!.api, '/product/create');
    assert.equal((await admin(sb, 'GET', '/')).json.sites['lazada-th'].products, 1);
    await admin(sb, 'POST', '/pushes/flush');
    assert.ok(
      receiver.pushes.some((p) => p.body.message_type === 0 && p.body.data.order_status === 'canceled'),
    );
  });

  it('holds pushes back by a random delay and can deliver them out of order', async () => {
    sb.admin.setOptions({ push: { maxDelayMs: 10_000, reorder: true } });
    const mark = receiver.pushes.length;
    const site = 'lazada-th';
    sb.admin.placeOrders({ site, count: 3, paymentMethod: 'COD' });
    sb.admin.advanceTime(10_000);
    await sb.admin.flushPushes();
    const got = receiver.pushes.slice(mark).filter((p) => p.body.message_type === 0);
    assert.ok(got.length >= 3, `all delivered after the delay (${got.length})`);
    sb.admin.setOptions({ push: { maxDelayMs: 0, reorder: false } });
  });

  it('runs an AliExpress seller flow over /sync', async () => {
    const ae = sb.admin.issueToken({ platform: 'aliexpress' }).access_token;
    const site = sandboxSites().find((s) => s.key === 'aliexpress-global')!;
    const post = await aeSync(
      sb,
      'aliexpress.solution.product.post',
      {
        post_product_request: JSON.stringify({
          aliexpress_category_id: deriveCategoryId(7665, site),
          language: 'en',
          multi_language_subject_list: [{ language: 'en', subject: 'Korean celadon mug' }],
          main_image_urls_list: ['https://ae01.alicdn.com/kf/mug.jpg'],
          brand_name: 'No Brand',
          attribute_list: [{ attribute_name: 'Origin', attribute_value: 'Korea' }],
          sku_info_list: [
            {
              sku_code: 'AE-1',
              price: '19.90',
              inventory: 12,
              sku_attributes_list: [{ sku_attribute_name: 'Color', sku_attribute_value: 'Green' }],
            },
          ],
          weight: '0.5',
          package_length: 10,
          package_width: 10,
          package_height: 10,
        }),
      },
      ae,
    );
    const productId = post.aliexpress_solution_product_post_response.result.product_id;
    assert.ok(productId, JSON.stringify(post));
    sb.admin.advanceTime(5000);
    const list = await aeSync(
      sb,
      'aliexpress.solution.product.list.get',
      { aeop_a_e_product_list_query: JSON.stringify({ product_status_type: 'onSelling' }) },
      ae,
    );
    assert.equal(list.aliexpress_solution_product_list_get_response.result.product_count, 1);
    const order = sb.admin.placeOrders({
      site: 'aliexpress-global',
      lines: [{ sellerSku: 'AE-1' }],
      paymentMethod: 'CREDIT_CARD',
    })[0]!;
    sb.admin.advanceTime(60_000);
    const orders = await aeSync(
      sb,
      'aliexpress.solution.order.get',
      { param0: JSON.stringify({ order_status_list: ['WAIT_SELLER_SEND_GOODS'], page_size: 10 }) },
      ae,
    );
    const dto = orders.aliexpress_solution_order_get_response.result.target_list.order_dto;
    assert.deepEqual(
      dto.map((o: Json) => o.order_id),
      [order.order_id],
    );
    assert.match(dto[0].gmt_create, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const fulfil = await aeSync(
      sb,
      'aliexpress.solution.order.fulfill',
      {
        out_ref: String(order.order_id),
        send_type: 'all',
        logistics_no: 'LP00123456789',
        service_name: 'CAINIAO_STANDARD',
      },
      ae,
    );
    assert.equal(fulfil.aliexpress_solution_order_fulfill_response.result.result_success, true);
    const info = await aeSync(
      sb,
      'aliexpress.solution.order.info.get',
      { param1: JSON.stringify({ order_id: order.order_id }) },
      ae,
    );
    assert.equal(
      info.aliexpress_solution_order_info_get_response.result.data.order_status,
      'WAIT_BUYER_ACCEPT_GOODS',
    );
  });

  it('answers SellerNotActive for a suspended seller and warns 48 h before an authorization lapses', async () => {
    const token = sb.admin.issueToken({ platform: 'lazada', account: 'suspended@sandbox.test' }).access_token;
    assert.equal(
      (await admin(sb, 'PATCH', '/sellers/suspended@sandbox.test', { status: 'INACTIVE' })).status,
      200,
    );
    assert.equal((await lazop(sb, 'lazada/sg', '/seller/get', {}, { token })).json.code, 'SellerNotActive');
    sb.admin.setSellerStatus('suspended@sandbox.test', 'ACTIVE');
    assert.equal((await lazop(sb, 'lazada/sg', '/seller/get', {}, { token })).json.code, '0');
    const mark = receiver.pushes.length;
    sb.admin.advanceTime(29 * 86_400_000); // refresh tokens last 30 days
    await sb.admin.flushPushes();
    const alerts = receiver.pushes.slice(mark).filter((p) => p.body.message_type === 8);
    assert.ok(alerts.length >= 1);
    assert.equal(alerts[0]!.body.data.app_key, sb.appKey);
    assert.ok(alerts[0]!.body.data.auth_expiry_time > sb.admin.now());
  });
});
