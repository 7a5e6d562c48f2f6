/**
 * Which lexicon maps what. Production learns from everything it has; the evaluation of one
 * taxonomy must not learn from that taxonomy's own ko/en pairs, which are the answers it is graded
 * on (the term base's `terms-zz-taxonomy.json` is Google's pairs, so it is left out too).
 */
import { defaultTermBase } from '../../localization/index.ts';
import type { TermBase } from '../../localization/index.ts';
import { CategoryLexicon, type ParallelPair } from './lexicon.ts';
import { koreanTokens } from './text.ts';
import { loadTaxonomy, parallelNames, TAXONOMIES, type TaxonomyName } from './taxonomies.ts';

/** The term base domain generated from the Google taxonomy's ko/en pairs. */
const TAXONOMY_TERM_DOMAIN = 'taxonomy';

/** Korean → English terms of the term base; `handWrittenOnly` leaves out the taxonomy-derived file. */
export function termPairs(termBase: TermBase = defaultTermBase(), handWrittenOnly = false): ParallelPair[] {
  const out: ParallelPair[] = [];
  for (const e of termBase.entries()) {
    if (e.kind !== 'term' || e.domain === 'brand') continue;
    if (handWrittenOnly && e.domain === TAXONOMY_TERM_DOMAIN) continue;
    const en = e.tr.en;
    if (en) out.push([e.ko, en]);
  }
  return out;
}

/** What an evaluation's lexicon may learn from. */
export type GlossaryMode =
  /** the other taxonomy's ko/en pairs + the hand-written term files (the default) */
  | 'cross'
  /**
   * as `cross`, less every pair whose Korean name also occurs in the evaluated taxonomy: no name
   * is seen whole, only words carry over (Shopify grew out of Google's tree, so 96% of Google's
   * Korean names are in Shopify with the same English; `cross` there mostly recalls them)
   */
  | 'unseen'
  /** the hand-written term files only: no taxonomy data at all */
  | 'terms-only';

export const GLOSSARY_MODES: readonly GlossaryMode[] = ['cross', 'unseen', 'terms-only'];

/** The lexicon for evaluating on `held`: nothing derived from `held`'s own pairs. */
export function evaluationLexicon(held: TaxonomyName, mode: GlossaryMode = 'cross'): CategoryLexicon {
  const terms = termPairs(defaultTermBase(), true);
  if (mode === 'terms-only') return new CategoryLexicon([], terms);
  let pairs = TAXONOMIES.filter((t) => t !== held).flatMap((t) => parallelNames(loadTaxonomy(t)));
  if (mode === 'unseen') {
    const names = new Set(parallelNames(loadTaxonomy(held)).map(([ko]) => koreanTokens(ko).join(' ')));
    pairs = pairs.filter(([ko]) => !names.has(koreanTokens(ko).join(' ')));
  }
  return new CategoryLexicon(pairs, terms);
}

let production: CategoryLexicon | undefined;

/** The production lexicon: the whole term base and both taxonomies' pairs (built once, ~1 s). */
export function productionLexicon(): CategoryLexicon {
  production ??= new CategoryLexicon(
    TAXONOMIES.flatMap((t) => parallelNames(loadTaxonomy(t))),
    termPairs(defaultTermBase()),
  );
  return production;
}
