import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/shared/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { lazop } from './helpers.ts';

async function authorizeCode(sb: Sandbox, path: string, query: Record<string, string>): Promise<URL> {
  const q = new URLSearchParams({
    response_type: 'code',
    force_auth: 'true',
    client_id: sb.appKey,
    redirect_uri: 'https://app.example.com/callback',
    ...query,
  });
  const res = await fetch(`${sb.url}${path}?${q}`, { redirect: 'manual' });
  assert.equal(res.status, 302);
  return new URL(res.headers.get('location')!);
}

describe('sandbox auth: OAuth page, token create, expiry, refresh rotation', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({
      clock: fixedClock('2026-11-25T01:00:00Z'),
      tokenTtlSec: 3600,
      refreshTokenTtlSec: 7200,
    });
  });
  after(() => sb.close());

  it('approves at once and redirects with a code and the state', async () => {
    const loc = await authorizeCode(sb, '/oauth/authorize', { state: 'xyz 1' });
    assert.equal(loc.origin + loc.pathname, 'https://app.example.com/callback');
    assert.equal(loc.searchParams.get('state'), 'xyz 1');
    assert.match(loc.searchParams.get('code')!, new RegExp(`^0_${sb.appKey}_[A-Za-z0-9]{25}$`));
  });

  it('rejects an unknown client_id with an error page', async () => {
    const res = await fetch(
      `${sb.url}/oauth/authorize?response_type=code&client_id=nope&redirect_uri=https://x.example/cb`,
      { redirect: 'manual' },
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /No app/);
  });

  it('exchanges a code once (cross-border seller: one token for all six Lazada ventures)', async () => {
    const code = (await authorizeCode(sb, '/oauth/authorize', {})).searchParams.get('code')!;
    const r = await lazop(sb, 'lazada/auth', '/auth/token/create', { code });
    assert.equal(r.json.code, '0', JSON.stringify(r.json));
    assert.equal(r.json.country, 'cb');
    assert.equal(r.json.account_platform, 'seller_center');
    assert.equal(r.json.expires_in, 3600);
    assert.equal(r.json.refresh_expires_in, 7200);
    assert.deepEqual(r.json.country_user_info.map((c: { country: string }) => c.country).sort(), [
      'id',
      'my',
      'ph',
      'sg',
      'th',
      'vn',
    ]);
    assert.equal(r.json.data, undefined, 'token fields are top-level, no data');
    const again = await lazop(sb, 'lazada/auth', '/auth/token/create', { code });
    assert.deepEqual([again.json.type, again.json.code], ['ISV', 'InvalidCode']);
    for (const venture of ['sg', 'vn']) {
      const call = await lazop(
        sb,
        `lazada/${venture}`,
        '/seller/get',
        {},
        { token: r.json.access_token, method: 'GET' },
      );
      assert.equal(call.json.code, '0');
    }
  });

  it('expires codes after 30 minutes', async () => {
    const code = (await authorizeCode(sb, '/lazada/oauth/authorize', {})).searchParams.get('code')!;
    sb.admin.advanceTime(30 * 60_000 + 1);
    const r = await lazop(sb, 'lazada/sg', '/auth/token/create', { code });
    assert.equal(r.json.code, 'InvalidCode');
  });

  it('issues venture-bound tokens on Daraz: valid on pk, IllegalAccessToken on bd', async () => {
    const code = (await authorizeCode(sb, '/daraz/pk/oauth/authorize', {})).searchParams.get('code')!;
    const r = await lazop(sb, 'daraz/pk', '/auth/token/create', { code });
    assert.equal(r.json.country, 'pk');
    assert.equal(
      (await lazop(sb, 'daraz/pk', '/seller/get', {}, { token: r.json.access_token })).json.code,
      '0',
    );
    assert.equal(
      (await lazop(sb, 'daraz/bd', '/seller/get', {}, { token: r.json.access_token })).json.code,
      'IllegalAccessToken',
    );
  });

  it('expires access tokens, then refresh rotates: new tokens work, the old refresh token does not', async () => {
    const code = (await authorizeCode(sb, '/oauth/authorize', {})).searchParams.get('code')!;
    const first = (await lazop(sb, 'lazada/auth', '/auth/token/create', { code })).json;
    sb.admin.advanceTime(3600_000);
    const expired = await lazop(sb, 'lazada/my', '/seller/get', {}, { token: first.access_token });
    assert.equal(expired.json.code, 'IllegalAccessToken');
    assert.equal(expired.json.message, 'The specified access token is invalid or expired');

    const refreshed = (
      await lazop(sb, 'lazada/auth', '/auth/token/refresh', { refresh_token: first.refresh_token })
    ).json;
    assert.equal(refreshed.code, '0');
    assert.notEqual(refreshed.refresh_token, first.refresh_token);
    assert.notEqual(refreshed.access_token, first.access_token);
    assert.ok(Array.isArray(refreshed.country_user_info_list));
    // The refresh token's own clock does not restart: 7200 s granted, 3600 s elapsed.
    assert.equal(refreshed.refresh_expires_in, 3600);
    assert.equal(refreshed.expires_in, 3600);
    assert.equal(
      (await lazop(sb, 'lazada/my', '/seller/get', {}, { token: refreshed.access_token })).json.code,
      '0',
    );

    const reuse = await lazop(sb, 'lazada/auth', '/auth/token/refresh', {
      refresh_token: first.refresh_token,
    });
    assert.equal(reuse.json.code, 'IllegalRefreshToken');

    sb.admin.advanceTime(3600_000);
    const late = await lazop(sb, 'lazada/auth', '/auth/token/refresh', {
      refresh_token: refreshed.refresh_token,
    });
    assert.equal(late.json.code, 'IllegalRefreshToken');
  });

  it('answers AliExpress token requests with the IOP extra fields', async () => {
    const code = (await authorizeCode(sb, '/aliexpress/oauth/authorize', {})).searchParams.get('code')!;
    const r = await lazop(sb, 'aliexpress', '/auth/token/create', { code });
    assert.equal(r.json.code, '0', JSON.stringify(r.json));
    assert.equal(r.json.sp, 'ae');
    assert.equal(typeof r.json.expire_time, 'number');
    assert.ok(r.json.seller_id);
  });

  it('serves the token APIs under every documented auth prefix', async () => {
    for (const prefix of ['lazada/auth', 'lazada/ph/auth', 'lazada/ph']) {
      const code = (await authorizeCode(sb, '/oauth/authorize', {})).searchParams.get('code')!;
      const r = await lazop(sb, prefix, '/auth/token/create', { code });
      assert.equal(r.json.code, '0', `${prefix}: ${JSON.stringify(r.json)}`);
    }
    const notHere = await lazop(sb, 'lazada/auth', '/products/get', {});
    assert.equal(notHere.json.code, 'InvalidApiPath', 'the auth host serves only the token APIs');
  });
});
