import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TranslationMemory } from './memory-store.ts';
import { scopeChain, scopeRef } from './scopes.ts';

const global = scopeRef('global', null, null);
const key = (sourceKey: string) => ({ sourceLang: 'ko', targetLang: 'en', style: 'title', sourceKey });

test('fuzzy matches share words and placeholders; a lone common word is not enough', async () => {
  const m = new TranslationMemory(undefined);
  await m.upsert([
    {
      ...key('⟦brand⟧ 약산성 수분 토너 ⟦quantity⟧'),
      scope: global,
      sourceText: 'a',
      targetText: '⟦1⟧ Low pH Moisture Toner ⟦2⟧',
      provenance: 'termbase',
      status: 'machine',
    },
    {
      ...key('(주)⟦brand⟧'),
      scope: global,
      sourceText: 'b',
      targetText: '⟦1⟧ Co., Ltd.',
      provenance: 'termbase',
      status: 'machine',
    },
  ]);
  const chain = scopeChain({}, null);
  const [near] = await m.fuzzy(key('⟦brand⟧ 약산성 수분 스킨 ⟦quantity⟧'), chain);
  assert.equal(near?.row.targetText, '⟦1⟧ Low pH Moisture Toner ⟦2⟧');
  assert.ok(near!.score > 0.6 && near!.score < 1);
  assert.deepEqual(await m.fuzzy(key('약산성 수분 스킨'), chain), [], 'other placeholders');
  assert.deepEqual(await m.fuzzy(key('(주)바른유통'), chain), [], 'only 주 in common');
});

test('exact lookups walk the scope chain, most specific first; misses are cached', async () => {
  const m = new TranslationMemory(undefined);
  const chain = scopeChain({ sellerId: 'sel_A' }, 'round lab');
  await m.upsert([
    {
      ...key('토너'),
      scope: global,
      sourceText: '토너',
      targetText: 'Toner',
      provenance: 'termbase',
      status: 'machine',
    },
    {
      ...key('토너'),
      scope: chain[1]!,
      sourceText: '토너',
      targetText: 'Skin Tonic',
      provenance: 'human',
      status: 'approved',
    },
  ]);
  const [rows] = await m.lookupMany([key('토너')], chain);
  assert.deepEqual(
    rows!.map((r) => [r.scope.kind, r.targetText]),
    [
      ['seller', 'Skin Tonic'],
      ['global', 'Toner'],
    ],
  );
  const before = m.stats.cacheHits;
  await m.lookupMany([key('없는말')], chain);
  await m.lookupMany([key('없는말')], chain);
  assert.equal(m.stats.cacheHits, before + 1);
});

test("a machine write never replaces a person's approval", async () => {
  const m = new TranslationMemory(undefined);
  await m.upsert([
    {
      ...key('토너'),
      scope: global,
      sourceText: '토너',
      targetText: 'Toner (approved)',
      provenance: 'human',
      status: 'approved',
    },
  ]);
  await m.upsert([
    {
      ...key('토너'),
      scope: global,
      sourceText: '토너',
      targetText: 'Toner',
      provenance: 'termbase',
      status: 'machine',
    },
  ]);
  const [rows] = await m.lookupMany([key('토너')], [global]);
  assert.equal(rows![0]!.targetText, 'Toner (approved)');
});
