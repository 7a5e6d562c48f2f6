// The console's images screen over HTTP: a product's images localized by the real pipeline
// (detector, reader, translation, units, rendering) from a synthetic spec-table page, listed with
// their variants and per-line reports, and a variant's bytes served to its own seller only.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createApiKey, startApiServer, type RunningServer } from '../../src/api/index.ts';
import { ProductImageSchema } from '../../src/api/images/routes.ts';
import { localizeProductImages, type Resolver } from '../../src/localization/index.ts';
import type { App } from '../../src/main/app.ts';
import { testApp } from '../helpers/app.ts';
import { callApi } from '../helpers/console-harness.ts';
import { seedSeller } from '../helpers/seed.ts';
import { specTableImage } from '../helpers/spec-table-image.ts';

let app: App;
let api: RunningServer;
let images: Server;
let port: number;
const png = specTableImage();
const who = {} as Record<'A' | 'B', { sellerId: string; productId: string; key: string }>;
let operatorKey: string;

const call = (path: string, key: string) => callApi(api.url, path, key);

before(async () => {
  app = await testApp();
  images = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(png);
  });
  await new Promise<void>((r) => images.listen(0, '127.0.0.1', r));
  port = (images.address() as AddressInfo).port;
  const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
  const fetchOptions = { resolver, testOnlyAllow: { addresses: ['127.0.0.1'], ports: [port] } };
  for (const name of ['A', 'B'] as const) {
    const seeded = await seedSeller(app.store, { skus: [`IMG-${name}`] });
    const productId = seeded.variants[0]!.productId;
    // The same banner bytes for both sellers; A also has an image the fetch rules refuse.
    const urls = [
      `http://shop.test:${port}/${name}.png`,
      ...(name === 'A' ? ['http://10.0.0.1/inside.png'] : []),
    ];
    await app.store.query('UPDATE products SET images = $1 WHERE id = $2', [JSON.stringify(urls), productId]);
    await localizeProductImages(
      app,
      { productId, locales: ['en-US'], sellerId: seeded.sellerId },
      fetchOptions,
    );
    const key = (await createApiKey(app.store.db, { role: 'seller', sellerId: seeded.sellerId }, app.clock))
      .key;
    who[name] = { sellerId: seeded.sellerId, productId, key };
  }
  operatorKey = (await createApiKey(app.store.db, { role: 'operator' }, app.clock)).key;
  api = await startApiServer(app, { host: '127.0.0.1', port: 0 });
});

after(async () => {
  await api.close();
  await new Promise<void>((r) => images.close(() => r()));
  await app.close();
});

test("a product's images: variants per locale with the per-line report; a refused URL has none", async () => {
  const res = await call(`/v1/products/${who.A.productId}/images`, who.A.key);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  for (const image of res.body.data) ProductImageSchema.parse(image);
  const [banner, inside] = res.body.data;
  assert.deepEqual([banner.position, inside.position], [0, 1]);
  assert.match(banner.sourceHash, /^[0-9a-f]{64}$/);
  assert.deepEqual([banner.width, banner.height], [600, 200]);
  assert.equal(banner.variants.length, 1);
  const [v] = banner.variants;
  assert.equal(v.locale, 'en-US');
  assert.equal(v.format, 'png');
  assert.equal(v.status, 'complete');
  assert.equal(v.translatedLines, 2);
  assert.equal(v.contentUrl, `/v1/images/${v.id}/content`);
  const label = v.lines.find((l: { source: string }) => l.source.includes('용량'));
  assert.ok(label, JSON.stringify(v.lines));
  assert.equal(label.status, 'translated');
  assert.ok(label.translation && !/[가-힣]/.test(label.translation), label.translation);
  assert.equal(label.unitConversion, null);
  const amount = v.lines.find((l: { source: string }) => /500/.test(l.source));
  assert.equal(amount.status, 'converted', JSON.stringify(amount));
  assert.match(amount.unitConversion, /fl\.? ?oz/i);
  for (const line of v.lines) {
    assert.ok(line.box.w > 0 && line.box.h > 0);
    assert.ok(line.confidence > 0 && line.confidence <= 1);
  }
  assert.deepEqual([inside.sourceHash, inside.variants], [null, []]);
});

test('a variant is served as an image to its own seller; never across sellers, even for the same bytes', async () => {
  const a = (await call(`/v1/products/${who.A.productId}/images`, who.A.key)).body.data[0].variants[0];
  const b = (await call(`/v1/products/${who.B.productId}/images`, who.B.key)).body.data[0].variants[0];
  assert.notEqual(a.id, b.id, "each seller's memory makes its own variant");
  const own = await call(`/v1/images/${a.id}/content`, who.A.key);
  assert.equal(own.status, 200);
  assert.equal(own.type, 'image/png');
  const [row] = await app.store.query<{ data: Uint8Array }>(
    'SELECT data FROM localized_images WHERE id = $1',
    [a.id],
  );
  assert.ok(own.bytes.equals(Buffer.from(row!.data)));
  assert.ok(!own.bytes.equals(png), 'the localized copy, not the original');
  // B holds the same source bytes, but A's variant was made under A's memory.
  assert.equal((await call(`/v1/images/${a.id}/content`, who.B.key)).status, 404);
  assert.equal((await call(`/v1/products/${who.A.productId}/images`, who.B.key)).status, 404);
  assert.equal((await call(`/v1/images/${a.id}/content`, operatorKey)).status, 200);
  assert.equal((await call('/v1/images/limg_nothing/content', who.A.key)).status, 404);
});
