// Price and stock sync, drift repair and faults during publish, against the sandbox.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { receiveStock } from '../../src/inventory/index.ts';
import { actOnListing, getListing, publishSite, reconcileSite, syncOnce } from '../../src/listings/index.ts';
import { OPERATOR_SCOPE } from '../../src/shared/index.ts';
import { startListingsHarness, type ListingsHarness } from '../helpers/listings-harness.ts';
import { assertNoDuplicates, remoteSku } from './sandbox-audit.ts';

let h: ListingsHarness;
const SITES = ['lazada-sg', 'lazada-my'];

before(async () => {
  h = await startListingsHarness({ sites: SITES, products: 12, seed: 'sync' });
  for (const site of SITES) await publishSite(h.deps, site);
  await syncOnce(h.deps); // the opening stock rows are the outbox's first changes
});
after(() => h.close());

async function listedSku() {
  const [row] = await h.app.store.query<{ variant_id: string; seller_sku: string; listing_id: string }>(
    `SELECT variant_id, seller_sku, min(listing_id) AS listing_id FROM listing_skus
     GROUP BY variant_id, seller_sku HAVING count(*) = 2 ORDER BY seller_sku LIMIT 1`,
  );
  return row!;
}

test('a stock change reaches every site it is listed on, as one delta', async () => {
  const sku = await listedSku();
  const before = Number(remoteSku(h.sb, 'lazada-sg', sku.seller_sku)!.quantity);
  await receiveStock(h.app.store, OPERATOR_SCOPE, {
    sellerSku: sku.seller_sku,
    sellerId: h.sellerId,
    quantity: 7,
    note: 'test',
  });
  const s = await syncOnce(h.deps);
  assert.equal(s.stockPushed, 2, JSON.stringify(s));
  for (const site of SITES)
    assert.equal(Number(remoteSku(h.sb, site, sku.seller_sku)!.quantity), before + 7, site);
  const quiet = await syncOnce(h.deps);
  assert.equal(quiet.stockPushed + quiet.pricePushed, 0);
});

test('a price change in site_prices goes out to that site only', async () => {
  const sku = await listedSku();
  await h.app.store.query(
    `UPDATE site_prices SET price_minor = price_minor + 100 WHERE variant_id = $1 AND site = 'lazada-my'`,
    [sku.variant_id],
  );
  const [want] = await h.app.store.query<{ price_minor: number }>(
    `SELECT price_minor FROM site_prices WHERE variant_id = $1 AND site = 'lazada-my'`,
    [sku.variant_id],
  );
  const s = await syncOnce(h.deps);
  assert.equal(s.pricePushed, 1, JSON.stringify(s));
  assert.equal(
    Math.round(Number(remoteSku(h.sb, 'lazada-my', sku.seller_sku)!.price) * 100),
    Number(want!.price_minor),
  );
});

test('reconcile repairs stock and price edited on the platform, and says what it fixed', async () => {
  const sku = await listedSku();
  const adapter = (await h.deps.adapterFor('lazada-sg', h.sellerId))!;
  const pushed = Number(remoteSku(h.sb, 'lazada-sg', sku.seller_sku)!.quantity);
  await adapter.updatePriceQuantity([
    { sellerSku: sku.seller_sku, quantity: pushed + 50, price: { currency: 'SGD', minor: 99_900 } },
  ]);
  const r = await reconcileSite(h.deps, 'lazada-sg');
  assert.equal(r.quantityDrift, 1);
  assert.equal(r.priceDrift, 1);
  assert.equal(r.repaired, 1);
  assert.equal(Number(remoteSku(h.sb, 'lazada-sg', sku.seller_sku)!.quantity), pushed);
  const detail = await getListing(h.app.store, OPERATOR_SCOPE, sku.listing_id);
  assert.ok(detail.events.some((e) => e.kind === 'repair' && e.message?.includes(sku.seller_sku)));
  const again = await reconcileSite(h.deps, 'lazada-sg');
  assert.equal(again.repaired + again.quantityDrift + again.priceDrift, 0);
});

test('pause takes the stock to zero on the site, resume puts it back; delisted is final', async () => {
  const sku = await listedSku();
  const listing = await getListing(h.app.store, OPERATOR_SCOPE, sku.listing_id);
  const had = Number(remoteSku(h.sb, listing.site, sku.seller_sku)!.quantity);
  assert.equal((await actOnListing(h.deps, OPERATOR_SCOPE, listing.id, 'pause')).state, 'paused');
  assert.equal(Number(remoteSku(h.sb, listing.site, sku.seller_sku)!.quantity), 0);
  assert.equal((await actOnListing(h.deps, OPERATOR_SCOPE, listing.id, 'resume')).state, 'live');
  assert.equal(Number(remoteSku(h.sb, listing.site, sku.seller_sku)!.quantity), had);
  await actOnListing(h.deps, OPERATOR_SCOPE, listing.id, 'delist');
  await assert.rejects(actOnListing(h.deps, OPERATOR_SCOPE, listing.id, 'resume'), /cannot be resumed/);
});

test('faults during publish (throttling, timeouts, 5xx, lost answers) end with every listing correct and no duplicates', async () => {
  const f = await startListingsHarness({
    sites: ['lazada-th'],
    products: 30,
    seed: 'faults',
    instantWaits: true,
  });
  try {
    f.sb.admin.setFaults({
      rules: [
        { kind: 'apiCallLimit', api: '/product/create', rate: 0.2 },
        { kind: 'http5xx', api: '/product/create', rate: 0.15, afterApply: true },
        { kind: 'serviceTimeout', api: '/product/create', rate: 0.15, afterApply: true },
        { kind: 'http5xx', api: '/product/create', rate: 0.1 },
      ],
    });
    let last;
    for (let run = 0; run < 8; run++) {
      last = await publishSite(f.deps, 'lazada-th');
      if (last.retry === 0) break;
    }
    f.sb.admin.setFaults({ rules: [] });
    // Every listing ends sent (pending QC), held back by preflight (draft), or refused by the
    // platform's own validation (error with its 4xxx code); none is left mid-way or failed by a fault.
    const rows = await f.app.store.query<{ state: string; code: string | null }>(
      `SELECT state, last_error_code AS code FROM listings`,
    );
    assert.equal(rows.length, 30);
    for (const r of rows) {
      assert.ok(['pending_qc', 'draft', 'error'].includes(r.state), JSON.stringify({ r, last }));
      if (r.state === 'error') assert.match(r.code ?? '', /^4\d{3}$/);
      // A brand the platform refuses in the category is retried as "No Brand", not left failed.
      assert.notEqual(r.code, '4142');
    }
    assert.ok(rows.filter((r) => r.state === 'pending_qc').length >= 25);
    const listed = (await f.app.store.query(`SELECT 1 FROM listing_skus`)).length;
    assert.equal(assertNoDuplicates(f.sb, 'lazada-th'), listed);
  } finally {
    await f.close();
  }
});
