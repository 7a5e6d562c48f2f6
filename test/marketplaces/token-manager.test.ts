import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  getSite,
  InMemoryTokenStore,
  isMarketplaceError,
  OpenPlatformClient,
  sandboxSiteUrls,
  TokenCipher,
  TokenManager,
  withSiteUrls,
  type Platform,
} from '../../src/marketplaces/index.ts';
import {
  allParams,
  expectedLazopSign,
  lazopError,
  startFakeGateway,
  type Recorded,
  type Reply,
} from './fake-gateway.ts';

const SECRET = 'app-secret-0123456789';
const KEY = 'kbridge-test-key-0123456789abcdef';
const HOUR = 3600_000;

function tokenBody(n: number, extra: Record<string, unknown> = {}): Reply {
  return {
    body: {
      access_token: `access-${n}-xxxxxxxx`,
      refresh_token: `refresh-${n}-xxxxxxxx`,
      expires_in: n === 1 ? '604800' : 604800,
      refresh_expires_in: 2592000,
      country: 'cb',
      account: 'seller@example.com',
      account_platform: 'seller_center',
      country_user_info: [
        { country: 'sg', seller_id: 1000123456, user_id: '1', short_code: 'SG1' },
        { country: 'my', seller_id: '2000', user_id: '2', short_code: 'MY1' },
      ],
      code: '0',
      request_id: 'r',
      ...extra,
    },
  };
}

async function setup(
  handler: (r: Recorded, i: number) => Reply | Promise<Reply>,
  platform: Platform = 'lazada',
) {
  const gw = await startFakeGateway(handler);
  let now = Date.parse('2026-11-25T00:00:00Z');
  const site =
    platform === 'aliexpress'
      ? getSite('aliexpress')
      : getSite(platform, platform === 'lazada' ? 'SG' : platform === 'daraz' ? 'PK' : 'ES');
  const client = new OpenPlatformClient({
    site: withSiteUrls(site, sandboxSiteUrls(gw.origin, site)),
    appKey: '123456',
    appSecret: SECRET,
    now: () => now,
    sleep: async () => {},
  });
  const store = new InMemoryTokenStore();
  const manager = new TokenManager({ client, store, cipher: new TokenCipher(KEY), now: () => now });
  return {
    gw,
    store,
    manager,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

test('authorize URL and code exchange on the auth host; tokens encrypted at rest', async () => {
  const { gw, store, manager } = await setup(() => tokenBody(1));
  try {
    const url = new URL(manager.authorizeUrl('https://kbridge.example/cb?x=1&y=2', 'st-1'));
    assert.equal(url.origin + url.pathname, `${gw.origin}/oauth/authorize`);
    assert.equal(url.searchParams.get('response_type'), 'code');
    assert.equal(url.searchParams.get('force_auth'), 'true');
    assert.equal(url.searchParams.get('client_id'), '123456');
    assert.equal(url.searchParams.get('redirect_uri'), 'https://kbridge.example/cb?x=1&y=2');
    assert.equal(url.searchParams.get('state'), 'st-1');

    const summary = await manager.exchangeCode('lazada:sel_1', '0_100132_2DL4DV3jcU1UOT7WGI1A4rY91');
    const [r] = gw.requests;
    assert.ok(r);
    assert.equal(r.method, 'POST');
    assert.equal(r.path, '/lazada/sg/auth/rest/auth/token/create');
    assert.equal(r.form.code, '0_100132_2DL4DV3jcU1UOT7WGI1A4rY91');
    assert.equal(r.query.access_token, undefined);
    assert.equal(r.query.sign, expectedLazopSign(SECRET, '/auth/token/create', allParams(r)));

    assert.equal(summary.country, 'cb');
    assert.deepEqual(
      summary.sellers.map((s) => [s.country, s.sellerId]),
      [
        ['sg', '1000123456'],
        ['my', '2000'],
      ],
    );
    assert.equal(JSON.stringify(summary).includes('access-1'), false);
    const raw = JSON.stringify(store.dump());
    assert.equal(raw.includes('access-1'), false);
    assert.equal(raw.includes('refresh-1'), false);
    assert.equal(await manager.accessToken('lazada:sel_1'), 'access-1-xxxxxxxx');

    // Another key cannot open the blob; a blob moved to another seller cannot be opened either.
    const [record] = store.dump();
    assert.ok(record);
    assert.throws(() => new TokenCipher('another-key-0123456789').open(record), /cannot be decrypted/);
    assert.throws(() => new TokenCipher(KEY).open({ ...record, key: 'lazada:sel_2' }), /cannot be decrypted/);
  } finally {
    await gw.close();
  }
});

test('refresh about 30 minutes before expiry, single-flight, rotated refresh token persisted', async () => {
  let refreshes = 0;
  const { gw, manager, advance } = await setup(async (r) => {
    if (r.path.endsWith('/auth/token/create')) return tokenBody(1);
    refreshes++;
    await new Promise((res) => setTimeout(res, 20)); // let concurrent callers pile up
    return tokenBody(refreshes + 1, {
      country_user_info_list: [{ country: 'sg', seller_id: '1' }],
      country_user_info: undefined,
    });
  });
  try {
    await manager.exchangeCode('k', 'code-123456');
    advance(7 * 24 * HOUR - 31 * 60_000); // 31 minutes left: no refresh yet
    assert.equal(await manager.accessToken('k'), 'access-1-xxxxxxxx');
    assert.equal(refreshes, 0);
    advance(2 * 60_000); // 29 minutes left: refresh, once, for all concurrent callers
    const tokens = await Promise.all(Array.from({ length: 10 }, () => manager.accessToken('k')));
    assert.deepEqual(new Set(tokens), new Set(['access-2-xxxxxxxx']));
    assert.equal(refreshes, 1);
    const refreshReq = gw.requests[1];
    assert.ok(refreshReq);
    assert.equal(refreshReq.path, '/lazada/sg/auth/rest/auth/token/refresh');
    assert.equal(refreshReq.form.refresh_token, 'refresh-1-xxxxxxxx');
    // The next refresh uses the rotated refresh token.
    advance(7 * 24 * HOUR);
    assert.equal(await manager.accessToken('k'), 'access-3-xxxxxxxx');
    assert.equal(gw.requests[2]?.form.refresh_token, 'refresh-2-xxxxxxxx');
    // The session's rejection path: refresh only when the rejected token is still current.
    const session = manager.session('k');
    assert.equal(await session.refreshAfterRejection('access-1-xxxxxxxx'), 'access-3-xxxxxxxx');
    assert.equal(refreshes, 2);
    assert.equal(await session.refreshAfterRejection('access-3-xxxxxxxx'), 'access-4-xxxxxxxx');
    assert.equal(refreshes, 3);
  } finally {
    await gw.close();
  }
});

test('refresh_expires_in 0: the token is used until expiry, then re-authorization is required', async () => {
  const { gw, manager, advance } = await setup(() => tokenBody(1, { refresh_expires_in: 0 }));
  try {
    await manager.exchangeCode('k', 'code-123456');
    advance(7 * 24 * HOUR - 10 * 60_000);
    assert.equal(await manager.accessToken('k'), 'access-1-xxxxxxxx');
    advance(11 * 60_000);
    const e = await manager.accessToken('k').catch((x: unknown) => x);
    assert.ok(isMarketplaceError(e));
    assert.equal(e.needsReauthorization, true);
    assert.equal(gw.requests.length, 1);
  } finally {
    await gw.close();
  }
});

test('IllegalRefreshToken surfaces as an auth error needing re-authorization, without the token', async () => {
  const { gw, manager, advance } = await setup((r) =>
    r.path.endsWith('/create')
      ? tokenBody(1)
      : lazopError('IllegalRefreshToken', 'refresh token refresh-1-xxxxxxxx is invalid'),
  );
  try {
    await manager.exchangeCode('k', 'code-123456');
    advance(7 * 24 * HOUR);
    const e = await manager.accessToken('k').catch((x: unknown) => x);
    assert.ok(isMarketplaceError(e));
    assert.equal(e.errorClass, 'auth');
    assert.equal(e.needsReauthorization, true);
    assert.equal(e.message.includes('refresh-1-xxxxxxxx'), false);
    const unknown = await manager.accessToken('nobody').catch((x: unknown) => x);
    assert.ok(isMarketplaceError(unknown));
    assert.equal(unknown.platformCode, 'ReauthorizationRequired');
  } finally {
    await gw.close();
  }
});

test('AliExpress token answer with absolute expiry times', async () => {
  const now = Date.parse('2026-11-25T00:00:00Z');
  const { gw, manager } = await setup(
    () => ({
      body: {
        access_token: 'ae-access-xxxxxxxx',
        refresh_token: 'ae-refresh-xxxxxxxx',
        expire_time: now + 86_400_000,
        refresh_token_valid_time: now + 2 * 86_400_000,
        user_nick: 'kr_seller',
        seller_id: 2000000001,
        user_id: 3000000001,
        sp: 'ae',
        code: '0',
      },
    }),
    'aliexpress',
  );
  try {
    const s = await manager.exchangeCode('ae:sel_1', 'code-123456');
    assert.equal(s.accessExpiresAt, new Date(now + 86_400_000).toISOString());
    assert.equal(s.refreshExpiresAt, new Date(now + 2 * 86_400_000).toISOString());
    assert.equal(s.account, 'kr_seller');
    assert.equal(s.sellers[0]?.sellerId, '2000000001');
    assert.equal(gw.requests[0]?.path, '/aliexpress/global/auth/rest/auth/token/create');
  } finally {
    await gw.close();
  }
});

test('managers sharing a store share single-flight (one cross-border token, several ventures)', async () => {
  let refreshes = 0;
  const gw = await startFakeGateway(async (r) => {
    if (r.path.endsWith('/auth/token/create')) return tokenBody(1);
    refreshes++;
    await new Promise((res) => setTimeout(res, 20));
    return tokenBody(2);
  });
  try {
    let now = Date.parse('2026-11-25T00:00:00Z');
    const store = new InMemoryTokenStore();
    const managers = (['SG', 'MY', 'TH'] as const).map((v) => {
      const site = getSite('lazada', v);
      const client = new OpenPlatformClient({
        site: withSiteUrls(site, sandboxSiteUrls(gw.origin, site)),
        appKey: '1',
        appSecret: SECRET,
        now: () => now,
        sleep: async () => {},
      });
      return new TokenManager({ client, store, cipher: new TokenCipher(KEY), now: () => now });
    });
    await managers[0]!.exchangeCode('lazada:sel_1', 'code-123456');
    now += 7 * 24 * HOUR;
    const tokens = await Promise.all(managers.map((m) => m.accessToken('lazada:sel_1')));
    assert.deepEqual(tokens, ['access-2-xxxxxxxx', 'access-2-xxxxxxxx', 'access-2-xxxxxxxx']);
    assert.equal(refreshes, 1);
  } finally {
    await gw.close();
  }
});
