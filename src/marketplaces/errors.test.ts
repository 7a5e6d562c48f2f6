import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MarketplaceError, classifyPlatformCode, scrubSecrets } from './errors.ts';

test('platform codes map to the five classes', () => {
  const cases: [string, string, number | undefined, string][] = [
    ['IllegalAccessToken', '', 200, 'auth'],
    ['IllegalRefreshToken', '', 200, 'auth'],
    ['IncompleteSignature', '', 200, 'signature'],
    ['MissingParameter', 'The input parameter "sign" that is mandatory', 200, 'signature'],
    ['MissingParameter', 'The input parameter "order_id" that is mandatory', 200, 'business'],
    ['ApiCallLimit', '', 200, 'throttle'],
    ['901', '', 200, 'throttle'],
    ['998', '', 200, 'throttle'],
    ['4154', '', 200, 'throttle'],
    ['SYS_REQUEST_TOO_FAST', '', 200, 'throttle'],
    ['ServiceTimeout', '', 200, 'transient'],
    ['6', '', 200, 'transient'],
    ['513', '', 200, 'transient'],
    ['1000', '', 200, 'transient'],
    ['isp.service-unavailable', '', 200, 'transient'],
    ['4105', '', 200, 'business'],
    ['700001', '', 200, 'business'],
    ['SomethingNew', '', 502, 'transient'],
    ['SomethingNew', '', 200, 'business'],
  ];
  for (const [code, msg, status, expected] of cases)
    assert.equal(classifyPlatformCode(code, msg, status), expected, code);
});

test('MarketplaceError carries the platform code and message and maps to an AppError code', () => {
  const e = new MarketplaceError({
    errorClass: 'business',
    platformCode: '4105',
    platformMessage: 'outer id already exists',
    api: '/product/create',
    platform: 'lazada',
    requestId: '0ba2887315178178017221014',
  });
  assert.equal(e.code, 'upstream');
  assert.match(e.message, /4105: outer id already exists/);
  assert.equal(e.details.requestId, '0ba2887315178178017221014');
  const throttled = new MarketplaceError({
    errorClass: 'throttle',
    platformCode: 'ApiCallLimit',
    platformMessage: 'x',
    api: '/a',
    platform: 'lazada',
  });
  assert.equal(throttled.code, 'rate_limited');
  const auth = new MarketplaceError({
    errorClass: 'auth',
    platformCode: 'IllegalRefreshToken',
    platformMessage: 'x',
    api: '/a',
    platform: 'lazada',
  });
  assert.equal(auth.needsReauthorization, true);
  assert.equal(auth.withAttempts(3).details.attempts, 3);
});

test('scrubSecrets removes echoed secrets', () => {
  assert.equal(
    scrubSecrets('token 50000abcdef is bad', ['50000abcdef', undefined]),
    'token [redacted] is bad',
  );
});
