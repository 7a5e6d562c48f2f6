import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { localizeProductImagesJob } from '../../../src/jobs/image-jobs.ts';
import {
  localizeCatalogImages,
  localizeProductImages,
  type Resolver,
} from '../../../src/localization/index.ts';
import type { App } from '../../../src/main/app.ts';
import { isAppError } from '../../../src/shared/index.ts';
import { testApp } from '../../helpers/app.ts';
import { seedSeller } from '../../helpers/seed.ts';
import { specTableImage } from '../../helpers/spec-table-image.ts';

describe("a product's images", () => {
  let app: App;
  let server: Server;
  let port: number;
  let productId: string;
  let sellerId: string;
  const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
  const fetchOptions = () => ({ resolver, testOnlyAllow: { addresses: ['127.0.0.1'], ports: [port] } });

  before(async () => {
    app = await testApp();
    const png = specTableImage();
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(png);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    const seeded = await seedSeller(app.store, { skus: ['IMG-1'] });
    sellerId = seeded.sellerId;
    productId = seeded.variants[0]!.productId;
    // The same image twice (a banner shared by products), and one URL pointing inside the network.
    const images = [
      `http://shop.test:${port}/a.png`,
      'http://10.0.0.1/b.png',
      `http://shop.test:${port}/a.png?copy=1`,
    ];
    await app.store.query('UPDATE products SET images = $1 WHERE id = $2', [
      JSON.stringify(images),
      productId,
    ]);
  });
  after(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await app.close();
  });

  it('localizes each image once per locale, records refused URLs, serves shared images from the cache', async () => {
    const out = await localizeProductImages(app, { productId, locales: ['en-US'], sellerId }, fetchOptions());
    assert.deepEqual(
      out.map((o) => o.outcome),
      ['done', 'refused', 'done'],
    );
    assert.match(out[1]!.error!, /10\.0\.0\.1/);
    assert.equal(out[0]!.locales['en-US']!.cached, false);
    assert.equal(out[0]!.locales['en-US']!.translated, 2);
    assert.equal(out[0]!.locales['en-US']!.residualHangul, 0);
    assert.equal(out[2]!.locales['en-US']!.cached, true, 'the same bytes under another URL');
    assert.equal(out[2]!.sourceHash, out[0]!.sourceHash);
    const rows = await app.store.query<{ seller_id: string }>('SELECT seller_id FROM localized_images');
    assert.deepEqual(
      rows.map((r) => r.seller_id),
      [sellerId],
    );
  });

  it("does not reach another seller's product", async () => {
    const other = await seedSeller(app.store, { skus: ['OTHER-1'] });
    await assert.rejects(
      localizeProductImages(app, { productId, locales: ['en-US'], sellerId: other.sellerId }, fetchOptions()),
      (err: unknown) => isAppError(err) && err.code === 'not_found',
    );
  });

  it("walks a seller's catalog in pages, from the cache once done", async () => {
    const all = await localizeCatalogImages(app, { locales: ['en-US'], sellerId }, fetchOptions());
    assert.deepEqual(all, { products: 1, images: 3, refused: 1, cached: 2, rendered: 0, next: null });
    const first = await localizeCatalogImages(
      app,
      { locales: ['en-US'], sellerId, limit: 1 },
      fetchOptions(),
    );
    assert.equal(first.next, productId);
    const rest = await localizeCatalogImages(
      app,
      { locales: ['en-US'], sellerId, after: productId },
      fetchOptions(),
    );
    assert.deepEqual(rest, { products: 0, images: 0, refused: 0, cached: 0, rendered: 0, next: null });
  });

  it('the job wants locales or sites', () => {
    assert.equal(localizeProductImagesJob.payload.safeParse({ productId }).success, false);
    assert.equal(
      localizeProductImagesJob.payload.safeParse({ productId, sites: ['lazada-th'] }).success,
      true,
    );
  });
});
