// `npm run bench -- sample [--products N] [--sellers S] [--formats csv,csv-cp949,xlsx,json,ndjson]`
// Generates an N-product sample catalog (default 100,000, seed 1) and writes it in each format to a
// temporary file, each in its own child process so that its peak RSS belongs to that format alone.
// Prints seconds, products/s, variant rows, file size and peak RSS.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createSampleCatalog,
  writeCanonicalCsv,
  writeCanonicalXlsx,
  writeCatalogJson,
  writeCatalogNdjson,
} from '../src/catalog/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};

interface ChildResult {
  format: string;
  products: number;
  rows: number;
  bytes: number;
  seconds: number;
  peakRssMb: number;
}

async function child(format: string, products: number, sellers: number, file: string): Promise<void> {
  const catalog = createSampleCatalog({ sellers, products, seed: 1 });
  const out = createWriteStream(file);
  const started = performance.now();
  const summary =
    format === 'csv' || format === 'csv-cp949'
      ? await writeCanonicalCsv(catalog.products(), out, { encoding: format === 'csv' ? 'utf8' : 'cp949' })
      : format === 'xlsx'
        ? await writeCanonicalXlsx(catalog.products(), out)
        : format === 'json'
          ? await writeCatalogJson({ sellers: catalog.sellers, products: catalog.products() }, out)
          : await writeCatalogNdjson(catalog.products(), out);
  const result: ChildResult = {
    format,
    ...summary,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

async function main(): Promise<void> {
  if (args[0] === '--child') {
    await child(args[1] ?? 'csv', Number(args[2]), Number(args[3]), args[4] ?? '');
    return;
  }
  const products = Number(arg('products', '100000'));
  const sellers = Number(arg('sellers', '100'));
  const formats = arg('formats', 'csv,csv-cp949,xlsx,json,ndjson').split(',');
  const dir = mkdtempSync(join(tmpdir(), 'kbridge-bench-sample-'));
  const self = fileURLToPath(import.meta.url);
  console.log(`sample catalog: ${products} products, ${sellers} sellers, seed 1 (Node ${process.version})`);
  console.log('format      seconds  products/s  rows     MB      peak RSS MB');
  try {
    for (const format of formats) {
      const file = join(dir, `sample.${format}`);
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', self, '--child', format, String(products), String(sellers), file],
        { encoding: 'utf8' },
      );
      const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) {
        console.error(`${format}: failed\n${run.stderr}`);
        continue;
      }
      const r = JSON.parse(line.slice(7)) as ChildResult;
      console.log(
        [
          r.format.padEnd(10),
          r.seconds.toFixed(1).padStart(8),
          Math.round(r.products / r.seconds)
            .toLocaleString('en')
            .padStart(10),
          String(r.rows).padStart(8),
          (r.bytes / 1e6).toFixed(0).padStart(6),
          r.peakRssMb.toFixed(0).padStart(12),
        ].join('  '),
      );
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
