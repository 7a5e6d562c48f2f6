// Category review and confirmation against the sandbox: a confirmed leaf wins over the mapper and
// the next publish run rebuilds the unpublished listings of that path with it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { categoryReview, confirmListingCategory, getListing, publishSite } from '../../src/listings/index.ts';
import { OPERATOR_SCOPE, sellerScope } from '../../src/shared/index.ts';
import { startListingsHarness, type ListingsHarness } from '../helpers/listings-harness.ts';

let h: ListingsHarness;
const SITE = 'lazada-sg';

before(async () => {
  h = await startListingsHarness({ sites: [SITE], products: 30, seed: 'category-confirm' });
  // One product without a weight: its listing is built (category chosen) but held back as a draft.
  await h.app.store.query(`UPDATE products SET weight_g = NULL WHERE id = (SELECT min(id) FROM products)`);
  await publishSite(h.deps, SITE);
});
after(() => h.close());

test('the review lists each Korean path with its category, confidence (lowest first) and alternatives', async () => {
  const rows = await categoryReview(h.deps, OPERATOR_SCOPE, { site: SITE });
  assert.ok(rows.length > 1);
  const confidences = rows.map((r) => r.confidence ?? -1);
  assert.deepEqual(
    confidences,
    [...confidences].sort((a, b) => a - b),
  );
  assert.ok(rows.every((r) => r.sellerId === h.sellerId && r.site === SITE && r.listings > 0));
  assert.ok(rows.some((r) => r.alternatives.length > 0 && r.alternatives[0]!.id !== r.categoryId));
});

test('a confirmed leaf is used by the next publish run for the unpublished listings of that path', async () => {
  const [draft] = await h.app.store.query<{ id: string; path: string; category_id: string }>(
    `SELECT l.id, p.source_category_path AS path, l.category_id FROM listings l JOIN products p ON p.id = l.product_id
     WHERE l.site = $1 AND l.state = 'draft' AND l.category_id IS NOT NULL ORDER BY l.id LIMIT 1`,
    [SITE],
  );
  assert.ok(draft, 'a draft listing (held back by preflight)');
  const tree = (await h.deps.categoryTree(SITE, h.sellerId))!;
  const other = [...tree.mapper.index.byId.values()].find((n) => n.leaf && n.id !== draft.category_id)!;
  const r = await confirmListingCategory(h.deps, OPERATOR_SCOPE, {
    site: SITE,
    koreanPath: draft.path,
    categoryId: other.id,
    confirmedBy: 'test',
  });
  assert.equal(r.confirmation.categoryId, other.id);
  assert.ok(r.rebuildsPending >= 1);
  await publishSite(h.deps, SITE);
  const after = await getListing(h.app.store, OPERATOR_SCOPE, draft.id);
  assert.equal(after.categoryId, other.id);
  assert.equal(after.categoryConfidence, 1);
  const row = (await categoryReview(h.deps, OPERATOR_SCOPE, { site: SITE })).find(
    (x) => x.koreanPath === r.confirmation.sourcePath,
  );
  assert.equal(row?.confirmed, true);
});

test('a category that is not a leaf of the site, or unknown, is refused naming categoryId; sellers confirm only for themselves', async () => {
  const tree = (await h.deps.categoryTree(SITE, h.sellerId))!;
  const branch = [...tree.mapper.index.byId.values()].find((n) => !n.leaf)!;
  const base = { site: SITE, koreanPath: '뷰티>스킨케어', confirmedBy: 'test' };
  await assert.rejects(
    confirmListingCategory(h.deps, OPERATOR_SCOPE, { ...base, categoryId: branch.id }),
    (e: Error) => /^categoryId: .* is not a leaf/.test(e.message),
  );
  await assert.rejects(
    confirmListingCategory(h.deps, OPERATOR_SCOPE, { ...base, categoryId: 'no-such-id' }),
    (e: Error) => /^categoryId: no-such-id is not a category of lazada-sg/.test(e.message),
  );
  await assert.rejects(
    confirmListingCategory(h.deps, sellerScope(h.sellerId), {
      ...base,
      categoryId: branch.id,
      sellerId: 'sel_someone_else',
    }),
    { code: 'not_found' },
  );
});
