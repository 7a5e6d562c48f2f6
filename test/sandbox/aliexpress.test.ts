// The AliExpress `/sync` methods of the sandbox over raw HTTP, with requests signed here (TOP
// style, no path prefix): catalog and attributes, product post/edit/info/list, logistics
// (services, online logistics order, label PDF, shipment declaration), buyer cancel requests,
// envelopes and signature checks, and faults that strike after the method acted.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/shared/index.ts';
import { deriveCategoryId, sandboxSites, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { aeSync, aeSyncRaw, type Json } from './helpers.ts';

const site = sandboxSites().find((s) => s.key === 'aliexpress-global')!;
const SETS = deriveCategoryId(42014401, site); // Women's Shoes and Clothing > … > Sets & Coordinates
const TENTS = deriveCategoryId(7665, site); // a general-family leaf

const res = (body: Json, method: string): Json => body[`${method.replace(/\./g, '_')}_response`] as Json;

function product(skuCode: string, extra: Json = {}, sku: Json = {}): Json {
  return {
    aliexpress_category_id: SETS,
    language: 'en',
    multi_language_subject_list: [{ language: 'en', subject: `Korean linen set ${skuCode}` }],
    multi_language_description_list: [{ language: 'en', web_detail: '<p>linen</p>' }],
    main_image_urls_list: ['https://ae01.alicdn.com/kf/set.jpg'],
    brand_name: 'Kirsh',
    attribute_list: [
      { aliexpress_attribute_name_id: 219, attribute_value: 'Korea' },
      { attribute_name: 'Material', attribute_value: 'Linen' },
    ],
    sku_info_list: [
      {
        sku_code: skuCode,
        price: '59.90',
        inventory: 30,
        sku_attributes_list: [
          { sku_attribute_name: 'Color', sku_attribute_value: 'Beige' },
          { sku_attribute_name: 'Size', sku_attribute_value: 'M' },
        ],
        ...sku,
      },
    ],
    weight: '0.6',
    package_length: 30,
    package_width: 20,
    package_height: 5,
    ...extra,
  };
}

describe('sandbox AliExpress methods over raw HTTP', () => {
  let sb: Sandbox;
  let token: string;
  let otherToken: string;
  const call = (method: string, business: Record<string, unknown> = {}, t: string | undefined = token) =>
    aeSync(
      sb,
      method,
      Object.fromEntries(
        Object.entries(business).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ),
      t,
    ).then((body) => ({ body, r: res(body, method) }));
  const post = (p: Json) => call('aliexpress.solution.product.post', { post_product_request: p });
  const info = (id: unknown, t?: string) =>
    call('aliexpress.solution.product.info.get', { product_id: String(id) }, t ?? token);
  const orderStatus = async (orderId: unknown): Promise<Json> =>
    (await call('aliexpress.solution.order.info.get', { param1: { order_id: orderId } })).r.result
      .data as Json;

  before(async () => {
    sb = await startSandbox({
      clock: fixedClock('2026-11-25T01:00:00Z'),
      qcDelayMs: 5000,
      paymentDelayMs: 0,
    });
    token = sb.admin.issueToken({ platform: 'aliexpress' }).access_token;
    otherToken = sb.admin.issueToken({ platform: 'aliexpress', account: 'other@sandbox.test' }).access_token;
  });
  after(() => sb.close());

  it('walks the category tree a level at a time and lists a leaf’s attributes', async () => {
    const roots = (await call('aliexpress.solution.seller.category.tree.query', { category_id: '0' })).r;
    const list = roots.result.children_category_list.category_info as Json[];
    const women = list.find((c) => JSON.parse(c.multi_language_names).en === "Women's Shoes and Clothing")!;
    assert.equal(women.is_leaf_category, false);
    const kids = (
      await call('aliexpress.solution.seller.category.tree.query', {
        category_id: String(women.children_category_id),
      })
    ).r;
    assert.ok((kids.result.children_category_list.category_info as Json[]).length > 0);
    const unknown = (await call('aliexpress.solution.seller.category.tree.query', { category_id: '42' }))
      .body;
    assert.equal(unknown.error_response.code, '13004');

    const attrs = (
      await call('aliexpress.solution.sku.attribute.query', {
        query_sku_attribute_info_request: { aliexpress_category_id: SETS },
      })
    ).r.result;
    const common = attrs.supporting_common_attribute_list.supported_common_attribute_dto as Json[];
    const brand = common.find((c) => c.aliexpress_common_attribute_name_id === 2)!;
    assert.equal(brand.aliexpress_common_attribute_name, 'Brand Name');
    assert.equal(brand.required, true);
    assert.ok(
      brand.aliexpress_common_attribute_value_list.common_attribute_value_info_dto.some(
        (v: Json) => v.aliexpress_common_attribute_value === 'Kirsh',
      ),
    );
    assert.equal(common.find((c) => c.aliexpress_common_attribute_name === 'Material')?.required, true);
    const skuAttrs = attrs.supporting_sku_attribute_list.supported_sku_attribute_dto as Json[];
    assert.deepEqual(
      skuAttrs.map((s) => [s.aliexpress_sku_name, s.required]),
      [
        ['Color', true],
        ['Size', true],
      ],
    );
    const general = (
      await call('aliexpress.solution.sku.attribute.query', {
        query_sku_attribute_info_request: { aliexpress_category_id: TENTS },
      })
    ).r.result;
    const generalNames = (
      general.supporting_common_attribute_list.supported_common_attribute_dto as Json[]
    ).map((c) => c.aliexpress_common_attribute_name);
    assert.ok(generalNames.includes('Origin') && !generalNames.includes('Material'));
    const branch = (
      await call('aliexpress.solution.sku.attribute.query', {
        query_sku_attribute_info_request: { aliexpress_category_id: women.children_category_id },
      })
    ).r.result;
    assert.deepEqual([branch.success, branch.error_code], [false, '13005']);
    const missing = (await call('aliexpress.solution.sku.attribute.query', {})).body;
    assert.equal(missing.error_response.code, 'MissingParameter');
  });

  it('checks a product post rule by rule and refuses a sku_code already in the store', async () => {
    const codes = async (p: Json): Promise<string> => String((await post(p)).r.result.error_code ?? 'ok');
    assert.equal(await codes(product('R-1', { brand_name: undefined })), '13012');
    assert.equal(await codes(product('R-1', { brand_name: 'Samsung' })), '13011'); // not a fashion brand
    assert.equal(
      await codes(
        product(
          'R-1',
          {},
          { sku_attributes_list: [{ sku_attribute_name: 'Color', sku_attribute_value: 'Red' }] },
        ),
      ),
      '13027',
    );
    assert.equal(await codes(product('R-1', { weight: undefined })), '13030');
    assert.equal(await codes(product('R-1', { main_image_urls_list: [] })), '13010');
    assert.equal(await codes(product('R-1', {}, { price: '0' })), '13022');
    assert.equal(await codes(product('R-1', {}, { price: '10', discount_price: '12' })), '13023');
    const two = product('R-1');
    two.sku_info_list = [two.sku_info_list[0], { ...two.sku_info_list[0], sku_code: 'R-2' }];
    assert.equal(await codes(two), '13029');
    assert.equal(await codes(product('R-1', { aliexpress_category_id: 42 })), '13004');
    const ok = (await post(product('R-1'))).r.result;
    assert.equal(ok.success, true);
    assert.ok(Number(ok.product_id) > 0);
    assert.equal(await codes(product('R-1')), '13026');
    // Another seller may use the same sku_code in their own store.
    const other = await call(
      'aliexpress.solution.product.post',
      { post_product_request: product('R-1') },
      otherToken,
    );
    assert.equal(other.r.result.success, true);
  });

  it('reads a product back by id (info) and by sku_code (list), and edits it', async () => {
    const id = (await post(product('E-1'))).r.result.product_id;
    let p = (await info(id)).r.result;
    assert.equal(p.product_status_type, 'auditing');
    const sku = p.aeop_ae_product_s_k_us.global_aeop_a_e_product_sku[0];
    assert.deepEqual([sku.sku_code, sku.sku_price, sku.ipm_sku_stock], ['E-1', '59.90', 30]);
    assert.deepEqual(
      sku.aeop_s_k_u_property_list.global_aeop_sku_property.map(
        (x: Json) => x.property_value_definition_name,
      ),
      ['Beige', 'M'],
    );
    assert.match(p.gmt_create, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.equal((await info(id, otherToken)).body.error_response.code, '13050');
    sb.admin.advanceTime(5000);
    assert.equal((await info(id)).r.result.product_status_type, 'onSelling');

    const list = async (q: Json) =>
      (await call('aliexpress.solution.product.list.get', { aeop_a_e_product_list_query: q })).r.result;
    const found = await list({ sku_code: 'E-1' });
    assert.equal(found.product_count, 1);
    assert.equal(found.aeop_a_e_product_display_d_t_o_list.item_display_dto[0].product_id, id);
    assert.equal((await list({ sku_code: 'NOPE' })).product_count, 0);
    assert.equal((await list({ product_id: id, product_status_type: 'offline' })).product_count, 0);

    const edit = (req: Json) =>
      call('aliexpress.solution.product.edit', { edit_product_request: { product_id: id, ...req } });
    const edited = await edit({
      multi_language_subject_list: [{ language: 'en', subject: 'Korean linen set, edited' }],
      sku_info_list: [
        { sku_code: 'E-1', price: '49.90' },
        {
          sku_code: 'E-2',
          price: '49.90',
          inventory: 5,
          sku_attributes_list: [
            { sku_attribute_name: 'Color', sku_attribute_value: 'Navy Blue' },
            { sku_attribute_name: 'Size', sku_attribute_value: 'L' },
          ],
        },
      ],
    });
    assert.equal(edited.r.result.success, true, JSON.stringify(edited.body));
    p = (await info(id)).r.result;
    assert.equal(p.subject, 'Korean linen set, edited');
    assert.equal(p.product_status_type, 'onSelling', 'a live product stays live');
    const skus = p.aeop_ae_product_s_k_us.global_aeop_a_e_product_sku as Json[];
    assert.deepEqual(
      skus.map((s) => [s.sku_code, s.sku_price, s.ipm_sku_stock]),
      [
        ['E-1', '49.90', 30],
        ['E-2', '49.90', 5],
      ],
    );
    assert.equal(
      (
        await edit({
          sku_info_list: [
            {
              sku_code: 'R-1',
              price: '1',
              inventory: 1,
              sku_attributes_list: [
                { sku_attribute_name: 'Color', sku_attribute_value: 'Red' },
                { sku_attribute_name: 'Size', sku_attribute_value: 'S' },
              ],
            },
          ],
        })
      ).r.result.error_code,
      '13026',
    );
    const missing = await call('aliexpress.solution.product.edit', {
      edit_product_request: { product_id: 1 },
    });
    assert.equal(missing.r.result.error_code, '13050');
    sb.admin.setFaults({ campaignLockedItems: [Number(id)] });
    assert.equal(
      (await edit({ multi_language_subject_list: [{ language: 'en', subject: 'x' }] })).r.result.error_code,
      '13052',
    );
    sb.admin.setFaults({});
  });

  it('wraps answers in <method>_response and refuses a bad signature with error_response', async () => {
    const body = await aeSync(sb, 'aliexpress.solution.product.info.get', { product_id: '1' }, token, {
      secret: 'wrong',
    });
    assert.equal(body.error_response.code, 'IncompleteSignature');
    assert.ok(body.error_response.msg.length > 0);
    assert.ok(body.error_response.request_id);
    const unknown = await aeSync(sb, 'aliexpress.solution.no.such.method', {}, token);
    assert.equal(unknown.error_response.code, 'InvalidApiPath');
    const ok = await aeSync(sb, 'aliexpress.logistics.redefining.listlogisticsservice', {}, token);
    assert.equal(ok.aliexpress_logistics_redefining_listlogisticsservice_response.result_success, true);
    assert.ok(ok.request_id);
  });

  it('ships an order: logistics services, online logistics order, label PDF, shipment declaration', async () => {
    const services = (await call('aliexpress.logistics.redefining.listlogisticsservice')).r.result_list
      .aeop_logistics_service_result as Json[];
    const standard = services.find((s) => s.service_name === 'CAINIAO_STANDARD')!;
    assert.equal(standard.display_name, 'AliExpress Standard Shipping');
    assert.ok(standard.tracking_no_regex);
    const [order] = sb.admin.placeOrders({
      site: site.key,
      lines: [{ sellerSku: 'E-1', quantity: 2 }],
      paymentMethod: 'COD',
    });
    const orderId = order!.order_id;
    assert.equal((await orderStatus(orderId)).order_status, 'WAIT_SELLER_SEND_GOODS');

    const declarations = [
      {
        productId: 1,
        categoryEnDesc: 'Linen clothing set',
        categoryCnDesc: '亚麻套装',
        productNum: 2,
        productDeclareAmount: 49.9,
        productWeight: 0.6,
        isContainsBattery: 0,
      },
    ];
    const warehouse = (extra: Json) =>
      call('aliexpress.logistics.createwarehouseorder', {
        trade_order_id: String(orderId),
        trade_order_from: 'ESCROW',
        warehouse_carrier_service: 'CAINIAO_STANDARD',
        address_d_t_os: { sender: { address_id: 1001 } },
        declare_product_d_t_os: declarations,
        ...extra,
      });
    const noSender = (await warehouse({ address_d_t_os: { sender: { name: 'kbridge' } } })).r;
    assert.deepEqual([noSender.result.success, noSender.result.error_code], [false, '13071']);
    assert.match(noSender.result.error_desc, /country/);
    assert.equal((await warehouse({ warehouse_carrier_service: 'EMS' })).r.result.error_code, '13074');
    const created = (await warehouse({})).r;
    assert.equal(created.result_success, true);
    const tracking = created.result.intl_tracking_no as string;
    assert.match(tracking, /^[A-Z0-9]{8,30}$/);
    const items = sb.admin.order(site.key, Number(orderId)).items as Json[];
    assert.ok(items.every((i) => i.status === 'packed'));
    assert.equal((await warehouse({})).r.result.error_code, '13072');

    const label = (
      await call('aliexpress.logistics.redefining.getprintinfo', { international_logistics_id: tracking })
    ).r;
    const pdf = Buffer.from(JSON.parse(label.result).body, 'base64');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.toString('latin1').includes(tracking), 'the tracking number is in the PDF');
    const noLabel = await call('aliexpress.logistics.redefining.getprintinfo', {
      international_logistics_id: 'LP000',
    });
    assert.equal(noLabel.body.error_response.code, '13080');

    const declare = (extra: Json) =>
      call('aliexpress.solution.order.fulfill', {
        out_ref: String(orderId),
        send_type: 'all',
        service_name: 'CAINIAO_STANDARD',
        logistics_no: tracking,
        ...extra,
      });
    assert.equal((await declare({ logistics_no: 'no such' })).r.result.result_error_code, '13075');
    assert.equal((await declare({ service_name: 'PIGEON' })).r.result.result_error_code, '13074');
    assert.equal((await declare({})).r.result.result_success, true);
    const shipped = await orderStatus(orderId);
    assert.equal(shipped.order_status, 'WAIT_BUYER_ACCEPT_GOODS');
    assert.equal(shipped.logistic_info_list.global_aeop_tp_logistic_info_dto[0].logistics_no, tracking);
    assert.equal((await declare({})).r.result.result_error_code, '701');
  });

  it('lets the seller refuse or accept a buyer’s cancellation request', async () => {
    const [order] = sb.admin.placeOrders({
      site: site.key,
      lines: [{ sellerSku: 'E-1' }],
      paymentMethod: 'COD',
    });
    const orderId = order!.order_id;
    const cancel = (method: 'acceptcancel' | 'refusecancel', req: Json = {}) =>
      call(`aliexpress.trade.seller.order.${method}`, {
        param_order_cancel_request: { order_id: orderId, ...req },
      });
    assert.equal((await cancel('acceptcancel')).r.result.error_code, '13061');
    const requested = await fetch(`${sb.url}/_admin/orders/${site.key}/${orderId}/cancel-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Found it cheaper' }),
    });
    assert.equal(((await requested.json()) as Json).outcome, 'requested');
    assert.equal((await orderStatus(orderId)).order_status, 'IN_CANCEL');
    assert.equal((await cancel('refusecancel')).r.result.error_code, '13063');
    assert.equal(
      (await cancel('refusecancel', { memo: 'Already shipped to the warehouse' })).r.result.success,
      true,
    );
    assert.equal((await orderStatus(orderId)).order_status, 'WAIT_SELLER_SEND_GOODS');

    assert.equal(sb.admin.requestCancel(site.key, Number(orderId), 'Ordered by mistake'), 'requested');
    assert.equal(
      (await cancel('acceptcancel', { buyer_login_id: 'someone-else' })).r.result.error_code,
      '13062',
    );
    const accepted = (await cancel('acceptcancel')).r.result;
    assert.deepEqual([accepted.success, accepted.target], [true, true]);
    const closed = await orderStatus(orderId);
    assert.equal(closed.order_status, 'FINISH');
    assert.equal(closed.order_end_reason, 'cancel_order_close_trade');
    assert.ok(
      (sb.admin.order(site.key, Number(orderId)).items as Json[]).every((i) => i.status === 'canceled'),
    );
    // Lazop sites model requests as reverse orders (test/orders/reverse.test.ts); order 1 is not there.
    assert.throws(() => sb.admin.requestCancel('lazada-sg', 1), /no order 1 on lazada-sg/);
  });

  it('acts before a fault that loses the answer (afterApply), so the caller must read back', async () => {
    sb.admin.setFaults({
      rules: [{ kind: 'http5xx', api: 'aliexpress.solution.product.post', count: 1, afterApply: true }],
    });
    const lost = await aeSyncRaw(
      sb,
      'aliexpress.solution.product.post',
      { post_product_request: JSON.stringify(product('LOST-1')) },
      token,
    );
    assert.equal(lost.status, 503);
    assert.match(lost.text, /<html>/);
    const found = (
      await call('aliexpress.solution.product.list.get', {
        aeop_a_e_product_list_query: { sku_code: 'LOST-1' },
      })
    ).r.result;
    assert.equal(found.product_count, 1, 'the product was created although the answer was lost');
    sb.admin.setFaults({
      rules: [{ kind: 'serviceTimeout', api: 'aliexpress.solution.product.post', count: 1 }],
    });
    const refused = await post(product('LOST-2'));
    assert.equal(refused.body.error_response.code, 'ServiceTimeout');
    const none = (
      await call('aliexpress.solution.product.list.get', {
        aeop_a_e_product_list_query: { sku_code: 'LOST-2' },
      })
    ).r.result;
    assert.equal(none.product_count, 0, 'a fault before the method leaves nothing behind');
    sb.admin.setFaults({});
  });
});

describe('sandbox AliExpress state across a restart', () => {
  it('keeps logistics orders findable by tracking number and buyer cancel requests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbridge-sandbox-ae-'));
    const clock = fixedClock('2026-11-25T01:00:00Z');
    try {
      const first = await startSandbox({ clock, stateDir: dir, qcDelayMs: 1000 });
      const token = first.admin.issueToken({ platform: 'aliexpress' }).access_token;
      const sync = async (sb: Sandbox, method: string, business: Record<string, unknown>): Promise<Json> =>
        res(
          await aeSync(
            sb,
            method,
            Object.fromEntries(
              Object.entries(business).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
            ),
            token,
          ),
          method,
        );
      const id = (
        await sync(first, 'aliexpress.solution.product.post', { post_product_request: product('KEEP-AE') })
      ).result.product_id;
      first.admin.advanceTime(1000);
      const [shipped, asked] = [0, 1].map(
        () =>
          first.admin.placeOrders({
            site: site.key,
            lines: [{ sellerSku: 'KEEP-AE' }],
            paymentMethod: 'COD',
          })[0]!,
      );
      const warehouse = await sync(first, 'aliexpress.logistics.createwarehouseorder', {
        trade_order_id: String(shipped!.order_id),
        warehouse_carrier_service: 'CAINIAO_PREMIUM',
        address_d_t_os: { sender: { address_id: 7 } },
        declare_product_d_t_os: [
          {
            productId: id,
            categoryEnDesc: 'Linen set',
            categoryCnDesc: '亚麻套装',
            productNum: 1,
            productDeclareAmount: 59.9,
            productWeight: 0.6,
          },
        ],
      });
      const tracking = warehouse.result.intl_tracking_no as string;
      first.admin.requestCancel(site.key, Number(asked!.order_id));
      await first.close();

      const second = await startSandbox({ clock, stateDir: dir, qcDelayMs: 1000 });
      try {
        const label = await sync(second, 'aliexpress.logistics.redefining.getprintinfo', {
          international_logistics_id: tracking,
        });
        assert.equal(Buffer.from(JSON.parse(label.result).body, 'base64').subarray(0, 4).toString(), '%PDF');
        const info = await sync(second, 'aliexpress.solution.order.info.get', {
          param1: { order_id: asked!.order_id },
        });
        assert.equal(info.result.data.order_status, 'IN_CANCEL');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
