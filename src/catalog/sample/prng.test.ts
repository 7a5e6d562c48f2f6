import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, hashSeed } from './prng.ts';

test('same seed and parts give the same stream; different ones differ', () => {
  const a = createRng('42', 1, 2);
  const b = createRng('42', 1, 2);
  const seqA = Array.from({ length: 20 }, () => a.next());
  assert.deepEqual(
    Array.from({ length: 20 }, () => b.next()),
    seqA,
  );
  const c = createRng('42', 1, 3);
  assert.notDeepEqual(
    Array.from({ length: 20 }, () => c.next()),
    seqA,
  );
  assert.notDeepEqual(hashSeed('1'), hashSeed('2'));
});

test('a known seed gives known numbers (guards cross-version determinism)', () => {
  const rng = createRng('kbridge');
  // Recorded once; a change here means every sample file changes too.
  assert.deepEqual([rng.int(0, 999), rng.int(0, 999), rng.int(0, 999)], [593, 193, 276]);
  assert.equal(createRng('kbridge', 1, 2).next(), 0.5448962969239801);
});

test('helpers stay in range and cover it', () => {
  const rng = createRng('range');
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const n = rng.int(3, 7);
    assert.ok(n >= 3 && n <= 7);
    seen.add(n);
    const x = rng.next();
    assert.ok(x >= 0 && x < 1);
  }
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6, 7]);
  const picked = rng.sample(['a', 'b', 'c', 'd', 'e'], 3);
  assert.equal(new Set(picked).size, 3);
  assert.deepEqual(
    picked,
    [...picked].sort((x, y) => 'abcde'.indexOf(x) - 'abcde'.indexOf(y)),
  );
  assert.equal(rng.weighted([['only', 1]]), 'only');
  let heavy = 0;
  for (let i = 0; i < 1000; i++)
    if (
      rng.weighted([
        ['a', 9],
        ['b', 1],
      ] as const) === 'a'
    )
      heavy++;
  assert.ok(heavy > 820 && heavy < 970, `weighted 9:1 gave ${heavy}/1000`);
  assert.throws(() => rng.pick([]), RangeError);
});
