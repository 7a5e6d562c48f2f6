import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey, startApiServer, type RunningServer } from '../../src/api/index.ts';
import { createSeller, importCatalog } from '../../src/catalog/index.ts';
import type { App } from '../../src/main/app.ts';
import { testApp } from '../helpers/app.ts';

let app: App;
let server: RunningServer;
let sellerA = '';
let sellerB = '';
let productA = '';
const keys = { A: '', B: '', op: '' };

async function call(method: string, path: string, key: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response shapes are asserted field by field
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

before(async () => {
  app = await testApp();
  sellerA = (await createSeller(app.store.db, { name: '셀러 A', bizNo: '220-81-62517' }, app.clock)).id;
  sellerB = (await createSeller(app.store.db, { name: '셀러 B', bizNo: '124-81-00998' }, app.clock)).id;
  const dir = mkdtempSync(join(tmpdir(), 'kbridge-tr-'));
  const file = join(dir, 'a.ndjson');
  writeFileSync(
    file,
    JSON.stringify({
      sku: 'A-1',
      title: '[무료배송] 라운드랩 1025 독도 토너 500ml 대용량',
      brand: '라운드랩',
      categoryPath: '뷰티 > 스킨케어 > 토너',
      priceKrw: 18000,
      attributes: { 용량: '500ml', 제조국: '대한민국', 사용기한: '제조일로부터 36개월' },
      options: [{ name: '용량', values: ['300ml', '500ml'] }],
      variants: [
        { sku: 'A-1-1', options: { 용량: '300ml' }, extraPriceKrw: 0, stock: 5 },
        { sku: 'A-1-2', options: { 용량: '500ml' }, extraPriceKrw: 4000, stock: 5 },
      ],
      descriptionHtml:
        '<p><img src="https://img.example/1.jpg" onerror="alert(1)"></p><p>뷁뷁 피부결을 정돈합니다.</p>' +
        '<table><tr><th>용량</th><td>500ml</td></tr></table><p>※ 단순 변심에 의한 교환/반품은 왕복 배송비 고객 부담입니다.</p>',
      images: [],
    }),
  );
  await importCatalog(app.store, file, app.clock, { sellerId: sellerA });
  [{ id: productA }] = (await app.store.query<{ id: string }>('SELECT id FROM products')) as [{ id: string }];
  keys.A = (await createApiKey(app.store.db, { role: 'seller', sellerId: sellerA }, app.clock)).key;
  keys.B = (await createApiKey(app.store.db, { role: 'seller', sellerId: sellerB }, app.clock)).key;
  keys.op = (await createApiKey(app.store.db, { role: 'operator' }, app.clock)).key;
  server = await startApiServer(app, { host: '127.0.0.1', port: 0 });
});

after(async () => {
  await server.close();
  await app.close();
});

test('POST /v1/translations translates, reports status and provider; bad targets are named', async () => {
  const res = await call('POST', '/v1/translations', keys.A, {
    texts: ['남성운동화 270mm', '뷁뷁뷁 모자'],
    to: 'en-US',
  });
  assert.equal(res.status, 200);
  const [a, b] = res.body.data;
  assert.equal(a.translation, "Men's Sneakers US M 9 (270 mm)");
  assert.equal(a.provider, 'termbase');
  assert.equal(b.status, 'needs-translation');
  assert.ok(b.segments[0].reviewId);
  const ghost = await call('POST', '/v1/translations', keys.op, {
    texts: ['토너'],
    to: 'en-SG',
    sellerId: 'sel_NOPE',
  });
  assert.equal(ghost.status, 404);
  const bad = await call('POST', '/v1/translations', keys.A, { texts: ['x'], to: 'de-DE' });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /no listing language/);
});

test('a review item approved through the API is reused for its seller', async () => {
  const list = await call('GET', '/v1/translations/review?reason=needs-translation', keys.A);
  const item = list.body.data.find((i: { sampleText: string }) => i.sampleText === '뷁뷁뷁 모자');
  assert.ok(item);
  assert.equal(item.sellerId, sellerA);
  const approved = await call('POST', `/v1/translations/review/${item.id}/approve`, keys.A, {
    text: 'Bwek Cap',
  });
  assert.equal(approved.status, 200);
  assert.equal(approved.body.scope, 'seller');
  const again = await call('POST', '/v1/translations', keys.A, { texts: ['뷁뷁뷁 모자'], to: 'en-SG' });
  assert.equal(again.body.data[0].status, 'approved');
  assert.equal(again.body.data[0].translation, 'Bwek Cap');
  const twice = await call('POST', `/v1/translations/review/${item.id}/approve`, keys.A, {
    text: 'Bwek Cap',
  });
  assert.equal(twice.status, 409);
});

test('glossary entries belong to the caller, whatever the body says', async () => {
  const added = await call('POST', '/v1/translations/glossary', keys.B, {
    source: '독도',
    target: 'Dokdo Island',
    sellerId: sellerA,
  });
  assert.equal(added.status, 201);
  assert.equal(added.body.sellerId, sellerB);
  assert.equal((await call('GET', `/v1/translations/glossary/${added.body.id}`, keys.A)).status, 404);
  assert.equal((await call('DELETE', `/v1/translations/glossary/${added.body.id}`, keys.A)).status, 404);
  assert.equal((await call('DELETE', `/v1/translations/glossary/${added.body.id}`, keys.B)).status, 204);
  assert.equal((await call('GET', `/v1/translations/glossary/${added.body.id}`, keys.B)).status, 404);
});

test('GET /v1/products/{id}/localized gives every field with its status; HTML is safe', async () => {
  const res = await call('GET', `/v1/products/${productA}/localized?site=lazada-sg`, keys.A);
  assert.equal(res.status, 200);
  const [en] = res.body.listings;
  assert.equal(en.language, 'en');
  assert.equal(en.locale, 'en-SG');
  assert.equal(en.title.text, 'ROUND LAB 1025 Dokdo Toner 500 ml Large Capacity');
  assert.equal(en.title.status, 'machine');
  assert.deepEqual(en.facts, ['free shipping']);
  assert.equal(en.brand.text, 'ROUND LAB');
  assert.equal(en.options[0].name.text, 'Capacity');
  assert.deepEqual(
    en.options[0].values.map((v: { text: string }) => v.text),
    ['300 ml', '500 ml'],
  );
  const shelf = en.attributes.find((a: { name: { source: string } }) => a.name.source === '사용기한');
  assert.equal(shelf.name.text, 'Shelf Life');
  assert.equal(shelf.value.text, '36 months from the date of manufacture');
  assert.equal(en.description.omitted, 1);
  assert.equal(en.description.needsTranslation, 1);
  assert.doesNotMatch(en.description.html, /onerror|교환|뷁/);
  assert.match(en.description.html, /<th>Capacity<\/th><td>500 ml<\/td>/);
  assert.equal(en.status, 'needs-translation');
  const miravia = await call('GET', `/v1/products/${productA}/localized?site=miravia-es`, keys.A);
  assert.equal(miravia.body.listings[0].language, 'es');
  assert.equal(miravia.body.listings[0].options[0].name.text, 'Capacidad');
});
