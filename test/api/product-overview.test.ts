// The console's product page over HTTP: the Korean source, per site the localized content the
// listing uses, the price waterfall, the listing state and issues, and the sync log; published
// through the sandbox's HTTP API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { OverviewSchema } from '../../src/api/products/overview-routes.ts';
import { listingsDeps, pollQc } from '../../src/listings/index.ts';
import { startConsoleHarness, type ConsoleHarness } from '../helpers/console-harness.ts';

let h: ConsoleHarness;
let productId: string;

before(async () => {
  h = await startConsoleHarness({
    products: 6,
    seed: 'console-overview',
    sites: { A: ['lazada-sg', 'lazada-th'], B: ['lazada-sg'] },
  });
  const [p] = await h.app.store.query<{ id: string }>(
    'SELECT id FROM products WHERE seller_id = $1 ORDER BY id LIMIT 1',
    [h.sellers.A],
  );
  productId = p!.id;
  const res = await h.call('/v1/listings/actions', h.keys.A, { action: 'publish', productIds: [productId] });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.counts.total, 2, JSON.stringify(res.body));
});
after(() => h.close());

test('the product page: source, per-site content, waterfall, listing and sync log', async () => {
  const res = await h.call(`/v1/products/${productId}/overview`, h.keys.A);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  OverviewSchema.parse(res.body);
  const o = res.body;
  const [source] = await h.app.store.query<{ title_ko: string; price_krw: string }>(
    'SELECT title_ko, price_krw FROM products WHERE id = $1',
    [productId],
  );
  assert.equal(o.product.id, productId);
  assert.equal(o.product.titleKo, source!.title_ko);
  assert.equal(o.product.price.minor, Number(source!.price_krw));
  assert.ok(o.product.variants.length >= 1);
  assert.deepEqual(
    o.sites.map((s: { site: string }) => s.site),
    ['lazada-sg', 'lazada-th'],
  );
  for (const s of o.sites) {
    const [listing] = await h.app.store.query<{ id: string; state: string; title: string | null }>(
      `SELECT id, state, title FROM listings WHERE product_id = $1 AND site = $2`,
      [productId, s.site],
    );
    assert.equal(s.listing.id, listing!.id);
    assert.equal(s.listing.state, listing!.state);
    // The localized content is what the builder used: the built title is its title.
    assert.ok(s.localized, s.site);
    if (listing!.title) assert.equal(s.localized.title.text, listing!.title);
    assert.equal(s.localized.title.source, source!.title_ko);
    assert.equal(s.translationStatus, s.localized.status);
    assert.equal(s.localized.locale, s.site === 'lazada-th' ? 'en-TH' : 'en-SG');
    // The waterfall adds up to the price, in local currency and in KRW.
    const w = s.pricing.waterfall;
    assert.equal(w.status, 'ok', JSON.stringify(w));
    assert.equal(w.currency, s.site === 'lazada-th' ? 'THB' : 'SGD');
    const sum = (k: 'local' | 'krw') =>
      w.components.reduce((n: number, c: Record<string, { minor: number }>) => n + c[k]!.minor, 0);
    assert.equal(sum('local'), w.price.minor);
    assert.equal(sum('krw'), w.priceKrw.minor);
    assert.ok(w.components.some((c: { code: string }) => c.code === 'shipping'));
    // A created listing pushed the same price the quote gives now (same FX snapshot and data).
    if (s.listing.state === 'pending_qc') {
      const v = s.pricing.variants.find((x: { variantId: string }) => x.variantId === w.variantId);
      assert.deepEqual(v.pushedPrice, v.price);
    }
  }
  const created = o.syncLog.filter((e: { message: string | null }) => e.message === 'created');
  assert.ok(created.length >= 1, JSON.stringify(o.syncLog));
  assert.ok(o.syncLog.every((e: { site: string }) => ['lazada-sg', 'lazada-th'].includes(e.site)));
  const times = o.syncLog.map((e: { at: string }) => Date.parse(e.at));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
    'newest first',
  );
});

test('one site only; a product held back by preflight shows as such, with its issues', async () => {
  // A product with no weight: the builder's missing line blocks it (a draft, preflight-failed).
  const [other] = await h.app.store.query<{ id: string }>(
    'SELECT id FROM products WHERE seller_id = $1 ORDER BY id OFFSET 1 LIMIT 1',
    [h.sellers.A],
  );
  await h.app.store.query(`UPDATE products SET weight_g = NULL WHERE id = $1`, [other!.id]);
  const pub = await h.call('/v1/listings/actions', h.keys.A, {
    action: 'publish',
    productIds: [other!.id],
    site: 'lazada-th',
  });
  assert.equal(pub.body.items[0].result, 'blocked');
  const res = await h.call(`/v1/products/${other!.id}/overview?site=lazada-th`, h.keys.A);
  assert.equal(res.status, 200);
  assert.deepEqual(
    res.body.sites.map((s: { site: string }) => s.site),
    ['lazada-th'],
  );
  const [s] = res.body.sites;
  assert.equal(s.state, 'preflight-failed');
  assert.ok(
    s.listing.issues.some(
      (i: { field: string; severity: string }) => i.field === 'package_weight' && i.severity === 'error',
    ),
    JSON.stringify(s.listing.issues),
  );
});

test('a QC rejection shows in the grid, the page and the sync log, with the platform reason', async () => {
  const [row] = await h.app.store.query<{ id: string; item_id: string }>(
    `SELECT id, item_id FROM listings WHERE product_id = $1 AND site = 'lazada-sg' AND state = 'pending_qc'`,
    [productId],
  );
  assert.ok(row, 'the published listing awaits QC');
  h.sb.admin.decideQc('lazada-sg', Number(row.item_id), false, 'Image contains watermark');
  await pollQc(listingsDeps(h.app), 'lazada-sg');
  const res = await h.call(`/v1/products/${productId}/overview?site=lazada-sg`, h.keys.A);
  const [s] = res.body.sites;
  assert.deepEqual([s.state, s.listing.state], ['rejected', 'rejected']);
  assert.match(s.reason, /watermark/);
  assert.match(s.listing.qcReason, /watermark/);
  const [latest] = res.body.syncLog;
  assert.deepEqual([latest.site, latest.toState, latest.outcome], ['lazada-sg', 'rejected', 'failed']);
  const grid = await h.call('/v1/catalog/grid?state=rejected', h.keys.A);
  assert.deepEqual(
    grid.body.data.map((r: { productId: string }) => r.productId),
    [productId],
  );
  const cell = grid.body.data[0].sites.find((c: { site: string }) => c.site === 'lazada-sg');
  assert.deepEqual([cell.state, cell.listingId], ['rejected', row.id]);
  assert.match(cell.reason, /watermark/);
});

test("another seller's product is not found; the operator sees it", async () => {
  assert.equal((await h.call(`/v1/products/${productId}/overview`, h.keys.B)).status, 404);
  assert.equal((await h.call(`/v1/products/${productId}/overview`, h.keys.operator)).status, 200);
  assert.equal((await h.call(`/v1/products/${productId}/overview?site=nowhere`, h.keys.A)).status, 400);
});
