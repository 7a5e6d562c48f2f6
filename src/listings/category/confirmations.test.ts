import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testStore } from '../../../test/helpers/store.ts';
import { createSeller } from '../../catalog/index.ts';
import type { Store } from '../../db/index.ts';
import type { CategoryNode } from '../../marketplaces/index.ts';
import { fixedClock, OPERATOR_SCOPE, sellerScope } from '../../shared/index.ts';
import {
  confirmCategory,
  confirmedMappings,
  lookupConfirmation,
  removeConfirmation,
} from './confirmations.ts';
import { mapForSite } from './map-category.ts';
import { CategoryTreeCache } from './tree-cache.ts';

let store: Store;
let sellerA: string;
let sellerB: string;
const clock = fixedClock(new Date('2026-11-25T00:00:00Z'));
const path = ['뷰티', '스킨케어', '토너'];

const leaf = (id: string, name: string): CategoryNode => ({ id, name, leaf: true, children: [] });
const TREE: CategoryNode[] = [
  {
    id: '1',
    name: 'Beauty',
    leaf: false,
    children: [
      {
        id: '2',
        name: 'Skin Care',
        leaf: false,
        children: [leaf('10', 'Toners & Mists'), leaf('11', 'Serum & Essence'), leaf('12', 'Moisturizers')],
      },
    ],
  },
];

before(async () => {
  store = await testStore();
  sellerA = (await createSeller(store.db, { name: '셀러 에이', bizNo: '220-81-62517' }, clock)).id;
  sellerB = (await createSeller(store.db, { name: '셀러 비', bizNo: '124-81-00998' }, clock)).id;
});
after(() => store.close());

test('operator-wide confirmation applies to every seller; a seller row wins for that seller', async () => {
  await confirmCategory(
    store,
    OPERATOR_SCOPE,
    { siteId: 'lazada-ph', koreanPath: path, categoryId: '11', confirmedBy: 'op' },
    clock,
  );
  assert.equal((await lookupConfirmation(store, 'lazada-ph', sellerA, path))?.categoryId, '11');
  // A seller scope always writes its own row, whatever it asks.
  const own = await confirmCategory(
    store,
    sellerScope(sellerA),
    {
      siteId: 'lazada-ph',
      koreanPath: [' 뷰티', '스킨케어 ', '토너'],
      categoryId: '10',
      sellerId: sellerB,
      confirmedBy: 'seller',
    },
    clock,
  );
  assert.equal(own.sellerId, sellerA);
  assert.equal(own.sourcePath, '뷰티 > 스킨케어 > 토너');
  assert.equal((await lookupConfirmation(store, 'lazada-ph', sellerA, path))?.categoryId, '10');
  assert.equal((await lookupConfirmation(store, 'lazada-ph', sellerB, path))?.categoryId, '11');
  assert.equal(await lookupConfirmation(store, 'daraz-pk', sellerA, path), undefined);
  const forB = await confirmedMappings(store, 'lazada-ph', sellerB);
  assert.equal(forB.get('뷰티 > 스킨케어 > 토너')?.categoryId, '11');
});

test('confirming again replaces the category (one row per seller, site, path)', async () => {
  await confirmCategory(
    store,
    OPERATOR_SCOPE,
    { siteId: 'lazada-ph', koreanPath: path, categoryId: '12', confirmedBy: 'op2' },
    clock,
  );
  const rows = await store.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM category_mappings WHERE site_id = 'lazada-ph' AND seller_id IS NULL`,
  );
  assert.equal(rows[0]?.n, 1);
  assert.equal((await lookupConfirmation(store, 'lazada-ph', sellerB, path))?.confirmedBy, 'op2');
});

test('mapForSite: tree fetched once and stored; confirmations win with confidence 1', async () => {
  let calls = 0;
  const source = {
    categoryTree: async () => {
      calls++;
      return structuredClone(TREE);
    },
  };
  const trees = new CategoryTreeCache(store);
  const inputs = [{ koreanPath: path }, { koreanPath: ['뷰티', '스킨케어', '에센스'] }];
  const [forA, essence] = await mapForSite({ store, trees, source }, 'lazada-ph', sellerA, inputs);
  assert.equal(forA?.best?.id, '10');
  assert.equal(forA?.best?.source, 'confirmed');
  assert.equal(forA?.best?.confidence, 1);
  assert.equal(essence?.best?.id, '11');
  assert.equal(essence?.best?.source, 'similarity');
  const [forB] = await mapForSite({ store, trees, source }, 'lazada-ph', sellerB, inputs);
  assert.equal(forB?.best?.id, '12');
  assert.equal(calls, 1);
  // A new cache (another process) reads the stored tree instead of calling the platform.
  await new CategoryTreeCache(store).get('lazada-ph', source);
  assert.equal(calls, 1);
  await new CategoryTreeCache(store).get('lazada-ph', source, { refresh: true });
  assert.equal(calls, 2);
});

test('a per-level tree (AliExpress) is expanded node by node', async () => {
  const levels: Record<string, CategoryNode[]> = {
    '0': [{ id: '1', name: 'Beauty', leaf: false, children: [] }],
    '1': [{ id: '2', name: 'Skin Care', leaf: false, children: [] }],
    '2': [leaf('10', 'Toners & Mists')],
  };
  const trees = new CategoryTreeCache();
  const site = await trees.get('aliexpress', {
    categoryTree: async (o) => structuredClone(levels[o?.parentId ?? '0'] ?? []),
  });
  assert.equal(
    site.mapper.map({ koreanPath: path }).best?.path.join(' > '),
    'Beauty > Skin Care > Toners & Mists',
  );
});

test('removing a confirmation brings similarity back', async () => {
  assert.equal(
    await removeConfirmation(store, sellerScope(sellerA), { siteId: 'lazada-ph', koreanPath: path }),
    true,
  );
  assert.equal(
    await removeConfirmation(store, sellerScope(sellerA), { siteId: 'lazada-ph', koreanPath: path }),
    false,
  );
  assert.equal((await lookupConfirmation(store, 'lazada-ph', sellerA, path))?.categoryId, '12');
});
