import type { Command } from 'commander';
import {
  evaluateTaxonomy,
  GLOSSARY_MODES,
  TAXONOMIES,
  type EvaluationResult,
  type GlossaryMode,
  type TaxonomyName,
} from '../listings/category/index.ts';
import { AppError } from '../shared/index.ts';
import type { CliContext } from './context.ts';
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

export function register(program: Command, _ctx: CliContext): void {
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
}
