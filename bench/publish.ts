// `npm run bench -- publish [--products N] [--sites all|a,b] [--rate R] [--changes C] [--concurrency K]`
// Publishes N sample products to the sites against the sandbox (in this process, over loopback
// HTTP) with the client limited to R product creates per second per site, and reports wall time,
// calls, listings/s and rate-limit utilisation (create calls ÷ what R allowed while each site sent). Then C stock changes on
// listed SKUs with the sync loop running, and the time until every site holds the new quantity
// (the sandbox accepted the push): p50 and p99. The store is PGlite on disk, or a fresh database on
// the DATABASE_URL server (dropped after), where the store's work runs in the server's processes.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.ts';
import { receiveStock } from '../src/inventory/index.ts';
import { publishSite, startSyncLoop } from '../src/listings/index.ts';
import { openApp } from '../src/main/app.ts';
import { DEFAULT_RATE_LIMITS, RateLimiter, listSites } from '../src/marketplaces/index.ts';
import { OPERATOR_SCOPE, createLogger } from '../src/shared/index.ts';
import { startListingsHarness } from '../test/helpers/listings-harness.ts';
import { freshDatabase } from './_fresh-database.ts';

const { values: a } = parseArgs({
  options: {
    products: { type: 'string', default: '10000' },
    sites: { type: 'string', default: 'all' },
    rate: { type: 'string', default: '10' },
    changes: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '6' },
  },
});
const products = Number(a.products);
const rate = Number(a.rate);
const sites = a.sites === 'all' ? listSites().map((s) => s.id) : a.sites.split(',');
const pct = (xs: number[], p: number) =>
  xs.sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

const dir = await mkdtemp(join(tmpdir(), 'kb-bench-publish-'));
// PGlite on disk, or a fresh database on the DATABASE_URL server (the store then has its own process).
const serverUrl = loadConfig().databaseUrl?.reveal();
const db = serverUrl ? await freshDatabase(serverUrl) : undefined;
const limiter = new RateLimiter({
  ...DEFAULT_RATE_LIMITS,
  sellerApi: {
    ...DEFAULT_RATE_LIMITS.sellerApi,
    '/product/create': { perSecond: rate },
    'aliexpress.solution.product.post': { perSecond: rate },
  },
});
const h = await startListingsHarness({
  app: await openApp(loadConfig(db ? { DATABASE_URL: db.url } : { KBRIDGE_DATA_DIR: dir }), {
    logger: createLogger('silent'),
  }),
  sites,
  products,
  seed: 'bench-publish',
  limiter,
});
const { app, sb, deps } = h;
console.log(
  `${products} products × ${sites.length} sites on ${app.store.engine}, creates limited to ${rate}/s per site`,
);

const callsBefore = sb.admin.counters();
const cpuBefore = process.cpuUsage();
const started = performance.now();
// Per site: when its first and last listing was sent (a site with fewer publishable products
// finishes early; its idle tail is not the limiter's).
const spans = new Map<string, { first: number; last: number }>();
const summaries = await Promise.all(
  sites.map((site) =>
    publishSite(deps, site, {
      concurrency: Number(a.concurrency),
      onOutcome: (o) => {
        if (o.action !== 'created') return;
        const t = performance.now();
        const span = spans.get(site) ?? { first: t, last: t };
        spans.set(site, { first: Math.min(span.first, t), last: Math.max(span.last, t) });
      },
    }),
  ),
);
const wall = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const created = summaries.reduce((n, s) => n + s.created, 0);
const blocked = summaries.reduce((n, s) => n + s.blocked, 0);
const failed = summaries.reduce((n, s) => n + s.failed + s.retry, 0);
const counters = sb.admin.counters();
const calls = (counters.calls ?? 0) - (callsBefore.calls ?? 0);
// Create calls per site are the platform items made (a listing may hold one item per option value).
const items = await app.store.query<{ site: string; n: number }>(
  `SELECT site, count(DISTINCT item_id)::int AS n FROM listing_skus WHERE item_id IS NOT NULL GROUP BY site`,
);
const createCalls = items.reduce((n, r) => n + r.n, 0);
// Utilisation: create calls made ÷ the calls the limit allowed while each site was sending.
const allowed = [...spans.values()].reduce((n, s) => n + (rate * (s.last - s.first)) / 1000, 0);
const utilisation = createCalls / allowed;
console.log(
  `publish: ${wall.toFixed(1)} s wall, ${created} listings created (${createCalls} items), ${blocked} held back by preflight, ${failed} failed; ${calls} API calls; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s in this process (sandbox included), load average ${loadavg()[0]!.toFixed(1)}`,
);
console.log(
  `  ${(created / wall).toFixed(1)} listings/s; ${createCalls} create calls of ${allowed.toFixed(0)} allowed while sending = ${(utilisation * 100).toFixed(1)}% rate-limit utilisation`,
);

// Stock: C changes on listed SKUs, the sync loop pushing; latency until the push to every site holding the SKU succeeded.
const listed = await app.store.query<{ variant_id: string; seller_sku: string; n: number }>(
  `SELECT variant_id, min(seller_sku) AS seller_sku, count(*)::int AS n FROM listing_skus GROUP BY variant_id ORDER BY variant_id LIMIT $1`,
  [Number(a.changes)],
);
const loop = startSyncLoop(deps, {
  sites: async () => sites,
  syncMs: 100,
  qcMs: 3_600_000,
  reconcileMs: 3_600_000,
});
// The stock received when the catalog was set up sits in the outbox until a sync round has
// compared it with what publishing sent: the changes are timed once that backlog has drained.
const drainStarted = performance.now();
for (let pending = Infinity; pending > 0 && performance.now() - drainStarted < 600_000;) {
  await new Promise((r) => setTimeout(r, 500));
  const [row] = await app.store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM stock_items WHERE version > synced_version`,
  );
  pending = row?.n ?? 0;
}
console.log(
  `stock: the opening backlog drained in ${((performance.now() - drainStarted) / 1000).toFixed(1)} s`,
);
const changedAt = new Map<string, number>();
for (const v of listed) {
  changedAt.set(v.variant_id, Date.now());
  await receiveStock(app.store, OPERATOR_SCOPE, { variantId: v.variant_id, quantity: 3, note: 'bench' });
}
const latencies: number[] = [];
const deadline = Date.now() + 120_000;
while (latencies.length < listed.length && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 200));
  const rows = await app.store.query<{ variant_id: string; done: Date; n: number }>(
    `SELECT k.variant_id, max(k.pushed_at) AS done, count(*)::int AS n FROM listing_skus k
     JOIN stock_items s ON s.variant_id = k.variant_id
     WHERE k.variant_id = ANY($1::text[]) AND k.pushed_quantity IS NOT NULL AND s.version <= s.synced_version
     GROUP BY k.variant_id`,
    [[...changedAt.keys()]],
  );
  for (const r of rows) {
    const t = changedAt.get(r.variant_id);
    if (t === undefined) continue;
    latencies.push(new Date(r.done).getTime() - t);
    changedAt.delete(r.variant_id);
  }
}
await loop.stop();
console.log(
  `stock: ${latencies.length} of ${listed.length} changes on every site; p50 ${pct(latencies, 50)} ms, p99 ${pct(latencies, 99)} ms, max ${pct(latencies, 100)} ms`,
);
await h.close();
await db?.drop();
await rm(dir, { recursive: true, force: true });
