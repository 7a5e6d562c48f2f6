import type { Command } from 'commander';
import {
  evaluateTaxonomy,
  GLOSSARY_MODES,
  TAXONOMIES,
  type EvaluationResult,
  type GlossaryMode,
  type TaxonomyName,
} from '../listings/category/index.ts';
import { categoryReview, confirmListingCategory, listingsDeps } from '../listings/index.ts';
import { AppError, OPERATOR_SCOPE } from '../shared/index.ts';
import type { CliContext } from './context.ts';
import { sitesOf } from './listings-commands.ts';
import { emit, table } from './output.ts';

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function parseChoice<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new AppError('invalid_input', `${what} must be one of ${allowed.join(', ')}`, {
      details: { value },
    });
  return value as T;
}

/** The evaluation's figures as a table (shared with bench/taxonomy.ts). */
export function describeEvaluation(results: EvaluationResult[], rate = false): string {
  const headers = ['taxonomy', 'glossary', 'categories', 'top-1', 'top-3', 'time'];
  if (rate) headers.push('mappings/s');
  return table(
    headers,
    results.map((r) => {
      const row: (string | number)[] = [
        r.taxonomy,
        r.glossary,
        r.categories,
        pct(r.top1),
        pct(r.top3),
        `${((r.setupMs + r.mapMs) / 1000).toFixed(1)} s`,
      ];
      if (rate) row.push(r.mappingsPerSecond);
      return row;
    }),
  );
}

export function register(program: Command, ctx: CliContext): void {
  // The listings capability may register its own `listings` group: share it.
  const listings =
    program.commands.find((c) => c.name() === 'listings') ??
    program.command('listings').description('listings: category mapping, building, publishing');
  listings
    .command('eval-taxonomy')
    .description(
      'map every Korean category path of the Google and Shopify taxonomies to their English editions ' +
        '(ids unseen) and report top-1 and top-3 accuracy',
    )
    .option('--taxonomy <name>', `google, shopify or all`, 'all')
    .option(
      '--glossary <mode>',
      'what the lexicon learns from: cross (the other taxonomy + hand-written terms), unseen (cross less ' +
        'every name of the evaluated taxonomy), terms-only',
      'cross',
    )
    .option('--limit <n>', 'evaluate an evenly spread sample of n categories per taxonomy')
    .option('--json', 'machine-readable output')
    .action((opts: { taxonomy: string; glossary: string; limit?: string; json?: boolean }) => {
      const names: TaxonomyName[] =
        opts.taxonomy === 'all' ? [...TAXONOMIES] : [parseChoice(opts.taxonomy, TAXONOMIES, '--taxonomy')];
      const glossary = parseChoice<GlossaryMode>(opts.glossary, GLOSSARY_MODES, '--glossary');
      const limit = opts.limit === undefined ? undefined : Number(opts.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
        throw new AppError('invalid_input', '--limit must be a positive integer', {
          details: { limit: opts.limit },
        });
      const results = names.map((n) => evaluateTaxonomy(n, { glossary, limit }));
      emit(opts.json ?? false, { results }, () => describeEvaluation(results));
    });
  listings
    .command('categories')
    .description(
      'per seller, site and Korean category path: the category the listings were built with, the ' +
        "mapper's confidence (lowest first) and the alternatives",
    )
    .option('--site <site>', 'one site')
    .option('--seller <id>', 'one seller')
    .option('--limit <n>', 'rows', '50')
    .option('--json', 'machine-readable output')
    .action(async (o: { site?: string; seller?: string; limit: string; json?: boolean }) => {
      if (o.site) sitesOf(o.site);
      const app = await ctx.app();
      const rows = await categoryReview(listingsDeps(app), OPERATOR_SCOPE, {
        site: o.site,
        sellerId: o.seller,
        limit: Number(o.limit) || 50,
      });
      emit(!!o.json, { data: rows }, () =>
        table(
          ['site', 'seller', 'Korean path', 'listings', 'category', 'confidence', 'next best'],
          rows.map((r) => [
            r.site,
            r.sellerId,
            r.koreanPath,
            r.listings,
            r.categoryId ? `${r.categoryId} ${r.categoryPath ?? ''}` : '-',
            r.confirmed ? 'confirmed' : r.confidence === null ? '-' : r.confidence.toFixed(2),
            r.alternatives[0] ? `${r.alternatives[0].id} ${r.alternatives[0].path}` : '-',
          ]),
        ),
      );
    });
  listings
    .command('confirm-category')
    .description(
      'confirm a leaf category of a site for a Korean category path; it wins over the mapper from now ' +
        'on and the next publish run rebuilds the unpublished listings with it',
    )
    .requiredOption('--site <site>', 'the site')
    .requiredOption('--path <koreanPath>', 'the Korean category path, e.g. "뷰티>스킨케어>토너"')
    .requiredOption('--category <id>', "a leaf category id of the site's tree")
    .option('--seller <id>', 'only for this seller (default: every seller on the site)')
    .option('--json', 'machine-readable output')
    .action(async (o: { site: string; path: string; category: string; seller?: string; json?: boolean }) => {
      if (o.site === 'all') throw new AppError('invalid_input', '--site: one site, not all');
      sitesOf(o.site);
      const app = await ctx.app();
      const r = await confirmListingCategory(listingsDeps(app), OPERATOR_SCOPE, {
        site: o.site,
        koreanPath: o.path,
        categoryId: o.category,
        sellerId: o.seller,
        confirmedBy: 'cli',
      });
      emit(
        !!o.json,
        r,
        () =>
          `${o.site}: ${r.confirmation.sourcePath} → ${r.confirmation.categoryId} ${r.confirmation.categoryPath ?? ''}` +
          ` (${r.confirmation.sellerId ?? 'every seller'}); ${r.rebuildsPending} unpublished listings rebuilt by the next publish run`,
      );
    });
}
