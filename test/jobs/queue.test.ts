import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeller } from '../../src/catalog/index.ts';
import { ALL_JOBS, startQueue, type Queue } from '../../src/jobs/index.ts';
import type { App } from '../../src/main/app.ts';
import { testApp } from '../helpers/app.ts';

let app: App;
let queue: Queue;
let sellerId: string;
const dir = mkdtempSync(join(tmpdir(), 'kbridge-jobs-'));

before(async () => {
  app = await testApp();
  sellerId = (await createSeller(app.store.db, { name: '잡 테스트', bizNo: '220-81-62517' }, app.clock)).id;
  queue = await startQueue(app, ALL_JOBS);
  await queue.work({ concurrency: 2 });
});
after(async () => {
  await queue.stop();
  await app.close();
});

test('a catalog import runs as a job and reports its outcome', async () => {
  const path = join(dir, 'c.ndjson');
  writeFileSync(
    path,
    [1, 2, 3]
      .map((i) => JSON.stringify({ sku: `J-${i}`, title: `잡 상품 ${i}`, priceKrw: 1000 * i }))
      .join('\n'),
  );
  const id = await queue.send('catalog.import', { path, sellerId });
  assert.ok(id);
  const done = await queue.waitFor(id!);
  assert.equal(done.state, 'completed');
  assert.deepEqual(done.output, {
    runId: (done.output as { runId: string }).runId,
    created: 3,
    updated: 0,
    unchanged: 0,
    rejected: 0,
  });
  // Idempotent: the same job again changes nothing.
  const again = await queue.waitFor((await queue.send('catalog.import', { path, sellerId }))!);
  assert.equal((again.output as { unchanged: number }).unchanged, 3);
});

test('a payload that does not match the job schema is refused, naming the field', async () => {
  await assert.rejects(queue.send('catalog.import', { sellerId }), /catalog.import: path/);
  await assert.rejects(queue.send('no.such.job', {}), /unknown job/);
});

test('a job enqueued in a transaction exists only if the transaction commits', async () => {
  const path = join(dir, 'tx.ndjson');
  writeFileSync(path, JSON.stringify({ sku: 'TX-1', title: '트랜잭션', priceKrw: 500 }));
  const rolledBack = app.store.transaction(async (tx) => {
    await queue.send('catalog.import', { path, sellerId }, { tx });
    throw new Error('roll back');
  });
  await assert.rejects(rolledBack, /roll back/);
  const committed = await app.store.transaction(async (tx) =>
    queue.send('catalog.import', { path, sellerId }, { tx }),
  );
  const done = await queue.waitFor(committed!);
  assert.equal((done.output as { created: number }).created, 1);
  const [row] = await app.store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'catalog.import'`,
  );
  assert.equal(row!.n, 3, 'two earlier jobs plus the committed one; the rolled-back one never existed');
});

test('the catalog images job walks a seller’s catalog one page per job, each enqueuing the next', async () => {
  const other = (await createSeller(app.store.db, { name: '이미지 잡', bizNo: '124-81-00998' }, app.clock))
    .id;
  const path = join(dir, 'img.ndjson');
  // URLs inside the network: every image is refused by the fetch rules, the walk goes on.
  writeFileSync(
    path,
    [1, 2, 3]
      .map((i) =>
        JSON.stringify({
          sku: `IMG-${i}`,
          title: `이미지 ${i}`,
          priceKrw: 1000,
          images: [`http://10.0.0.${i}/a.png`],
        }),
      )
      .join('\n'),
  );
  const imported = await queue.send('catalog.import', { path, sellerId: other });
  assert.equal((await queue.waitFor(imported!)).state, 'completed');
  const first = await queue.send('images.localize-catalog', {
    sellerId: other,
    locales: ['en-US'],
    limit: 1,
  });
  assert.equal((await queue.waitFor(first!)).state, 'completed');
  const deadline = Date.now() + 60_000;
  const jobRuns = () =>
    app.store.query<{ state: string; after: string | null; products: number; refused: number }>(
      `SELECT state, data->>'after' AS after, (output->>'products')::int AS products,
              (output->>'refused')::int AS refused
       FROM pgboss.job WHERE name = 'images.localize-catalog' AND data->>'sellerId' = $1 ORDER BY created_on`,
      [other],
    );
  let runs = await jobRuns();
  while (!(runs.length === 4 && runs.every((r) => r.state === 'completed'))) {
    assert.ok(Date.now() < deadline, JSON.stringify(runs));
    await new Promise((r) => setTimeout(r, 200));
    runs = await jobRuns();
  }
  // Three pages of one product each, then one that finds nothing more and enqueues nothing.
  assert.deepEqual(
    runs.map((r) => [r.products, r.refused]),
    [
      [1, 1],
      [1, 1],
      [1, 1],
      [0, 0],
    ],
  );
  assert.equal(new Set(runs.map((r) => r.after)).size, 4);
});
