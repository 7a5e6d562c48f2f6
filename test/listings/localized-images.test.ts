// A product image localized by the image job replaces the Korean original in the listing: the
// variant's bytes are uploaded to the site once (Lazada /image/upload, AliExpress's photo bank;
// multipart through the signed client, over the sandbox's HTTP API) and the listing shows the copy.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { getListing, pollQc, publishSite } from '../../src/listings/index.ts';
import { localesForSites, localizeProductImages, type Resolver } from '../../src/localization/index.ts';
import { OPERATOR_SCOPE } from '../../src/shared/index.ts';
import { startListingsHarness, type ListingsHarness } from '../helpers/listings-harness.ts';
import { specTableImage } from '../helpers/spec-table-image.ts';

let h: ListingsHarness;
let server: Server;
let port: number;

before(async () => {
  h = await startListingsHarness({
    sites: ['lazada-sg', 'aliexpress-global'],
    products: 6,
    seed: 'localized-images',
  });
  const png = specTableImage(400); // Lazada takes 330–5,000 px a side
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(png);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await h.close();
});

for (const SITE of ['lazada-sg', 'aliexpress-global'])
  test(`${SITE}: a live listing whose image was localized is updated to show the uploaded variant`, async () => {
    const [locale] = localesForSites([SITE]);
    await publishSite(h.deps, SITE);
    const [row] = await h.app.store.query<{ id: string; product_id: string; item_id: string }>(
      `SELECT l.id, l.product_id, min(k.item_id) AS item_id FROM listings l JOIN listing_skus k ON k.listing_id = l.id
     WHERE l.site = $1 AND l.state = 'pending_qc' GROUP BY l.id, l.product_id
     HAVING count(DISTINCT k.item_id) = 1 ORDER BY l.product_id LIMIT 1`,
      [SITE],
    );
    assert.ok(row);
    h.sb.admin.decideQc(SITE, Number(row.item_id), true);
    await pollQc(h.deps, SITE);
    assert.equal((await getListing(h.app.store, OPERATOR_SCOPE, row.id)).state, 'live');

    const url = `http://shop.test:${port}/detail.png`;
    // The product's image, as if it had always been this one: nothing asks for a rebuild yet.
    await h.app.store.query(`UPDATE products SET images = $1 WHERE id = $2`, [
      JSON.stringify([url]),
      row.product_id,
    ]);
    assert.equal((await publishSite(h.deps, SITE)).updated, 0);
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const [done] = await localizeProductImages(
      h.app,
      { productId: row.product_id, locales: [locale!], sellerId: h.sellerId },
      { resolver, testOnlyAllow: { addresses: ['127.0.0.1'], ports: [port] } },
    );
    assert.ok(done && done.outcome === 'done' && done.locales[locale!]!.translated > 0, JSON.stringify(done));

    // The new variant counts as a product change: the next run rebuilds and updates the listing.
    const run = await publishSite(h.deps, SITE);
    assert.equal(
      run.updated,
      1,
      JSON.stringify([run, (await getListing(h.app.store, OPERATOR_SCOPE, row.id)).issues]),
    );
    const [variant] = await h.app.store.query<{ data: Uint8Array; mime: string }>(
      `SELECT data, mime FROM localized_images WHERE locale LIKE $1 || '.%' ORDER BY created_at DESC LIMIT 1`,
      [locale],
    );
    const md5 = createHash('md5').update(variant!.data).digest('hex');
    const remote = h.sb.admin.product(SITE, Number(row.item_id));
    assert.equal(remote.images.length, 1);
    assert.match(
      remote.images[0]!,
      new RegExp(`/(p|kf)/${md5}\\.(png|jpg)$`),
      'the uploaded variant, not the original',
    );
    const uploads = h.sb.admin.counters()['images.uploaded'];

    // Built again (another product change): the variant is already on the site, not uploaded again.
    await h.app.store.query(`UPDATE products SET updated_at = now() + interval '2 seconds' WHERE id = $1`, [
      row.product_id,
    ]);
    await publishSite(h.deps, SITE);
    assert.equal(h.sb.admin.counters()['images.uploaded'], uploads);
  });
