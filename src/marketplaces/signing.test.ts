import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  concatSortedParams,
  lazopStringToSign,
  signIopTop,
  signLazop,
  signPush,
  verifyPushSignature,
} from './signing.ts';

const L1 = {
  app_key: '123456',
  access_token: 'test',
  timestamp: '1517820392000',
  sign_method: 'sha256',
  order_id: '1234',
};

test('L1: the documented Lazop example signs to the documented value', () => {
  assert.equal(
    lazopStringToSign('/order/get', L1),
    '/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000',
  );
  assert.equal(
    signLazop('helloworld', '/order/get', L1),
    '4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A',
  );
});

test('L4: /orders/get vector from the official SDK algorithm', () => {
  const params = {
    app_key: '123456',
    access_token: 'test',
    timestamp: '1517820392000',
    sign_method: 'sha256',
    created_after: '2018-02-10T16:00:00+08:00',
    status: 'pending',
    limit: '100',
    offset: '0',
    sort_by: 'created_at',
    sort_direction: 'DESC',
  };
  assert.equal(
    lazopStringToSign('/orders/get', params),
    '/orders/getaccess_tokentestapp_key123456created_after2018-02-10T16:00:00+08:00limit100offset0sign_methodsha256sort_bycreated_atsort_directionDESCstatuspendingtimestamp1517820392000',
  );
  assert.equal(
    signLazop('helloworld', '/orders/get', params),
    'D9384D2E50800F980D773ABB66A2BB7F269205F93723F42CCFEFB1656F247CF4',
  );
});

test('sign is excluded, empty values are excluded, and the secret may be a Secret-like object', () => {
  const withSign = { ...L1, sign: 'XYZ', empty: '', blank: '  ' };
  assert.equal(
    signLazop({ reveal: () => 'helloworld' }, '/order/get', withSign),
    signLazop('helloworld', '/order/get', L1),
  );
});

test('names sort by code unit: upper case before lower case', () => {
  assert.equal(
    concatSortedParams({ sign_method: 'sha256', packReq: '{}', Zed: '1', a: '2' }),
    'Zed1a2packReq{}sign_methodsha256',
  );
});

test('values are signed raw, not URL-encoded (Hangul, &, JSON)', () => {
  const params = { payload: '{"Request":{"name":"한국 & 김치"}}', app_key: '1' };
  const expected = createHmac('sha256', 'k')
    .update('/product/create' + 'app_key1' + 'payload{"Request":{"name":"한국 & 김치"}}')
    .digest('hex')
    .toUpperCase();
  assert.equal(signLazop('k', '/product/create', params), expected);
});

test('IOP/TOP signs without any API prefix', () => {
  const params = {
    method: 'aliexpress.solution.order.get',
    app_key: '1',
    session: 's',
    timestamp: '1',
    sign_method: 'sha256',
  };
  const expected = createHmac('sha256', 'k')
    .update('app_key1methodaliexpress.solution.order.getsessionssign_methodsha256timestamp1')
    .digest('hex')
    .toUpperCase();
  assert.equal(signIopTop('k', params), expected);
  assert.notEqual(signIopTop('k', params), signLazop('k', '/sync', params));
});

test('push signature: lower-case hex of app_key + raw body, verified in constant time', () => {
  const body = '{"seller_id":"1","message_type":0,"data":{"trade_order_id":"260"}}';
  const sig = signPush('secret', 'app1', body);
  assert.equal(
    sig,
    createHmac('sha256', 'secret')
      .update('app1' + body)
      .digest('hex'),
  );
  assert.match(sig, /^[0-9a-f]{64}$/);
  assert.equal(verifyPushSignature('secret', 'app1', Buffer.from(body), sig), true);
  assert.equal(verifyPushSignature('secret', 'app1', body, sig.toUpperCase()), true);
  // Re-serialised JSON (different spacing) must not verify.
  assert.equal(verifyPushSignature('secret', 'app1', JSON.stringify(JSON.parse(body), null, 1), sig), false);
  assert.equal(verifyPushSignature('secret', 'app1', body, undefined), false);
  assert.equal(verifyPushSignature('other', 'app1', body, sig), false);
});
