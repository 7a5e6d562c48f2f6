import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPricingData } from './pricing-data.ts';
import { ceilNice, compileRoundingRule, floorNice, isNicePrice, nextNice, roundNice } from './rounding.ts';
import { mulberry32 } from './sample-items.ts';

const data = loadPricingData();
const rule = (name: string, ccy = name) => compileRoundingRule(name, ccy, data.rounding.rules[name]!);

describe('rounding endings per currency', () => {
  it('SGD and MYR end in .90 or .99', () => {
    const sgd = rule('SGD');
    assert.equal(roundNice(sgd, 1234), 1199); // 12.34 → 11.99 (0.35 away) rather than 12.90 (0.56)
    assert.equal(roundNice(sgd, 1296), 1299);
    assert.equal(roundNice(sgd, 1291), 1290);
    assert.equal(ceilNice(sgd, 1291), 1299);
    assert.equal(ceilNice(sgd, 1200), 1290);
    assert.ok(isNicePrice(rule('MYR'), 4990));
    assert.ok(!isNicePrice(rule('MYR'), 4995));
  });
  it('THB and PHP are whole numbers ending in 9', () => {
    const thb = rule('THB');
    assert.equal(roundNice(thb, 59012), 58900);
    assert.equal(roundNice(thb, 59412), 59900);
    assert.ok(isNicePrice(thb, 59900) && !isNicePrice(thb, 60000) && !isNicePrice(thb, 59950));
    assert.equal(ceilNice(rule('PHP'), 100), 900); // ₱1.00 → ₱9
  });
  it('IDR rounds to Rp100 below Rp100,000 and to Rp1,000 above', () => {
    const idr = rule('IDR');
    assert.equal(roundNice(idr, 4_512_300), 4_510_000); // Rp45,123 → Rp45,100
    assert.equal(roundNice(idr, 12_345_600), 12_300_000); // Rp123,456 → Rp123,000
    assert.ok(isNicePrice(idr, 9_990_000) && !isNicePrice(idr, 10_010_000));
    assert.equal(ceilNice(idr, 9_999_001), 10_000_000);
    assert.equal(ceilNice(rule('IDR-1000', 'IDR'), 1), 100_000);
  });
  it('VND to 1,000; PKR/BDT/LKR/NPR whole; EUR .95/.99; USD .99', () => {
    assert.equal(roundNice(rule('VND'), 914_499), 914_000);
    assert.equal(roundNice(rule('PKR'), 2_339_251), 2_339_300);
    assert.equal(roundNice(rule('BDT'), 961_949), 961_900);
    assert.equal(roundNice(rule('EUR'), 3_897), 3_899);
    assert.equal(roundNice(rule('EUR'), 3_893), 3_895);
    assert.equal(roundNice(rule('EUR'), 3_820), 3_799); // 38.20 → 37.99
    assert.equal(roundNice(rule('USD'), 3_850), 3_899);
  });
  it("mode 'up' never rounds down", () => {
    assert.equal(roundNice(rule('THB'), 59012, 'up'), 59900);
  });
});

describe('rounding properties over random prices', () => {
  const rnd = mulberry32(7);
  for (const name of Object.keys(data.rounding.rules)) {
    const ccy = name.slice(0, 3);
    it(`${name}: results are allowed, ceil/floor bracket x, nothing allowed lies between`, () => {
      const r = rule(name, ccy);
      for (let i = 0; i < 2000; i++) {
        const x = Math.exp(rnd() * Math.log(1e9)) * (rnd() < 0.5 ? 1 : 1.000001);
        const up = ceilNice(r, x);
        const down = floorNice(r, x);
        const near = roundNice(r, x);
        assert.ok(isNicePrice(r, up), `${name} ceil(${x}) = ${up}`);
        assert.ok(up >= x - 1e-6);
        assert.ok(isNicePrice(r, near) && (near === up || near === down));
        if (down !== undefined) {
          assert.ok(isNicePrice(r, down) && down <= x + 1e-6);
          if (down < up) assert.equal(nextNice(r, down), up, `${name}: gap between ${down} and ${up}`);
        }
        assert.ok(nextNice(r, up) > up && isNicePrice(r, nextNice(r, up)));
      }
    });
  }
});
