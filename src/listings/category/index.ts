// Category mapping: a seller's Korean category path (and title) to a leaf of each platform's
// category tree, with confidence and alternatives; operator confirmations win. See docs/listings.md.
export { mapCategory, applyConfirmation, mapForSite } from './map-category.ts';
export {
  CategoryMapper,
  type CategoryMapping,
  type CategoryMatch,
  type MapInput,
  type MapOptions,
} from './mapper.ts';
export { indexTree, type CategoryIndex, type TreeNode } from './tree-index.ts';
export { CategoryLexicon, type Bag, type ParallelPair } from './lexicon.ts';
export { productionLexicon, evaluationLexicon, GLOSSARY_MODES, type GlossaryMode } from './lexicons.ts';
export { CategoryTreeCache, fetchWholeTree, type SiteTree, type TreeSource } from './tree-cache.ts';
export {
  confirmCategory,
  confirmedMappings,
  lookupConfirmation,
  removeConfirmation,
  type CategoryConfirmation,
  type ConfirmInput,
} from './confirmations.ts';
export { evaluateTaxonomy, type EvaluationOptions, type EvaluationResult } from './evaluation.ts';
export { TAXONOMIES, type TaxonomyName } from './taxonomies.ts';
export { sourcePathKey } from './text.ts';
