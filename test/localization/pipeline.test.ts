import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSeller } from '../../src/catalog/index.ts';
import type { Store } from '../../src/db/index.ts';
import {
  addGlossaryEntry,
  approveReviewItem,
  dismissReviewItem,
  listReviewItems,
  ProviderRunner,
  TranslationService,
  type ProviderBatch,
  type ProviderReply,
  type TranslationProvider,
} from '../../src/localization/index.ts';
import { fixedClock, OPERATOR_SCOPE, sellerScope } from '../../src/shared/index.ts';
import { testStore } from '../helpers/store.ts';

const clock = fixedClock('2026-11-25T00:00:00Z');
let store: Store;
const sellers: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };

/** An in-process provider that answers with `answer(text)` and counts what it was sent. */
class FakeProvider implements TranslationProvider {
  readonly name = 'fake';
  readonly limits = {
    maxSegments: 50,
    maxChars: 10_000,
    requestsPerSecond: 1000,
    timeoutMs: 5000,
    maxRetries: 0,
  };
  sent: string[] = [];
  constructor(private readonly answer: (text: string) => string) {}
  async supports() {
    return true;
  }
  async translateBatch(batch: ProviderBatch): Promise<ProviderReply> {
    this.sent.push(...batch.segments.map((s) => s.text));
    return { outputs: batch.segments.map((s) => ({ id: s.id, text: this.answer(s.text) })) };
  }
}

function service(providers: TranslationProvider[] = []) {
  return new TranslationService({
    store,
    clock,
    providers,
    runner: new ProviderRunner({ sleep: async () => {} }),
  });
}

before(async () => {
  store = await testStore();
  const bizNos = { A: '220-81-62517', B: '124-81-00998', C: '101-86-12346' } as const;
  for (const k of ['A', 'B', 'C'] as const) {
    sellers[k] = (await createSeller(store.db, { name: `셀러 ${k}`, bizNo: bizNos[k] }, clock)).id;
  }
});

after(async () => {
  await store.close();
});

test('the embedded engine translates, protects quantities and reports dropped tags', async () => {
  const [r] = await service().translateTexts(['[무료배송] 라운드랩 1025 독도 토너 500ml'], {
    to: 'en-SG',
    sellerId: sellers.A,
  });
  assert.equal(r!.translation, 'ROUND LAB 1025 Dokdo Toner 500 ml');
  assert.equal(r!.status, 'machine');
  assert.equal(r!.provider, 'termbase');
  assert.deepEqual(r!.segments[0]!.dropped, ['free shipping']);
  const [us] = await service().translateTexts(['라운드랩 1025 독도 토너 500ml'], {
    to: 'en-US',
    memory: false,
  });
  assert.equal(us!.translation, 'ROUND LAB 1025 Dokdo Toner 16.9 fl oz');
});

test('the memory reuses a translation for the same words around other quantities and brands', async () => {
  const s = service();
  await s.translateTexts(['라운드랩 약산성 토너 500ml'], { to: 'en-SG' });
  const [again] = await s.translateTexts(['아누아 약산성 토너 300ml'], { to: 'en-SG' });
  assert.equal(again!.provider, 'memory');
  assert.equal(again!.translation, 'Anua Low PH Toner 300 ml'.replace('PH', 'pH'));
  assert.ok(s.memory.stats.cacheHits >= 1);
  // A new process (empty cache) finds it in the database.
  const fresh = service();
  const [fromDb] = await fresh.translateTexts(['라운드랩 약산성 토너 150ml'], { to: 'en-SG' });
  assert.equal(fromDb!.provider, 'memory');
  assert.equal(fresh.memory.stats.dbQueries > 0, true);
});

test('identical segments in a batch are translated once', async () => {
  const fake = new FakeProvider((t) => t.replace('뷁', 'Bwek'));
  await service([fake]).translateTexts(['뷁 1', '뷁 1', '뷁 1'], {
    to: 'en-SG',
    sellerId: sellers.C,
    review: false,
  });
  assert.deepEqual(fake.sent, ['뷁 1']);
});

test('needs-translation opens a review item visible to its seller only', async () => {
  const [r] = await service().translateTexts(['라운드랩 뷁뷁 토너'], { to: 'en-SG', sellerId: sellers.A });
  assert.equal(r!.status, 'needs-translation');
  assert.equal(r!.translation, null);
  assert.deepEqual(r!.segments[0]!.unknown, ['뷁뷁']);
  const id = r!.segments[0]!.reviewId!;
  assert.ok(id);
  const mine = await listReviewItems(store, sellerScope(sellers.A));
  assert.ok(mine.some((i) => i.id === id));
  const theirs = await listReviewItems(store, sellerScope(sellers.B));
  assert.ok(!theirs.some((i) => i.id === id));
});

test("an approved edit goes into the seller's memory and is reused there only", async () => {
  const s = service();
  const [a] = await s.translateTexts(['라운드랩 뷁뷁 토너 50ml'], { to: 'en-SG', sellerId: sellers.A });
  const [b] = await s.translateTexts(['라운드랩 뷁뷁 토너'], { to: 'en-SG', sellerId: sellers.B });
  const approved = await approveReviewItem(s, sellerScope(sellers.A), a!.segments[0]!.reviewId!, {
    text: 'ROUND LAB Bwek Toner 50 ml',
  });
  assert.equal(approved.scope, 'seller');
  assert.equal(approved.item.status, 'approved');
  // Reused for A, for another occurrence with another quantity.
  const [again] = await s.translateTexts(['라운드랩 뷁뷁 토너 200ml'], { to: 'en-SG', sellerId: sellers.A });
  assert.equal(again!.status, 'approved');
  assert.equal(again!.translation, 'ROUND LAB Bwek Toner 200 ml');
  assert.equal(again!.segments[0]!.memory?.provenance, 'human');
  // B is not served A's translation.
  const [forB] = await s.translateTexts(['라운드랩 뷁뷁 토너 200ml'], { to: 'en-SG', sellerId: sellers.B });
  assert.equal(forB!.status, 'needs-translation');
  // B cannot approve A's item (not found), and A's item stays A's.
  await assert.rejects(
    () => approveReviewItem(s, sellerScope(sellers.B), a!.segments[0]!.reviewId!, { text: 'x' }),
    /not found/,
  );
  // The operator approves B's for everyone: B's item closes and C gets it from the global memory.
  const op = await approveReviewItem(s, OPERATOR_SCOPE, b!.segments[0]!.reviewId!, {
    text: 'ROUND LAB Bwek Toner',
  });
  assert.equal(op.scope, 'global');
  const [forC] = await s.translateTexts(['라운드랩 뷁뷁 토너'], { to: 'en-SG', sellerId: sellers.C });
  assert.equal(forC!.status, 'approved');
  assert.equal(
    (await listReviewItems(store, sellerScope(sellers.B))).some((i) => i.id === b!.segments[0]!.reviewId),
    false,
  );
});

test('an edit must keep the protected text; a dismissed item is closed', async () => {
  const s = service();
  const [r] = await s.translateTexts(['닥터지 뷁뷁뷁 크림 50ml'], { to: 'en-SG', sellerId: sellers.C });
  const id = r!.segments[0]!.reviewId!;
  await assert.rejects(
    () => approveReviewItem(s, sellerScope(sellers.C), id, { text: 'Dr.G Cream' }),
    /keep "50 ml"/,
  );
  await assert.rejects(() => approveReviewItem(s, sellerScope(sellers.C), id, {}), /no proposal/);
  const dismissed = await dismissReviewItem(s, sellerScope(sellers.C), id);
  assert.equal(dismissed.status, 'dismissed');
  await assert.rejects(() => dismissReviewItem(s, sellerScope(sellers.C), id), /already dismissed/);
});

test('seller and brand glossaries apply in their scope and keep memory apart', async () => {
  const s = service();
  await addGlossaryEntry(
    store,
    sellerScope(sellers.A),
    { source: '토너', target: 'skin tonic', brand: '라운드랩' },
    clock,
  );
  const [withBrand] = await s.translateTexts(['라운드랩 수분 토너'], {
    to: 'en-SG',
    sellerId: sellers.A,
    brand: 'ROUND LAB',
  });
  assert.equal(withBrand!.translation, 'ROUND LAB Moisture Skin Tonic');
  const [otherBrand] = await s.translateTexts(['아누아 수분 토너'], {
    to: 'en-SG',
    sellerId: sellers.A,
    brand: '아누아',
  });
  assert.equal(otherBrand!.translation, 'Anua Moisture Toner');
  const [otherSeller] = await s.translateTexts(['라운드랩 수분 토너'], {
    to: 'en-SG',
    sellerId: sellers.B,
    brand: '라운드랩',
  });
  assert.equal(otherSeller!.translation, 'ROUND LAB Moisture Toner');
  // Do-not-translate: kept as written.
  await addGlossaryEntry(store, sellerScope(sellers.B), { source: '독도', doNotTranslate: true }, clock);
  const [kept] = await s.translateTexts(['독도 에디션'], {
    to: 'en-SG',
    sellerId: sellers.B,
    kind: 'attribute-value',
  });
  // Kept as written, so the Hangul check holds it for review: a do-not-translate Korean word cannot
  // be published to an English listing as is.
  assert.equal(kept!.translation, null);
  assert.equal(kept!.segments[0]!.proposal, '독도 edition');
  assert.equal(kept!.status, 'needs-review');
  assert.equal(kept!.segments[0]!.checks[0]?.check, 'hangul');
});

test('every quality check can send a segment to review', async () => {
  const s = service();
  // Alternating words: a repeated word is said once, so repetition alone would not make it long.
  const long = Array.from({ length: 60 }, (_, i) => (i % 2 ? '토너' : '크림')).join(' ');
  const [tooLong] = await s.translateTexts([long], { to: 'en-SG', site: 'lazada-sg', review: false });
  assert.equal(tooLong!.status, 'needs-review');
  assert.equal(tooLong!.segments[0]!.checks[0]?.check, 'length');
  assert.match(tooLong!.segments[0]!.proposal!, /^Cream Toner Cream/);

  await addGlossaryEntry(
    store,
    sellerScope(sellers.C),
    { source: '빅세일가', target: 'big sale | best' },
    clock,
  );
  const [bad] = await s.translateTexts(['빅세일가 토너'], {
    to: 'en-SG',
    site: 'lazada-sg',
    sellerId: sellers.C,
    review: false,
  });
  assert.deepEqual(bad!.segments[0]!.checks.map((c) => c.check).sort(), [
    'forbidden-characters',
    'prohibited-words',
  ]);

  const dropsPlaceholder = new FakeProvider(() => 'Toner');
  const [ph] = await service([dropsPlaceholder]).translateTexts(['뷁토너 500ml'], {
    to: 'en-SG',
    review: false,
  });
  assert.equal(ph!.segments[0]!.checks[0]?.check, 'placeholders');
  const changesNumbers = new FakeProvider((t) => t.replace('뷁', 'Bwek').replace('1025', '1205'));
  const [num] = await service([changesNumbers]).translateTexts(['뷁 1025 토너'], {
    to: 'en-SG',
    review: false,
  });
  assert.equal(num!.segments[0]!.checks[0]?.check, 'numbers');
  const leavesHangul = new FakeProvider((t) => t);
  const [han] = await service([leavesHangul]).translateTexts(['뷁뷁뷁뷁'], { to: 'en-SG', review: false });
  assert.equal(han!.segments[0]!.checks[0]?.check, 'hangul');
  const empty = new FakeProvider(() => '');
  const [emp] = await service([empty]).translateTexts(['뷁뷁뷁뷁뷁'], { to: 'en-SG', review: false });
  assert.equal(emp!.segments[0]!.checks[0]?.check, 'empty');
});

test('a provider output is remembered with its provenance; a pivot goes through English', async () => {
  const toEn = new FakeProvider((t) => t.replace('뷁뷁뷁뷁뷁뷁 토너', 'Bwek Toner'));
  const s = service([toEn]);
  const [en] = await s.translateTexts(['뷁뷁뷁뷁뷁뷁 토너'], { to: 'en-SG', review: false });
  assert.equal(en!.provider, 'provider:fake');
  const [again] = await s.translateTexts(['뷁뷁뷁뷁뷁뷁 토너'], { to: 'en-SG', review: false });
  assert.equal(again!.provider, 'memory');
  assert.equal(again!.segments[0]!.memory?.provenance, 'provider:fake');
  // Spanish: English first (from memory), then the provider translates English to Spanish.
  const toEs = new FakeProvider((t) => (t.includes('Bwek') ? 'Tónico Bwek' : t));
  const s2 = service([toEs]);
  const [es] = await s2.translateTexts(['뷁뷁뷁뷁뷁뷁 토너'], { to: 'es-ES', review: false });
  assert.deepEqual(toEs.sent, ['Bwek Toner']);
  assert.equal(es!.translation, 'Tónico Bwek');
});

test('non-English values come from the 13-language vocabulary without any provider', async () => {
  const [th] = await service().translateTexts(['네이비, 블랙'], { to: 'th-TH', kind: 'option-value' });
  assert.equal(th!.translation, 'กรมท่า, ดำ');
  assert.equal(th!.provider, 'termbase');
  const [title] = await service().translateTexts(['라운드랩 뷁토너'], { to: 'th-TH', review: false });
  assert.equal(title!.status, 'needs-translation');
});
