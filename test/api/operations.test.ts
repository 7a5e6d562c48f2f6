import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { createApiApp, createApiKey } from '../../src/api/index.ts';
import { ALL_JOBS, defineJob, startQueue, type Queue } from '../../src/jobs/index.ts';
import type { App } from '../../src/main/app.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import { testApp } from '../helpers/app.ts';

let app: App;
let queue: Queue | undefined;
const keys = {} as Record<'operator' | 'A' | 'B', string>;
const DAY = 86_400_000;
const SECRET = 'CIPHERTEXT-NEVER-SHOWN';

before(async () => {
  app = await testApp(); // clock: 2026-11-25T00:00Z
  const now = app.clock.now().getTime();
  for (const who of ['A', 'B'] as const) {
    await app.store.query('INSERT INTO sellers (id, name, biz_no) VALUES ($1, $2, $3)', [
      `sel_OPS${who}`,
      `셀러 ${who}`,
      `99999999${who === 'A' ? '01' : '02'}`,
    ]);
    keys[who] = (
      await createApiKey(app.store.db, { role: 'seller', sellerId: `sel_OPS${who}` }, app.clock)
    ).key;
  }
  keys.operator = (await createApiKey(app.store.db, { role: 'operator' }, app.clock)).key;
  const channel = (seller: string, site: string, tokenKey: string) =>
    app.store.query(
      `INSERT INTO order_channels (site, external_seller_id, seller_id, platform, token_key) VALUES ($1, $2, $3, $4, $5)`,
      [site, `ext-${seller}-${site}`, seller, site.split('-')[0], tokenKey],
    );
  const token = (key: string, access: number, refresh: number | null) =>
    app.store.query(
      `INSERT INTO marketplace_tokens (key, seller_id, platform, ciphertext, access_expires_at, refresh_expires_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        key,
        key.split(':')[1],
        key.split(':')[0],
        SECRET,
        now + access,
        refresh === null ? null : now + refresh,
        now - DAY,
      ],
    );
  // A: one token expiring within 7 days, one channel whose token is missing.
  await channel('sel_OPSA', 'lazada-sg', 'lazada:sel_OPSA');
  await token('lazada:sel_OPSA', 2 * DAY, 3 * DAY);
  await channel('sel_OPSA', 'daraz-pk', 'daraz:sel_OPSA');
  // B: an expired access token with a live refresh token is fine; a dead refresh token is expired.
  await channel('sel_OPSB', 'miravia-es', 'miravia:sel_OPSB');
  await token('miravia:sel_OPSB', -DAY, 30 * DAY);
  await token('aliexpress:sel_OPSB', -10 * DAY, -DAY);
});

after(async () => {
  await queue?.stop();
  await app.close();
});

async function call(path: string, key: string, target: App = app) {
  const res = await createApiApp(target).request(path, { headers: { authorization: `Bearer ${key}` } });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> };
}

type Row = { sellerId: string; site: string | null; status: string; token: unknown };
const summary = (rows: Row[]) => rows.map((r) => `${r.sellerId} ${r.site ?? '-'} ${r.status}`);

test('connections: token expiry and status per seller and site; a seller sees its own', async () => {
  const all = await call('/v1/operations/connections', keys.operator);
  assert.equal(all.status, 200);
  assert.deepEqual(summary(all.body.data as Row[]), [
    'sel_OPSA daraz-pk missing',
    'sel_OPSA lazada-sg expiring',
    'sel_OPSB miravia-es ok',
    'sel_OPSB - expired',
  ]);
  const lazada = (all.body.data as Row[]).find((r) => r.site === 'lazada-sg')!;
  assert.deepEqual(lazada.token, {
    accessExpiresAt: '2026-11-27T00:00:00.000Z',
    refreshExpiresAt: '2026-11-28T00:00:00.000Z',
    updatedAt: '2026-11-24T00:00:00.000Z',
  });
  assert.ok(!all.text.includes(SECRET) && !all.text.includes('ciphertext'), 'no token values');

  const a = await call('/v1/operations/connections?sellerId=sel_OPSB', keys.A);
  assert.deepEqual(summary(a.body.data as Row[]), [
    'sel_OPSA daraz-pk missing',
    'sel_OPSA lazada-sg expiring',
  ]);
  const b = await call('/v1/operations/connections?sellerId=sel_OPSB', keys.operator);
  assert.deepEqual(summary(b.body.data as Row[]), ['sel_OPSB miravia-es ok', 'sel_OPSB - expired']);
});

test('sandbox: not in use, healthy, unreachable; the URL is shown without credentials', async () => {
  assert.deepEqual((await call('/v1/operations/sandbox', keys.A)).body, { inUse: false });
  const withSandbox = (url: string): App => ({
    ...app,
    config: { ...app.config, marketplaceSandboxUrl: url },
  });
  const sandbox = await startSandbox({ port: 0 });
  try {
    const secretUrl = sandbox.url.replace('http://', 'http://admin:pa55word@');
    const up = await call('/v1/operations/sandbox', keys.operator, withSandbox(secretUrl));
    assert.equal(up.status, 200);
    assert.deepEqual(
      { ...up.body, latencyMs: 0 },
      {
        inUse: true,
        url: sandbox.url,
        healthy: true,
        status: 200,
        latencyMs: 0,
        error: null,
      },
    );
    assert.ok(!up.text.includes('pa55word'));
  } finally {
    await sandbox.close();
  }
  const down = await call('/v1/operations/sandbox', keys.operator, withSandbox(sandbox.url));
  assert.equal(down.body.healthy, false);
  assert.equal(down.body.status, null);
  assert.equal(down.body.error, 'unreachable');
});

test('jobs: operator only; counts per queue, oldest wait, latest failures without secrets', async () => {
  assert.equal((await call('/v1/operations/jobs', keys.A)).status, 403);
  const before = await call('/v1/operations/jobs', keys.operator);
  assert.equal(before.body.started, false);
  assert.deepEqual(
    (before.body.queues as { name: string }[]).map((q) => q.name),
    ALL_JOBS.map((j) => j.name).sort(),
  );

  const ok = defineJob({ name: 'ops-test.ok', payload: z.object({}), handler: async () => ({ done: true }) });
  const fail = defineJob({
    name: 'ops-test.fail',
    payload: z.object({}),
    retryLimit: 0,
    handler: async () => {
      throw new Error(
        'gateway refused https://api.example/rest?access_token=tok-SECRET-1&sign=ABCDEF123 (Bearer kbk_live999)',
      );
    },
  });
  queue = await startQueue(app, [ok, fail]);
  await queue.boss.send('ops-test.ok', {}, { startAfter: 3600 }); // waits: queued
  const [okId, failId] = [await queue.send('ops-test.ok', {}), await queue.send('ops-test.fail', {})];
  await queue.work({ concurrency: 1 });
  assert.equal((await queue.waitFor(okId!, 30_000)).state, 'completed');
  assert.equal((await queue.waitFor(failId!, 30_000)).state, 'failed');

  const res = await call('/v1/operations/jobs', keys.operator);
  assert.equal(res.status, 200);
  assert.equal(res.body.started, true);
  const q = new Map((res.body.queues as { name: string }[]).map((x) => [x.name, x]));
  const okStats = q.get('ops-test.ok') as unknown as Record<string, number | null>;
  assert.deepEqual(
    { ...okStats, oldestQueuedSeconds: 0 },
    {
      name: 'ops-test.ok',
      queued: 1,
      active: 0,
      retry: 0,
      failed: 0,
      completed: 1,
      oldestQueuedSeconds: 0,
    },
  );
  assert.ok(typeof okStats.oldestQueuedSeconds === 'number' && okStats.oldestQueuedSeconds >= 0);
  assert.deepEqual(q.get('ops-test.fail'), {
    name: 'ops-test.fail',
    queued: 0,
    active: 0,
    retry: 0,
    failed: 1,
    completed: 0,
    oldestQueuedSeconds: null,
  });
  for (const j of ALL_JOBS) assert.ok(q.has(j.name), `${j.name} listed`);
  const [failure] = res.body.recentFailures as {
    queue: string;
    jobId: string;
    state: string;
    message: string;
  }[];
  assert.equal(failure!.queue, 'ops-test.fail');
  assert.equal(failure!.jobId, failId);
  assert.equal(failure!.state, 'failed');
  assert.match(failure!.message, /^gateway refused https:\/\/api\.example\/rest\?access_token=\[redacted\]/);
  for (const secret of ['tok-SECRET-1', 'ABCDEF123', 'live999'])
    assert.ok(!res.text.includes(secret), secret);
});
