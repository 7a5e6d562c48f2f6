import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  LISTING_STATES,
  LISTING_TRANSITIONS,
  statesLeadingTo,
  transition,
  type ListingState,
} from './lifecycle.ts';

// The table as the issue states it: the happy path and the side states.
const EXPECTED: [ListingState, ListingState, boolean][] = [
  ['draft', 'ready', true],
  ['ready', 'publishing', true],
  ['publishing', 'pending_qc', true],
  ['pending_qc', 'live', true],
  ['pending_qc', 'rejected', true],
  ['rejected', 'ready', true],
  ['live', 'paused', true],
  ['paused', 'live', true],
  ['live', 'delisted', true],
  ['publishing', 'error', true],
  ['error', 'ready', true],
  ['draft', 'live', false],
  ['draft', 'publishing', false],
  ['ready', 'live', false],
  ['delisted', 'live', false],
  ['delisted', 'ready', false],
  ['rejected', 'live', false],
  ['paused', 'publishing', false],
];

test('the transition table allows exactly the listed moves', () => {
  for (const [from, to, ok] of EXPECTED) {
    const r = transition(from, to);
    assert.equal(r.ok, ok, `${from} → ${to}`);
    if (!r.ok) assert.match(r.reason, new RegExp(`${from} listing cannot become ${to}`));
  }
});

test('the table is closed over the states and delisted is final', () => {
  for (const s of LISTING_STATES)
    for (const t of LISTING_TRANSITIONS[s]) assert.ok(LISTING_STATES.includes(t));
  assert.deepEqual(LISTING_TRANSITIONS.delisted, []);
  assert.deepEqual(statesLeadingTo('publishing'), ['ready']);
  assert.ok(statesLeadingTo('live').includes('pending_qc'));
  assert.ok(!statesLeadingTo('live').includes('delisted'));
});
