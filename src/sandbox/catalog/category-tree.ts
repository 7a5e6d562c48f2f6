import { readFileSync } from 'node:fs';
import type { Site } from '../core/sites.ts';

/** A node as `/category/tree/get` returns it. */
export interface CategoryNode {
  category_id: number;
  name: string;
  leaf: boolean;
  var: boolean;
  children?: CategoryNode[];
}

export interface CategoryInfo {
  id: number;
  name: string;
  leaf: boolean;
  var: boolean;
  /** Name of the top-level category it sits under (picks its attribute family). */
  root: string;
  /** Names from the root down to this node. */
  path: string[];
}

export interface SiteCategories {
  readonly tree: CategoryNode[];
  readonly byId: Map<number, CategoryInfo>;
  /** The `data` array pre-serialized: the tree is served often and never changes. */
  readonly json: string;
  readonly leaves: number[];
}

const TREE_FILE = new URL('../../../data/marketplace/lazada-ph-category-tree.json', import.meta.url);

let phTree: CategoryNode[] | undefined;

function realPhTree(): CategoryNode[] {
  phTree ??= (JSON.parse(readFileSync(TREE_FILE, 'utf8')) as { data: CategoryNode[] }).data;
  return phTree;
}

// Odd multipliers prime to 10: `id * m mod 1e8` is then a bijection on the PH id range (< 1e8),
// so a derived site gets distinct, unrelated-looking ids of its own and no PH id is valid there.
const MULTIPLIERS = [
  1, 7919, 104729, 1299709, 15485863, 179424673, 2038074743, 22801763489, 252097800623, 3, 7, 13, 17,
];

/** The category id a PH category has on another site (identity on PH). */
export function deriveCategoryId(phId: number, site: Site): number {
  if (site.index === 0) return phId;
  const m = BigInt(MULTIPLIERS[site.index] ?? 7);
  return site.index * 100_000_000 + Number((BigInt(phId) * m) % 100_000_000n);
}

function mapTree(nodes: CategoryNode[], site: Site): CategoryNode[] {
  return nodes.map((n) => {
    const out: CategoryNode = {
      category_id: deriveCategoryId(n.category_id, site),
      name: n.name,
      leaf: n.leaf,
      var: n.var,
    };
    if (n.children) out.children = mapTree(n.children, site);
    return out;
  });
}

const CACHE = new Map<string, SiteCategories>();

/** The site's category tree: PH is the real dump; other sites the same shape with their own ids. */
export function categoriesFor(site: Site): SiteCategories {
  let cats = CACHE.get(site.key);
  if (cats) return cats;
  const tree = site.index === 0 ? realPhTree() : mapTree(realPhTree(), site);
  const byId = new Map<number, CategoryInfo>();
  const leaves: number[] = [];
  const walk = (nodes: CategoryNode[], root: string | undefined, path: string[]): void => {
    for (const n of nodes) {
      const p = [...path, n.name];
      const r = root ?? n.name;
      byId.set(n.category_id, {
        id: n.category_id,
        name: n.name,
        leaf: n.leaf,
        var: n.var,
        root: r,
        path: p,
      });
      if (n.leaf) leaves.push(n.category_id);
      if (n.children) walk(n.children, r, p);
    }
  };
  walk(tree, undefined, []);
  cats = { tree, byId, json: JSON.stringify(tree), leaves };
  CACHE.set(site.key, cats);
  return cats;
}
