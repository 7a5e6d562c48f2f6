// `npm run bench -- console [--products N] [--runs R]`
// The console in Debian's Chromium against `kbridge serve` (PGlite, or a fresh database on the
// DATABASE_URL server) with N sample products of two sellers connected on all 13 sites: the time
// from navigation until each screen shows its data (dashboard, catalog grid of 50 products × 13
// sites, product page, orders), p50 and max over R runs each, and the size of what the browser loads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CONSOLE_DIST } from '../src/api/console/console-routes.ts';
import { listSites } from '../src/marketplaces/index.ts';
import { DESKTOP, launchBrowser, signInWithKey } from '../test/helpers/browser.ts';
import { startConsoleHarness } from '../test/helpers/console-harness.ts';

const { values: a } = parseArgs({
  options: { products: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } },
});
const products = Number(a.products);
const runs = Number(a.runs);
const sites = listSites().map((s) => s.id);

const assets = readdirSync(join(CONSOLE_DIST, 'assets')).map((f) => join(CONSOLE_DIST, 'assets', f));
const bytes = assets.reduce((n, f) => n + statSync(f).size, 0);
const gzipped = assets.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);

const t0 = Date.now();
const h = await startConsoleHarness({ products, seed: 'bench-console', sites: { A: sites, B: sites } });
console.log(
  `setup: ${products} products of 2 sellers on ${sites.length} sites in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: DESKTOP });
const page = await context.newPage();
await signInWithKey(page, h.server.url, h.keys.operator);
const [product] = await h.app.store.query<{ id: string }>('SELECT id FROM products ORDER BY id LIMIT 1');

const screens: [string, string, string][] = [
  ['dashboard', '/#/', '[data-testid="gmv-total"]'],
  ['catalog grid (50 × 13 sites)', '/#/catalog', '[data-testid="catalog-grid"] tbody tr'],
  ['product page', `/#/catalog/${product!.id}`, '[data-testid="localized"]'],
  ['orders', '/#/orders', 'table, p'],
];
const p50 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
console.log(`console assets: ${(bytes / 1024).toFixed(0)} KiB (${(gzipped / 1024).toFixed(0)} KiB gzipped)`);
for (const [name, path, selector] of screens) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.goto('about:blank');
    const start = Date.now();
    await page.goto(`${h.server.url}${path}`);
    await page.locator(selector).first().waitFor({ timeout: 120_000 });
    times.push(Date.now() - start);
  }
  console.log(`${name}: p50 ${p50(times)} ms, max ${Math.max(...times)} ms (${runs} loads)`);
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
await browser.close();
await h.close();
