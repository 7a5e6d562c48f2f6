import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableBySite, validatePolicy, DEFAULT_POLICY } from './allocation.ts';

const SITES = ['lazada-sg', 'lazada-my', 'daraz-pk'];

test('shared pool: every site sees the free stock minus its buffer, never below zero', () => {
  const policy = { mode: 'shared' as const, buffers: { 'lazada-sg': 2, '*': 1 }, weights: {} };
  assert.deepEqual(availableBySite({ onHand: 10, reserved: 3 }, policy, SITES), {
    'lazada-sg': 5,
    'lazada-my': 6,
    'daraz-pk': 6,
  });
  assert.deepEqual(availableBySite({ onHand: 3, reserved: 2 }, policy, SITES), {
    'lazada-sg': 0,
    'lazada-my': 0,
    'daraz-pk': 0,
  });
  assert.deepEqual(availableBySite({ onHand: 4, reserved: 1 }, DEFAULT_POLICY, ['x']), { x: 3 });
});

test('split: shares add up to the free stock exactly and never more', () => {
  const policy = {
    mode: 'split' as const,
    buffers: {},
    weights: { 'lazada-sg': 1, 'lazada-my': 1, 'daraz-pk': 1 },
  };
  for (let free = 0; free <= 20; free++) {
    const out = availableBySite({ onHand: free + 2, reserved: 2 }, policy, SITES);
    assert.equal(
      Object.values(out).reduce((a, b) => a + b, 0),
      free,
      `free ${free}`,
    );
  }
  // Largest remainder, ties by site key: 10 over 1:1:1 → 4,3,3 with the first key getting the extra.
  assert.deepEqual(availableBySite({ onHand: 10, reserved: 0 }, policy, SITES), {
    'daraz-pk': 4,
    'lazada-my': 3,
    'lazada-sg': 3,
  });
});

test('split: a site without weight gets nothing, and asking for fewer sites does not change shares', () => {
  const policy = { mode: 'split' as const, buffers: {}, weights: { 'lazada-sg': 3, 'lazada-my': 1 } };
  const all = availableBySite({ onHand: 8, reserved: 0 }, policy, SITES);
  assert.deepEqual(all, { 'lazada-sg': 6, 'lazada-my': 2, 'daraz-pk': 0 });
  assert.deepEqual(availableBySite({ onHand: 8, reserved: 0 }, policy, ['lazada-my']), { 'lazada-my': 2 });
});

test('policies are validated', () => {
  assert.throws(() => validatePolicy({ mode: 'shared', buffers: { x: -1 }, weights: {} }), /buffer x/);
  assert.throws(() => validatePolicy({ mode: 'split', buffers: {}, weights: { x: 0 } }), /positive weight/);
  assert.throws(() => validatePolicy({ mode: 'split', buffers: {}, weights: { x: 1.5 } }), /weight x/);
});
