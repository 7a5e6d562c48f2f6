import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/shared/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { aeSync, hmacSign, lazop } from './helpers.ts';

describe('sandbox gateway: signatures, timestamps, app keys', () => {
  let sb: Sandbox;
  let token: string;
  before(async () => {
    sb = await startSandbox({ clock: fixedClock('2026-11-25T01:00:00Z') });
    token = sb.admin.issueToken({ platform: 'lazada' }).access_token;
  });
  after(() => sb.close());

  it('the test signer reproduces the documented vector L1', () => {
    const params = {
      app_key: '123456',
      access_token: 'test',
      timestamp: '1517820392000',
      sign_method: 'sha256',
      order_id: '1234',
    };
    assert.equal(
      hmacSign('helloworld', '/order/get', params),
      '4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A',
    );
  });

  it('accepts a correctly signed GET with the envelope code "0" and a request_id', async () => {
    const r = await lazop(sb, 'lazada/sg', '/seller/get', {}, { token, method: 'GET' });
    assert.equal(r.status, 200);
    assert.equal(r.json.code, '0');
    assert.match(r.json.request_id, /^[0-9a-f]{8}\d{17}$/);
    assert.equal(r.json.data.cb, true);
  });

  for (const body of ['form', 'multipart', 'json'] as const) {
    it(`signs POST business params sent as ${body}`, async () => {
      const r = await lazop(
        sb,
        'lazada/sg',
        '/orders/get',
        { created_after: '2026-01-01T00:00:00+08:00', limit: '10' },
        { token, body },
      );
      assert.equal(r.json.code, '0', JSON.stringify(r.json));
      assert.equal(r.json.data.countTotal, 0);
    });
  }

  it('answers IncompleteSignature when a body param changed after signing', async () => {
    const r = await lazop(
      sb,
      'lazada/sg',
      '/orders/get',
      { created_after: '2026-01-01T00:00:00+08:00' },
      { token, tamper: (p) => (p.created_after = '2025-01-01T00:00:00+08:00') },
    );
    assert.equal(r.status, 200);
    assert.deepEqual([r.json.type, r.json.code], ['ISV', 'IncompleteSignature']);
    assert.ok(r.json.request_id);
  });

  it('answers IncompleteSignature when signed with the wrong secret or the wrong path', async () => {
    const wrongSecret = await lazop(sb, 'lazada/sg', '/seller/get', {}, { token, secret: 'nope' });
    assert.equal(wrongSecret.json.code, 'IncompleteSignature');
    // Signed '/seller/get' but called with a trailing slash: the path signed must equal the path called.
    const params: Record<string, string> = {
      app_key: sb.appKey,
      timestamp: String(sb.admin.now()),
      sign_method: 'sha256',
      access_token: token,
    };
    params.sign = hmacSign(sb.appSecret, '/seller/get', params);
    const res = await fetch(`${sb.url}/lazada/sg/rest/seller/get/?${new URLSearchParams(params)}`);
    assert.equal(((await res.json()) as { code: string }).code, 'IncompleteSignature');
  });

  it('answers MissingParameter without sign, InvalidParameter for an unknown app key', async () => {
    const res = await fetch(
      `${sb.url}/lazada/sg/rest/seller/get?app_key=${sb.appKey}&timestamp=${sb.admin.now()}&sign_method=sha256`,
    );
    const body = (await res.json()) as Record<string, string>;
    assert.equal(body.code, 'MissingParameter');
    assert.match(body.message!, /"sign"/);
    const r = await lazop(sb, 'lazada/sg', '/seller/get', {}, { token, appKey: '999999' });
    assert.equal(r.json.code, 'InvalidParameter');
    assert.match(r.json.message, /app_key/);
  });

  it('rejects timestamps more than 7200 s away, accepts ISO UTC text', async () => {
    const now = sb.admin.now();
    const old = await lazop(sb, 'lazada/sg', '/seller/get', {}, { token, timestamp: String(now - 7201_000) });
    assert.equal(old.json.code, 'InvalidParameter');
    assert.match(old.json.message, /timestamp/);
    const edge = await lazop(
      sb,
      'lazada/sg',
      '/seller/get',
      {},
      { token, timestamp: String(now - 7000_000) },
    );
    assert.equal(edge.json.code, '0');
    const iso = await lazop(
      sb,
      'lazada/sg',
      '/seller/get',
      {},
      { token, timestamp: new Date(now).toISOString().replace(/\.\d+Z$/, 'Z') },
    );
    assert.equal(iso.json.code, '0');
  });

  it('requires a token on seller APIs and answers IllegalAccessToken for a bad one', async () => {
    const missing = await lazop(sb, 'lazada/sg', '/products/get', {});
    assert.equal(missing.json.code, 'MissingParameter');
    const bad = await lazop(sb, 'lazada/sg', '/products/get', {}, { token: 'not-a-token' });
    assert.deepEqual([bad.json.type, bad.json.code], ['ISV', 'IllegalAccessToken']);
  });

  it('answers InvalidApiPath for an unknown API and 404 for an unknown platform', async () => {
    const r = await lazop(sb, 'lazada/sg', '/no/such/api', {}, { token });
    assert.equal(r.json.code, 'InvalidApiPath');
    const res = await fetch(`${sb.url}/ebay/us/rest/x`);
    assert.equal(res.status, 404);
  });

  it('serves AliExpress /sync signed without a path prefix, wrapped in <method>_response', async () => {
    const ae = sb.admin.issueToken({ platform: 'aliexpress' }).access_token;
    const ok = await aeSync(sb, 'aliexpress.solution.seller.category.tree.query', { category_id: '0' }, ae);
    const wrapped = ok.aliexpress_solution_seller_category_tree_query_response;
    assert.ok(wrapped, JSON.stringify(ok));
    assert.equal(wrapped.result.success, true);
    assert.equal(wrapped.result.children_category_list.category_info.length, 42);
    // A Lazop-style (prefixed) signature is wrong on /sync.
    const params: Record<string, string> = {
      app_key: sb.appKey,
      method: 'aliexpress.solution.order.get',
      session: ae,
      timestamp: String(sb.admin.now()),
      sign_method: 'sha256',
      param0: '{}',
    };
    params.sign = hmacSign(sb.appSecret, 'aliexpress.solution.order.get', params);
    const res = await fetch(`${sb.url}/aliexpress/sync?method=aliexpress.solution.order.get`, {
      method: 'POST',
      body: new URLSearchParams(params),
    });
    const err = (await res.json()) as { error_response: { code: string; msg: string } };
    assert.equal(err.error_response.code, 'IncompleteSignature');
    assert.ok(err.error_response.msg);
  });
});
