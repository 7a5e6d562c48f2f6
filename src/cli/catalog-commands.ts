import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { importCatalog, type ImportSummary } from '../catalog/index.ts';
import { EXIT_CODE_BY_CODE } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit } from './output.ts';

const SHOWN_ERRORS = 30;

function describe(s: ImportSummary): string {
  const lines = [
    `${s.file}: ${s.format} (${s.layout}${s.format === 'csv' ? `, ${s.encoding}` : ''}), ${s.products} products in ${(s.durationMs / 1000).toFixed(1)} s`,
    `created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected}` +
      (s.sellersCreated ? `; ${s.sellersCreated} new sellers` : ''),
  ];
  for (const e of s.errors.slice(0, SHOWN_ERRORS)) lines.push(`  row ${e.row}, ${e.column}: ${e.reason}`);
  if (s.errors.length > SHOWN_ERRORS)
    lines.push(`  … and ${s.errors.length - SHOWN_ERRORS} more (use --json for all)`);
  return lines.join('\n');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'import a catalog file: CSV (UTF-8 or CP949), XLSX, JSON or NDJSON; canonical or ESM+ layout',
    )
    .argument('<file>', 'the catalog file')
    .option('--seller <id>', 'the seller who owns every product (else each row names its seller)')
    .option('--format <format>', 'csv | xlsx | json | ndjson (default: from the file name)')
    .option('--json', 'print the summary as JSON (every rejected row with row, column and reason)')
    .action(async (file: string, opts: { seller?: string; format?: string; json?: boolean }) => {
      const app = await ctx.app();
      const bar =
        process.stderr.isTTY && !opts.json
          ? new cliProgress.SingleBar(
              { format: 'importing [{bar}] {percentage}% | {products} products', stream: process.stderr },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      bar?.start(100, 0, { products: 0 });
      try {
        const summary = await importCatalog(app.store, file, app.clock, {
          sellerId: opts.seller,
          format: opts.format,
          onProgress: ({ bytesRead, bytesTotal, products }) =>
            bar?.update(Math.min(100, Math.floor((bytesRead / Math.max(1, bytesTotal)) * 100)), { products }),
        });
        bar?.update(100, { products: summary.products });
        bar?.stop();
        emit(!!opts.json, summary, () => describe(summary));
        // Good rows are stored either way; a non-zero code tells scripts that some were rejected.
        if (summary.rejected > 0) process.exitCode = EXIT_CODE_BY_CODE.invalid_input;
      } finally {
        bar?.stop();
      }
    });
}
