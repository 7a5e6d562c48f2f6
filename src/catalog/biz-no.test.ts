import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bizNoCheckDigit, formatBizNo, isValidBizNo, normalizeBizNo } from './biz-no.ts';

test('check digit of published registration numbers', () => {
  // Samsung Electronics 124-81-00998: the ninth digit 9 exercises the floor(9×5/10) carry.
  assert.equal(bizNoCheckDigit('124810099'), 8);
  // Naver 220-81-62517.
  assert.equal(bizNoCheckDigit('220816251'), 7);
  assert.equal(bizNoCheckDigit('000000000'), 0);
});

test('isValidBizNo accepts dashes and spaces, rejects wrong check digit or length', () => {
  assert.equal(isValidBizNo('124-81-00998'), true);
  assert.equal(isValidBizNo('1248100998'), true);
  assert.equal(isValidBizNo(' 220 81 62517 '), true);
  assert.equal(isValidBizNo('124-81-00997'), false);
  assert.equal(isValidBizNo('124-81-0099'), false);
  assert.equal(isValidBizNo('124-81-009988'), false);
  assert.equal(isValidBizNo('12a-81-00998'), false);
  assert.equal(isValidBizNo(''), false);
});

test('exactly one check digit is valid for any nine digits', () => {
  for (const nine of ['123456789', '987654321', '555555555', '100000009']) {
    const valid = [...Array(10).keys()].filter((d) => isValidBizNo(nine + d));
    assert.deepEqual(valid, [bizNoCheckDigit(nine)]);
  }
});

test('bizNoCheckDigit rejects malformed input', () => {
  assert.throws(() => bizNoCheckDigit('12345678'), RangeError);
  assert.throws(() => bizNoCheckDigit('12345678a'), RangeError);
});

test('normalize and format', () => {
  assert.equal(normalizeBizNo('124-81-00998'), '1248100998');
  assert.equal(formatBizNo('1248100998'), '124-81-00998');
  assert.equal(formatBizNo('12-3'), '12-3');
});
