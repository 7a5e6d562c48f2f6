// `npm run bench -- analytics [--lines 1000000] [--days 365] [--sellers 50] [--runs 7]`
//
// Loads `lines` order lines (about 2 per order, 4 % cancelled, quantities 1–3) spread evenly over
// `days` days ending on the bench's "today", on every site and `sellers` sellers, with COPY. Then
// times what the console's dashboard asks for: the GMV report of the last 30 days and the year's
// target progress (the operator, the whole program), plus a 365-day report and one seller's
// 30 days. p50 and max over `runs` runs after one warm-up. The store is on-disk PGlite in a temp
// folder, or PostgreSQL when DATABASE_URL is set (a fresh database, dropped after).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from './_fresh-database.ts';
import { gmvReport, gmvTargetProgress } from '../src/analytics/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { openStore, runMigrations, type Store } from '../src/db/index.ts';
import { listSites } from '../src/marketplaces/index.ts';
import { fixedClock, OPERATOR_SCOPE, sellerScope } from '../src/shared/index.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const LINES = arg('lines', 1_000_000);
const DAYS = arg('days', 365);
const SELLERS = arg('sellers', 50);
const RUNS = arg('runs', 7);
const NOW = new Date('2026-11-25T03:00:00Z'); // noon in Seoul
const clock = fixedClock(NOW);
const log = (line: string) => process.stdout.write(`${line}\n`);

/** Deterministic data: mulberry32. */
function generator(seed: number) {
  let state = seed;
  return (k: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % k;
  };
}

async function load(store: Store): Promise<void> {
  const next = generator(7);
  const sites = listSites();
  const sellerCsv = Array.from(
    { length: SELLERS },
    (_, i) => `sel_B${i},Seller ${i},${String(i).padStart(10, '0')}`,
  ).join('\n');
  await store.transaction((tx) => tx.copyCsv('sellers', ['id', 'name', 'biz_no'], `${sellerCsv}\n`));
  const span = DAYS * 86_400_000;
  let lineNo = 0;
  let orderNo = 0;
  while (lineNo < LINES) {
    const orders: string[] = [];
    const lines: string[] = [];
    for (let k = 0; k < 20_000 && lineNo < LINES; k++) {
      const id = `ord_B${++orderNo}`;
      const site = sites[next(sites.length)]!;
      const seller = `sel_B${next(SELLERS)}`;
      const placed = new Date(NOW.getTime() - next(span / 1000) * 1000).toISOString();
      const buyer = site.venture === 'GLOBAL' ? ['US', 'FR', 'KR', ''][next(4)] : '';
      orders.push(
        `${id},${seller},${site.id},${site.platform},${id},ext,${site.currency},0,0,fx_bench,1,${buyer},${placed}`,
      );
      for (let n = 1 + next(3); n > 0 && lineNo < LINES; n--) {
        const status = next(25) === 0 ? 'canceled' : ['pending', 'shipped', 'delivered'][next(3)];
        lines.push(
          `oli_B${++lineNo},${seller},${id},${site.id},${lineNo},USD,0,0,${1_000 + next(200_000)},${1 + next(3)},${status}`,
        );
      }
    }
    await store.transaction(async (tx) => {
      await tx.copyCsv(
        'orders',
        [
          'id',
          'seller_id',
          'site',
          'platform',
          'external_order_id',
          'external_seller_id',
          'currency',
          'items_total_minor',
          'items_total_krw',
          'fx_snapshot_id',
          'fx_rate',
          'buyer_country',
          'placed_at',
        ],
        `${orders.join('\n')}\n`,
      );
      await tx.copyCsv(
        'order_lines',
        [
          'id',
          'seller_id',
          'order_id',
          'site',
          'external_item_id',
          'currency',
          'item_price_minor',
          'paid_price_minor',
          'item_price_krw',
          'quantity',
          'status',
        ],
        `${lines.join('\n')}\n`,
      );
    });
  }
  await store.query('ANALYZE');
  log(
    `loaded ${lineNo.toLocaleString('en')} lines in ${orderNo.toLocaleString('en')} orders over ${DAYS} days`,
  );
}

async function time(label: string, fn: () => Promise<unknown>): Promise<void> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  log(
    `${label.padEnd(44)} p50 ${ms[Math.floor(ms.length / 2)]!.toFixed(0).padStart(6)} ms   max ${ms.at(-1)!.toFixed(0).padStart(6)} ms`,
  );
}

/** `--explain`: the plans of the dashboard's queries, with timings, before the runs. */
async function explain(store: Store): Promise<void> {
  const query = store.query.bind(store);
  const explaining = Object.assign(Object.create(store) as Store, {
    async query<R>(text: string, params?: unknown[]): Promise<R[]> {
      if (/sum\(/.test(text)) {
        const plan = await query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
        log(plan.map((r) => Object.values(r)[0]).join('\n'));
      }
      return query<R>(text, params);
    },
  });
  await gmvReport(explaining, OPERATOR_SCOPE, {}, clock);
  await gmvTargetProgress(explaining, OPERATOR_SCOPE, 2026, clock);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const db = config.databaseUrl ? await freshDatabase(config.databaseUrl.reveal()) : undefined;
  const dir = db ? undefined : mkdtempSync(join(tmpdir(), 'kbridge-bench-analytics-'));
  const store = db
    ? await openStore({ engine: 'postgres', url: db.url })
    : await openStore({ engine: 'pglite', dataDir: join(dir!, 'db') });
  try {
    await runMigrations(store);
    const started = performance.now();
    await load(store);
    log(
      `load: ${((performance.now() - started) / 1000).toFixed(1)} s on ${store.engine}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    if (process.argv.includes('--explain')) await explain(store);
    await time('dashboard: GMV last 30 days + target (YTD)', async () => {
      await gmvReport(store, OPERATOR_SCOPE, {}, clock);
      await gmvTargetProgress(store, OPERATOR_SCOPE, 2026, clock);
    });
    await time('GMV last 30 days', () => gmvReport(store, OPERATOR_SCOPE, {}, clock));
    await time('target progress (YTD, 329 days)', () =>
      gmvTargetProgress(store, OPERATOR_SCOPE, 2026, clock),
    );
    await time('GMV 365 days', () => gmvReport(store, OPERATOR_SCOPE, { from: '2025-11-26' }, clock));
    await time('one seller: GMV last 30 days', () => gmvReport(store, sellerScope('sel_B3'), {}, clock));
    const r = await gmvReport(store, OPERATOR_SCOPE, {}, clock);
    log(
      `30-day report: GMV ₩${r.totals.gmvKrw.toLocaleString('en')}, ${r.totals.orders.toLocaleString('en')} orders, ${r.byCountry.length} countries, ${r.bySeller.length} sellers`,
    );
    log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await store.close();
    // `--keep`: leave the PostgreSQL database for a closer look (its URL is printed).
    if (process.argv.includes('--keep') && db) log(`kept: ${db.url}`);
    else await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
