import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyConfirmation, mapCategory } from './map-category.ts';
import { CategoryMapper } from './mapper.ts';
import { productionLexicon } from './lexicons.ts';
import { evaluateTaxonomy } from './evaluation.ts';
import { indexTree, type TreeNode } from './tree-index.ts';
import type { CategoryConfirmation } from './confirmations.ts';

type Raw = { category_id: number; name: string; leaf: boolean; children?: Raw[] };
const toNode = (r: Raw): TreeNode => ({
  id: String(r.category_id),
  name: r.name,
  leaf: r.leaf,
  children: (r.children ?? []).map(toNode),
});
const lazadaPh = (
  JSON.parse(
    readFileSync(new URL('../../../data/marketplace/lazada-ph-category-tree.json', import.meta.url), 'utf8'),
  ) as { data: Raw[] }
).data.map(toNode);

function best(path: string, title?: string) {
  const r = mapCategory(lazadaPh, { koreanPath: path.split('>'), title });
  assert.ok(r.best, `no category for ${path}`);
  return r;
}

test('Korean seller paths map to sensible Lazada PH leaves', () => {
  assert.match(best('뷰티>스킨케어>토너').best!.path.join(' > '), /^Beauty > Skin Care > Toners? & Mists$/);
  assert.deepEqual(best('패션의류>여성의류>원피스').best!.path.slice(-2), ['Women Clothing', 'Dresses']);
  const snack = best('식품>과자>스낵').best!;
  assert.equal(snack.path[0], 'Groceries');
  assert.ok(snack.path.includes('Snacks'), snack.path.join(' > '));
  assert.deepEqual(best('뷰티>메이크업>립스틱').best!.path.slice(-2), ['Lips', 'Lipsticks']);
  assert.deepEqual(best('출산/육아>기저귀>일회용 기저귀').best!.path.slice(-1), ['Disposable Diapers']);
  assert.equal(
    best('반려동물>강아지 사료').best!.path.slice(0, 3).join(' > '),
    'Pet Supplies > Pet Food > Dog Food & Treat',
  );
});

test('answers are leaves, with confidences in [0,1] and up to five alternatives', () => {
  const r = best('패션잡화>가방>백팩');
  const byId = new CategoryMapper(indexTree(lazadaPh), productionLexicon()).index.byId;
  for (const m of [r.best!, ...r.alternatives]) {
    assert.equal(byId.get(m.id)?.leaf, true, m.path.join(' > '));
    assert.ok(m.confidence >= 0 && m.confidence <= 1);
  }
  assert.equal(r.alternatives.length, 5);
  assert.ok(r.alternatives.every((a) => a.score <= r.best!.score));
  assert.ok(r.best!.path.at(-1) === 'Backpacks');
});

test('a title picks among the leaves of a general path', () => {
  const titled = best('뷰티>스킨케어', '이니스프리 그린티 토너 200ml');
  assert.match(titled.best!.path.join(' > '), /^Beauty > Skin Care > Toners? & Mists$/);
  const serum = best('뷰티>스킨케어', '에센스 세럼 50ml');
  assert.match(serum.best!.path.join(' > '), /Serum/);
});

test('a confirmed mapping wins with confidence 1', () => {
  const mapper = new CategoryMapper(indexTree(lazadaPh), productionLexicon());
  const input = { koreanPath: ['뷰티', '스킨케어', '토너'] };
  const similar = mapper.map(input);
  const other = similar.alternatives[1]!;
  const confirmed = {
    id: 'cmap_x',
    sellerId: null,
    siteId: 'lazada-ph',
    sourcePath: '뷰티 > 스킨케어 > 토너',
    categoryId: other.id,
    categoryPath: null,
    confirmedBy: 'op',
    confirmedAt: new Date(),
  } satisfies CategoryConfirmation;
  const r = applyConfirmation(mapper, input, confirmed);
  assert.equal(r.best?.id, other.id);
  assert.equal(r.best?.confidence, 1);
  assert.equal(r.best?.source, 'confirmed');
  assert.deepEqual(r.best?.path, other.path);
  assert.ok(!r.alternatives.some((a) => a.id === other.id));
  assert.equal(r.alternatives[0]?.id, similar.best?.id);
});

test('the taxonomy evaluation runs on a slice and reports accuracies', () => {
  for (const taxonomy of ['google', 'shopify'] as const) {
    const r = evaluateTaxonomy(taxonomy, { limit: 150 });
    assert.equal(r.categories, 150);
    for (const x of [r.top1, r.top3]) assert.ok(x >= 0 && x <= 1);
    assert.ok(r.top3 >= r.top1);
    // Far above chance (1 in thousands of categories): the mapping really works.
    assert.ok(r.top1 > 0.4, `${taxonomy} top-1 ${r.top1}`);
  }
  const none = evaluateTaxonomy('google', { limit: 100, glossary: 'terms-only' });
  assert.ok(none.top1 < evaluateTaxonomy('google', { limit: 100 }).top1);
});
