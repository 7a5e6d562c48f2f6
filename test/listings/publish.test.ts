// Publishing against the sandbox over loopback HTTP: build, preflight, create, QC by polling,
// rejection and fix, with no product created twice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  getListing,
  listingStatus,
  pollQc,
  publishSite,
  qcPushHandler,
  QC_PUSH_TYPE,
} from '../../src/listings/index.ts';
import { OPERATOR_SCOPE, sellerScope } from '../../src/shared/index.ts';
import { startListingsHarness, type ListingsHarness } from '../helpers/listings-harness.ts';
import { assertNoDuplicates } from './sandbox-audit.ts';

let h: ListingsHarness;
const SITES = ['lazada-sg', 'aliexpress-global'];

before(async () => {
  h = await startListingsHarness({ sites: SITES, products: 24 });
});
after(() => h.close());

/** Listings in a state with every platform item they hold (one per value of an axis the category cannot express). */
async function listingsIn(site: string, state: string) {
  return h.app.store.query<{ id: string; item_id: string; items: string[] }>(
    `SELECT l.id, l.item_id, array_agg(DISTINCT k.item_id) AS items FROM listings l
     JOIN listing_skus k ON k.listing_id = l.id WHERE l.site = $1 AND l.state = $2 GROUP BY l.id ORDER BY l.id`,
    [site, state],
  );
}

test('publish builds, preflights and creates; blocked listings say why; a second run sends nothing', async () => {
  for (const site of SITES) {
    const s = await publishSite(h.deps, site);
    assert.equal(s.considered, 24);
    assert.ok(s.created >= 12, `${site}: most products published (${JSON.stringify(s)})`);
    assert.equal(s.created + s.blocked, 24, JSON.stringify(s));
    assert.equal(
      assertNoDuplicates(h.sb, site),
      (await h.app.store.query(`SELECT 1 FROM listing_skus WHERE site = $1`, [site])).length,
    );
  }
  const status = await listingStatus(h.app.store, OPERATOR_SCOPE);
  const sg = status.sites.find((x) => x.site === 'lazada-sg')!;
  assert.equal(sg.total, 24);
  assert.equal(sg.states.pending_qc! + sg.states.draft!, 24);
  // Batteries cannot fly to Singapore: those drafts say so.
  const [draft] = await h.app.store.query<{ issues: { rule: string; message: string; severity: string }[] }>(
    `SELECT issues FROM listings WHERE site = 'lazada-sg' AND state = 'draft' LIMIT 1`,
  );
  assert.ok(draft!.issues.some((i) => i.severity === 'error' && i.message.length > 10));
  assert.ok(status.topErrors.length > 0);
  // Reasons count listings (not issue lines): none can exceed the drafts of both sites.
  const drafts = status.sites.reduce((n, x) => n + (x.states.draft ?? 0), 0);
  for (const e of status.topErrors) assert.ok(e.count <= drafts, JSON.stringify(e));
  const again = await publishSite(h.deps, 'lazada-sg');
  assert.equal(again.created + again.updated, 0);
  assertNoDuplicates(h.sb, 'lazada-sg');
});

test('QC decisions come back by polling: approved goes live, rejected keeps the reason', async () => {
  const pending = await listingsIn('lazada-sg', 'pending_qc');
  // The listing to reject holds one item, so approving "the fix" is one decision.
  const rejectMe = pending.find((l) => l.items.length === 1);
  const approve = pending.filter((l) => l !== rejectMe);
  h.sb.admin.decideQc('lazada-sg', Number(rejectMe!.item_id), false, 'Wrong category');
  for (const l of approve) for (const item of l.items) h.sb.admin.decideQc('lazada-sg', Number(item), true);
  const qc = await pollQc(h.deps, 'lazada-sg');
  assert.deepEqual([qc.live, qc.rejected, qc.pending], [approve.length, 1, 0]);
  const rejected = await getListing(h.app.store, OPERATOR_SCOPE, rejectMe!.id);
  assert.equal(rejected.state, 'rejected');
  assert.match(rejected.qcReason ?? '', /Wrong category/);
  assert.ok(rejected.events.some((e) => e.toState === 'rejected' && e.code === 'QC_REJECTED'));
  // A seller sees its own listing; another seller does not.
  assert.equal((await getListing(h.app.store, sellerScope(h.sellerId), rejectMe!.id)).id, rejectMe!.id);
  await assert.rejects(getListing(h.app.store, sellerScope('sel_other'), rejectMe!.id), /not found/);

  // Unchanged, it is not sent again; fixed, it goes back as an update (same item) and through QC.
  assert.equal((await publishSite(h.deps, 'lazada-sg', { rebuild: true })).updated, 0);
  await h.app.store.query(
    `UPDATE products SET title_ko = title_ko || ' 선물 세트', updated_at = now() + interval '1 second' WHERE id = $1`,
    [rejected.productId],
  );
  const fixed = await publishSite(h.deps, 'lazada-sg');
  assert.equal(fixed.updated, 1, JSON.stringify(fixed));
  const after = await getListing(h.app.store, OPERATOR_SCOPE, rejectMe!.id);
  assert.equal(after.state, 'pending_qc');
  assert.equal(after.itemId, rejected.itemId);
  h.sb.admin.decideQc('lazada-sg', Number(after.itemId), true);
  await pollQc(h.deps, 'lazada-sg');
  assert.equal((await getListing(h.app.store, OPERATOR_SCOPE, rejectMe!.id)).state, 'live');
  assertNoDuplicates(h.sb, 'lazada-sg');
});

test('a live listing whose product changed goes out as an update, and a QC push brings the decision', async () => {
  const [live] = await listingsIn('lazada-sg', 'live');
  const listing = await getListing(h.app.store, OPERATOR_SCOPE, live!.id);
  await h.app.store.query(
    `UPDATE products SET title_ko = title_ko || ' 대용량', updated_at = now() + interval '1 second' WHERE id = $1`,
    [listing.productId],
  );
  const run = await publishSite(h.deps, 'lazada-sg');
  assert.equal(run.updated, 1, JSON.stringify(run));
  const sent = await getListing(h.app.store, OPERATOR_SCOPE, live!.id);
  assert.equal(sent.state, 'pending_qc');
  assert.equal(sent.itemId, listing.itemId);
  assert.notEqual(sent.contentHash, listing.contentHash);
  for (const item of live!.items) h.sb.admin.decideQc('lazada-sg', Number(item), true);
  const onPush = qcPushHandler(h.deps);
  await onPush([{ messageType: 0, site: 'lazada-sg' }]); // an order push: not about QC
  assert.equal((await getListing(h.app.store, OPERATOR_SCOPE, live!.id)).state, 'pending_qc');
  await onPush([{ messageType: QC_PUSH_TYPE, site: 'lazada-sg' }]);
  assert.equal((await getListing(h.app.store, OPERATOR_SCOPE, live!.id)).state, 'live');
  assertNoDuplicates(h.sb, 'lazada-sg');
});
