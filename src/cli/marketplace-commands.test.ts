import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { computeSignature } from './marketplace-commands.ts';

const L1 = [
  'app_key=123456',
  'access_token=test',
  'timestamp=1517820392000',
  'sign_method=sha256',
  'order_id=1234',
];

test('L1 through the sign command logic', () => {
  const out = computeSignature({
    protocol: 'lazop',
    secret: 'helloworld',
    path: '/order/get',
    params: [...L1, 'sign=OLD', 'empty='],
  });
  assert.equal(out.sign, '4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A');
  assert.equal(
    out.stringToSign,
    '/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000',
  );
  assert.deepEqual(out.dropped.sort(), ['empty', 'sign']);
  assert.throws(
    () => computeSignature({ protocol: 'lazop', secret: 's', path: '/rest/order/get', params: [] }),
    /without \/rest/,
  );
  assert.throws(
    () => computeSignature({ protocol: 'lazop', secret: 's', path: '/order/get/', params: [] }),
    /trailing slash/,
  );
  assert.throws(() => computeSignature({ protocol: 'md5', secret: 's', params: [] }), /unknown protocol/);
});

test('iop-top and push', () => {
  const top = computeSignature({
    protocol: 'iop-top',
    secret: 'k',
    method: 'aliexpress.solution.order.get',
    params: ['app_key=1', 'timestamp=2'],
  });
  assert.equal(top.stringToSign, 'app_key1methodaliexpress.solution.order.gettimestamp2');
  assert.equal(top.sign, createHmac('sha256', 'k').update(top.stringToSign).digest('hex').toUpperCase());
  const push = computeSignature({
    protocol: 'push',
    secret: 'k',
    appKey: 'app',
    body: Buffer.from('{"a":1}'),
    params: [],
  });
  assert.equal(push.sign, createHmac('sha256', 'k').update('app{"a":1}').digest('hex'));
});

test('npx kbridge marketplace sign prints the L1 signature', () => {
  const res = spawnSync(
    process.execPath,
    [
      'bin/kbridge.js',
      'marketplace',
      'sign',
      '--protocol',
      'lazop',
      '--secret',
      'helloworld',
      '--path',
      '/order/get',
      ...L1,
      '--json',
    ],
    { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname },
  );
  assert.equal(res.status, 0, res.stderr);
  assert.equal(
    JSON.parse(res.stdout).sign,
    '4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A',
  );
});
