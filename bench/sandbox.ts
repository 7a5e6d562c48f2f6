// `npm run bench -- sandbox [--products N] [--concurrency C]`: the sandbox under publish load.
// 1. /product/create over HTTP: N products (2 SKUs each) on each of the 12 Lazop sites, C
//    concurrent signed calls, journal on (state directory in a temp folder).
// 2. /products/get (limit 50) and /product/item/get at that catalogue size.
// 3. AliExpress over /sync: N products posted (`aliexpress.solution.product.post`), then reads by
//    sku_code (`product.list.get`) and by id (`product.info.get`) at that size.
// 4. Simulated buyers: 1,000 orders per site placed through the admin API.
// 5. close (compacted snapshot) and a restart that replays it.
// The sandbox runs in a child process (bench/_sandbox-server.ts) so the load generator does not
// share its event loop. Requests are signed here with the documented algorithm.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { deriveCategoryId, sandboxSites } from '../src/sandbox/index.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PER_SITE = opt('products', 1000);
const CONCURRENCY = opt('concurrency', 16);

interface Child {
  proc: ChildProcess;
  info: { url: string; appKey: string; appSecret: string; startMs: number };
  lines: AsyncIterator<string>;
}

async function spawnSandbox(options: Record<string, unknown>): Promise<Child> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./_sandbox-server.ts', import.meta.url)),
      JSON.stringify(options),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  return { proc, info: JSON.parse(first.value as string) as Child['info'], lines };
}

async function cpuMs(child: Child): Promise<number> {
  child.proc.kill('SIGUSR2');
  const line = await child.lines.next();
  return (JSON.parse(line.value as string) as { cpuMs: number }).cpuMs;
}

async function closeSandbox(child: Child): Promise<number> {
  child.proc.stdin!.end();
  const line = await child.lines.next();
  return (JSON.parse(line.value as string) as { closeMs: number }).closeMs;
}

function sign(secret: string, path: string, params: Record<string, string>): string {
  let text = path;
  for (const k of Object.keys(params).sort()) text += k + params[k];
  return createHmac('sha256', secret).update(text).digest('hex').toUpperCase();
}

async function call(
  c: Child,
  site: string,
  api: string,
  token: string,
  business: Record<string, string>,
  method = 'POST',
): Promise<Record<string, unknown>> {
  const system = {
    app_key: c.info.appKey,
    timestamp: String(Date.now()),
    sign_method: 'sha256',
    access_token: token,
  };
  const s = sign(c.info.appSecret, api, { ...system, ...business });
  const query = new URLSearchParams({ ...system, sign: s, ...(method === 'GET' ? business : {}) });
  const res = await fetch(
    `${c.info.url}/${site}/rest${api}?${query}`,
    method === 'GET' ? {} : { method, body: new URLSearchParams(business) },
  );
  return (await res.json()) as Record<string, unknown>;
}

/** A signed AliExpress `/sync` call (TOP style: no path prefix in the signature, `session` token). */
async function aeCall(
  c: Child,
  method: string,
  token: string,
  business: Record<string, string>,
): Promise<Record<string, unknown>> {
  const params: Record<string, string> = {
    app_key: c.info.appKey,
    method,
    timestamp: String(Date.now()),
    sign_method: 'sha256',
    format: 'json',
    v: '2.0',
    session: token,
    ...business,
  };
  params.sign = sign(c.info.appSecret, '', params);
  const res = await fetch(`${c.info.url}/aliexpress/sync?method=${method}`, {
    method: 'POST',
    body: new URLSearchParams(params),
  });
  const body = (await res.json()) as Record<string, Record<string, unknown>>;
  return body[`${method.replace(/\./g, '_')}_response`] ?? {};
}

function aeProduct(category: number, n: number): string {
  return JSON.stringify({
    aliexpress_category_id: category,
    language: 'en',
    multi_language_subject_list: [{ language: 'en', subject: `Bench ceramic mug ${n}` }],
    main_image_urls_list: [`https://ae01.alicdn.com/kf/bench${n % 100}.jpg`],
    brand_name: 'No Brand',
    attribute_list: [{ aliexpress_attribute_name_id: 219, attribute_value: 'Korea' }],
    sku_info_list: ['White', 'Black'].map((color) => ({
      sku_code: `BENCH-AE-${n}-${color[0]}`,
      price: '12.90',
      inventory: 50,
      sku_attributes_list: [{ sku_attribute_name: 'Color', sku_attribute_value: color }],
    })),
    weight: '0.4',
    package_length: 12,
    package_width: 10,
    package_height: 8,
  });
}

async function admin(c: Child, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${c.info.url}/_admin${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function payload(category: number, n: number, site: string): string {
  const s = (suffix: string, color: string): Record<string, unknown> => ({
    SellerSku: `BENCH-${site}-${n}-${suffix}`,
    price: '129.00'.replace(
      '.00',
      site.startsWith('daraz') || site === 'lazada-id' || site === 'lazada-vn' ? '' : '.00',
    ),
    quantity: '50',
    package_weight: '0.4',
    package_length: '12',
    package_width: '10',
    package_height: '8',
    saleProp: { color_family: color },
  });
  return JSON.stringify({
    Request: {
      Product: {
        PrimaryCategory: String(category),
        Images: { Image: [`https://sandbox.slatic.net/p/bench${n % 100}.jpg`] },
        Attributes: {
          name: `Bench ceramic mug ${n}`,
          description: '<p>Hand made stoneware, 350 ml.</p>',
          brand: 'No Brand',
        },
        Skus: { Sku: [s('W', 'White'), s('B', 'Black')] },
      },
    },
  });
}

const dir = mkdtempSync(join(tmpdir(), 'kbridge-bench-sandbox-'));
try {
  const sites = sandboxSites().filter((s) => s.platform !== 'aliexpress');
  const sb = await spawnSandbox({ stateDir: dir, qcDelayMs: 1000 });
  const tokens = new Map<string, string>();
  const lazada = (await admin(sb, '/tokens', { platform: 'lazada' })) as { access_token: string };
  for (const s of sites) {
    if (s.platform === 'lazada') tokens.set(s.key, lazada.access_token);
    else
      tokens.set(
        s.key,
        (
          (await admin(sb, '/tokens', { platform: s.platform, venture: s.venture })) as {
            access_token: string;
          }
        ).access_token,
      );
  }
  const jobs = sites.flatMap((s) => Array.from({ length: PER_SITE }, (_, n) => ({ s, n })));
  const cpu0 = await cpuMs(sb);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const { s, n } = jobs[next++]!;
        const started = performance.now();
        const r = await call(sb, `${s.platform}/${s.venture}`, '/product/create', tokens.get(s.key)!, {
          payload: payload(deriveCategoryId(7665, s), n, s.key),
        });
        latencies.push(performance.now() - started);
        if (r.code !== '0') errors += 1;
      }
    }),
  );
  const createSec = (performance.now() - t0) / 1000;
  const createCpu = (await cpuMs(sb)) - cpu0;
  latencies.sort((a, b) => a - b);
  console.log(
    `product/create: ${jobs.length} products (2 SKUs) on ${sites.length} sites, ${CONCURRENCY} concurrent: ${Math.round(jobs.length / createSec)} creates/s, p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, ${errors} errors, ${createSec.toFixed(1)} s; sandbox CPU ${(createCpu / jobs.length).toFixed(2)} ms per create (≈ ${Math.round((1000 * jobs.length) / createCpu)} creates per CPU-second)`,
  );

  await admin(sb, '/time', { advanceMs: 1000 }); // QC approves everything
  const reads: number[] = [];
  const ph = tokens.get('lazada-ph')!;
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await call(
      sb,
      'lazada/ph',
      '/products/get',
      ph,
      { filter: 'live', limit: '50', offset: String((i * 50) % PER_SITE) },
      'GET',
    );
    reads.push(performance.now() - started);
  }
  reads.sort((a, b) => a - b);
  console.log(
    `products/get (limit 50, ${PER_SITE} products on the site, sequential): p50 ${pct(reads, 50).toFixed(1)} ms, p95 ${pct(reads, 95).toFixed(1)} ms`,
  );

  const ae = sandboxSites().find((s) => s.platform === 'aliexpress')!;
  const aeToken = ((await admin(sb, '/tokens', { platform: 'aliexpress' })) as { access_token: string })
    .access_token;
  const aeCategory = deriveCategoryId(7665, ae);
  const aeCpu0 = await cpuMs(sb);
  const aeLatencies: number[] = [];
  const aeIds: string[] = [];
  let aeErrors = 0;
  let aeNext = 0;
  const tAe = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (aeNext < PER_SITE) {
        const n = aeNext++;
        const started = performance.now();
        const r = await aeCall(sb, 'aliexpress.solution.product.post', aeToken, {
          post_product_request: aeProduct(aeCategory, n),
        });
        aeLatencies.push(performance.now() - started);
        const id = (r.result as { product_id?: number } | undefined)?.product_id;
        if (id) aeIds.push(String(id));
        else aeErrors += 1;
      }
    }),
  );
  const aeSec = (performance.now() - tAe) / 1000;
  const aeCpu = (await cpuMs(sb)) - aeCpu0;
  aeLatencies.sort((a, b) => a - b);
  console.log(
    `aliexpress product.post: ${PER_SITE} products (2 SKUs), ${CONCURRENCY} concurrent: ${Math.round(PER_SITE / aeSec)} posts/s, p50 ${pct(aeLatencies, 50).toFixed(1)} ms, p99 ${pct(aeLatencies, 99).toFixed(1)} ms, ${aeErrors} errors; sandbox CPU ${(aeCpu / PER_SITE).toFixed(2)} ms per post`,
  );
  const bySku: number[] = [];
  const byId: number[] = [];
  for (let i = 0; i < 200; i++) {
    const n = (i * 37) % PER_SITE;
    let started = performance.now();
    const list = await aeCall(sb, 'aliexpress.solution.product.list.get', aeToken, {
      aeop_a_e_product_list_query: JSON.stringify({ sku_code: `BENCH-AE-${n}-W` }),
    });
    bySku.push(performance.now() - started);
    if ((list.result as { product_count?: number }).product_count !== 1) aeErrors += 1;
    started = performance.now();
    await aeCall(sb, 'aliexpress.solution.product.info.get', aeToken, {
      product_id: aeIds[n % aeIds.length] ?? '0',
    });
    byId.push(performance.now() - started);
  }
  bySku.sort((a, b) => a - b);
  byId.sort((a, b) => a - b);
  console.log(
    `aliexpress reads at ${PER_SITE} products (sequential): list.get by sku_code p50 ${pct(bySku, 50).toFixed(1)} ms, p95 ${pct(bySku, 95).toFixed(1)} ms; info.get p50 ${pct(byId, 50).toFixed(1)} ms, p95 ${pct(byId, 95).toFixed(1)} ms; ${aeErrors} errors`,
  );

  const cpu1 = await cpuMs(sb);
  const t1 = performance.now();
  let placed = 0;
  for (const s of sites)
    placed += ((await admin(sb, '/orders', { site: s.key, count: 1000 })) as unknown as unknown[]).length;
  const orderSec = (performance.now() - t1) / 1000;
  const orderCpu = (await cpuMs(sb)) - cpu1;
  console.log(
    `simulated buyers: ${placed} orders on ${sites.length} sites in ${orderSec.toFixed(2)} s (${Math.round(placed / orderSec)} orders/s via the admin API; sandbox CPU ${(orderCpu / placed).toFixed(2)} ms per order)`,
  );

  const closeMs = await closeSandbox(sb);
  const bytes = statSync(join(dir, 'snapshot.jsonl')).size;
  console.log(
    `close: compacted snapshot ${(bytes / 1048576).toFixed(1)} MiB written in ${Math.round(closeMs)} ms`,
  );
  const again = await spawnSandbox({ stateDir: dir });
  console.log(`restart: state replayed and listening in ${Math.round(again.info.startMs)} ms`);
  await closeSandbox(again);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
