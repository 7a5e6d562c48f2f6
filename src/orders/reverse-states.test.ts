import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REVERSE_PHASES,
  REVERSE_STATUSES,
  REVERSE_TRANSITIONS,
  decideReverse,
  normaliseReverse,
} from './reverse-states.ts';

test('the reverse transition table is closed over its phases; final phases have no exit', () => {
  for (const [from, tos] of Object.entries(REVERSE_TRANSITIONS)) {
    assert.ok((REVERSE_PHASES as readonly string[]).includes(from), from);
    for (const to of tos) assert.ok((REVERSE_PHASES as readonly string[]).includes(to), `${from} → ${to}`);
    assert.ok(!tos.includes(from as never), `${from} does not loop`);
  }
  for (const p of ['refunded', 'rejected', 'withdrawn'] as const)
    assert.deepEqual(REVERSE_TRANSITIONS[p], []);
  for (const [key, v] of Object.entries(REVERSE_STATUSES))
    assert.deepEqual(normaliseReverse(key), { key, ...v });
});

test('platform reverse keys: documented ones, new keys of a known family by their suffix, others unknown', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['RTM_INIT', 'return', 'requested'],
    ['rtm_shipping_back', 'return', 'collected'],
    ['RTM_RECEIVE_ITEM', 'return', 'received'],
    ['RTM_CANCELED', 'return', 'withdrawn'],
    ['CANCEL_INIT', 'cancel', 'requested'],
    ['CANCEL_REFUND_ISSUED', 'cancel', 'refunded'],
    ['REFUND_SUCCESS', 'refund-only', 'refunded'],
    ['RTM_REFUND_SUCCESS', 'return', 'refunded'],
    ['RTM_REJECT', 'return', 'rejected'],
    ['RTW_INIT', 'return', 'requested'],
    ['REFUND_PENDING', 'refund-only', 'requested'],
    ['SOMETHING_ELSE', undefined, undefined],
  ];
  for (const [raw, type, phase] of cases) {
    const n = normaliseReverse(raw);
    assert.deepEqual([n?.type, n?.phase], [type, phase], raw);
  }
});

test('a reverse status never goes back; a new reverse order starts over', () => {
  const d = (stored: string | null, incoming: string, ids: [string | null, string | null] = ['r1', 'r1']) =>
    decideReverse(
      { phase: stored as never, reverseOrderId: ids[0] },
      { phase: incoming as never, reverseOrderId: ids[1] },
    );
  assert.equal(d(null, 'received'), 'apply');
  assert.equal(d('requested', 'collected'), 'apply');
  assert.equal(d('requested', 'refunded'), 'apply'); // phases the marketplace did not push
  assert.equal(d('received', 'requested'), 'stale'); // a late RTM_INIT
  assert.equal(d('collected', 'collected'), 'same');
  assert.equal(d('refunded', 'rejected'), 'stale');
  assert.equal(d('withdrawn', 'requested'), 'stale');
  assert.equal(d('withdrawn', 'requested', ['r1', 'r2']), 'apply'); // the buyer asked again
});
