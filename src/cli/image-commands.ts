import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import {
  formatForPath,
  imageLocalizer,
  safeFetchImage,
  translationService,
  type Box,
  type ImageReport,
} from '../localization/index.ts';
import { AppError } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { emit } from './output.ts';

interface LocalizeOpts {
  to: string;
  out: string;
  report?: string;
  seller?: string;
  site?: string;
  cache?: boolean;
  residual?: boolean;
  keep?: string[];
  json?: boolean;
}

/** `x,y,w,h` → a box; the option's name in errors. */
function parseBox(text: string): Box {
  const n = text.split(',').map(Number);
  if (n.length !== 4 || n.some((v) => !Number.isFinite(v) || v < 0) || n[2] === 0 || n[3] === 0) {
    throw new AppError('invalid_input', `--keep wants x,y,w,h in pixels, got "${text}"`, {
      details: { field: 'keep', value: text },
    });
  }
  return { x: n[0]!, y: n[1]!, w: n[2]!, h: n[3]! };
}

/** `out.png` for one locale; `out.th-TH.png` for each of several. */
function pathFor(path: string, locale: string, several: boolean): string {
  if (!several) return path;
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/')
    ? `${path.slice(0, dot)}.${locale}${path.slice(dot)}`
    : `${path}.${locale}`;
}

function describe(report: ImageReport, out: string): string {
  const s = report.summary;
  const lines = [
    `${report.locale}: ${out} (${report.width}×${report.height}${report.cached ? ', from cache' : ''})`,
    `  ${s.lines} lines: ${s.translated} translated, ${s.converted} converted, ${s.kept} kept, ${s.needsTranslation} need translation, ${s.needsReview} need review, ${s.unreadable} unreadable${s.overflow ? `, ${s.overflow} overflow` : ''}`,
  ];
  if (report.residual)
    lines.push(
      `  residual check: ${report.residual.hangul} Hangul characters left in ${report.residual.checked} replaced lines`,
    );
  for (const l of report.lines) {
    if (l.status === 'translated' || l.status === 'converted' || l.status === 'kept') continue;
    lines.push(`  [${l.status}] ${l.source}${l.note ? ` (${l.note})` : ''}`);
  }
  return lines.join('\n');
}

export function register(program: Command, ctx: CliContext): void {
  const image = program.command('image').description('localize the Korean text inside product images');

  image
    .command('localize')
    .description('detect, read, translate and redraw the text of an image (a file or an http(s) URL)')
    .argument('<in>', 'image file or http(s) URL (fetched under the SSRF and size rules)')
    .requiredOption('--to <locales>', 'target locale, or several separated by commas (th-TH,en-US)')
    .requiredOption('--out <file>', 'output image (.png, .jpg or .webp); several locales: out.<locale>.png')
    .option('--report <file>', 'JSON report (per line: box, source, confidence, translation, status)')
    .option('--seller <id>', "translate with this seller's memory and glossary")
    .option('--site <site>', "apply this site's translation policy")
    .option('--no-cache', 'process again even if a cached variant exists')
    .option('--no-residual', 'skip re-reading the output for Hangul left behind')
    .option(
      '--keep <x,y,w,h>',
      'a product photo region whose text stays as printed (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--json', 'print the report(s) as JSON')
    .action(async (input: string, opts: LocalizeOpts) => {
      const locales = opts.to
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      if (locales.length === 0)
        throw new AppError('invalid_input', '--to needs a locale (e.g. th-TH)', { details: { field: 'to' } });
      const bytes = /^https?:\/\//i.test(input)
        ? (await safeFetchImage(input)).bytes
        : await readFile(input).catch((err: unknown) => {
            throw new AppError('not_found', `cannot read ${input}: ${(err as Error).message}`, {
              details: { field: 'in' },
            });
          });
      const keepRegions = (opts.keep ?? []).map(parseBox);
      const localizer = imageLocalizer(translationService(await ctx.app()));
      const variants = await localizer.localize(bytes, {
        locales,
        sellerId: opts.seller,
        site: opts.site,
        format: formatForPath(opts.out),
        refresh: opts.cache === false,
        residualCheck: opts.residual !== false,
        keepRegions,
      });
      const reports: ImageReport[] = [];
      for (const [i, v] of variants.entries()) {
        const out = pathFor(opts.out, locales[i]!, locales.length > 1);
        await writeFile(out, v.bytes);
        reports.push(v.report);
        emit(!!opts.json, v.report, () => describe(v.report, out));
      }
      if (opts.report) {
        await writeFile(
          opts.report,
          `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`,
        );
      }
    });
}
