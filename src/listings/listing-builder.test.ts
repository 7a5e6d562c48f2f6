import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProductWithVariants } from '../catalog/index.ts';
import type { LocalizedListing } from '../localization/index.ts';
import { getSite, type Brand, type CategoryAttribute } from '../marketplaces/index.ts';
import { matchBrand, matchOption, originCountry, packageCm, packageKg } from './attribute-mapping.ts';
import { buildListing, type BuildInput } from './listing-builder.ts';

function attr(name: string, extra: Partial<CategoryAttribute> = {}): CategoryAttribute {
  return {
    id: name,
    name,
    label: name,
    mandatory: false,
    saleProp: false,
    level: 'product',
    inputType: 'text',
    options: [],
    raw: {},
    ...extra,
  };
}
const opts = (...names: string[]) => names.map((n, i) => ({ id: String(i), name: n, enName: n }));
const COLOR = attr('color_family', {
  level: 'sku',
  saleProp: true,
  mandatory: true,
  inputType: 'singleSelect',
  options: opts('Black', 'Grey', 'Red', 'Pink', 'Green', 'Purple', 'Navy Blue', 'Not Specified'),
});
const SIZE = attr('size', {
  level: 'sku',
  saleProp: true,
  inputType: 'enumInput',
  options: opts('S', 'M', 'Free Size'),
});
const ORIGIN = attr('country_origin_hb', {
  mandatory: true,
  inputType: 'singleSelect',
  options: opts('Korea', 'Japan'),
});
const MATERIAL = attr('material', { mandatory: true, inputType: 'enumInput' });
const BRANDS: Brand[] = [
  { id: '1', name: 'No Brand' },
  { id: '2', name: 'COSRX' },
];

test('colour words map to the platform families, in English and Spanish', () => {
  assert.equal(matchOption(COLOR, 'Heather Gray'), 'Grey');
  assert.equal(matchOption(COLOR, '03 Chili'), 'Red');
  assert.equal(matchOption(COLOR, '04 Nudie Rose'), 'Pink');
  assert.equal(matchOption(COLOR, 'Navy'), 'Navy Blue');
  assert.equal(matchOption(COLOR, 'Verde menta'), 'Green');
  assert.equal(matchOption(COLOR, 'Gris'), 'Grey');
  assert.equal(matchOption(COLOR, 'Black'), 'Black');
  assert.equal(matchOption(COLOR, '21호'), undefined);
});

test('units to package fields, origins and brands', () => {
  assert.equal(packageKg(490), '0.49');
  assert.equal(packageKg(1001), '1.01');
  assert.equal(packageKg(3), '0.01');
  assert.equal(packageCm(201), 21);
  assert.equal(packageCm(4), 1);
  assert.equal(originCountry('국내산'), 'Korea');
  assert.equal(originCountry('중국'), 'China');
  assert.equal(originCountry(null), undefined);
  assert.equal(matchBrand(BRANDS, ['cosrx', '코스알엑스']).brand?.id, '2');
  assert.deepEqual(matchBrand(BRANDS, ['라운드랩']), { brand: undefined, asked: '라운드랩' });
  assert.equal(matchBrand(BRANDS, []).brand?.name, 'No Brand');
});

function field(source: string, text: string | null) {
  return {
    source,
    text,
    status: text ? ('machine' as const) : ('needs-translation' as const),
    provider: null,
  };
}

function product(
  options: { name: string; values: string[] }[],
  variants: Record<string, string>[],
): ProductWithVariants {
  const now = new Date();
  return {
    id: 'prd_1',
    sellerId: 'sel_1',
    sellerSku: 'P-1',
    titleKo: '수분 크림',
    descriptionHtml: '',
    brand: '라운드랩',
    manufacturer: null,
    origin: '대한민국',
    sourceCategoryPath: '뷰티 > 크림',
    attributes: { 소재: '면' },
    options,
    images: ['https://img.example/1.jpg'],
    priceKrw: 20000,
    weightG: 490,
    lengthMm: 120,
    widthMm: 80,
    heightMm: 60,
    hsCode: null,
    status: 'active',
    contentHash: 'x',
    createdAt: now,
    updatedAt: now,
    variants: variants.map((optionValues, i) => ({
      id: `var_${i}`,
      sellerId: 'sel_1',
      productId: 'prd_1',
      sellerSku: `P-1-${i}`,
      optionValues,
      priceDeltaKrw: 0,
      stock: 5,
      position: i,
      active: true,
      createdAt: now,
      updatedAt: now,
    })),
  };
}

function input(p: ProductWithVariants, translate: Record<string, string>): BuildInput {
  const localized: LocalizedListing = {
    language: 'en',
    locale: 'en-SG',
    required: true,
    status: 'machine',
    title: field(p.titleKo, 'Moisture Cream'),
    brand: field(p.brand!, 'Round Lab'),
    options: p.options.map((o) => ({
      name: field(o.name, o.name),
      values: o.values.map((v) => field(v, translate[v] ?? null)),
    })),
    attributes: [{ name: field('소재', 'Material'), value: field('면', 'Cotton') }],
    description: null,
    facts: [],
  };
  return {
    site: getSite('lazada', 'SG'),
    product: p,
    localized,
    category: { id: '10', path: 'Beauty > Cream', confidence: 0.8 },
    attributes: [attr('name', { mandatory: true }), ORIGIN, MATERIAL, COLOR, SIZE],
    brands: BRANDS,
    prices: new Map(p.variants.map((v) => [v.id, { currency: 'SGD', minor: 1990 }])),
    quantities: new Map(p.variants.map((v) => [v.id, 4])),
    images: ['https://sg.slatic.net/1.jpg'],
  };
}

test('a product builds into one item: attributes filled, colours as families, unregistered brand as No Brand with a warning', () => {
  const p = product(
    [{ name: '색상', values: ['블랙', '헤더그레이'] }],
    [{ 색상: '블랙' }, { 색상: '헤더그레이' }],
  );
  const r = buildListing(input(p, { 블랙: 'Black', 헤더그레이: 'Heather Gray' }));
  assert.equal(r.items.length, 1);
  const item = r.items[0]!.input;
  assert.equal(item.attributes.name, 'Moisture Cream');
  assert.equal(item.attributes.country_origin_hb, 'Korea');
  assert.equal(item.attributes.material, 'Cotton');
  assert.equal(item.attributes.brand_id, '1');
  assert.deepEqual(
    item.skus.map((s) => s.saleProps),
    [{ color_family: 'Black' }, { color_family: 'Grey' }],
  );
  assert.deepEqual([item.skus[0]!.packageWeightKg, item.skus[0]!.packageLengthCm], ['0.49', 12]);
  assert.deepEqual(
    r.missing.map((m) => [m.field, m.severity]),
    [['brand', 'warning']],
  );
});

test('two colours folding into one family (two greys) go to items of their own value, not one SKU twice', () => {
  const p = product(
    [
      { name: '색상', values: ['블랙', '헤더그레이', '차콜그레이'] },
      { name: '사이즈', values: ['S', 'M'] },
    ],
    [
      { 색상: '블랙', 사이즈: 'S' },
      { 색상: '헤더그레이', 사이즈: 'S' },
      { 색상: '헤더그레이', 사이즈: 'M' },
      { 색상: '차콜그레이', 사이즈: 'S' },
    ],
  );
  const r = buildListing(
    input(p, { 블랙: 'Black', 헤더그레이: 'Heather Gray', 차콜그레이: 'Charcoal Gray', S: 'S', M: 'M' }),
  );
  assert.deepEqual(
    r.items.map((i) => [i.input.attributes.name, i.variantIds]),
    [
      ['Moisture Cream', ['var_0']],
      ['Moisture Cream Heather Gray', ['var_1', 'var_2']],
      ['Moisture Cream Charcoal Gray', ['var_3']],
    ],
  );
  for (const item of r.items) {
    const combos = item.input.skus.map((s) => JSON.stringify(s.saleProps));
    assert.equal(new Set(combos).size, combos.length, String(item.input.attributes.name));
  }
});

test('an axis the category cannot express becomes one item per value; a mandatory colour without an axis is Not Specified', () => {
  const p = product(
    [
      { name: '용량', values: ['50ml', '100ml'] },
      { name: '사이즈', values: ['S', 'M'] },
    ],
    [
      { 용량: '50ml', 사이즈: 'S' },
      { 용량: '50ml', 사이즈: 'M' },
      { 용량: '100ml', 사이즈: 'S' },
    ],
  );
  const r = buildListing(input(p, { '50ml': '50ml', '100ml': '100ml', S: 'S', M: 'M' }));
  // 용량 takes the one size slot; 사이즈 cannot be expressed too, so items split by it.
  assert.deepEqual(
    r.items.map((i) => i.input.attributes.name),
    ['Moisture Cream S', 'Moisture Cream M'],
  );
  assert.deepEqual(
    r.items.map((i) => i.variantIds),
    [['var_0', 'var_2'], ['var_1']],
  );
  assert.equal(r.items[0]!.input.skus[0]!.saleProps!.color_family, 'Not Specified');
  assert.equal(r.items[0]!.input.skus[0]!.saleProps!.size, '50ml');
});

test('what cannot be filled is a missing line naming the field; the hash ignores price and stock', () => {
  const p = { ...product([], [{}]), weightG: null, origin: null, attributes: {} };
  const base = input(p, {});
  const r = buildListing({
    ...base,
    localized: { ...base.localized!, title: field('수분 크림', null), attributes: [] },
  });
  const fields = r.missing.filter((m) => m.severity === 'error').map((m) => m.field);
  assert.deepEqual(fields.sort(), ['country_origin_hb', 'material', 'name', 'package_weight']);
  const again = buildListing({
    ...base,
    prices: new Map([['var_0', { currency: 'SGD', minor: 2590 }]]),
    quantities: new Map([['var_0', 0]]),
  });
  assert.equal(again.contentHash, buildListing(base).contentHash);
  const noPrice = buildListing({ ...base, prices: new Map([['var_0', { failure: 'no shipping service' }]]) });
  assert.ok(noPrice.missing.some((m) => m.field === 'price' && /no shipping service/.test(m.message)));
});
