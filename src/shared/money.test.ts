import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  add,
  allocate,
  formatMoney,
  money,
  multiply,
  parseMoney,
  roundNumber,
  subtract,
  sum,
  toDecimalString,
} from './money.ts';
import { AppError } from './errors.ts';

test('parseMoney reads major units exactly per currency exponent', () => {
  assert.deepEqual(parseMoney('KRW', '25,000'), { currency: 'KRW', minor: 25000 });
  assert.deepEqual(parseMoney('THB', '599.9'), { currency: 'THB', minor: 59990 });
  assert.deepEqual(parseMoney('SGD', '0.10'), { currency: 'SGD', minor: 10 });
  assert.deepEqual(parseMoney('SGD', '-3.5'), { currency: 'SGD', minor: -350 });
  assert.throws(() => parseMoney('KRW', '100.5'), AppError);
  assert.throws(() => parseMoney('SGD', '1.234'), AppError);
  assert.throws(() => parseMoney('XXX', '1'), /unknown currency/);
  assert.throws(() => parseMoney('SGD', 'abc'), /not a SGD amount/);
});

test('arithmetic keeps integer minor units and refuses mixed currencies', () => {
  const a = money('SGD', 1999);
  assert.deepEqual(add(a, money('SGD', 1)), money('SGD', 2000));
  assert.deepEqual(subtract(a, money('SGD', 2000)), money('SGD', -1));
  assert.deepEqual(sum('SGD', [a, a, a]), money('SGD', 5997));
  assert.throws(() => add(a, money('THB', 1)), /cannot combine SGD with THB/);
  assert.throws(() => money('KRW', 1.5), /integer/);
  // 0.1 + 0.2 in major units: exact here, unlike floats.
  assert.equal(toDecimalString(add(parseMoney('EUR', '0.1'), parseMoney('EUR', '0.2'))), '0.30');
});

test('multiply rounds with the requested mode', () => {
  assert.equal(multiply(money('KRW', 25000), 0.0555).minor, 1388); // 1387.5 half-even -> 1388
  assert.equal(multiply(money('KRW', 25100), 0.0555, 'half-even').minor, 1393);
  assert.equal(roundNumber(2.5, 'half-even'), 2);
  assert.equal(roundNumber(3.5, 'half-even'), 4);
  assert.equal(roundNumber(2.5, 'half-up'), 3);
  assert.equal(roundNumber(-2.5, 'half-up'), -3);
  assert.equal(roundNumber(2.0001, 'up'), 3);
  assert.equal(roundNumber(2.9999, 'down'), 2);
});

test('allocate splits exactly, whatever the weights', () => {
  for (const [total, weights] of [
    [100, [1, 1, 1]],
    [1, [1, 1]],
    [99999, [0.3, 0.2, 0.5, 0.0001]],
    [-10, [1, 2]],
  ] as [number, number[]][]) {
    const parts = allocate(money('SGD', total), weights);
    assert.equal(
      parts.reduce((a, p) => a + p.minor, 0),
      total,
    );
  }
  assert.deepEqual(
    allocate(money('SGD', 100), [1, 1, 1]).map((p) => p.minor),
    [34, 33, 33],
  );
});

test('formatting uses the locale and the currency display digits', () => {
  assert.equal(formatMoney(money('KRW', 25000), 'ko-KR'), '₩25,000');
  assert.equal(toDecimalString(money('SGD', 5)), '0.05');
  assert.equal(toDecimalString(money('VND', 150000)), '150000');
});
