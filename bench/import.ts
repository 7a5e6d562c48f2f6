// `npm run bench -- import [--products N] [--engines pglite,postgres] [--runs R] [--file F]`
// Imports an N-product sample CSV (default 100,000) into a fresh store per engine and prints
// products/s and the importing process's peak RSS. Each engine runs in its own child process so
// that peak RSS belongs to that import alone. PostgreSQL: DATABASE_URL, else 127.0.0.1:5432.
// --file F: import F (kept) instead of a generated sample; written there first if it is missing.
// --parse-only F: only read, screen and encode F on this thread (what the import's worker does),
// printing its CPU seconds; no database.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createSampleCatalog, importCatalog, writeCanonicalCsv } from '../src/catalog/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { openStore, runMigrations, type StoreOptions } from '../src/db/index.ts';
import { systemClock } from '../src/shared/index.ts';
import { BatchEncoder } from '../src/catalog/import/copy-rows.ts';
import { readCandidates } from '../src/catalog/import/read-candidates.ts';
import { ProductScreen } from '../src/catalog/import/screen-products.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};

interface ChildResult {
  engine: string;
  products: number;
  created: number;
  rejected: number;
  seconds: number;
  productsPerSecond: number;
  peakRssMb: number;
  /** CPU seconds of the importing process (both its threads; not the PostgreSQL server's). */
  cpuSeconds: number;
}

async function child(engine: 'pglite' | 'postgres', file: string, target: string): Promise<void> {
  const options: StoreOptions = engine === 'pglite' ? { engine, dataDir: target } : { engine, url: target };
  const store = await openStore(options);
  await runMigrations(store);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await importCatalog(store, file, systemClock);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  const result: ChildResult = {
    engine,
    products: summary.products,
    created: summary.created,
    rejected: summary.rejected,
    seconds,
    productsPerSecond: summary.products / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

/** The worker's part of an import, on this thread: read, screen, encode; prints CPU seconds. */
async function parseOnly(file: string): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const source = await readCandidates(file);
  const screen = new ProductScreen(undefined);
  const encoder = new BatchEncoder();
  let products = 0;
  let rejected = 0;
  for await (const candidates of source.candidates) {
    for (const candidate of candidates) {
      products += 1;
      const screened = screen.screen(candidate);
      if (!screened.ok) rejected += 1;
      else {
        const p = screened.product;
        encoder.add(p.record, 'seller', p.variantSkuAt, p.descriptionCopy);
        if (encoder.size >= 1000) encoder.take();
      }
    }
  }
  encoder.take();
  const used = process.cpuUsage(cpu);
  console.log(
    `parse only: ${products} products (${rejected} rejected) in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
      `${((used.user + used.system) / 1e6).toFixed(2)} CPU s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
}

async function main(): Promise<void> {
  if (args[0] === '--parse-only') {
    await parseOnly(args[1]!);
    return;
  }
  if (args[0] === '--prepare') {
    // An import goes into an existing store: create and migrate it in its own process, so that
    // PGlite's initdb (about 0.8 GB of WebAssembly heap, never returned) is not counted.
    const store = await openStore({ engine: 'pglite', dataDir: args[1]! });
    await runMigrations(store);
    await store.close();
    return;
  }
  if (args[0] === '--child') {
    await child(args[1] as 'pglite' | 'postgres', args[2]!, args[3]!);
    return;
  }
  const products = Number(arg('products', '100000'));
  const engines = arg('engines', 'pglite,postgres').split(',');
  const runs = Number(arg('runs', '1'));
  const dir = mkdtempSync(join(tmpdir(), 'kbridge-bench-import-'));
  const file = arg('file', '') || join(dir, 'sample.csv');
  if (!existsSync(file)) {
    const catalog = createSampleCatalog({ sellers: 50, products, seed: 'bench-import' });
    const t0 = performance.now();
    const written = await writeCanonicalCsv(catalog.products(), createWriteStream(file));
    console.log(
      `sample: ${written.products} products, ${written.rows} rows, ${(statSync(file).size / 1e6).toFixed(1)} MB ` +
        `(generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
  } else console.log(`sample: ${file}, ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  const self = fileURLToPath(import.meta.url);
  const results: ChildResult[] = [];
  for (const engine of engines.flatMap((e) => Array<string>(runs).fill(e))) {
    let target = join(dir, `pglite-${results.length}`);
    let cleanup = () => rmSync(target, { recursive: true, force: true });
    if (engine === 'pglite') {
      const prepared = spawnSync(process.execPath, ['--import', 'tsx', self, '--prepare', target], {
        encoding: 'utf8',
      });
      if (prepared.status !== 0) {
        console.log(`pglite: prepare failed\n${prepared.stderr}`);
        continue;
      }
    }
    if (engine === 'postgres') {
      const base = loadConfig().databaseUrl?.reveal() ?? 'postgres://postgres@127.0.0.1:5432/postgres';
      const name = `kbridge_bench_${Date.now()}`;
      const admin = new pg.Client({ connectionString: base });
      try {
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`);
      } catch (e) {
        console.log(`postgres: skipped (${(e as Error).message})`);
        continue;
      } finally {
        await admin.end().catch(() => {});
      }
      const url = new URL(base);
      url.pathname = `/${name}`;
      target = url.toString();
      cleanup = () => {
        spawnSync('psql', [base, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
      };
    }
    const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', engine, file, target], {
      encoding: 'utf8',
    });
    cleanup();
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) {
      console.log(`${engine}: failed\n${run.stderr}`);
      continue;
    }
    results.push(JSON.parse(line.slice(7)) as ChildResult);
    console.log(`${line.slice(7)} (load average ${loadavg()[0]!.toFixed(1)})`);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log('\nengine     products  created  rejected  seconds  products/s  peak RSS MB');
  for (const r of results) {
    console.log(
      `${r.engine.padEnd(9)}  ${String(r.products).padStart(8)}  ${String(r.created).padStart(7)}  ${String(r.rejected).padStart(8)}  ` +
        `${r.seconds.toFixed(1).padStart(7)}  ${Math.round(r.productsPerSecond).toString().padStart(10)}  ${Math.round(r.peakRssMb).toString().padStart(11)}`,
    );
  }
}

await main();
