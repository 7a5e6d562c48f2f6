/**
 * The entry points: map a Korean path against a tree (indexed once per tree), and map a site's
 * products with that site's confirmations laid over the similarity ranking.
 */
import type { Store } from '../../db/index.ts';

import { confirmedMappings, type CategoryConfirmation } from './confirmations.ts';
import { productionLexicon } from './lexicons.ts';
import { CategoryMapper, type CategoryMapping, type MapInput, type MapOptions } from './mapper.ts';
import { sourcePathKey } from './text.ts';
import { indexTree, type TreeNode } from './tree-index.ts';
import type { CategoryTreeCache, TreeSource } from './tree-cache.ts';

const mappers = new WeakMap<readonly TreeNode[], CategoryMapper>();

/**
 * Maps a Korean category path (and title) to the tree's leaves: the best category with a
 * confidence and the next alternatives. The tree is indexed on first use and remembered.
 */
export function mapCategory(
  tree: readonly TreeNode[] | CategoryMapper,
  input: MapInput,
  options: MapOptions = {},
): CategoryMapping {
  if (tree instanceof CategoryMapper) return tree.map(input);
  let mapper = mappers.get(tree);
  if (!mapper) {
    mapper = new CategoryMapper(indexTree(tree), productionLexicon(), options);
    mappers.set(tree, mapper);
  }
  return mapper.map(input);
}

/** A similarity ranking with a confirmed category put first (confidence 1). */
export function applyConfirmation(
  mapper: CategoryMapper,
  input: MapInput,
  confirmed: CategoryConfirmation | undefined,
): CategoryMapping {
  const ranked = mapper.map(input);
  if (!confirmed) return ranked;
  const node = mapper.index.byId.get(confirmed.categoryId);
  const path = node?.path ?? confirmed.categoryPath?.split(' > ') ?? [];
  const others = [ranked.best, ...ranked.alternatives].filter(
    (m): m is NonNullable<typeof m> => m !== null && m.id !== confirmed.categoryId,
  );
  return {
    best: { id: confirmed.categoryId, path, confidence: 1, score: 1, source: 'confirmed' },
    alternatives: others.slice(0, ranked.alternatives.length || 5).map(({ id, path, confidence, score }) => ({
      id,
      path,
      confidence,
      score,
    })),
  };
}

/**
 * Maps many products of one seller to one site: the tree comes from the cache (fetched once), the
 * confirmations are read once, and each distinct path is scored once.
 */
export async function mapForSite(
  deps: { store: Store; trees: CategoryTreeCache; source: TreeSource },
  siteId: string,
  sellerId: string | null,
  inputs: readonly MapInput[],
): Promise<CategoryMapping[]> {
  const site = await deps.trees.get(siteId, deps.source);
  const confirmed = await confirmedMappings(deps.store, siteId, sellerId);
  return inputs.map((input) =>
    applyConfirmation(site.mapper, input, confirmed.get(sourcePathKey(input.koreanPath))),
  );
}
