// Two workers writing the same new memory rows at the same moment (two products sharing a
// segment): on PostgreSQL this raced into a unique violation; every write must land once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TranslationMemory } from '../../src/localization/index.ts';
import { testStore } from '../helpers/store.ts';

test('concurrent upserts of the same new rows all succeed and leave one row per key', async () => {
  const store = await testStore();
  try {
    const scope = { kind: 'global' as const, key: 'global', sellerId: null, brand: null };
    const writers = [
      new TranslationMemory(store),
      new TranslationMemory(store),
      new TranslationMemory(store),
    ];
    for (let round = 0; round < 25; round++) {
      const rows = Array.from({ length: 5 }, (_, i) => ({
        scope,
        sourceLang: 'ko',
        targetLang: 'en',
        style: 'text',
        sourceKey: `토너 ${round} ${i}`,
        sourceText: `토너 ${round} ${i}`,
        targetText: `Toner ${round} ${i}`,
        provenance: 'termbase' as const,
        status: 'machine' as const,
      }));
      await Promise.all(writers.map((w) => w.upsert(rows)));
    }
    const [count] = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM translation_memory`);
    assert.equal(count!.n, 125);
  } finally {
    await store.close();
  }
});
