import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanNumber } from './korean-number.ts';
import { normalizeText, originalSpan } from './normalize.ts';

describe('scanNumber', () => {
  const cases: [string, number, number][] = [
    ['500', 500, 3],
    ['1,500ml', 1500, 5],
    ['1,234,567원', 1234567, 9],
    ['1.5L', 1.5, 3],
    ['1,5kg', 1.5, 3],
    ['12,34,56', 12, 2],
    ['1만5천원', 15000, 4],
    ['3천원', 3000, 2],
    ['1.5만원', 15000, 4],
    ['1억2천만원', 120000000, 5],
    ['2천5백', 2500, 4],
    ['1만 5천원', 15000, 5],
    ['1만5000원', 15000, 6],
    ['10만족', 10, 2],
    ['3천 500ml', 3000, 2],
  ];
  for (const [text, value, end] of cases) {
    it(text, () => {
      const n = scanNumber(text, 0);
      assert.deepEqual([n?.value, n?.end], [value, end]);
    });
  }
  it('returns null where no digit starts', () => {
    assert.equal(scanNumber('만원', 0), null);
  });
});

describe('normalizeText', () => {
  it('returns the same string when nothing needs folding', () => {
    const n = normalizeText('생수 500ml');
    assert.equal(n.map, null);
    assert.equal(n.text, '생수 500ml');
  });
  it('folds compatibility units and full-width forms and maps spans back', () => {
    const text = '용량 500㎖ ５ｋｇ 25℃';
    const n = normalizeText(text);
    assert.equal(n.text, '용량 500ml 5kg 25°C');
    const start = n.text.indexOf('500ml');
    assert.deepEqual(originalSpan(n, start, start + 5), [3, 7]);
    const t = n.text.indexOf('25°C');
    assert.deepEqual(originalSpan(n, t, t + 4), [text.indexOf('25℃'), text.length]);
  });
});
