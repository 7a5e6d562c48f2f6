import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createSeller, importCatalog } from '../../src/catalog/index.ts';
import { requoteJob } from '../../src/jobs/pricing-jobs.ts';
import type { App } from '../../src/main/app.ts';
import { DbFxRepository, defaultFxSnapshot, krwPerUnit, withRates } from '../../src/pricing/index.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../helpers/app.ts';

let app: App;

before(async () => {
  app = await testApp();
  const seller = await createSeller(app.store.db, { name: '리프라이싱', bizNo: '220-81-62517' }, app.clock);
  const file = join(mkdtempSync(join(tmpdir(), 'kbridge-requote-')), 'c.ndjson');
  const product = (sku: string, price: number, category: string) =>
    JSON.stringify({
      sku,
      title: `상품 ${sku}`,
      priceKrw: price,
      categoryPath: category,
      weightG: 300,
      dimensionsCm: { length: 10, width: 8, height: 5 },
    });
  writeFileSync(
    file,
    [product('SERUM', 25000, '뷰티 > 스킨케어 > 에센스'), product('SNACK', 9000, '식품 > 간식')].join('\n'),
  );
  await importCatalog(app.store, file, app.clock, { sellerId: seller.id });
});
after(() => app.close());

test('the requote job stores only the prices an FX move changed, and running it twice changes nothing', async () => {
  const fx = new DbFxRepository(app.store.db);
  const from = defaultFxSnapshot();
  const thb = krwPerUnit(from, 'THB')!;
  const to = withRates(from, { THB: (thb * 0.95).toFixed(4) }, 'manual', '2026-11-25T00:00:00Z');
  await fx.save(from);
  await fx.save(to);
  const payload = { fromFxSnapshotId: from.id, toFxSnapshotId: to.id, asOf: '2026-11-25' };

  const summary = (await requoteJob.handler(requoteJob.payload.parse(payload), {
    app,
    jobId: 'j1',
    send: async () => null,
  })) as {
    items: number;
    changed: number;
  };
  assert.equal(summary.items, 2);
  const rows = await app.store.query<{
    site: string;
    currency: string;
    price_minor: number;
    status: string;
    fx_snapshot_id: string;
  }>('SELECT site, currency, price_minor, status, fx_snapshot_id FROM site_prices ORDER BY site, variant_id');
  assert.ok(rows.length > 0, 'some prices changed');
  assert.equal(summary.changed, rows.length);
  // Only sites priced in baht moved: the other currencies kept their rates.
  assert.deepEqual([...new Set(rows.map((r) => r.currency))], ['THB']);
  assert.ok(rows.every((r) => r.status === 'ok' && r.price_minor > 0 && r.fx_snapshot_id === to.id));

  await requoteJob.handler(requoteJob.payload.parse(payload), { app, jobId: 'j2', send: async () => null });
  const again = await app.store.query(
    'SELECT site, currency, price_minor, status, fx_snapshot_id FROM site_prices ORDER BY site, variant_id',
  );
  assert.deepEqual(again, rows);
});
