import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aeInput, errors, issuesOf, lazopInput, sku0 } from './test-fixtures.ts';

test('category-missing: no mapped category blocks; a mapped one passes', () => {
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (i.category = undefined)),
      'category-missing',
    ).length,
    1,
  );
  assert.deepEqual(issuesOf(lazopInput(), 'category-missing'), []);
});

test('category-leaf: a parent category is refused (4134 / 13005)', () => {
  const [lz] = issuesOf(
    lazopInput((i) => (i.category = { id: '1001', leaf: false })),
    'category-leaf',
  );
  assert.equal(lz?.code, '4134');
  const [ae] = issuesOf(
    aeInput((i) => (i.category = { id: '2001', leaf: false })),
    'category-leaf',
  );
  assert.equal(ae?.code, '13005');
  assert.deepEqual(issuesOf(lazopInput(), 'category-leaf'), []);
});

test('category-mismatch: the payload must name the checked category', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (i.product.categoryId = '999')),
      'category-mismatch',
    ).length,
    1,
  );
  assert.deepEqual(issuesOf(lazopInput(), 'category-mismatch'), []);
});

test('attribute-mandatory: basic ones are 4108, category ones 4110, AliExpress 13012', () => {
  const noBrand = issuesOf(
    lazopInput((i) => delete i.product.attributes.brand_id),
    'attribute-mandatory',
  );
  assert.deepEqual(
    noBrand.map((x) => [x.field, x.code]),
    [['brand', '4108']],
  );
  const noOrigin = issuesOf(
    lazopInput((i) => delete i.product.attributes.country_origin_hb),
    'attribute-mandatory',
  );
  assert.deepEqual(
    noOrigin.map((x) => [x.field, x.code]),
    [['country_origin_hb', '4110']],
  );
  const brandByName = lazopInput((i) => {
    delete i.product.attributes.brand_id;
    i.product.attributes.brand = 'Laneige';
  });
  assert.deepEqual(issuesOf(brandByName, 'attribute-mandatory'), []);
  const ae = issuesOf(
    aeInput((i) => delete i.product.attributes.Origin),
    'attribute-mandatory',
  );
  assert.deepEqual(
    ae.map((x) => [x.field, x.code]),
    [['Origin', '13012']],
  );
  // AliExpress attributes are found by id too, and brand by brand_name.
  const byId = aeInput((i) => {
    delete i.product.attributes.Origin;
    delete i.product.attributes.brand_id;
    i.product.attributes['219'] = 'Korea';
    i.product.attributes.brand_name = 'Laneige';
  });
  assert.deepEqual(errors(byId), []);
});

test('attribute-mandatory: SKU-level category attributes are checked per SKU', () => {
  const input = lazopInput((i) => {
    i.attributes = [
      ...i.attributes,
      { ...i.attributes[0]!, id: 'w', name: 'warranty_sku', label: 'W', level: 'sku', mandatory: true },
    ];
    sku0(i).attributes = { warranty_sku: '1 year' };
  });
  const found = issuesOf(input, 'attribute-mandatory');
  assert.deepEqual(
    found.map((x) => x.sellerSku),
    ['LN-MASK-WHT'],
  );
});

test('attribute-option: an enumerated value must be an option (4115 / 13011)', () => {
  const [lz] = issuesOf(
    lazopInput((i) => (i.product.attributes.country_origin_hb = 'Mars')),
    'attribute-option',
  );
  assert.equal(lz?.code, '4115');
  assert.match(lz?.message ?? '', /"Mars".*Korea, Japan/);
  // Case-insensitive, and multiSelect values are checked one by one.
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (i.product.attributes.country_origin_hb = 'korea')),
      'attribute-option',
    ),
    [],
  );
  assert.equal(
    issuesOf(
      lazopInput((i) => (i.product.attributes.Hazmat = 'None,Plutonium')),
      'attribute-option',
    ).length,
    1,
  );
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (i.product.attributes.Hazmat = 'None, Battery')),
      'attribute-option',
    ),
    [],
  );
  const [ae] = issuesOf(
    aeInput((i) => (i.product.attributes.brand_id = '999')),
    'attribute-option',
  );
  assert.equal(ae?.code, '13011');
  assert.deepEqual(issuesOf(aeInput(), 'attribute-option'), []);
});

test('brand-invalid: a brand id outside the site/category list is 4142 when the list is given', () => {
  const bad = lazopInput((i) => (i.brandIds = new Set(['7'])));
  assert.equal(issuesOf(bad, 'brand-invalid')[0]?.code, '4142');
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (i.brandIds = new Set(['31']))),
      'brand-invalid',
    ),
    [],
  );
});
