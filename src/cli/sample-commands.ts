import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import {
  createSampleCatalog,
  writeCanonicalCsv,
  writeCanonicalXlsx,
  writeCatalogJson,
  writeCatalogNdjson,
  type ProductRecord,
  type WriteSummary,
} from '../catalog/index.ts';
import { AppError } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit } from './output.ts';

const FORMATS = ['csv', 'xlsx', 'json', 'ndjson'] as const;
type SampleFormat = (typeof FORMATS)[number];

interface SampleOptions {
  sellers: string;
  products: string;
  seed: string;
  format?: string;
  out: string;
  encoding: string;
  json?: boolean;
}

function count(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > 10_000_000) {
    throw new AppError('invalid_input', `--${name} must be a whole number from ${min} to 10,000,000`, {
      details: { [name]: value },
    });
  }
  return n;
}

function formatOf(opts: SampleOptions): SampleFormat {
  const ext = extname(opts.out).slice(1).toLowerCase();
  const format = opts.format ?? (ext === 'jsonl' ? 'ndjson' : ext || 'csv');
  if (!FORMATS.includes(format as SampleFormat)) {
    throw new AppError('invalid_input', `--format must be one of ${FORMATS.join(', ')}`, {
      details: { format },
    });
  }
  return format as SampleFormat;
}

/** Opens the output file first, so a bad path is a clear error before any work is done. */
async function openOutput(file: string): Promise<Writable> {
  const stream = createWriteStream(file);
  try {
    await once(stream, 'open');
  } catch (e) {
    throw new AppError('invalid_input', `cannot write ${file}: ${(e as Error).message}`, {
      details: { file },
      cause: e,
    });
  }
  return stream;
}

/** Counts products as they pass, for the progress bar. */
async function* counted(products: Iterable<ProductRecord>, tick: (n: number) => void) {
  let n = 0;
  for (const p of products) {
    yield p;
    if (++n % 500 === 0) tick(n);
  }
  tick(n);
}

export function register(program: Command, _ctx: CliContext): void {
  program
    .command('sample')
    .description('write a deterministic sample catalog of Korean listings (same seed, same bytes)')
    .requiredOption('--out <file>', 'output file, or - for stdout')
    .option('--sellers <n>', 'number of sellers', '10')
    .option('--products <n>', 'number of products (about 3 variants each)', '1000')
    .option('--seed <seed>', 'seed; the same seed gives a byte-identical file', '1')
    .option('--format <format>', 'csv | xlsx | json | ndjson (default: from the file name, else csv)')
    .option('--encoding <encoding>', 'CSV text encoding: utf8 (with BOM, for Excel) or cp949', 'utf8')
    .option('--json', 'print the summary as JSON')
    .action(async (opts: SampleOptions) => {
      const sellers = count('sellers', opts.sellers, 1);
      const products = count('products', opts.products, 0);
      const format = formatOf(opts);
      if (opts.encoding !== 'utf8' && opts.encoding !== 'cp949') {
        throw new AppError('invalid_input', '--encoding must be utf8 or cp949', {
          details: { encoding: opts.encoding },
        });
      }
      if (opts.encoding === 'cp949' && format !== 'csv') {
        throw new AppError('invalid_input', '--encoding cp949 applies to CSV only', { details: { format } });
      }
      const toStdout = opts.out === '-';
      const catalog = createSampleCatalog({ sellers, products, seed: opts.seed });
      const bar =
        process.stderr.isTTY && !opts.json && !toStdout
          ? new cliProgress.SingleBar(
              {
                format: 'generating [{bar}] {percentage}% | {value}/{total} products',
                stream: process.stderr,
              },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      bar?.start(products, 0);
      const records = counted(catalog.products(), (n) => bar?.update(n));
      const started = performance.now();
      const out: Writable = toStdout ? process.stdout : await openOutput(opts.out);
      let summary: WriteSummary;
      try {
        summary =
          format === 'csv'
            ? await writeCanonicalCsv(records, out, { encoding: opts.encoding })
            : format === 'xlsx'
              ? await writeCanonicalXlsx(records, out)
              : format === 'json'
                ? await writeCatalogJson({ sellers: catalog.sellers, products: records }, out)
                : await writeCatalogNdjson(records, out);
      } catch (e) {
        // A half-written file would look like a small catalog; leave none behind.
        if (!toStdout) {
          out.destroy();
          await rm(opts.out, { force: true });
        }
        throw e;
      } finally {
        bar?.stop();
      }
      const result = {
        file: opts.out,
        format,
        ...(format === 'csv' ? { encoding: opts.encoding } : {}),
        seed: opts.seed,
        sellers,
        ...summary,
        durationMs: Math.round(performance.now() - started),
      };
      // With --out - the data owns stdout; the summary goes to stderr.
      const print = () =>
        `${result.file}: ${format}${format === 'csv' ? ` (${opts.encoding})` : ''}, ${sellers} sellers, ` +
        `${summary.products} products, ${summary.rows} variant rows, ${summary.bytes} bytes in ` +
        `${(result.durationMs / 1000).toFixed(1)} s`;
      if (toStdout) process.stderr.write(`${opts.json ? JSON.stringify(result) : print()}\n`);
      else emit(!!opts.json, result, print);
    });
}
