// `npm run bench -- marketplace [--seconds S] [--concurrency C] [--limit L] [--headroom H] [--skus N]`
//
// 1. Calls/s through the client and the sandbox on loopback: C concurrent callers doing
//    `/products/get` (signed, parsed, ids kept as strings) for S seconds, no client-side limits.
// 2. Price/stock SKU updates per second against a sandbox limit of L `/product/price_quantity/update`
//    calls/s per app (the sandbox's fixed one-second window; over it, ApiCallLimit and a 1 s ban):
//    the client's limiter is set to H × L and batches 20 SKUs per call. Reported: calls/s, the
//    share of the allowed rate used, SKUs/s, throttles the client absorbed, errors that reached
//    the caller (must be 0).
// The sandbox runs in a child process (bench/_marketplace-sandbox.ts) so that it does not share
// the client's thread.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { money } from '../src/shared/index.ts';
import {
  connectMarketplace,
  InMemoryTokenStore,
  type MarketplaceConnection,
  type MarketplaceLogger,
  type RateLimitConfig,
} from '../src/marketplaces/index.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const SECONDS = arg('seconds', 20);
const CONCURRENCY = arg('concurrency', 16);
const LIMIT = arg('limit', 20);
const HEADROOM = arg('headroom', 0.96);
const SKUS = arg('skus', 200);

interface SandboxInfo {
  url: string;
  appKey: string;
  appSecret: string;
}

async function startChild(): Promise<{ info: SandboxInfo; stop(): void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./_marketplace-sandbox.ts', import.meta.url)),
      JSON.stringify({ qcDelayMs: 3_600_000 }),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const first = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return { info: JSON.parse(first) as SandboxInfo, stop: () => child.stdin.end() };
}

async function admin(info: SandboxInfo, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${info.url}/_admin${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${path}: ${res.status} ${await res.text()}`);
}

let throttles = 0;
const logger: MarketplaceLogger = {
  warn: (obj) => {
    if ((obj as { errorClass?: string }).errorClass === 'throttle') throttles++;
  },
  debug: () => {},
};

async function connect(
  info: SandboxInfo,
  rateLimits: RateLimitConfig,
  key: string,
): Promise<MarketplaceConnection> {
  const conn = connectMarketplace({
    platform: 'lazada',
    venture: 'SG',
    appKey: info.appKey,
    appSecret: info.appSecret,
    sandboxOrigin: info.url,
    tokenStore: new InMemoryTokenStore(),
    tokenEncryptionKey: 'kbridge-bench-key-0123456789abcdef',
    rateLimits,
    logger,
    adapterOptions: { batchConcurrency: 8 },
  });
  const res = await fetch(conn.tokens.authorizeUrl('https://kbridge.example/cb'), { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
  await conn.tokens.exchangeCode(key, code);
  return conn;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function callsPerSecond(conn: MarketplaceConnection): Promise<void> {
  const a = conn.adapter('bench');
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await a.getProducts({ limit: 1 });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((x, y) => x - y);
  console.log(
    `calls through client + sandbox (/products/get, ${CONCURRENCY} concurrent, ${SECONDS} s): ${Math.round(latencies.length / elapsed)} calls/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
}

async function createSkus(conn: MarketplaceConnection): Promise<string[]> {
  const a = conn.adapter('bench');
  const tree = await a.categoryTree();
  let leaf = tree[0];
  while (leaf && !leaf.leaf) leaf = leaf.children[0];
  if (!leaf) throw new Error('no leaf category');
  const brandId = (await a.brands({ limit: 1 })).brands[0]?.id ?? '';
  const skus = Array.from({ length: SKUS }, (_, i) => `BENCH-${i}`);
  for (let i = 0; i < skus.length; i += 16) {
    await Promise.all(
      skus.slice(i, i + 16).map((sellerSku) =>
        a.createProduct({
          categoryId: leaf.id,
          attributes: { name: `bench ${sellerSku}`, description: '<p>bench</p>', brand_id: brandId },
          images: ['https://sandbox.slatic.net/p/bench.jpg'],
          skus: [
            {
              sellerSku,
              price: money('SGD', 1000),
              quantity: 100,
              packageWeightKg: 1,
              packageLengthCm: 10,
              packageWidthCm: 10,
              packageHeightCm: 10,
            },
          ],
        }),
      ),
    );
  }
  return skus;
}

async function priceStockRate(info: SandboxInfo, skus: string[]): Promise<void> {
  const api = '/product/price_quantity/update';
  await admin(info, '/faults', { qps: { [api]: LIMIT } });
  const conn = await connect(info, { api: { [api]: { perSecond: LIMIT * HEADROOM } } }, 'bench');
  const a = conn.adapter('bench');
  throttles = 0;
  let calls = 0;
  let updated = 0;
  let errors = 0;
  let round = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  let last = start;
  // Two overlapping loops so the limiter, not round boundaries, sets the pace.
  await Promise.all(
    [0, 1].map(async () => {
      while (performance.now() < end) {
        const r = round++;
        try {
          const out = await a.updatePriceQuantity(
            skus.map((sellerSku, i) => ({
              sellerSku,
              price: money('SGD', 1000 + ((r + i) % 50)),
              quantity: 100 + (r % 7),
            })),
          );
          calls += out.calls;
          updated += out.succeeded.length;
          if (out.failed.length > 0) errors += out.failed.length;
        } catch (e) {
          errors++;
          console.error(String(e));
        }
        last = performance.now();
      }
    }),
  );
  const elapsed = (last - start) / 1000;
  const rate = calls / elapsed;
  // Arrival times as the sandbox saw them: the tightest span of LIMIT + 1 consecutive calls shows
  // how much of the client's headroom the loopback and event-loop jitter used up.
  const log = (await (await fetch(`${info.url}/_admin/calls?limit=5000`)).json()) as {
    api: string;
    at: number;
    code: string;
  }[];
  const arrivals = log
    .filter((c) => c.api === api)
    .map((c) => c.at)
    .sort((x, y) => x - y);
  let tightest = Infinity;
  for (let i = 0; i + LIMIT < arrivals.length; i++)
    tightest = Math.min(tightest, (arrivals[i + LIMIT] as number) - (arrivals[i] as number));
  console.log(
    `price/stock updates against a sandbox limit of ${LIMIT} calls/s (client set to ${(LIMIT * HEADROOM).toFixed(2)}/s, 20 SKUs per call): ${rate.toFixed(2)} calls/s = ${((100 * rate) / LIMIT).toFixed(1)}% of the allowed rate, ${Math.round(updated / elapsed)} SKU updates/s, ${throttles} throttles absorbed by the client, ${errors} errors reached the caller (${calls} calls in ${elapsed.toFixed(1)} s; tightest ${LIMIT + 1} consecutive arrivals at the sandbox: ${tightest} ms)`,
  );
}

const child = await startChild();
try {
  const conn = await connect(child.info, {}, 'bench');
  const skus = await createSkus(conn);
  await callsPerSecond(conn);
  await priceStockRate(child.info, skus);
} finally {
  child.stop();
}
