import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeenKeys } from './seen-keys.ts';

test('remembers the first row of each SKU per seller, through growth', () => {
  const seen = new SeenKeys();
  const n = 50_000; // past several doublings of every array
  for (let i = 0; i < n; i++) seen.add(`s${i % 7}`, `SKU-${i}`, i + 2);
  assert.equal(seen.size, n);
  for (let i = 0; i < n; i += 997) assert.equal(seen.get(`s${i % 7}`, `SKU-${i}`), i + 2);
  // The same SKU under another seller, or a prefix or extension of a SKU, is a different key.
  assert.equal(seen.get('s1', 'SKU-0'), undefined);
  assert.equal(seen.get('s0', 'SKU-'), undefined);
  assert.equal(seen.get('s0', 'SKU-00'), undefined);
  assert.equal(seen.get('unknown', 'SKU-0'), undefined);
});

test('the first row wins; empty and non-ASCII SKUs are keys like any other', () => {
  const seen = new SeenKeys();
  seen.add('1234567890', '머그컵-블랙', 5);
  seen.add('1234567890', '머그컵-블랙', 9);
  seen.add('1234567890', '', 11);
  assert.equal(seen.size, 2);
  assert.equal(seen.get('1234567890', '머그컵-블랙'), 5);
  assert.equal(seen.get('1234567890', ''), 11);
  assert.equal(seen.get('1234567890', '머그컵-화이트'), undefined);
  // Long SKUs grow the character store.
  const long = 'X'.repeat(70_000);
  seen.add('1234567890', long, 13);
  assert.equal(seen.get('1234567890', long), 13);
  assert.equal(seen.get('1234567890', long.slice(1)), undefined);
});
