import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LINE_STATUSES,
  LINE_TRANSITIONS,
  decideStatus,
  isAhead,
  normaliseStatus,
  returnKind,
  stockNeed,
} from './line-states.ts';

test('the transition table is closed over the status list, and terminal statuses have no exit', () => {
  for (const [from, tos] of Object.entries(LINE_TRANSITIONS)) {
    assert.ok((LINE_STATUSES as readonly string[]).includes(from), from);
    for (const to of tos) assert.ok((LINE_STATUSES as readonly string[]).includes(to), `${from} → ${to}`);
  }
  for (const t of [
    'canceled',
    'returned',
    'lost_by_3pl',
    'shipped_back_success',
    'package_scrapped',
  ] as const) {
    assert.deepEqual(LINE_TRANSITIONS[t], [], t);
  }
  // Every status is reachable from unpaid (the start).
  for (const s of LINE_STATUSES) if (s !== 'unpaid') assert.ok(isAhead('unpaid', s), s);
});

test('a later status never goes back; loops are decided by the status time', () => {
  const t = (s: number) => new Date(Date.UTC(2026, 10, 25, 0, 0, s));
  const cases: [Parameters<typeof decideStatus>, string][] = [
    [['pending', t(1), 'packed', t(2)], 'apply'],
    [['packed', t(2), 'pending', t(1)], 'stale'],
    [['pending', t(1), 'shipped', t(9)], 'apply'], // statuses missed in between
    [['shipped', t(9), 'ready_to_ship', t(5)], 'stale'],
    [['canceled', t(3), 'pending', t(4)], 'stale'], // terminal, even with a newer time
    [['delivered', t(3), 'delivered', t(4)], 'same'],
    [['packed', t(2), 'repacked', t(3)], 'apply'],
    [['repacked', t(3), 'packed', t(2)], 'stale'], // an older report inside the loop
    [['repacked', t(3), 'packed', t(4)], 'apply'],
    [['failed_delivery', t(5), 'shipped', t(6)], 'apply'], // a new delivery attempt
    [['shipped', t(6), 'failed_delivery', t(5)], 'stale'],
    [['pending', null, 'packed', null], 'apply'],
  ];
  for (const [args, want] of cases) assert.equal(decideStatus(...args), want, args.join(' '));
});

test('stock follows the status: held until shipped, released on cancel', () => {
  assert.equal(stockNeed('unpaid'), 'hold');
  assert.equal(stockNeed('ready_to_ship'), 'hold');
  assert.equal(stockNeed('canceled'), 'release');
  assert.equal(stockNeed('shipped'), 'shipped');
  assert.equal(stockNeed('returned'), 'shipped');
  assert.equal(returnKind('returned'), 'buyer_return');
  assert.equal(returnKind('shipped_back_success'), 'returned_to_sender');
  assert.equal(returnKind('delivered'), undefined);
});

test('platform spellings are normalised', () => {
  assert.equal(normaliseStatus('ready_to_ship'), 'ready_to_ship');
  assert.equal(normaliseStatus('Ready To Ship'), 'ready_to_ship');
  assert.equal(normaliseStatus('cancelled'), 'canceled');
  assert.equal(normaliseStatus('WAIT_SELLER_SEND_GOODS'), 'pending');
  assert.equal(normaliseStatus('WAIT_BUYER_ACCEPT_GOODS'), 'shipped');
  assert.equal(normaliseStatus('nonsense'), undefined);
});
