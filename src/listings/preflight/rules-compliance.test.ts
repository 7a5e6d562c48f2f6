import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSite } from '../../marketplaces/index.ts';
import { blocking, preflight } from './preflight.ts';
import { aeInput, issuesOf, lazopInput, sku0 } from './test-fixtures.ts';

test('destination-forbidden: perfume (Korean category path) cannot fly to Singapore', () => {
  const input = lazopInput((i) => {
    i.compliance.titleKo = '샤넬 No.5 오드퍼퓸 50ml';
    i.compliance.sourceCategoryPath = '뷰티 > 향수';
    i.compliance.titleEn = 'No.5 EDP 50ml';
  });
  const [hit] = issuesOf(input, 'destination-forbidden');
  assert.equal(hit?.severity, 'error');
  assert.match(hit?.message ?? '', /flammable liquid/);
  assert.ok(blocking(preflight(input)));
  assert.deepEqual(issuesOf(lazopInput(), 'destination-forbidden'), []);
});

test('destination-forbidden: by HS code, by the Hazmat attribute, and a destination-only rule', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (i.compliance.hsCode = '3303.00')),
      'destination-forbidden',
    ).length,
    1,
  );
  assert.equal(
    issuesOf(
      lazopInput((i) => (i.product.attributes.Hazmat = 'Battery')),
      'destination-forbidden',
    ).length,
    1,
  );
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (i.product.attributes.Hazmat = 'None')),
      'destination-forbidden',
    ),
    [],
  );
  const kimchi = (country: string, site: ReturnType<typeof getSite>) =>
    lazopInput((i) => {
      i.site = site;
      i.compliance.country = country;
      i.compliance.titleKo = '포기김치 1kg';
      for (const s of i.product.skus) {
        s.price = { currency: site.currency, minor: 100_000_00 };
        s.specialPrice = undefined;
        s.specialFrom = s.specialTo = undefined;
      }
    });
  const [vn] = issuesOf(kimchi('VN', getSite('lazada', 'VN')), 'destination-forbidden');
  assert.match(vn?.message ?? '', /Vietnam: kimchi/);
  assert.deepEqual(issuesOf(kimchi('PH', getSite('lazada', 'PH')), 'destination-forbidden'), []);
});

test('restricted-item: a battery on AliExpress global is a warning naming EMS Premium; ES and PT are left out', () => {
  const input = aeInput((i) => (i.compliance.titleEn = 'Portable power bank 10000mAh'));
  const [w] = issuesOf(input, 'restricted-item');
  assert.equal(w?.severity, 'warning');
  assert.match(w?.message ?? '', /EMS Premium.*US/);
  const [limited] = issuesOf(input, 'destination-limited');
  assert.match(limited?.message ?? '', /ES, PT/);
  assert.equal(blocking(preflight(input)), false);
  assert.deepEqual(issuesOf(aeInput(), 'restricted-item'), []);
});

test('restricted-item: perfume on Miravia goes by its surface service only', () => {
  const input = lazopInput((i) => {
    i.site = getSite('miravia', 'ES');
    i.compliance.country = 'ES';
    i.compliance.titleKo = '향수 50ml';
    for (const s of i.product.skus) {
      s.price = { currency: 'EUR', minor: 3000 };
      s.specialPrice = undefined;
      s.specialFrom = s.specialTo = undefined;
    }
  });
  const [w] = issuesOf(input, 'restricted-item');
  assert.equal(w?.severity, 'warning');
  assert.match(w?.message ?? '', /Miravia/);
  assert.deepEqual(issuesOf(input, 'destination-forbidden'), []);
});

test('global listings skip destination-only rules', () => {
  const input = aeInput((i) => (i.compliance.titleKo = '포기김치 1kg'));
  assert.deepEqual(issuesOf(input, 'destination-forbidden'), []);
});

test('no-shipping-service: a parcel over every service limit', () => {
  const heavy = lazopInput((i) => {
    i.compliance.weightKg = 35;
    sku0(i).packageWeightKg = 35;
  });
  const [hit] = issuesOf(heavy, 'no-shipping-service');
  assert.equal(hit?.severity, 'error');
  assert.deepEqual(issuesOf(lazopInput(), 'no-shipping-service'), []);
});
