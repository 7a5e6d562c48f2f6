/**
 * A category tree indexed once for mapping: every node's stems (its own name, and its whole path),
 * inverse document frequencies, and an inverted index from stem to the nodes whose path holds it.
 * Built in one pass; mapping a path then touches only the nodes that share a word with it.
 */
import { englishTokens } from './text.ts';

/** The shape both marketplace trees and the evaluation's taxonomies have. */
export interface TreeNode {
  id: string;
  name: string;
  leaf?: boolean;
  children?: readonly TreeNode[];
}

/** A weighted vector (stem → weight) with its norm. */
export interface Vec {
  w: Map<string, number>;
  norm: number;
}

export interface IndexedNode {
  id: string;
  /** Names from the root down to this node. */
  path: string[];
  leaf: boolean;
  /** The node's own name (idf-weighted stems). */
  name: Vec;
  /** Ancestors' names (idf-weighted; nearer ancestors weigh more). */
  context: Vec;
  /** Name and ancestors together. */
  all: Vec;
}

export interface CategoryIndex {
  nodes: IndexedNode[];
  byId: Map<string, IndexedNode>;
  /** stem → indexes of nodes whose name holds it. */
  byNameStem: Map<string, number[]>;
  /** stem → indexes of nodes whose ancestors' names hold it. */
  byContextStem: Map<string, number[]>;
  idf(stem: string): number;
  /**
   * Stems of the tree close to a stem it lacks: "kitchenware" → kitchen, "frying" → fry (one is
   * the other's prefix, or the same word without -ing; "skincare" → skin, care). Char-level help
   * for word forms.
   */
  near(stem: string): string[];
  leaves: number;
}

function vec(entries: Iterable<[string, number]>): Vec {
  const w = new Map<string, number>();
  for (const [k, v] of entries) if (v > (w.get(k) ?? 0)) w.set(k, v);
  let sq = 0;
  for (const v of w.values()) sq += v * v;
  return { w, norm: Math.sqrt(sq) };
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/**
 * Indexes a tree. A node without an explicit `leaf` flag is a leaf when it has no children (the
 * evaluation's taxonomies); marketplace nodes carry the platform's flag.
 */
export function indexTree(roots: readonly TreeNode[]): CategoryIndex {
  const raw: { id: string; path: string[]; leaf: boolean; stems: string[][] }[] = [];
  const walk = (nodes: readonly TreeNode[], path: string[], stems: string[][]): void => {
    for (const n of nodes) {
      const p = [...path, n.name];
      const s = [...stems, englishTokens(n.name)];
      const kids = n.children ?? [];
      raw.push({ id: String(n.id), path: p, leaf: n.leaf ?? kids.length === 0, stems: s });
      if (kids.length > 0) walk(kids, p, s);
    }
  };
  walk(roots, [], []);

  // Document frequency over node names: "supply" is everywhere, "toner" is telling.
  const df = new Map<string, number>();
  for (const r of raw) for (const s of new Set(r.stems[r.stems.length - 1])) df.set(s, (df.get(s) ?? 0) + 1);
  const total = raw.length;
  const idfOf = (s: string) => Math.log(1 + total / (df.get(s) ?? 0.5));

  const nodes: IndexedNode[] = [];
  const byNameStem = new Map<string, number[]>();
  const byContextStem = new Map<string, number[]>();
  raw.forEach((r, i) => {
    const own = r.stems[r.stems.length - 1] ?? [];
    const ctx: [string, number][] = [];
    const depth = r.stems.length - 1;
    r.stems.slice(0, -1).forEach((level, d) => {
      // The parent counts fully, the root least: nearer context says more about the node.
      const weight = 0.5 + (0.5 * (d + 1)) / depth;
      for (const s of level) ctx.push([s, idfOf(s) * weight]);
    });
    nodes.push({
      id: r.id,
      path: r.path,
      leaf: r.leaf,
      name: vec(own.map((s) => [s, idfOf(s)])),
      context: vec(ctx),
      all: vec([...ctx, ...own.map((s): [string, number] => [s, idfOf(s)])]),
    });
    for (const s of own) push(byNameStem, s, i);
    for (const [s] of ctx) push(byContextStem, s, i);
  });
  const byFirst = new Map<string, string[]>();
  for (const s of df.keys())
    if (s.length >= 3) byFirst.set(s.slice(0, 3), [...(byFirst.get(s.slice(0, 3)) ?? []), s]);
  const near = (stem: string): string[] => {
    if (stem.length < 4 || df.has(stem)) return [];
    // "skincare" → skin + care: a closed compound of two words the tree writes apart.
    for (let i = 3; i <= stem.length - 3; i++)
      if (df.has(stem.slice(0, i)) && df.has(stem.slice(i))) return [stem.slice(0, i), stem.slice(i)];
    const bare = stem.endsWith('ing') ? stem.slice(0, -3) : undefined;
    return (byFirst.get(stem.slice(0, 3)) ?? []).filter(
      (w) =>
        (w.length >= 4 &&
          (stem.startsWith(w) || w.startsWith(stem)) &&
          Math.min(w.length, stem.length) * 2 > Math.max(w.length, stem.length)) ||
        (bare !== undefined &&
          (w === bare ||
            w === `${bare}e` ||
            (bare.length > 3 && bare.at(-1) === bare.at(-2) && w === bare.slice(0, -1)))),
    );
  };
  return {
    nodes,
    near,
    byId: new Map(nodes.map((n) => [n.id, n])),
    byNameStem,
    byContextStem,
    idf: idfOf,
    leaves: nodes.filter((n) => n.leaf).length,
  };
}
