// `npm run bench -- translate [seconds]`: titles per second through the embedded engine on one core
// (the whole pipeline per title: normalize, protect with the units engine, term base, checks,
// restore; and the engine alone), and translation-memory lookups per second (in-process cache
// hits, and cold lookups against PGlite).
import { createSampleCatalog } from '../src/catalog/index.ts';
import { openStore, runMigrations } from '../src/db/index.ts';
import {
  defaultTermBase,
  normalizeText,
  protect,
  scopeChain,
  sitePolicy,
  translateWithTermBase,
  TranslationMemory,
  TranslationService,
  type MemoryKey,
} from '../src/localization/index.ts';

const seconds = Number(process.argv[2] ?? 3);

function rate(
  label: string,
  fn: (i: number) => void | Promise<void>,
): Promise<{ perSecond: number; cpuPerSecond: number }> {
  return (async () => {
    // Warm-up so the JIT and caches settle before measuring.
    for (let i = 0; i < 2000; i++) await fn(i);
    const rounds: { perSecond: number; cpuPerSecond: number }[] = [];
    for (let round = 0; round < 3; round++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      let n = 0;
      while (performance.now() - t0 < (seconds * 1000) / 3) {
        for (let k = 0; k < 200; k++) await fn(n++);
      }
      const wall = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      rounds.push({ perSecond: n / wall, cpuPerSecond: n / ((cpu.user + cpu.system) / 1e6) });
    }
    rounds.sort((a, b) => a.perSecond - b.perSecond);
    const median = rounds[1]!;
    console.log(
      `${label.padEnd(58)} ${Math.round(median.perSecond).toLocaleString('en-US').padStart(10)} /s wall   ${Math.round(median.cpuPerSecond).toLocaleString('en-US').padStart(10)} /s per CPU-second`,
    );
    return median;
  })();
}

const titles = [...createSampleCatalog({ sellers: 50, products: 20_000, seed: 'bench' }).products()].map(
  (p) => p.title,
);
const tb = defaultTermBase();
const service = new TranslationService();
const policy = sitePolicy('lazada-sg');

console.log(
  `kbridge translate bench: ${titles.length} sample titles, ${seconds}s per measure, Node ${process.version}`,
);
await rate('titles through the pipeline (memory off, QA, en-SG)', async (i) => {
  await service.translator.translate([{ id: 't', kind: 'title', text: titles[i % titles.length]! }], {
    to: { language: 'en', locale: 'en-SG' },
    memory: false,
    policy,
  });
});
await rate('titles, 100 per call (memory off)', async (i) => {
  if (i % 100 !== 0) return;
  const batch = Array.from({ length: 100 }, (_, k) => ({
    id: String(k),
    kind: 'title' as const,
    text: titles[(i + k) % titles.length]!,
  }));
  await service.translator.translate(batch, {
    to: { language: 'en', locale: 'en-SG' },
    memory: false,
    policy,
  });
});
const warm = new TranslationService();
await rate('titles through the pipeline, memory on (warm, in-process)', async (i) => {
  await warm.translator.translate([{ id: 't', kind: 'title', text: titles[i % 5000]! }], {
    to: { language: 'en', locale: 'en-SG' },
    policy,
  });
});
await rate('engine alone (protect + term base, no QA)', (i) => {
  const p = protect(normalizeText(titles[i % titles.length]!), { locale: 'en-SG', brands: tb });
  translateWithTermBase(p.text, 'title', { termBase: tb, language: 'en' });
});

// Memory: keys of every sample title, looked up through the in-process cache.
const memory = new TranslationMemory(undefined);
const chain = scopeChain({ sellerId: 'sel_bench' }, 'round lab');
const keys: MemoryKey[] = titles.map((t) => ({
  sourceLang: 'ko',
  targetLang: 'en',
  style: 'title',
  sourceKey: protect(normalizeText(t), { locale: 'en-SG', brands: tb }).key,
}));
await memory.upsert(
  keys.map((k) => ({
    ...k,
    scope: chain.at(-1)!,
    sourceText: k.sourceKey,
    targetText: 'x',
    provenance: 'termbase',
    status: 'machine',
  })),
);
await rate('memory lookups, in-process cache (4-scope chain, 1 per call)', async (i) => {
  await memory.lookupMany([keys[i % keys.length]!], chain);
});

const store = await openStore({ engine: 'pglite', dataDir: null });
await runMigrations(store);
const dbMemory = new TranslationMemory(store);
for (let at = 0; at < keys.length; at += 2000) {
  await dbMemory.upsert(
    keys.slice(at, at + 2000).map((k) => ({
      ...k,
      scope: chain.at(-1)!,
      sourceText: k.sourceKey,
      targetText: 'x',
      provenance: 'termbase',
      status: 'machine',
    })),
  );
}
let cold = 0;
await rate('memory lookups, cold (PGlite, 100 keys per query)', async (i) => {
  if (i % 100 !== 0) return;
  dbMemory.clear();
  cold++;
  await dbMemory.lookupMany(keys.slice(i % (keys.length - 100), (i % (keys.length - 100)) + 100), chain);
});
await store.close();
void cold;
