// Over the sandbox's HTTP API: a requoted AliExpress price reaches the global store's listing;
// delisting removes the product from the site (Lazada /product/remove, AliExpress offline), and a
// delisted listing is never synced or re-created afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { receiveStock } from '../../src/inventory/index.ts';
import { actOnListing, getListing, publishSite, reconcileSite, syncOnce } from '../../src/listings/index.ts';
import { saveSitePrices } from '../../src/pricing/index.ts';
import { OPERATOR_SCOPE } from '../../src/shared/index.ts';
import { startListingsHarness, type ListingsHarness } from '../helpers/listings-harness.ts';

let h: ListingsHarness;
const SITES = ['lazada-sg', 'aliexpress-global'];

before(async () => {
  h = await startListingsHarness({ sites: SITES, products: 8, seed: 'delist' });
  for (const site of SITES) await publishSite(h.deps, site);
  await syncOnce(h.deps);
});
after(() => h.close());

async function listedOn(site: string) {
  const [row] = await h.app.store.query<{ listing_id: string; item_id: string; seller_sku: string }>(
    `SELECT listing_id, min(item_id) AS item_id, min(seller_sku) AS seller_sku FROM listing_skus
     WHERE site = $1 AND item_id IS NOT NULL GROUP BY listing_id ORDER BY listing_id LIMIT 1`,
    [site],
  );
  assert.ok(row, `a listing on ${site}`);
  return row;
}

test('an FX requote (written for pricing site aliexpress-us) reaches the aliexpress-global listing', async () => {
  const [k] = await h.app.store.query<{ variant_id: string; seller_sku: string }>(
    `SELECT variant_id, seller_sku FROM listing_skus WHERE site = 'aliexpress-global' AND item_id IS NOT NULL
     ORDER BY seller_sku LIMIT 1`,
  );
  assert.ok(k);
  const after = { currency: 'USD', minor: 12_345 };
  // What the requote job publishes: rows keyed by pricing's site list, which has no aliexpress-global.
  await saveSitePrices(h.app.store, [
    {
      variantId: k.variant_id,
      sellerId: h.sellerId,
      site: 'aliexpress-us',
      reasons: ['fx'],
      before: null,
      after,
      changePct: null,
      fxSnapshotId: 'fx-test',
      dataVersion: 'test',
    },
  ]);
  const s = await syncOnce(h.deps);
  assert.ok(s.pricePushed >= 1, JSON.stringify(s));
  const remote = h.sb.admin
    .products('aliexpress-global', { limit: 1_000 })
    .flatMap((p) => (p.skus as Record<string, unknown>[] | undefined) ?? [])
    .find((x) => x.sku_code === k.seller_sku || x.SellerSku === k.seller_sku);
  assert.ok(remote, 'the SKU on aliexpress-global');
  assert.equal(
    Math.round(Number(remote.price ?? remote.sku_price) * 100),
    after.minor,
    JSON.stringify(remote),
  );
});

for (const [site, goneStatus] of [
  ['lazada-sg', 'Deleted'],
  ['aliexpress-global', 'InActive'],
] as const) {
  test(`delist on ${site} takes the product off the site; stock and reconcile leave it alone; again is a no-op`, async () => {
    const row = await listedOn(site);
    assert.notEqual(h.sb.admin.product(site, Number(row.item_id)).status, goneStatus);
    const delisted = await actOnListing(h.deps, OPERATOR_SCOPE, row.listing_id, 'delist');
    assert.equal(delisted.state, 'delisted');
    assert.equal(h.sb.admin.product(site, Number(row.item_id)).status, goneStatus);
    assert.ok(delisted.events.some((e) => e.toState === 'delisted' && e.message?.includes('removed')));

    await receiveStock(h.app.store, OPERATOR_SCOPE, {
      sellerSku: row.seller_sku,
      sellerId: h.sellerId,
      quantity: 5,
      note: 'after delist',
    });
    await syncOnce(h.deps);
    const r = await reconcileSite(h.deps, site);
    assert.equal(r.repaired, 0);
    assert.equal(h.sb.admin.product(site, Number(row.item_id)).status, goneStatus);

    // A retry after a lost answer: the site already lacks the product, the delist still succeeds.
    const again = await actOnListing(h.deps, OPERATOR_SCOPE, row.listing_id, 'delist');
    assert.equal(again.state, 'delisted');
    await assert.rejects(actOnListing(h.deps, OPERATOR_SCOPE, row.listing_id, 'resume'), /cannot be resumed/);
    assert.equal((await getListing(h.app.store, OPERATOR_SCOPE, row.listing_id)).state, 'delisted');
  });
}
