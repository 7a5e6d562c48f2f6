import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aeInput, issuesOf, lazopInput, sku0 } from './test-fixtures.ts';

test('sku-count: at least one SKU; at most 200 on AliExpress (13032)', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (i.product.skus = [])),
      'sku-count',
    ).length,
    1,
  );
  const many = aeInput((i) => {
    const s = sku0(i);
    i.product.skus = Array.from({ length: 201 }, (_, k) => ({
      ...s,
      sellerSku: `S${k}`,
      saleProps: { Color: `C${k}` },
    }));
  });
  assert.equal(issuesOf(many, 'sku-count')[0]?.code, '13032');
  assert.deepEqual(issuesOf(aeInput(), 'sku-count'), []);
});

test('seller-sku: empty (4110 / 13021) and repeated in the product (4126 / 13025)', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).sellerSku = ' ')),
      'seller-sku',
    )[0]?.code,
    '4110',
  );
  const repeated = lazopInput((i) => (i.product.skus[1]!.sellerSku = sku0(i).sellerSku));
  assert.equal(issuesOf(repeated, 'seller-sku')[0]?.code, '4126');
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).sellerSku = '')),
      'seller-sku',
    )[0]?.code,
    '13021',
  );
  assert.deepEqual(issuesOf(lazopInput(), 'seller-sku'), []);
});

test('sale-prop-unknown: only the category variant attributes (4143 / 13028)', () => {
  const [hit] = issuesOf(
    lazopInput((i) => (sku0(i).saleProps = { color_family: 'Black', flavour: 'Mint' })),
    'sale-prop-unknown',
  );
  assert.deepEqual([hit?.field, hit?.code], ['flavour', '4143']);
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).saleProps = { Colour: 'Black' })),
      'sale-prop-unknown',
    )[0]?.code,
    '13028',
  );
  // AliExpress names match case-insensitively.
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (sku0(i).saleProps = { color: 'Black' })),
      'sale-prop-unknown',
    ),
    [],
  );
});

test('sale-prop-missing: a mandatory variant attribute (4110 / 13027) and several SKUs without any (4144)', () => {
  const [m] = issuesOf(
    lazopInput((i) => (sku0(i).saleProps = { size: 'M' })),
    'sale-prop-missing',
  );
  assert.deepEqual([m?.field, m?.code], ['color_family', '4110']);
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).saleProps = {})),
      'sale-prop-missing',
    )[0]?.code,
    '13027',
  );
  const none = lazopInput((i) => {
    i.attributes = i.attributes.map((a) => ({ ...a, mandatory: a.saleProp ? false : a.mandatory }));
    sku0(i).saleProps = {};
  });
  assert.equal(issuesOf(none, 'sale-prop-missing')[0]?.code, '4144');
  assert.deepEqual(issuesOf(lazopInput(), 'sale-prop-missing'), []);
});

test('sale-prop-duplicate: two SKUs with the same variant values (4112 / 13029)', () => {
  const dup = lazopInput((i) => (i.product.skus[1]!.saleProps = { color_family: 'Black' }));
  assert.equal(issuesOf(dup, 'sale-prop-duplicate')[0]?.code, '4112');
  const ae = aeInput((i) =>
    i.product.skus.push({ ...sku0(i), sellerSku: 'LN-2', saleProps: { color: 'Black' } }),
  );
  assert.equal(issuesOf(ae, 'sale-prop-duplicate')[0]?.code, '13029');
  assert.deepEqual(issuesOf(lazopInput(), 'sale-prop-duplicate'), []);
});

test('sale-prop-value: AliExpress values are 1–70 characters without { # : = , } (13028)', () => {
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).saleProps = { Color: 'Black, Red' })),
      'sale-prop-value',
    )[0]?.code,
    '13028',
  );
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).saleProps = { Color: 'x'.repeat(71) })),
      'sale-prop-value',
    ).length,
    1,
  );
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (sku0(i).saleProps = { Color: 'Ocean Blue' })),
      'sale-prop-value',
    ),
    [],
  );
});

test('attribute-option: a Lazop select sale prop must be an option (4115); free-text ones are not checked', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).saleProps = { color_family: 'Teal' })),
      'attribute-option',
    )[0]?.code,
    '4115',
  );
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (sku0(i).saleProps = { color_family: 'Black', size: 'XXL' })),
      'attribute-option',
    ),
    [],
  );
});
