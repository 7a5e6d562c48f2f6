import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blocking, preflight } from './index.ts';
import { aeInput, errors, lazopInput } from './test-fixtures.ts';

test('valid payloads pass on Lazada SG and AliExpress with no error', () => {
  assert.deepEqual(preflight(lazopInput()), []);
  assert.deepEqual(errors(aeInput()), []);
});

test('blocking: errors block, warnings do not', () => {
  assert.equal(blocking([]), false);
  assert.equal(blocking([{ rule: 'x', field: 'f', message: 'm', severity: 'warning' }]), false);
  assert.equal(blocking([{ rule: 'x', field: 'f', message: 'm', severity: 'error' }]), true);
});

test('errors come before warnings and carry the platform code', () => {
  const issues = preflight(
    lazopInput((i) => {
      i.category = { id: '1001', leaf: false };
      i.product.attributes.name = '라네즈 마스크';
    }),
  );
  assert.equal(issues[0]?.severity, 'error');
  assert.equal(issues[0]?.code, '4134');
  assert.equal(issues.at(-1)?.severity, 'warning');
  assert.ok(blocking(issues));
});
