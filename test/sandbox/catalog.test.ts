import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/shared/index.ts';
import { deriveCategoryId, sandboxSites, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { expectedPushSignature, lazop, productPayload, pushReceiver, sku, type Json } from './helpers.ts';

const TENTS = 7665; // Sports & Outdoors > Camping & Hiking > Tents (leaf) in the real PH tree
const CAMPING = 7657; // its parent, not a leaf
const PHONES = 5118; // Mobiles & Tablets > Landline Phones (electronics: warranty_type mandatory)
const WOMEN_SETS = 42014401; // fashion, var: color_family and size mandatory sale props

describe('sandbox catalog: categories, attributes, listing rules, QC', () => {
  let sb: Sandbox;
  let token: string;
  let receiver: Awaited<ReturnType<typeof pushReceiver>>;
  const create = (payload: string, site = 'lazada/ph'): Promise<{ json: Json }> =>
    lazop(sb, site, '/product/create', { payload }, { token });
  const codesOf = (json: Json): string[] => (json.detail ?? []).map((d: { code: string }) => d.code);

  before(async () => {
    receiver = await pushReceiver();
    sb = await startSandbox({
      clock: fixedClock('2026-11-25T01:00:00Z'),
      qcDelayMs: 60_000,
      pushUrl: receiver.url,
      push: { concurrency: 1, ackTimeoutMs: 10_000 }, // in raise order; generous ack budget on a busy machine
    });
    token = sb.admin.issueToken({ platform: 'lazada' }).access_token;
  });
  after(async () => {
    await sb.close();
    await receiver.close();
  });

  it('serves the real PH tree and derived trees with their own ids elsewhere', async () => {
    const ph = await lazop(sb, 'lazada/ph', '/category/tree/get', {}, { method: 'GET' });
    assert.equal(ph.json.code, '0');
    assert.equal(ph.json.data.length, 42);
    const outdoors = ph.json.data[0];
    assert.equal(outdoors.name, 'Sports & Outdoors');
    const sg = await lazop(sb, 'lazada/sg', '/category/tree/get', {}, { method: 'GET' });
    assert.equal(sg.json.data.length, 42);
    assert.equal(sg.json.data[0].name, 'Sports & Outdoors');
    assert.notEqual(sg.json.data[0].category_id, outdoors.category_id);
    const sgTents = deriveCategoryId(
      TENTS,
      sandboxSites().find((s) => s.key === 'lazada-sg')!,
    );
    const attrs = await lazop(
      sb,
      'lazada/sg',
      '/category/attributes/get',
      { primary_category_id: String(TENTS) },
      { method: 'GET' },
    );
    assert.equal(attrs.json.code, '4227', 'a PH id is not a category in SG');
    const ok = await lazop(
      sb,
      'lazada/sg',
      '/category/attributes/get',
      { primary_category_id: String(sgTents) },
      { method: 'GET' },
    );
    assert.equal(ok.json.code, '0');
  });

  it('gives mandatory attribute sets per category family', async () => {
    const mandatory = async (cat: number): Promise<string[]> => {
      const r = await lazop(
        sb,
        'lazada/ph',
        '/category/attributes/get',
        { primary_category_id: String(cat) },
        { method: 'GET' },
      );
      return r.json.data
        .filter((a: Json) => a.is_mandatory === 1)
        .map((a: Json) => `${a.attribute_type}:${a.name}`);
    };
    const tents = await mandatory(TENTS);
    assert.ok(
      tents.includes('normal:name') &&
        tents.includes('normal:brand') &&
        tents.includes('sku:SellerSku') &&
        tents.includes('sku:package_weight'),
    );
    assert.ok(!tents.includes('normal:warranty_type'));
    assert.ok((await mandatory(PHONES)).includes('normal:warranty_type'));
    const fashion = await mandatory(WOMEN_SETS);
    assert.ok(fashion.includes('sku:color_family') && fashion.includes('sku:size'));
    const nonLeaf = await lazop(
      sb,
      'lazada/ph',
      '/category/attributes/get',
      { primary_category_id: String(CAMPING) },
      { method: 'GET' },
    );
    assert.equal(nonLeaf.json.code, '57');
  });

  it('pages brands with per-site ids', async () => {
    const ph = await lazop(
      sb,
      'lazada/ph',
      '/category/brands/query',
      { startRow: '0', pageSize: '5' },
      { method: 'GET' },
    );
    assert.equal(ph.json.success, true);
    assert.equal(ph.json.data.module.length, 5);
    assert.equal(ph.json.data.module[0].name, 'No Brand');
    const my = await lazop(
      sb,
      'lazada/my',
      '/category/brands/query',
      { startRow: '0', pageSize: '1' },
      { method: 'GET' },
    );
    assert.notEqual(my.json.data.module[0].brand_id, ph.json.data.module[0].brand_id);
    const big = await lazop(
      sb,
      'lazada/ph',
      '/category/brands/query',
      { startRow: '0', pageSize: '201' },
      { method: 'GET' },
    );
    assert.equal(big.json.code, 'InvalidParameter');
  });

  it('creates only in leaf categories of the site', async () => {
    assert.equal((await create(productPayload(CAMPING, [sku('LEAF-1')]))).json.code, '4134');
    assert.equal((await create(productPayload(999999999, [sku('LEAF-2')]))).json.code, '201');
  });

  const cases: [string, string, () => string][] = [
    [
      'mandatory basic attribute (description) missing',
      '4108',
      () => productPayload(TENTS, [sku('R-1')], { description: '' }),
    ],
    [
      'mandatory category attribute (warranty_type) missing',
      '4110',
      () => productPayload(PHONES, [sku('R-2')]),
    ],
    [
      'enum value not an option',
      '4115',
      () => productPayload(PHONES, [sku('R-3')], { warranty_type: 'Forever' }),
    ],
    ['forbidden characters', '4129', () => productPayload(TENTS, [sku('R-4')], { name: 'Mug | 350ml' })],
    [
      'title over 255 bytes (Korean is 3 bytes a character)',
      '4160',
      () => productPayload(TENTS, [sku('R-5')], { name: '머그컵'.repeat(30) }),
    ],
    ['price 0', '4118', () => productPayload(TENTS, [sku('R-6', { price: '0' })])],
    ['price precision', '4104', () => productPayload(TENTS, [sku('R-7', { price: '12.345' })])],
    [
      'special price not below price',
      '4157',
      () => productPayload(TENTS, [sku('R-8', { special_price: '130' })]),
    ],
    [
      'special price discount out of range',
      '4119',
      () => productPayload(TENTS, [sku('R-9', { special_price: '5' })]),
    ],
    [
      'special dates reversed',
      '4117',
      () =>
        productPayload(TENTS, [
          sku('R-10', {
            special_price: '100',
            special_from_date: '2026-12-10 00:00:00',
            special_to_date: '2026-12-01 00:00:00',
          }),
        ]),
    ],
    ['package decimals', '4149', () => productPayload(TENTS, [sku('R-11', { package_weight: '0.555' })])],
    ['package over 40 kg', '4164', () => productPayload(TENTS, [sku('R-12', { package_weight: '41' })])],
    [
      'package L+W+H over 300 cm',
      '4165',
      () =>
        productPayload(TENTS, [
          sku('R-13', { package_length: '150', package_width: '100', package_height: '60' }),
        ]),
    ],
    ['no image', '4139', () => productPayload(TENTS, [sku('R-14')], {}, [])],
    [
      'more than 8 images',
      '4169',
      () =>
        productPayload(
          TENTS,
          [sku('R-15')],
          {},
          Array.from({ length: 9 }, (_, i) => `https://sandbox.slatic.net/p/${i}.jpg`),
        ),
    ],
    [
      'duplicate main image',
      '4116',
      () =>
        productPayload(TENTS, [sku('R-16')], {}, [
          'https://sandbox.slatic.net/p/a.jpg',
          'https://sandbox.slatic.net/p/a.jpg',
        ]),
    ],
    [
      'external image link',
      '4138',
      () => productPayload(TENTS, [sku('R-17')], {}, ['https://images.example.com/mug.jpg']),
    ],
    [
      'brand id of another site',
      '4142',
      () => productPayload(TENTS, [sku('R-18')], { brand: undefined, brand_id: '1' }),
    ],
    [
      'SellerSku repeated inside the request',
      '4126',
      () =>
        productPayload(TENTS, [sku('R-19', { color_family: 'Red' }), sku('R-19', { color_family: 'Blue' })]),
    ],
    ['two SKUs without saleProp', '4144', () => productPayload(TENTS, [sku('R-20'), sku('R-21')])],
    [
      'fashion SKU without size',
      '4110',
      () => productPayload(WOMEN_SETS, [sku('R-22')], { material: 'Cotton' }),
    ],
  ];
  for (const [name, code, payload] of cases) {
    it(`rejects ${name} with ${code}`, async () => {
      const r = await create(payload());
      assert.equal(r.json.type, 'ISV');
      assert.ok(codesOf(r.json).includes(code), `${code} expected in ${JSON.stringify(r.json)}`);
      assert.ok(r.json.request_id);
    });
  }

  it('rejects a SellerSku the store already uses (4105)', async () => {
    assert.equal((await create(productPayload(TENTS, [sku('DUP-1')]))).json.code, '0');
    const again = await create(productPayload(TENTS, [sku('DUP-1')]));
    assert.equal(again.json.code, '4105');
    assert.equal(again.json.detail[0].seller_sku, 'DUP-1');
  });

  it('migrates external images to hosted URLs that creation accepts; upload checks the file', async () => {
    const m = await lazop(
      sb,
      'lazada/ph',
      '/image/migrate',
      { payload: '<Request><Image><Url>https://images.example.com/mug.jpg</Url></Image></Request>' },
      { token },
    );
    assert.equal(m.json.code, '0');
    const hosted = m.json.data.image.url as string;
    assert.match(hosted, /slatic\.net/);
    const bad = await lazop(
      sb,
      'lazada/ph',
      '/image/migrate',
      { payload: '{"Request":{"Image":{"Url":"http://10.0.0.1/x.jpg"}}}' },
      { token },
    );
    assert.equal(bad.json.code, '302');
    const batch = await lazop(
      sb,
      'lazada/ph',
      '/images/migrate',
      {
        payload:
          '<Request><Images><Url>https://a.example.com/1.jpg</Url><Url>ftp://a.example.com/2.jpg</Url></Images></Request>',
      },
      { token },
    );
    assert.ok(batch.json.batch_id);
    const resp = await lazop(
      sb,
      'lazada/ph',
      '/image/response/get',
      { batch_id: batch.json.batch_id },
      { token, method: 'GET' },
    );
    assert.equal(resp.json.data.images.length, 1);
    assert.equal(resp.json.data.errors[0].original_url, 'ftp://a.example.com/2.jpg');
    const png = Buffer.alloc(64);
    png.writeUInt32BE(0x89504e47, 0);
    png.writeUInt32BE(800, 16);
    png.writeUInt32BE(800, 20);
    const up = await lazop(
      sb,
      'lazada/ph',
      '/image/upload',
      {},
      { token, files: { image: new Blob([png]) } },
    );
    assert.equal(up.json.code, '0', JSON.stringify(up.json));
    png.writeUInt32BE(100, 16);
    const small = await lazop(
      sb,
      'lazada/ph',
      '/image/upload',
      {},
      { token, files: { image: new Blob([png]) } },
    );
    assert.equal(small.json.code, '301');
    assert.equal((await create(productPayload(TENTS, [sku('IMG-1')], {}, [hosted]))).json.code, '0');
  });

  it('moves a product Pending QC → Active after the QC delay with signed pushes; QC_REJECT names are rejected', async () => {
    const created = await create(productPayload(TENTS, [sku('QC-1')], { name: 'Celadon tea cup' }));
    assert.equal(created.json.data.item_status, 'Pending QC');
    const itemId = created.json.data.item_id;
    const rejected = (await create(productPayload(TENTS, [sku('QC-2')], { name: 'Tea cup QC_REJECT' }))).json
      .data.item_id;
    const get = async (id: number): Promise<Json> =>
      (await lazop(sb, 'lazada/ph', '/product/item/get', { item_id: String(id) }, { token, method: 'GET' }))
        .json.data;
    assert.equal((await get(itemId)).status, 'Pending QC');
    sb.admin.advanceTime(59_000);
    assert.equal((await get(itemId)).status, 'Pending QC');
    sb.admin.advanceTime(1_000);
    assert.equal((await get(itemId)).status, 'Active');
    const r = await get(rejected);
    assert.equal(r.status, 'InActive');
    assert.equal(r.subStatus, 'Reject');
    assert.ok(r.rejectReason[0].violationDetail);
    await sb.admin.flushPushes();
    const qc = receiver.pushes
      .filter((p) => p.body.message_type === 1 && p.body.data.itemId === itemId)
      .map((p) => p.body.data.status);
    assert.deepEqual(qc, ['PENDING', 'APPROVED']);
    const rej = receiver.pushes.find(
      (p) =>
        p.body.message_type === 1 && p.body.data.itemId === rejected && p.body.data.status === 'REJECTED',
    );
    assert.ok(rej?.body.data.reason);
    const published = receiver.pushes.find(
      (p) => p.body.message_type === 3 && p.body.data.item_id === itemId,
    );
    assert.equal(published?.body.data.action, 'PUBLISHED');
    assert.equal(published?.body.data.sku_list[0].seller_sku, 'QC-1');
    assert.equal(published?.body.site, 'lazada_ph');
    for (const p of receiver.pushes)
      assert.equal(p.authorization, expectedPushSignature(sb.appKey, sb.appSecret, p.raw));
  });

  it('updates price and quantity per SKU with partial failures as 501 + detail', async () => {
    await create(productPayload(TENTS, [sku('PQ-1')]));
    const payload =
      '<Request><Product><Skus><Sku><SellerSku>PQ-1</SellerSku><Price>99.50</Price><Quantity>7</Quantity></Sku><Sku><SellerSku>NOPE</SellerSku><Quantity>1</Quantity></Sku></Skus></Product></Request>';
    const r = await lazop(sb, 'lazada/ph', '/product/price_quantity/update', { payload }, { token });
    assert.equal(r.json.code, '501');
    assert.deepEqual(codesOf(r.json), ['4136']);
    const got = await lazop(
      sb,
      'lazada/ph',
      '/products/get',
      { sku_seller_list: '["PQ-1"]' },
      { token, method: 'GET' },
    );
    const s = got.json.data.products[0].skus[0];
    assert.deepEqual([s.price, s.quantity], [99.5, 7]);
  });

  it('updates a product by ItemId, keeps SellerSku immutable, removes SKUs', async () => {
    const created = (await create(productPayload(TENTS, [sku('UP-1')]))).json.data;
    const payload = JSON.stringify({
      Request: {
        Product: {
          ItemId: String(created.item_id),
          Attributes: { name: 'Renamed mug' },
          Skus: { Sku: [{ SkuId: String(created.sku_list[0].sku_id), quantity: '3' }] },
        },
      },
    });
    const u = await lazop(sb, 'lazada/ph', '/product/update', { payload }, { token });
    assert.equal(u.json.code, '0', JSON.stringify(u.json));
    const item = (
      await lazop(
        sb,
        'lazada/ph',
        '/product/item/get',
        { item_id: String(created.item_id) },
        { token, method: 'GET' },
      )
    ).json.data;
    assert.equal(item.attributes.name, 'Renamed mug');
    assert.equal(item.skus[0].quantity, 3);
    const rename = JSON.stringify({
      Request: {
        Product: {
          ItemId: String(created.item_id),
          Attributes: {},
          Skus: { Sku: [{ SkuId: String(created.sku_list[0].sku_id), SellerSku: 'OTHER' }] },
        },
      },
    });
    assert.equal(
      (await lazop(sb, 'lazada/ph', '/product/update', { payload: rename }, { token })).json.code,
      '4150',
    );
    const rm = await lazop(sb, 'lazada/ph', '/product/remove', { seller_sku_list: '["UP-1"]' }, { token });
    assert.equal(rm.json.code, '0');
    const gone = await lazop(
      sb,
      'lazada/ph',
      '/product/item/get',
      { item_id: String(created.item_id) },
      { token, method: 'GET' },
    );
    assert.equal(gone.json.code, '207');
  });

  it('accepts XML payloads and JSON must use arrays (1001)', async () => {
    const xml = `<Request><Product><PrimaryCategory>${TENTS}</PrimaryCategory><Images><Image>https://sandbox.slatic.net/p/x.jpg</Image></Images><Attributes><name>XML mug</name><description><![CDATA[<p>a & b</p>]]></description><brand>No Brand</brand></Attributes><Skus><Sku><SellerSku>XML-1</SellerSku><price>10</price><quantity>1</quantity><package_weight>1</package_weight><package_length>1</package_length><package_width>1</package_width><package_height>1</package_height></Sku></Skus></Product></Request>`;
    const r = await create(xml);
    assert.equal(r.json.code, '0', JSON.stringify(r.json));
    const notArray = JSON.stringify({
      Request: {
        Product: {
          PrimaryCategory: String(TENTS),
          Images: { Image: 'https://sandbox.slatic.net/p/x.jpg' },
          Attributes: {},
          Skus: { Sku: [] },
        },
      },
    });
    assert.equal((await create(notArray)).json.code, '1001');
    assert.equal((await create('<Request><Product>')).json.code, '5');
  });
});
