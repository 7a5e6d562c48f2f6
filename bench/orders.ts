// `npm run bench -- orders [--seconds 30] [--rate 240] [--skus 120] [--dup 0.2] [--sites all] [--batch N]
//   [--workers N] [--stock-factor 1.2] [--stock-push-ms 1000] [--no-stock-push]`
//
// The sandbox (its own process) places orders on every site at `rate` orders/s in all, with each
// push delivered twice at the `dup` rate, shuffled and held back up to 300 ms. kbridge receives
// them (signature, inbox, 200), processes them (fetching new orders from the sandbox, reserving
// stock) and pushes the remaining stock back to every site (the listings sync's stand-in). The
// store is in-memory PGlite, or PostgreSQL when DATABASE_URL is set.
//
// Reported: orders placed and ingested per second over the run, the latency from the order's
// first push being raised to its lines being committed in the seller's queue (p50, p99), the time
// to drain after the buyers stop, and the audit against the sandbox after a final sweep: orders
// lost, duplicated, units oversold.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freshDatabase } from './_fresh-database.ts';
import { receiveStock, runStockSync, type StockChange } from '../src/inventory/index.ts';
import { InMemoryTokenStore, listSites, type MarketplaceAdapter } from '../src/marketplaces/index.ts';
import {
  ChannelDirectory,
  InboxWriter,
  OrderFx,
  OrderIngestor,
  PushReceiver,
  connectGateway,
  inboxStats,
  registerChannel,
  siteById,
  sweepChannel,
  type OrderChannel,
} from '../src/orders/index.ts';
import { OPERATOR_SCOPE, systemClock } from '../src/shared/index.ts';
import { seedSeller } from '../test/helpers/seed.ts';
import { loadConfig } from '../src/config/index.ts';
import { openStore, runMigrations, type Store } from '../src/db/index.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
function sarg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? String(process.argv[i + 1]) : fallback;
}
const SECONDS = arg('seconds', 30);
const RATE = arg('rate', 240);
const SKUS = arg('skus', 120);
const DUP = arg('dup', 0.2);
const BATCH = arg('batch', 0);
const STOCK_FACTOR = arg('stock-factor', 1.2);
const STOCK_PUSH_MS = arg('stock-push-ms', 1000);
const STOCK_PUSH = !process.argv.includes('--no-stock-push');
const WORKERS = arg('workers', 0);
const SITES = sarg('sites', 'all') === 'all' ? listSites().map((s) => s.id) : sarg('sites', '').split(',');

const log = (line: string) => process.stderr.write(`${line}\n`);
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

interface SandboxInfo {
  url: string;
  appKey: string;
  appSecret: string;
}

async function startSandboxChild(options: Record<string, unknown>) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./_marketplace-sandbox.ts', import.meta.url)),
      JSON.stringify(options),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return {
    info: JSON.parse(first) as SandboxInfo,
    cpuMs: () => 0,
    stop: () => new Promise<void>((r) => (child.once('exit', () => r()), child.stdin.end())),
  };
}

async function admin(info: SandboxInfo, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${info.url}/_admin${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

function firstLeaf(nodes: { id: string; leaf: boolean; children: unknown[] }[]): string | undefined {
  for (const n of nodes) {
    if (n.leaf) return n.id;
    const hit = firstLeaf(n.children as typeof nodes);
    if (hit) return hit;
  }
  return undefined;
}

const SKIP = new Set([
  'name',
  'description',
  'short_description',
  'brand',
  'brand_id',
  'SellerSku',
  'price',
  'quantity',
  'special_price',
  'package_weight',
  'package_length',
  'package_width',
  'package_height',
]);

async function publish(
  info: SandboxInfo,
  a: MarketplaceAdapter,
  skus: string[],
  quantity: number,
): Promise<Map<string, string>> {
  let nodes = await a.categoryTree();
  let leaf = firstLeaf(nodes);
  // AliExpress lists one level at a time: walk down the first branch.
  for (let depth = 0; depth < 8 && !leaf && nodes[0]; depth++) {
    nodes = await a.categoryTree({ parentId: nodes[0].id });
    leaf = nodes.find((n) => n.leaf)?.id;
  }
  if (!leaf) throw new Error('no leaf category');
  const attrs = await a.categoryAttributes(leaf);
  const firstBrand = (await a.brands({ limit: 5, categoryId: leaf })).brands[0];
  const brand = firstBrand?.id ?? '';
  // AliExpress takes photo-bank URLs; the Lazop sites want migrated ones.
  const [image] =
    a.site.platform === 'aliexpress'
      ? [{ url: 'https://ae01.alicdn.com/kf/serum.jpg' }]
      : (await a.migrateImages(['https://images.example.com/serum.jpg'])).images;
  const itemIds = new Map<string, string>();
  await Promise.all(
    skus.map(async (sellerSku) => {
      const attributes: Record<string, string> = {
        name: `Facial serum ${sellerSku}`,
        description: '<p>serum</p>',
        short_description: '<ul><li>serum</li></ul>',
        brand_id: brand,
        brand_name: firstBrand?.name ?? 'kbridge',
      };
      const saleProps: Record<string, string> = {};
      const skuAttrs: Record<string, string> = {};
      for (const at of attrs.filter((x) => x.mandatory && !SKIP.has(x.name))) {
        const v =
          at.options[0]?.enName ?? at.options[0]?.name ?? (at.inputType === 'numeric' ? '1' : 'sample');
        if (at.level === 'sku') (at.saleProp ? saleProps : skuAttrs)[at.name] = v;
        else attributes[at.name] ??= v;
      }
      const created = await a.createProduct({
        categoryId: leaf,
        attributes,
        images: image ? [image.url] : ['https://ae01.alicdn.com/kf/serum.jpg'],
        skus: [
          {
            sellerSku,
            price: { currency: a.site.currency, minor: 250_000 },
            quantity,
            packageWeightKg: '0.4',
            packageLengthCm: 15,
            packageWidthCm: 10,
            packageHeightCm: 8,
            saleProps,
            attributes: skuAttrs,
          },
        ],
      });
      itemIds.set(sellerSku, created.itemId);
      await admin(info, 'POST', `/products/${a.site.id}/${created.itemId}/qc`, { approve: true });
    }),
  );
  return itemIds;
}

/** In-memory PGlite, or a fresh database on the DATABASE_URL server (dropped at the end). */
async function benchStore(): Promise<{ store: Store; drop(): Promise<void> }> {
  const url = loadConfig().databaseUrl?.reveal();
  if (!url) {
    const store = await openStore({ engine: 'pglite', dataDir: null });
    await runMigrations(store);
    return { store, drop: () => store.close() };
  }
  const db = await freshDatabase(url);
  const store = await openStore({ engine: 'postgres', url: db.url, poolSize: 16 });
  await runMigrations(store);
  return {
    store,
    async drop() {
      await store.close();
      await db.drop();
    },
  };
}

async function main(): Promise<void> {
  const { store, drop } = await benchStore();
  const cpu0 = process.cpuUsage();
  log(
    `store: ${store.engine}; sites: ${SITES.length}; target ${RATE} orders/s for ${SECONDS} s; duplicates ${DUP * 100}%, reordered`,
  );

  // Our catalog and stock: enough units for the run give or take, so some SKUs run out.
  const skus = Array.from({ length: SKUS }, (_, i) => `BENCH-${String(i).padStart(4, '0')}`);
  const { sellerId, variants } = await seedSeller(store, { skus });
  // About 1.75 units per order (the sandbox's baskets).
  const unitsPerSku = Math.ceil((RATE * SECONDS * 1.75 * STOCK_FACTOR) / SKUS);
  for (const v of variants)
    await receiveStock(store, OPERATOR_SCOPE, {
      variantId: v.variantId,
      quantity: unitsPerSku,
      requestId: `opening-${v.variantId}`,
    });
  const received = unitsPerSku * SKUS;

  // The receiver: records when each order's first push was raised (the push body's timestamp).
  const firstPush = new Map<string, number>();
  const firstReceived = new Map<string, number>();
  const inbox = new InboxWriter(store, { maxBatch: 1000 });
  const apps: { appKey: string; appSecret: string }[] = [];
  const receiver = new PushReceiver({ apps, inbox, onAccepted: () => wake() });
  let wake = () => {};
  const counts = { new: 0, duplicate: 0, rejected: 0 };
  const acks: number[] = [];
  const server = createServer((req, res) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      void receiver.receive(raw, req.headers.authorization).then((r) => {
        res.writeHead(r.status).end();
        acks.push(performance.now() - started);
        if (r.status !== 200) return void (counts.rejected += 1);
        counts[r.outcome] += 1;
        const body = JSON.parse(raw.toString()) as {
          site: string;
          timestamp: number;
          data: { trade_order_id?: string };
        };
        const key = `${body.site.replace('_', '-')}\n${body.data.trade_order_id ?? ''}`;
        const prev = firstPush.get(key);
        if (prev === undefined || body.timestamp < prev) firstPush.set(key, body.timestamp);
        if (!firstReceived.has(key)) firstReceived.set(key, Date.now());
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const pushUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/marketplace`;

  const sb = await startSandboxChild({
    pushUrl,
    qcDelayMs: 3_600_000,
    paymentDelayMs: 2_000,
    maxOrdersPerTick: 2_000,
    push: { duplicateRate: DUP, reorder: true, maxDelayMs: 300, concurrency: 48, ackTimeoutMs: 500 },
  });
  apps.push({ appKey: sb.info.appKey, appSecret: sb.info.appSecret });
  const gateway = connectGateway({
    apps,
    tokenStore: new InMemoryTokenStore(),
    tokenEncryptionKey: 'kbridge-bench-key-0123456789abcdef',
    sandboxOrigin: sb.info.url,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });

  // Authorize, register channels, publish every SKU on every site.
  const channels: OrderChannel[] = [];
  const adapters = new Map<string, MarketplaceAdapter>();
  const itemIdsBySite = new Map<string, Map<string, string>>();
  const t0setup = performance.now();
  for (const siteId of SITES) {
    const site = siteById(siteId);
    const conn = gateway.connection(siteId);
    const url = new URL(conn.tokens.authorizeUrl('https://kbridge.example/callback'));
    url.searchParams.set('country', site.venture.toLowerCase());
    const code = new URL(
      (await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '',
    ).searchParams.get('code');
    const tokenKey = `${site.platform}:${sellerId}:${site.venture.toLowerCase()}`;
    const grant = await conn.tokens.exchangeCode(tokenKey, code ?? '');
    const entry =
      grant.sellers.find((s) => s.country.toLowerCase() === site.venture.toLowerCase()) ?? grant.sellers[0];
    const channel = await registerChannel(store, {
      site: siteId,
      externalSellerId: entry!.sellerId,
      sellerId,
      tokenKey,
    });
    const adapter = gateway.adapter(channel);
    try {
      itemIdsBySite.set(siteId, await publish(sb.info, adapter, skus, unitsPerSku));
      channels.push(channel);
      adapters.set(siteId, adapter);
    } catch (e) {
      log(`  ${siteId}: not published (${e instanceof Error ? e.message : String(e)}); left out`);
    }
  }
  log(
    `setup: ${channels.length} sites × ${SKUS} SKUs published in ${((performance.now() - t0setup) / 1000).toFixed(1)} s; ${unitsPerSku} units per SKU in our stock`,
  );

  // Latency: from the first push of an order to the commit of its lines.
  const latencies: number[] = [];
  const fromReceipt: number[] = [];
  const committedAt: number[] = [];
  let committedOrders = 0;
  const makeIngestor = () =>
    new OrderIngestor({
      store,
      gateway,
      channels: new ChannelDirectory(store),
      fx: new OrderFx(undefined),
      clock: systemClock,
      // Short transactions on PGlite: a push is acknowledged only after its insert, which waits for
      // the transaction in progress (one session).
      batchSize: BATCH || (store.engine === 'pglite' ? 100 : 300),
      fetchConcurrency: 32,
      onApplied(summary, at) {
        const seen = new Set<string>();
        for (const l of summary.createdLines) {
          const key = `${l.site}\n${l.externalOrderId}`;
          if (seen.has(key)) continue;
          seen.add(key);
          committedOrders += 1;
          committedAt.push(at.getTime());
          const t = firstPush.get(key);
          if (t !== undefined) latencies.push(at.getTime() - t);
          const r = firstReceived.get(key);
          if (r !== undefined) fromReceipt.push(at.getTime() - r);
        }
      },
    });
  // One processor on PGlite (one session); several on PostgreSQL, claiming with SKIP LOCKED.
  const workers = Array.from({ length: WORKERS || (store.engine === 'postgres' ? 3 : 1) }, makeIngestor);
  const ingestor = workers[0]!;
  for (const w of workers) w.start(200);
  wake = () => workers.forEach((w) => w.wake());

  // The stock push: every STOCK_PUSH_MS, quantities that changed go to every site (20 SKUs a call;
  // the marketplaces allow about 50 inventory calls a second per seller).
  let stockRounds = 0;
  let stockSkus = 0;
  let stockRunning = STOCK_PUSH;
  const target = {
    async push(changes: readonly StockChange[]) {
      // Every site gets the quantity it may offer; a SKU counts as pushed when every site took it.
      const failed = new Set<string>();
      await Promise.all(
        [...adapters.entries()].map(async ([siteId, a]) => {
          const items = itemIdsBySite.get(siteId)!;
          try {
            const out = await a.updatePriceQuantity(
              changes.map((c) => ({
                sellerSku: c.sellerSku,
                itemId: items.get(c.sellerSku),
                quantity: c.bySite[siteId] ?? 0,
              })),
            );
            for (const f of out.failed) failed.add(f.key);
          } catch (e) {
            log(`stock push to ${siteId} failed: ${e instanceof Error ? e.message : String(e)}`);
            for (const c of changes) failed.add(c.sellerSku);
          }
        }),
      );
      stockSkus += changes.length;
      return changes.map((c) => ({ variantId: c.variantId, ok: !failed.has(c.sellerSku) }));
    },
  };
  const siteIds = () => [...adapters.keys()];
  const stockLoop = (async () => {
    while (stockRunning) {
      try {
        await runStockSync(store, target, { sitesFor: siteIds, limit: 400 });
        stockRounds += 1;
      } catch (e) {
        log(`stock push failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      await new Promise((r) => setTimeout(r, STOCK_PUSH_MS));
    }
  })();

  // Buyers on.
  const perSiteMinute = (RATE * 60) / channels.length;
  await admin(sb.info, 'PATCH', '/options', { orderRate: perSiteMinute });
  const tRun = Date.now();
  for (let s = 1; s <= SECONDS; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    if (s % 5 === 0 || s === SECONDS)
      log(
        `  ${s} s: ${committedOrders} orders committed, ${counts.new} pushes new, ${counts.duplicate} duplicate`,
      );
  }
  await admin(sb.info, 'PATCH', '/options', { orderRate: 0 });
  const tStop = Date.now();
  const placedInRun = committedAt.filter((t) => t <= tStop).length;

  // Drain: pushes still held back or in flight, then the inbox.
  await admin(sb.info, 'POST', '/pushes/flush');
  for (;;) {
    const st = await inboxStats(store);
    if (st.pending + st.processing === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const drainMs = Date.now() - tStop;
  stockRunning = false;
  await stockLoop;
  await Promise.all(workers.map((w) => w.stop()));

  // The safety net, then the audit against the sandbox.
  const inboxW = new InboxWriter(store);
  let sweptQueued = 0;
  for (const c of channels)
    sweptQueued += (
      await sweepChannel(
        { store, gateway, inbox: inboxW, clock: systemClock },
        { ...c, sweptUntil: new Date(tRun - 60_000) },
        { overlapMs: 0 },
      )
    ).queued;
  // Entries waiting on a retry backoff (a fetch that failed under load) are due now: the audit
  // counts an order as lost only if nothing would ever bring it in.
  for (let round = 0; round < 5; round++) {
    await ingestor.drain();
    const due = await store.query(
      `UPDATE push_inbox SET available_at = now() WHERE state = 'pending' RETURNING id`,
    );
    if (due.length === 0) break;
  }
  const inboxEnd = await inboxStats(store);
  const failedWhy = await store.query<{ error: string; n: number }>(
    `SELECT error, count(*)::int AS n FROM push_inbox WHERE state = 'failed' GROUP BY error ORDER BY n DESC LIMIT 5`,
  );
  let sandboxOrders = 0;
  let lost = 0;
  for (const c of channels) {
    const list = (await admin(sb.info, 'GET', `/orders?site=${c.site}&limit=10000000`)) as {
      order_id: number;
    }[];
    sandboxOrders += list.length;
    const ours = await store.query<{ id: string }>(
      `SELECT external_order_id AS id FROM orders WHERE site = $1`,
      [c.site],
    );
    const have = new Set(ours.map((r) => r.id));
    lost += list.filter((o) => !have.has(String(o.order_id))).length;
  }
  const [dupOrders] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM orders GROUP BY site, external_order_id HAVING count(*) > 1) d`,
  );
  const [dupLines] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM order_lines GROUP BY site, external_item_id HAVING count(*) > 1) d`,
  );
  const [dupReserve] = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM stock_ledger WHERE kind = 'reservation' GROUP BY ref HAVING count(*) > 1) d`,
  );
  const [oversold] = await store.query<{ n: number; bad: number; drift: number }>(
    `SELECT coalesce(sum(greatest(0, s.reserved - s.on_hand)), 0)::int AS n,
       count(*) FILTER (WHERE s.reserved > s.on_hand OR s.on_hand < 0)::int AS bad,
       count(*) FILTER (WHERE l.on_hand <> s.on_hand OR l.reserved <> s.reserved)::int AS drift
     FROM stock_items s JOIN (SELECT variant_id, sum(on_hand_delta)::int AS on_hand, sum(reserved_delta)::int AS reserved
       FROM stock_ledger GROUP BY variant_id) l ON l.variant_id = s.variant_id`,
  );
  const [units] = await store.query<{ reserved: number; lines: number; short: number; unmatched: number }>(
    `SELECT (SELECT coalesce(sum(reserved),0)::int FROM stock_items) AS reserved, count(*)::int AS lines,
       count(*) FILTER (WHERE stock_state = 'short')::int AS short, count(*) FILTER (WHERE stock_state = 'unmatched')::int AS unmatched
     FROM order_lines`,
  );
  const [orderCount] = await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders`);
  const cpu = process.cpuUsage(cpu0);

  const ingestedPerS = placedInRun / SECONDS;
  const out = {
    engine: store.engine,
    workers: workers.length,
    sites: channels.length,
    seconds: SECONDS,
    targetRate: RATE,
    sandboxOrders,
    ordersStored: orderCount!.n,
    ingestedPerSecond: Math.round(ingestedPerS * 10) / 10,
    latencyMs: {
      p50: pct(latencies, 50),
      p99: pct(latencies, 99),
      max: pct(latencies, 100),
      measured: latencies.length,
    },
    latencyFromReceiptMs: { p50: pct(fromReceipt, 50), p99: pct(fromReceipt, 99) },
    ackMs: {
      p50: Math.round(pct(acks, 50)),
      p99: Math.round(pct(acks, 99)),
      max: Math.round(pct(acks, 100)),
      over500: acks.filter((a) => a > 500).length,
    },
    drainMsAfterStop: drainMs,
    pushes: { ...counts },
    sweepQueued: sweptQueued,
    inboxAtEnd: { ...inboxEnd, failedWhy },
    audit: {
      lost,
      duplicatedOrders: dupOrders!.n,
      duplicatedLines: dupLines!.n,
      doubleReservations: dupReserve!.n,
      unitsOversold: oversold!.n,
      ledgerDrift: oversold!.drift,
    },
    stock: {
      unitsReceived: received,
      unitsReserved: units!.reserved,
      lines: units!.lines,
      shortLines: units!.short,
      unmatchedLines: units!.unmatched,
      pushRounds: stockRounds,
      skuPushes: stockSkus,
    },
    benchProcessCpuS: Math.round(((cpu.user + cpu.system) / 1e6) * 10) / 10,
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(
    `\norders: ${out.ordersStored} ingested of ${sandboxOrders} placed on ${out.sites} sites; ${out.ingestedPerSecond} orders/s sustained over ${SECONDS} s (${store.engine})\n` +
      `latency first push raised → seller queue: p50 ${out.latencyMs.p50} ms, p99 ${out.latencyMs.p99} ms (from receipt: p50 ${out.latencyFromReceiptMs.p50}, p99 ${out.latencyFromReceiptMs.p99}); drained ${drainMs} ms after the buyers stopped\n` +
      `audit: lost ${lost}, duplicated ${dupOrders!.n + dupLines!.n + dupReserve!.n}, units oversold ${oversold!.n} (short lines refused: ${units!.short})\n`,
  );
  await sb.stop();
  server.closeAllConnections();
  server.close();
  await drop();
}

await main();
