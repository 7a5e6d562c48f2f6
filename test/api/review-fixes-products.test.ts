// Approving a translation fixes every product that uses it: a listing held back because its title
// could not be translated goes out on the next publish once the translation is approved.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listingsDeps, publishSite } from '../../src/listings/index.ts';
import { startConsoleHarness, type ConsoleHarness } from '../helpers/console-harness.ts';

let h: ConsoleHarness;
before(async () => {
  h = await startConsoleHarness({ products: 4, seed: 'review-fixes', sites: { A: ['lazada-sg'], B: [] } });
});
after(() => h.close());

test('an approved title translation sends the held-back listing out on the next publish', async () => {
  const [p] = await h.app.store.query<{ id: string }>(
    'SELECT id FROM products WHERE seller_id = $1 ORDER BY id LIMIT 1',
    [h.sellers.A],
  );
  await h.app.store.query(
    `UPDATE products SET title_ko = '뷁쀍 뛣뽉 세럼', updated_at = now() WHERE id = $1`,
    [p!.id],
  );
  const deps = listingsDeps(h.app);
  const first = await publishSite(deps, 'lazada-sg');
  assert.equal(first.blocked, 1, JSON.stringify(first));
  // Nothing changed: the run leaves the held-back draft alone.
  assert.equal((await publishSite(deps, 'lazada-sg')).considered, 0);

  const queue = await h.call('/v1/translations/review?status=open', h.keys.A);
  const item = queue.body.data.find(
    (i: { sourceText: string; occurrences: { productId: string; field: string }[] }) =>
      i.sourceText.includes('뷁쀍') && i.occurrences.some((o) => o.productId === p!.id),
  );
  assert.ok(item, `a review item names the product: ${JSON.stringify(queue.body.data)}`);
  const approved = await h.call(`/v1/translations/review/${item.id}/approve`, h.keys.A, {
    text: 'Bwelk Serum',
  });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));

  // The publish run (what the worker and npm start run) picks the product up again by itself.
  const run = await publishSite(deps, 'lazada-sg');
  assert.deepEqual([run.considered, run.created], [1, 1], JSON.stringify(run));
  const [listing] = await h.app.store.query<{ title: string; state: string }>(
    `SELECT title, state FROM listings WHERE product_id = $1 AND site = 'lazada-sg'`,
    [p!.id],
  );
  assert.equal(listing!.state, 'pending_qc');
  assert.match(listing!.title, /Bwelk Serum/);
});
