import assert from 'node:assert/strict';
import { test } from 'node:test';
import { priceableItem, pricingCategoryOf } from './category-of.ts';

test('battery goods are told apart from chargers and cables', () => {
  assert.equal(pricingCategoryOf('디지털/가전 > 휴대폰 액세서리 > 보조배터리'), 'electronics-battery');
  assert.equal(pricingCategoryOf('디지털/가전 > 음향기기 > 무선이어폰'), 'electronics-battery');
  assert.equal(pricingCategoryOf('디지털/가전 > 휴대폰 액세서리 > 충전기/케이블'), 'electronics');
  assert.equal(pricingCategoryOf('디지털/가전 > 휴대폰 액세서리 > 충전기'), 'electronics');
  assert.equal(pricingCategoryOf('뷰티 > 향수'), 'fragrance');
});

test('a variant without a weight is priced as a 500 g parcel; dims pass through', () => {
  const base = { variantId: 'v', sellerId: 's', priceKrw: 1000, categoryPath: '뷰티 > 스킨케어' };
  assert.deepEqual(priceableItem({ ...base, weightG: null, dimsMm: null }), {
    variantId: 'v',
    sellerId: 's',
    priceKrw: 1000,
    weightG: 500,
    category: 'beauty',
  });
  const dims = { lengthMm: 100, widthMm: 50, heightMm: 20 };
  assert.deepEqual(priceableItem({ ...base, weightG: 120, dimsMm: dims }).dims, dims);
});
