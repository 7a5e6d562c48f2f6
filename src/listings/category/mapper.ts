/**
 * Maps a Korean category path (and a product title) to categories of a tree in English.
 *
 * Each Korean segment is translated into weighted English stems (lexicon.ts). A node of the tree
 * scores by cosine similarity (idf-weighted) of: the Korean leaf segment with the node's own name
 * (most weight), the Korean parent segments with the node's ancestors (the context that tells
 * "Accessories" under Cameras from Accessories under Phones), and the Korean leaf with the node's
 * ancestors (a seller's "스낵" is a whole branch on a marketplace whose leaves are "Chips & Crisps").
 * A title then reranks the path's best candidates by how much of a node's name it mentions.
 */
import type { Bag, CategoryLexicon } from './lexicon.ts';
import type { CategoryIndex, IndexedNode, Vec } from './tree-index.ts';
import { sourcePathKey } from './text.ts';

export interface MapInput {
  koreanPath: readonly string[];
  title?: string | undefined;
}

export interface CategoryMatch {
  id: string;
  /** The category's names from the root. */
  path: string[];
  /** 1 for a confirmed mapping; else the score less half the best rival's score, in [0, 1]. */
  confidence: number;
  /** Similarity in [0, 1] (1 for confirmed). */
  score: number;
}

export interface CategoryMapping {
  best: (CategoryMatch & { source: 'confirmed' | 'similarity' }) | null;
  /** The next candidates, best first (at most `alternatives`, default 5). */
  alternatives: CategoryMatch[];
}

export interface MapOptions {
  /** Only leaves may be answers (marketplace trees: products go to leaves only). Default true. */
  leavesOnly?: boolean;
  /** How many alternatives besides the best (default 5). */
  alternatives?: number;
}

const W_NAME = 0.45;
const W_CONTEXT = 0.45;
const W_LEAF_IN_CONTEXT = 0.1;
const W_PATH = 0.2;
const W_TITLE = 0.5;
/** How many of a path's candidates a title may rerank. */
const POOL = 150;

/** A bag as an idf-weighted vector; stems the tree lacks lend 0.7 of their weight to near forms. */
function weigh(bag: Bag, index: CategoryIndex): Vec {
  const w = new Map<string, number>();
  const put = (s: string, x: number) => {
    if (x > (w.get(s) ?? 0)) w.set(s, x);
  };
  for (const [s, v] of bag) {
    put(s, v * index.idf(s));
    for (const n of index.near(s)) put(n, 0.7 * v * index.idf(n));
  }
  let sq = 0;
  for (const x of w.values()) sq += x * x;
  return { w, norm: Math.sqrt(sq) };
}

function cosine(a: Vec, b: Vec): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, big] = a.w.size <= b.w.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, v] of small.w) {
    const o = big.w.get(k);
    if (o !== undefined) dot += v * o;
  }
  return dot / (a.norm * b.norm);
}

/** Share of a node name's weight that the title mentions. */
function coverage(title: Bag, name: Vec): number {
  if (name.norm === 0) return 0;
  let dot = 0;
  for (const [k, v] of name.w) if (title.has(k)) dot += v * v;
  // sqrt: a title naming one of two words ("토너" for "Toner & Mists") is already good evidence.
  return Math.sqrt(dot / (name.norm * name.norm));
}

interface Scored {
  node: IndexedNode;
  score: number;
}

/** A tree with its lexicon, ready to map; remembers each distinct path's candidates. */
export class CategoryMapper {
  private readonly pathCache = new Map<string, Scored[]>();

  constructor(
    readonly index: CategoryIndex,
    readonly lexicon: CategoryLexicon,
    private readonly options: MapOptions = {},
  ) {}

  /** The best category and the next alternatives for a Korean path (and title). */
  map(input: MapInput): CategoryMapping {
    const max = this.options.alternatives ?? 5;
    let ranked = this.candidates(input.koreanPath);
    if (input.title) ranked = this.rerank(ranked, this.lexicon.translate(input.title, false));
    const top = ranked.slice(0, max + 1);
    const matches = top.map((s, i) => {
      const rival = i === 0 ? (top[1]?.score ?? 0) : (top[0]?.score ?? 0);
      return {
        id: s.node.id,
        path: s.node.path,
        score: round(s.score),
        confidence: round(Math.max(0, Math.min(1, s.score - 0.5 * rival))),
      };
    });
    const [first, ...rest] = matches;
    return { best: first ? { ...first, source: 'similarity' } : null, alternatives: rest };
  }

  /** The path's candidates, best first (cached per distinct path). */
  candidates(koreanPath: readonly string[]): Scored[] {
    const key = sourcePathKey(koreanPath);
    const hit = this.pathCache.get(key);
    if (hit) return hit;
    const scored = this.score(key.split(' > ').filter(Boolean));
    this.pathCache.set(key, scored);
    return scored;
  }

  private score(segments: string[]): Scored[] {
    const { index, lexicon } = this;
    const leavesOnly = this.options.leavesOnly ?? true;
    const leafBag = segments.length > 0 ? lexicon.translate(segments[segments.length - 1]!) : new Map();
    const ctxBag: Bag = new Map();
    const parents = segments.slice(0, -1);
    parents.forEach((seg, d) => {
      const weight = 0.5 + (0.5 * (d + 1)) / parents.length;
      for (const [s, v] of lexicon.translate(seg))
        if (v * weight > (ctxBag.get(s) ?? 0)) ctxBag.set(s, v * weight);
    });
    const qLeaf = weigh(leafBag, index);
    const qCtx = weigh(ctxBag, index);
    const allBag: Bag = new Map(ctxBag);
    for (const [s, v] of leafBag) if (v > (allBag.get(s) ?? 0)) allBag.set(s, v);
    const qAll = weigh(allBag, index);

    const ids = new Set<number>();
    for (const s of qLeaf.w.keys()) {
      for (const i of index.byNameStem.get(s) ?? []) ids.add(i);
      if (leavesOnly) for (const i of index.byContextStem.get(s) ?? []) ids.add(i);
    }
    if (ids.size === 0)
      for (const s of ctxBag.keys()) for (const i of index.byNameStem.get(s) ?? []) ids.add(i);

    const hasCtx = qCtx.norm > 0;
    const total = hasCtx ? 1 + W_PATH : W_NAME + W_LEAF_IN_CONTEXT + W_PATH;
    const out: Scored[] = [];
    for (const i of ids) {
      const node = index.nodes[i]!;
      if (leavesOnly && !node.leaf) continue;
      let s = W_NAME * cosine(qLeaf, node.name) + W_LEAF_IN_CONTEXT * cosine(qLeaf, node.context);
      if (hasCtx) s += W_CONTEXT * cosine(qCtx, node.context);
      s += W_PATH * cosine(qAll, node.all);
      out.push({ node, score: s / total });
    }
    out.sort((a, b) => b.score - a.score || a.node.path.length - b.node.path.length);
    return out.slice(0, POOL);
  }

  private rerank(ranked: Scored[], title: Bag): Scored[] {
    if (title.size === 0) return ranked;
    return ranked
      .map((s) => ({
        node: s.node,
        score: (s.score + W_TITLE * coverage(title, s.node.name)) / (1 + W_TITLE),
      }))
      .sort((a, b) => b.score - a.score);
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
