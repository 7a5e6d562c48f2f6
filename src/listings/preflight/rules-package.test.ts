import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aeInput, issuesOf, lazopInput, sku0 } from './test-fixtures.ts';

test('package-missing: every Lazop SKU needs weight and sizes; AliExpress its first SKU', () => {
  const [hit] = issuesOf(
    lazopInput((i) => (sku0(i).packageHeightCm = '')),
    'package-missing',
  );
  assert.deepEqual([hit?.field, hit?.code], ['package_height', '4110']);
  const [ae] = issuesOf(
    aeInput((i) => (sku0(i).packageWeightKg = undefined)),
    'package-missing',
  );
  assert.deepEqual([ae?.field, ae?.code], ['package_weight', '13030']);
  assert.deepEqual(issuesOf(lazopInput(), 'package-missing'), []);
});

test('package-decimals: positive with ≤ 2 decimals on Lazop (4149), weight ≤ 3 on AliExpress', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).packageWeightKg = '0.405')),
      'package-decimals',
    )[0]?.code,
    '4149',
  );
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).packageLengthCm = -3)),
      'package-decimals',
    ).length,
    1,
  );
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).packageLengthCm = '1O')),
      'package-decimals',
    ).length,
    1,
  );
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (sku0(i).packageWeightKg = '0.405')),
      'package-decimals',
    ),
    [],
  );
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).packageWeightKg = '0.4051')),
      'package-decimals',
    )[0]?.code,
    '13030',
  );
  // AliExpress sizes are rounded up to whole centimetres by the adapter.
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (sku0(i).packageLengthCm = 15.555)),
      'package-decimals',
    ),
    [],
  );
});

test('package-weight: over 40 kg on Lazop (4164), over 500 kg on AliExpress (13030)', () => {
  assert.equal(
    issuesOf(
      lazopInput((i) => (sku0(i).packageWeightKg = 40.01)),
      'package-weight',
    )[0]?.code,
    '4164',
  );
  assert.deepEqual(
    issuesOf(
      lazopInput((i) => (sku0(i).packageWeightKg = 40)),
      'package-weight',
    ),
    [],
  );
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).packageWeightKg = 500.5)),
      'package-weight',
    )[0]?.code,
    '13030',
  );
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (sku0(i).packageWeightKg = 41)),
      'package-weight',
    ),
    [],
  );
});

test('package-size: L+W+H over 300 cm on Lazop (4165), a side over 700 cm on AliExpress (13031)', () => {
  const lz = (l: number) => lazopInput((i) => (sku0(i).packageLengthCm = l));
  assert.equal(issuesOf(lz(283), 'package-size')[0]?.code, '4165');
  assert.deepEqual(issuesOf(lz(282), 'package-size'), []);
  assert.equal(
    issuesOf(
      aeInput((i) => (sku0(i).packageLengthCm = 700.2)),
      'package-size',
    )[0]?.code,
    '13031',
  );
  assert.deepEqual(
    issuesOf(
      aeInput((i) => (sku0(i).packageLengthCm = 700)),
      'package-size',
    ),
    [],
  );
});
