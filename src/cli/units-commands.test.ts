import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const cwd = new URL('../..', import.meta.url).pathname;
function kbridge(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['bin/kbridge.js', ...args], { encoding: 'utf8', cwd, input });
}

test('units parse --json prints one object per text', () => {
  const res = kbridge(['units', 'parse', '--json', '생수 500ml x 2개', '한우 1근', '운동화 230~280mm']);
  assert.equal(res.status, 0, res.stderr);
  const lines = res.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(lines[0], {
    text: '생수 500ml x 2개',
    quantities: [{ match: '500ml', start: 3, end: 8, value: 500, unit: 'milliliter', count: 2 }],
  });
  assert.deepEqual(lines[1].quantities[0].source, { value: 1, unit: 'geun' });
  assert.equal(lines[1].quantities[0].value, 600);
  assert.deepEqual([lines[2].quantities[0].value, lines[2].quantities[0].valueMax], [230, 280]);
});

test('units localize reads stdin lines and adds localized and target', () => {
  const res = kbridge(['units', 'localize', '--to', 'en-US', '--json'], '생수 500ml x 2개\n1만5천원\n');
  assert.equal(res.status, 0, res.stderr);
  const [water, won] = res.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(water.localized, '생수 16.9 fl oz x 2개');
  assert.deepEqual(water.quantities[0].target, { value: 16.9, unit: 'fluid-ounce', text: '16.9 fl oz' });
  assert.deepEqual(won.quantities[0].flags, ['needs-fx']);
});

test('units localize --fx converts KRW with the given rate', () => {
  const res = kbridge(['units', 'localize', '--to', 'en-US', '--fx', '0.00072', '--json', '1만5천원']);
  assert.equal(res.status, 0, res.stderr);
  const line = JSON.parse(res.stdout);
  assert.equal(line.localized, '$10.80');
  assert.deepEqual(line.quantities[0].target.money, { currency: 'USD', minor: 1080 });
});

test('a malformed locale is an invalid_input error', () => {
  const res = kbridge(['units', 'localize', '--to', 'not_a_locale', '--json', '1kg']);
  assert.notEqual(res.status, 0);
  assert.equal(JSON.parse(res.stdout).error.code, 'invalid_input');
});
