import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSite } from '../../marketplaces/index.ts';
import { priceDecimals } from './rules-price.ts';
import { aeInput, issuesOf, lazopInput, sku0 } from './test-fixtures.ts';

test('priceDecimals: two, none for IDR, VND and Daraz', () => {
  assert.equal(priceDecimals(getSite('lazada', 'SG')), 2);
  assert.equal(priceDecimals(getSite('lazada', 'ID')), 0);
  assert.equal(priceDecimals(getSite('lazada', 'VN')), 0);
  assert.equal(priceDecimals(getSite('daraz', 'BD')), 0);
  assert.equal(priceDecimals(getSite('miravia', 'ES')), 2);
});

test('price-missing and price-currency', () => {
  const missing = lazopInput((i) => (sku0(i).price = undefined as never));
  assert.equal(issuesOf(missing, 'price-missing')[0]?.code, '4110');
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).price = { currency: 'USD', minor: 100 })),
      'price-currency',
    ).length,
    1,
  );
  assert.deepEqual(issuesOf(lazopInput(), 'price-missing'), []);
  assert.deepEqual(issuesOf(lazopInput(), 'price-currency'), []);
});

test('price-zero: 4118 on Lazop, 13022 on AliExpress', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).price = { currency: 'SGD', minor: 0 })),
      'price-zero',
    )[0]?.code,
    '4118',
  );
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).price = { currency: 'USD', minor: 0 })),
      'price-zero',
    )[0]?.code,
    '13022',
  );
  assert.deepEqual(issuesOf(aeInput(), 'price-zero'), []);
});

test('price-decimals: an IDR price with cents is 4104; a whole one passes', () => {
  const idr = (minor: number) =>
    lazopInput((i) => {
      i.site = getSite('lazada', 'ID');
      i.compliance.country = 'ID';
      for (const s of i.product.skus) {
        s.price = { currency: 'IDR', minor };
        s.specialPrice = undefined;
        s.specialFrom = s.specialTo = undefined;
      }
    });
  assert.equal(issuesOf(idr(15_000_050), 'price-decimals')[0]?.code, '4104');
  assert.deepEqual(issuesOf(idr(15_000_000), 'price-decimals'), []);
});

test('price-range: AliExpress prices stop at 999999', () => {
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).price = { currency: 'USD', minor: 100_000_000 })),
      'price-range',
    ).length,
    1,
  );
  assert.deepEqual(issuesOf(aeInput(), 'price-range'), []);
});

test('special-price: not below price is 4157 / 13023; under 10 % of price is 4119', () => {
  const at = (minor: number) =>
    lazopInput((i) => (i.product.skus[1]!.specialPrice = { currency: 'SGD', minor }));
  assert.equal(issuesOf(at(3550), 'special-price')[0]?.code, '4157');
  assert.equal(issuesOf(at(354), 'special-price')[0]?.code, '4119');
  assert.deepEqual(issuesOf(at(355), 'special-price'), []);
  const ae = aeInput((i) => (sku0(i).specialPrice = { currency: 'USD', minor: 2599 }));
  assert.equal(issuesOf(ae, 'special-price')[0]?.code, '13023');
  // AliExpress has no 10 % band.
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (sku0(i).specialPrice = { currency: 'USD', minor: 1 })),
      'special-price',
    ),
    [],
  );
});

test('special-price: promotion dates without a special price are 4110', () => {
  const input = lazopInput((i) => (i.product.skus[1]!.specialPrice = undefined));
  assert.equal(issuesOf(input, 'special-price')[0]?.code, '4110');
});

test('special-dates: a promotion ending before it starts is 4117', () => {
  const input = lazopInput((i) => {
    const s = i.product.skus[1]!;
    [s.specialFrom, s.specialTo] = [s.specialTo, s.specialFrom];
  });
  assert.equal(issuesOf(input, 'special-dates')[0]?.code, '4117');
  assert.equal(
    issuesOf(
      lazopInput((i) => (i.product.skus[1]!.specialTo = new Date('x'))),
      'special-dates',
    ).length,
    1,
  );
  assert.deepEqual(issuesOf(lazopInput(), 'special-dates'), []);
});

test('quantity: a whole number from 0 (4152), at most 999999 on AliExpress (13024)', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).quantity = -1)),
      'quantity',
    )[0]?.code,
    '4152',
  );
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).quantity = 1.5)),
      'quantity',
    ).length,
    1,
  );
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).quantity = 1_000_000)),
      'quantity',
    )[0]?.code,
    '13024',
  );
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (sku0(i).quantity = 0)),
      'quantity',
    ),
    [],
  );
});
