/**
 * The taxonomy evaluation: map every Korean category path of a taxonomy to its English edition
 * with the production method (translate segments, score by similarity), then compare with the
 * shared ids, which the mapper never sees. Top-1: the best answer is the category with the same id;
 * top-3: it is among the first three.
 */
import { evaluationLexicon, type GlossaryMode } from './lexicons.ts';
import { CategoryMapper } from './mapper.ts';
import { editionTree, loadTaxonomy, type TaxonomyName } from './taxonomies.ts';
import { indexTree } from './tree-index.ts';

export interface EvaluationOptions {
  glossary?: GlossaryMode;
  /** Evaluate an evenly spread sample of this many categories (default: all). */
  limit?: number;
}

export interface EvaluationResult {
  taxonomy: TaxonomyName;
  glossary: GlossaryMode;
  /** Korean categories mapped (every one whose id the English edition has). */
  categories: number;
  top1: number;
  top3: number;
  /** Building the lexicon and the index. */
  setupMs: number;
  /** Mapping every category. */
  mapMs: number;
  mappingsPerSecond: number;
  /** A few misses (Korean path → expected / got), for people. */
  misses: { korean: string; expected: string; got: string }[];
}

/** Evaluates one taxonomy. */
export function evaluateTaxonomy(name: TaxonomyName, options: EvaluationOptions = {}): EvaluationResult {
  const glossary = options.glossary ?? 'cross';
  const t0 = performance.now();
  const taxonomy = loadTaxonomy(name);
  const lexicon = evaluationLexicon(name, glossary);
  // Every English category is an answer (the Korean paths include inner categories too).
  const mapper = new CategoryMapper(indexTree(editionTree(taxonomy.en)), lexicon, {
    leavesOnly: false,
    alternatives: 2,
  });
  const setupMs = performance.now() - t0;

  let cases = [...taxonomy.ko].filter(([id]) => taxonomy.en.has(id));
  if (options.limit && options.limit < cases.length) {
    const step = cases.length / options.limit;
    cases = Array.from({ length: options.limit }, (_, i) => cases[Math.floor(i * step)]!);
  }
  const t1 = performance.now();
  let top1 = 0;
  let top3 = 0;
  const misses: EvaluationResult['misses'] = [];
  for (const [id, koreanPath] of cases) {
    const m = mapper.map({ koreanPath });
    const ids = [m.best?.id, ...m.alternatives.map((a) => a.id)];
    if (ids[0] === id) top1++;
    else if (misses.length < 20 && misses.length * 50 <= cases.length)
      misses.push({
        korean: koreanPath.join(' > '),
        expected: taxonomy.en.get(id)!.join(' > '),
        got: m.best?.path.join(' > ') ?? '(none)',
      });
    if (ids.slice(0, 3).includes(id)) top3++;
  }
  const mapMs = performance.now() - t1;
  const n = cases.length;
  return {
    taxonomy: name,
    glossary,
    categories: n,
    top1: n ? top1 / n : 0,
    top3: n ? top3 / n : 0,
    setupMs: Math.round(setupMs),
    mapMs: Math.round(mapMs),
    mappingsPerSecond: Math.round(n / (mapMs / 1000)),
    misses,
  };
}
