/**
 * The Google and Shopify product taxonomies shipped in data/taxonomy/ (Korean and English
 * editions, same ids): the evaluation's test sets and the production lexicon's parallel names.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParallelPair } from './lexicon.ts';
import type { TreeNode } from './tree-index.ts';

export const TAXONOMY_DIR = fileURLToPath(new URL('../../../data/taxonomy/', import.meta.url));

export const TAXONOMIES = ['google', 'shopify'] as const;
export type TaxonomyName = (typeof TAXONOMIES)[number];

export interface Taxonomy {
  name: TaxonomyName;
  /** id → names from the root, per edition. */
  ko: Map<string, string[]>;
  en: Map<string, string[]>;
}

function googleEdition(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(`${TAXONOMY_DIR}/google/${file}`, 'utf8').split('\n')) {
    const m = /^(\d+) - (.+)$/.exec(line.trim());
    if (m)
      out.set(
        m[1]!,
        m[2]!.split(' > ').map((s) => s.trim()),
      );
  }
  return out;
}

interface ShopifyFile {
  verticals: { categories: { id: string; name: string; parent_id: string | null }[] }[];
}

function shopifyEdition(locale: string): Map<string, string[]> {
  const file = JSON.parse(
    readFileSync(`${TAXONOMY_DIR}/shopify/shopify-taxonomy-2024-07.${locale}.json`, 'utf8'),
  ) as ShopifyFile;
  const rows = new Map(file.verticals.flatMap((v) => v.categories).map((c) => [c.id, c]));
  const out = new Map<string, string[]>();
  const pathOf = (id: string): string[] => {
    const done = out.get(id);
    if (done) return done;
    const c = rows.get(id);
    if (!c) return [];
    const p = [...(c.parent_id ? pathOf(c.parent_id) : []), c.name];
    out.set(id, p);
    return p;
  };
  for (const id of rows.keys()) pathOf(id);
  return out;
}

const cache = new Map<TaxonomyName, Taxonomy>();

/** Loads one taxonomy's Korean and English editions (cached). */
export function loadTaxonomy(name: TaxonomyName): Taxonomy {
  let t = cache.get(name);
  if (!t) {
    t =
      name === 'google'
        ? {
            name,
            ko: googleEdition('taxonomy-with-ids.ko-KR.txt'),
            en: googleEdition('taxonomy-with-ids.en-US.txt'),
          }
        : { name, ko: shopifyEdition('ko'), en: shopifyEdition('en') };
    cache.set(name, t);
  }
  return t;
}

/** An edition as a tree of nodes (ids kept), for indexing. */
export function editionTree(edition: Map<string, string[]>): TreeNode[] {
  type Mutable = { id: string; name: string; children: Mutable[] };
  const byPath = new Map<string, Mutable>();
  const roots: Mutable[] = [];
  // Parents first: shorter paths before longer ones.
  const rows = [...edition].sort((a, b) => a[1].length - b[1].length);
  for (const [id, path] of rows) {
    const node: Mutable = { id, name: path[path.length - 1] ?? '', children: [] };
    byPath.set(path.join(' > '), node);
    const parent = byPath.get(path.slice(0, -1).join(' > '));
    if (parent && path.length > 1) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Korean name ↔ English name of every category in both editions (the lexicon's parallel data). */
export function parallelNames(t: Taxonomy): ParallelPair[] {
  const out: ParallelPair[] = [];
  for (const [id, ko] of t.ko) {
    const en = t.en.get(id);
    const k = ko[ko.length - 1];
    const e = en?.[en.length - 1];
    if (k && e) out.push([k, e]);
  }
  return out;
}
