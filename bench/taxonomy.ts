// `npm run bench -- taxonomy [--glossary cross|unseen|terms-only]`: the category-mapping evaluation
// (Korean taxonomy paths → English editions, top-1/top-3, mappings/s), then production-shaped
// throughput: 10,000 products × 12 site trees (the Lazada PH tree indexed 12 times), each distinct
// Korean path scored once per site.
import { readFileSync } from 'node:fs';
import { describeEvaluation } from '../src/cli/listings-category-commands.ts';
import {
  CategoryMapper,
  evaluateTaxonomy,
  GLOSSARY_MODES,
  indexTree,
  productionLexicon,
  TAXONOMIES,
  type GlossaryMode,
  type TreeNode,
} from '../src/listings/category/index.ts';

const arg = process.argv.indexOf('--glossary');
const modes: GlossaryMode[] = arg > 0 ? [process.argv[arg + 1] as GlossaryMode] : [...GLOSSARY_MODES];

console.log('category mapping: Korean taxonomy paths → English editions (ids never seen by the mapper)');
const results = modes.flatMap((glossary) => TAXONOMIES.map((t) => evaluateTaxonomy(t, { glossary })));
console.log(describeEvaluation(results, true));

type Raw = { category_id: number; name: string; leaf: boolean; children?: Raw[] };
const toNode = (r: Raw): TreeNode => ({
  id: String(r.category_id),
  name: r.name,
  leaf: r.leaf,
  children: (r.children ?? []).map(toNode),
});
const raw = JSON.parse(
  readFileSync(new URL('../data/marketplace/lazada-ph-category-tree.json', import.meta.url), 'utf8'),
) as { data: Raw[] };

// Seller paths: leaves of the Google Korean edition stand in for sellers' category paths.
const koLines = readFileSync(
  new URL('../data/taxonomy/google/taxonomy-with-ids.ko-KR.txt', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => /^\d+ - /.test(l))
  .map((l) => l.replace(/^\d+ - /, '').split(' > '));
const DISTINCT = 500;
const PRODUCTS = 10_000;
const SITES = 12;
const paths = Array.from(
  { length: DISTINCT },
  (_, i) => koLines[Math.floor((i * koLines.length) / DISTINCT)]!,
);
const products = Array.from({ length: PRODUCTS }, (_, i) => ({
  koreanPath: paths[(i * 7919) % DISTINCT]!,
  title: `상품 ${i} 정품 1+1`,
}));

const lexStart = performance.now();
productionLexicon();
const lexMs = performance.now() - lexStart;
const t0 = performance.now();
let indexMs = 0;
for (let s = 0; s < SITES; s++) {
  const i0 = performance.now();
  const mapper = new CategoryMapper(indexTree(raw.data.map(toNode)), productionLexicon());
  indexMs += performance.now() - i0;
  for (const p of products) mapper.map(p);
}
const total = performance.now() - t0;
console.log(
  `\nproduction shape: ${PRODUCTS} products (${DISTINCT} distinct paths, with titles) × ${SITES} sites ` +
    `(Lazada PH tree, ${raw.data.length} roots): ${(total / 1000).toFixed(1)} s ` +
    `(lexicon ${(lexMs / 1000).toFixed(1)} s once, indexing ${(indexMs / 1000).toFixed(1)} s), ` +
    `${Math.round((PRODUCTS * SITES) / (total / 1000))} mappings/s`,
);
