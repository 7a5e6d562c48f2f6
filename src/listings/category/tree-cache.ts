/**
 * Each site's category tree, fetched through its adapter (`/category/tree/get`) once and kept in
 * memory and in the `category_trees` table, so a restart or another worker does not refetch it.
 * `refresh` fetches again (platforms add and retire categories). AliExpress answers one level per
 * call: any non-leaf node that arrives without children is expanded with its own call.
 */
import { eq } from 'drizzle-orm';
import { schema, type Store } from '../../db/index.ts';
import type { CategoryNode, MarketplaceAdapter } from '../../marketplaces/index.ts';
import { CategoryMapper } from './mapper.ts';
import { productionLexicon } from './lexicons.ts';
import { indexTree } from './tree-index.ts';

export type TreeSource = Pick<MarketplaceAdapter, 'categoryTree'>;

export interface SiteTree {
  siteId: string;
  tree: CategoryNode[];
  fetchedAt: Date;
  /** Mapper over the tree's leaves with the production lexicon (indexed once). */
  mapper: CategoryMapper;
}

const EXPAND_CONCURRENCY = 4;

function countNodes(nodes: readonly CategoryNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countNodes(c.children), 0);
}

/** Fetches the whole tree, expanding per-level answers (AliExpress) with a few calls at a time. */
export async function fetchWholeTree(source: TreeSource): Promise<CategoryNode[]> {
  const roots = await source.categoryTree();
  let pending = roots.filter((n) => !n.leaf && n.children.length === 0);
  const collect = (nodes: CategoryNode[]) => nodes.filter((n) => !n.leaf && n.children.length === 0);
  while (pending.length > 0) {
    const next: CategoryNode[] = [];
    for (let i = 0; i < pending.length; i += EXPAND_CONCURRENCY) {
      await Promise.all(
        pending.slice(i, i + EXPAND_CONCURRENCY).map(async (node) => {
          node.children = await source.categoryTree({ parentId: node.id });
          next.push(...collect(node.children));
        }),
      );
    }
    pending = next;
  }
  return roots;
}

export class CategoryTreeCache {
  private readonly memory = new Map<string, SiteTree>();

  /** @param store where trees persist; without one, memory only. */
  constructor(private readonly store?: Store) {}

  /** A site's tree: memory, then the database, then the platform (unless `refresh`). */
  async get(siteId: string, source: TreeSource, options: { refresh?: boolean } = {}): Promise<SiteTree> {
    if (!options.refresh) {
      const hit = await this.cached(siteId);
      if (hit) return hit;
    }
    const tree = await fetchWholeTree(source);
    const fetchedAt = new Date();
    if (this.store) {
      const row = { siteId, tree, nodeCount: countNodes(tree), fetchedAt };
      await this.store.db
        .insert(schema.categoryTrees)
        .values(row)
        .onConflictDoUpdate({ target: schema.categoryTrees.siteId, set: row });
    }
    const site = this.build(siteId, tree, fetchedAt);
    this.memory.set(siteId, site);
    return site;
  }

  /** A site's tree if memory or the database holds it; never calls the platform. */
  async cached(siteId: string): Promise<SiteTree | undefined> {
    const hit = this.memory.get(siteId) ?? (await this.fromDb(siteId));
    if (hit) this.memory.set(siteId, hit);
    return hit;
  }

  /** Forgets a site's tree in memory (the database copy stays until the next refresh). */
  forget(siteId: string): void {
    this.memory.delete(siteId);
  }

  private async fromDb(siteId: string): Promise<SiteTree | undefined> {
    if (!this.store) return undefined;
    const [row] = await this.store.db
      .select()
      .from(schema.categoryTrees)
      .where(eq(schema.categoryTrees.siteId, siteId));
    return row ? this.build(siteId, row.tree as CategoryNode[], row.fetchedAt) : undefined;
  }

  private build(siteId: string, tree: CategoryNode[], fetchedAt: Date): SiteTree {
    return { siteId, tree, fetchedAt, mapper: new CategoryMapper(indexTree(tree), productionLexicon()) };
  }
}
