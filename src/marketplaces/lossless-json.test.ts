import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idString, numberValue, parseJsonLossless, quoteLongIntegers } from './lossless-json.ts';

test('long integer literals become strings; strings, short numbers and decimals are untouched', () => {
  const body =
    '{"order_id":12345678901234567890,"item_id":1356128814666825,"n":-12345678901234567,"price":"10.50","small":42,"f":1.5e3,"s":"12345678901234567890 \\" 99999999999999999"}';
  const parsed = parseJsonLossless(body) as Record<string, unknown>;
  assert.equal(parsed.order_id, '12345678901234567890');
  assert.equal(parsed.item_id, '1356128814666825');
  assert.equal(parsed.n, '-12345678901234567');
  assert.equal(parsed.price, '10.50');
  assert.equal(parsed.small, 42);
  assert.equal(parsed.f, 1500);
  assert.equal(parsed.s, '12345678901234567890 " 99999999999999999');
  assert.equal(quoteLongIntegers('{"a":1}'), '{"a":1}');
});

test('idString gives a string for numeric and string ids', () => {
  assert.equal(idString(260123456789), '260123456789');
  assert.equal(idString('0123'), '0123');
  assert.equal(idString(undefined), undefined);
  assert.equal(idString(''), undefined);
  assert.equal(numberValue('3'), 3);
  assert.equal(numberValue('x'), undefined);
});
