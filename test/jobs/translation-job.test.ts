import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeller, importCatalog } from '../../src/catalog/index.ts';
import { ALL_JOBS, startQueue, type Queue } from '../../src/jobs/index.ts';
import type { App } from '../../src/main/app.ts';
import { testApp } from '../helpers/app.ts';

let app: App;
let queue: Queue;
let productId = '';

before(async () => {
  app = await testApp();
  const sellerId = (await createSeller(app.store.db, { name: '번역 잡', bizNo: '220-81-62517' }, app.clock))
    .id;
  const path = join(mkdtempSync(join(tmpdir(), 'kbridge-tjob-')), 'c.ndjson');
  writeFileSync(
    path,
    JSON.stringify({
      sku: 'T-1',
      title: '[무료배송] 남성 기모 조거팬츠 블랙 M~XL',
      priceKrw: 19000,
      categoryPath: '패션의류 > 남성의류',
    }),
  );
  await importCatalog(app.store, path, app.clock, { sellerId });
  [{ id: productId }] = (await app.store.query<{ id: string }>('SELECT id FROM products')) as [
    { id: string },
  ];
  queue = await startQueue(app, ALL_JOBS);
  await queue.work({ concurrency: 1 });
});

after(async () => {
  await queue.stop();
  await app.close();
});

test('translation.localize-product translates a product for its sites and can run twice', async () => {
  for (let run = 0; run < 2; run++) {
    const id = await queue.send('translation.localize-product', {
      productId,
      sites: ['lazada-sg', 'miravia-es'],
    });
    const done = await queue.waitFor(id!);
    assert.equal(done.state, 'completed');
    assert.deepEqual(done.output, {
      productId,
      sites: { 'lazada-sg': { en: 'machine' }, 'miravia-es': { es: 'needs-translation' } },
    });
  }
  const [{ n }] = (await app.store.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM translation_memory WHERE source_key LIKE '%조거팬츠%'",
  )) as [{ n: number }];
  assert.equal(n, 1);
});
