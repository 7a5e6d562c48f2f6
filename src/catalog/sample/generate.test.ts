import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProductRecord } from '../catalog-record.ts';
import { isValidBizNo } from '../biz-no.ts';
import { createSampleCatalog, splitProducts } from './generate.ts';
import { SAMPLE_ATTRIBUTE_NAMES, TEMPLATES } from './catalog-templates.ts';
import { SAMPLE_IMAGE_HOST } from './product.ts';
import { SAMPLE_CATEGORIES } from './template.ts';

const catalog = createSampleCatalog({ sellers: 12, products: 1500, seed: 'test' });
const products: ProductRecord[] = [...catalog.products()];
const HANGUL = /[\uAC00-\uD7A3]/;
const TOP_LEVEL: Record<string, string> = {
  beauty: '뷰티',
  food: '식품',
  fashion: '패션',
  shoes: '패션잡화 > 신발',
  home: '홈/리빙',
  baby: '출산/육아',
  pet: '반려동물',
  electronics: '디지털/가전',
};

test('same seed gives the same records; another seed differs', () => {
  const again = [...createSampleCatalog({ sellers: 12, products: 1500, seed: 'test' }).products()];
  assert.deepEqual(again, products);
  const other = [...createSampleCatalog({ sellers: 12, products: 1500, seed: 'other' }).products()];
  assert.notDeepEqual(other, products);
  assert.equal(products.length, 1500);
  assert.equal(catalog.productCount, 1500);
});

test('every category appears, with the category path in Korean', () => {
  for (const category of SAMPLE_CATEGORIES) {
    const paths = TEMPLATES[category].map((t) => t.path);
    const count = products.filter((p) => paths.includes(p.categoryPath)).length;
    assert.ok(count > 0, `no ${category} product`);
    for (const path of paths) assert.ok(path.startsWith(TOP_LEVEL[category] ?? '?'), path);
  }
  for (const p of products) assert.match(p.categoryPath, /^[^>]+( > [^>]+)+$/);
});

test('titles are Korean, carry bracket tags in a fair share and stay short', () => {
  const tagged = products.filter((p) => /^\[[^\]]+\]/.test(p.title)).length;
  assert.ok(tagged / products.length > 0.4 && tagged / products.length < 0.8, `tagged share ${tagged}`);
  for (const p of products) {
    assert.match(p.title, HANGUL);
    assert.ok(p.title.length <= 100, p.title);
    assert.doesNotMatch(p.title, /\s{2,}|^\s|\s$/, `spacing in "${p.title}"`);
  }
  const tags = new Set(products.flatMap((p) => p.title.match(/\[[^\]]+\]/g) ?? []));
  for (const tag of ['[무료배송]', '[1+1]', '[당일발송]', '[정품]']) assert.ok(tags.has(tag), tag);
});

test('variants match the declared options; SKUs are unique per seller', () => {
  const skus = new Map<string, Set<string>>();
  let variants = 0;
  for (const p of products) {
    assert.ok(p.variants.length >= 1);
    assert.ok(p.options.length <= 3);
    variants += p.variants.length;
    const seen = skus.get(p.seller?.bizNo ?? '') ?? new Set<string>();
    skus.set(p.seller?.bizNo ?? '', seen);
    for (const sku of [p.sku, ...p.variants.map((v) => v.sku)]) {
      assert.ok(!seen.has(sku), `duplicate SKU ${sku}`);
      seen.add(sku);
    }
    if (p.options.length === 0) {
      assert.equal(p.variants.length, 1);
      assert.deepEqual(p.variants[0]?.options, {});
    }
    // 조합형: every combination exactly once.
    const expected = p.options.reduce((n, o) => n * o.values.length, 1);
    assert.equal(p.variants.length, expected, p.sku);
    const combos = new Set(p.variants.map((v) => JSON.stringify(v.options)));
    assert.equal(combos.size, p.variants.length);
    for (const o of p.options) {
      assert.equal(new Set(o.values).size, o.values.length);
      for (const v of o.values) assert.doesNotMatch(v, /[|;=]/, 'value would break the options cell');
    }
    for (const v of p.variants) {
      assert.deepEqual(
        Object.keys(v.options),
        p.options.map((o) => o.name),
      );
      for (const [axis, value] of Object.entries(v.options)) {
        assert.ok(
          p.options.find((o) => o.name === axis)?.values.includes(value),
          `${p.sku} ${axis}=${value}`,
        );
      }
      assert.ok(Number.isInteger(v.extraPriceKrw) && v.extraPriceKrw % 100 === 0);
      assert.ok(p.priceKrw + v.extraPriceKrw > 0);
      assert.ok(Number.isInteger(v.stock) && v.stock >= 0);
    }
  }
  const average = variants / products.length;
  assert.ok(average > 2.5 && average < 4, `average variants ${average}`);
  const withoutOptions = products.filter((p) => p.options.length === 0).length / products.length;
  assert.ok(withoutOptions > 0.2 && withoutOptions < 0.6, `share without options ${withoutOptions}`);
  assert.ok(
    products.some((p) => p.variants.some((v) => v.extraPriceKrw > 0)),
    'some 추가금',
  );
});

test('fashion has 색상 × 사이즈, shoes 230–280 mm in 5 mm steps, beauty 용량, food 맛/중량', () => {
  const axes = (prefix: string) =>
    products.filter((p) => p.categoryPath.startsWith(prefix)).flatMap((p) => p.options);
  assert.ok(products.some((p) => p.options.map((o) => o.name).join() === '색상,사이즈'));
  const shoeSizes = axes('패션잡화 > 신발')
    .filter((o) => o.name === '사이즈')
    .flatMap((o) => o.values);
  assert.ok(shoeSizes.length > 0);
  for (const s of shoeSizes) {
    const mm = Number(s.replace(/mm$/, ''));
    assert.ok(mm >= 230 && mm <= 280 && mm % 5 === 0, s);
  }
  assert.ok(axes('뷰티').some((o) => o.name === '용량'));
  const food = new Set(axes('식품').map((o) => o.name));
  assert.ok(food.has('맛') && (food.has('중량') || food.has('구성')), [...food].join());
});

test('sellers: valid 사업자등록번호, Korean names, unique; every product carries its seller', () => {
  assert.equal(catalog.sellers.length, 12);
  assert.equal(new Set(catalog.sellers.map((s) => s.bizNo)).size, 12);
  assert.equal(new Set(catalog.sellers.map((s) => s.name)).size, 12);
  for (const s of catalog.sellers) {
    assert.ok(isValidBizNo(s.bizNo), s.bizNo);
    assert.match(s.bizNo, /^\d{10}$/);
    assert.match(s.name, HANGUL);
    assert.match(s.contactEmail ?? '', /^[a-z0-9.]+@[a-z0-9.]+\.[a-z]+$/);
    assert.match(s.contactPhone ?? '', /^0\d{1,2}-\d{3,4}-\d{4}$/);
  }
  const many = createSampleCatalog({ sellers: 500, products: 0, seed: 5 }).sellers;
  assert.ok(many.every((s) => isValidBizNo(s.bizNo)));
  assert.equal(new Set(many.map((s) => s.name)).size, 500);
  const byNo = new Map(catalog.sellers.map((s) => [s.bizNo, s]));
  for (const p of products) assert.deepEqual(p.seller, byNo.get(p.seller?.bizNo ?? ''));
  assert.ok(new Set(products.map((p) => p.seller?.bizNo)).size === 12, 'every seller has products');
});

test('fields look like Korean listings: prices, attributes, images, HTML, HS codes, origin', () => {
  const allowed = new Set<string>(SAMPLE_ATTRIBUTE_NAMES);
  for (const p of products) {
    assert.ok(Number.isInteger(p.priceKrw) && p.priceKrw >= 1000 && p.priceKrw % 10 === 0, `${p.priceKrw}`);
    for (const name of Object.keys(p.attributes))
      assert.ok(allowed.has(name), `attribute ${name} not in the list`);
    assert.ok(p.images.length >= 2 && p.images.every((u) => u.startsWith(`${SAMPLE_IMAGE_HOST}/`)));
    assert.match(
      p.descriptionHtml ?? '',
      /<img src="https:\/\/image\.sample-kbridge\.kr\/[^"]+" width="712">/,
    );
    assert.match(p.descriptionHtml ?? '', /<table[^>]*>[\s\S]*<\/table>/);
    if (p.hsCode !== undefined) assert.match(p.hsCode, /^\d{6}$/);
    assert.ok(p.weightG && p.weightG > 0 && p.dimensionsCm && p.dimensionsCm.height >= 1);
    assert.ok(p.origin && HANGUL.test(p.origin));
  }
  assert.ok(
    products.filter((p) => p.priceKrw % 1000 === 900).length > products.length * 0.25,
    'most end in 900',
  );
  assert.ok(products.some((p) => p.hsCode === undefined) && products.some((p) => p.hsCode === '330499'));
  const origins = new Set(products.map((p) => p.origin));
  for (const o of ['대한민국', '국내산', '중국', '베트남']) assert.ok(origins.has(o), o);
  assert.ok(products.some((p) => p.brand === undefined) && products.some((p) => p.brand === '라운드랩'));
});

test('splitProducts gives every seller one or more products and sums to the total', () => {
  const counts = splitProducts('s', 7, 1000);
  assert.equal(
    counts.reduce((a, b) => a + b, 0),
    1000,
  );
  assert.ok(counts.every((c) => c >= 1));
  assert.ok(Math.max(...counts) > 2 * Math.min(...counts), 'sellers differ in size');
  assert.deepEqual(splitProducts('s', 5, 3), [1, 1, 1, 0, 0]);
  assert.throws(() => createSampleCatalog({ sellers: 0, products: 1, seed: 1 }), RangeError);
});
