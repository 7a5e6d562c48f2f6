import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import {
  getSite,
  isMarketplaceError,
  OpenPlatformClient,
  sandboxSiteUrls,
  withSiteUrls,
  type MarketplaceError,
  type SellerSession,
} from '../../src/marketplaces/index.ts';
import {
  allParams,
  expectedLazopSign,
  expectedTopSign,
  lazopError,
  ok,
  startFakeGateway,
  type Recorded,
  type Reply,
} from './fake-gateway.ts';

const SECRET = 'app-secret-0123456789';
const TOKEN = '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg';

function session(tokens: string[] = [TOKEN]): SellerSession & { refreshes: string[] } {
  let current = 0;
  const refreshes: string[] = [];
  return {
    sellerKey: 'sel_1',
    refreshes,
    accessToken: async () => tokens[current] as string,
    refreshAfterRejection: async (rejected) => {
      refreshes.push(rejected);
      current = Math.min(current + 1, tokens.length - 1);
      return tokens[current] as string;
    },
  };
}

async function withGateway(
  handler: (r: Recorded, i: number) => Reply,
  run: (ctx: {
    client: OpenPlatformClient;
    sleeps: number[];
    gw: Awaited<ReturnType<typeof startFakeGateway>>;
    logs: string[];
  }) => Promise<void>,
  platform: 'lazada' | 'aliexpress' = 'lazada',
): Promise<void> {
  const gw = await startFakeGateway(handler);
  const sleeps: number[] = [];
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const site = platform === 'lazada' ? getSite('lazada', 'SG') : getSite('aliexpress');
  const client = new OpenPlatformClient({
    site: withSiteUrls(site, sandboxSiteUrls(gw.origin, site)),
    appKey: '123456',
    appSecret: SECRET,
    now: () => 1517820392000,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    logger: pino({ level: 'debug' }, sink),
  });
  try {
    await run({ client, sleeps, gw, logs });
  } finally {
    await gw.close();
  }
}

test('GET: system and business params in the query, signed over the path without /rest', async () => {
  await withGateway(
    () => ({
      body: '{"code":"0","request_id":"r","data":{"order_id":12345678901234567,"order_number":300034}}',
    }),
    async ({ client, gw }) => {
      const res = await client.call({
        api: '/order/get',
        params: { order_id: '1234', empty: '', nothing: undefined },
        session: session(),
      });
      assert.deepEqual(res.data, { order_id: '12345678901234567', order_number: 300034 });
      const [r] = gw.requests;
      assert.ok(r);
      assert.equal(r.method, 'GET');
      assert.equal(r.path, '/lazada/sg/rest/order/get');
      assert.deepEqual(Object.keys(r.query).sort(), [
        'access_token',
        'app_key',
        'order_id',
        'sign',
        'sign_method',
        'timestamp',
      ]);
      assert.equal(r.query.timestamp, '1517820392000');
      assert.equal(r.query.sign_method, 'sha256');
      assert.equal(r.query.access_token, TOKEN);
      assert.equal(r.query.sign, expectedLazopSign(SECRET, '/order/get', r.query));
    },
  );
});

test('POST: business params (JSON payload with Hangul and &) in a form body, covered by the signature', async () => {
  const payload =
    '{"Request":{"Product":{"Attributes":{"name":"김치 & 깍두기 100%"},"Images":{"Image":["https://x/a.jpg?a=1&b=2"]}}}}';
  await withGateway(
    () => ok({ item_id: 1, sku_list: [] }),
    async ({ client, gw }) => {
      await client.call({
        api: '/product/create',
        httpMethod: 'POST',
        params: { payload },
        session: session(),
      });
      const [r] = gw.requests;
      assert.ok(r);
      assert.equal(r.method, 'POST');
      assert.match(String(r.headers['content-type']), /^application\/x-www-form-urlencoded/);
      assert.equal(r.form.payload, payload);
      assert.equal(r.query.payload, undefined);
      assert.equal(r.query.sign, expectedLazopSign(SECRET, '/product/create', allParams(r)));
    },
  );
});

test('throttle: backs off (≥ 1 s, jittered) and retries until success', async () => {
  await withGateway(
    (_r, i) =>
      i < 2
        ? lazopError('ApiCallLimit', 'The request has exceeded the limit, this ban will last 1 seconds')
        : ok({}),
    async ({ client, gw, sleeps }) => {
      await client.call({
        api: '/product/create',
        httpMethod: 'POST',
        params: { payload: '{}' },
        session: session(),
      });
      assert.equal(gw.requests.length, 3); // even a create: the gateway refused before acting
      // Two jittered backoffs (growing), each also holding the API in the limiter for the 1 s ban.
      assert.ok(sleeps.length >= 2);
      assert.ok(
        sleeps.every((ms) => ms >= 1000),
        sleeps.join(),
      );
      const backoffs = sleeps.filter((ms) => ms > 1000);
      assert.ok(backoffs.length === 2 && (backoffs[1] ?? 0) > (backoffs[0] ?? 0), sleeps.join());
    },
  );
});

test('transient: idempotent calls retry (ServiceTimeout, 5xx HTML); non-idempotent calls do not', async () => {
  await withGateway(
    (_r, i) =>
      i === 0
        ? lazopError('ServiceTimeout', 'timeout', 'ISP')
        : i === 1
          ? { status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' }
          : ok({ x: 1 }),
    async ({ client, gw, sleeps }) => {
      const res = await client.call({
        api: '/orders/get',
        params: { created_after: '2018-02-10T16:00:00+08:00' },
        session: session(),
      });
      assert.deepEqual(res.data, { x: 1 });
      assert.equal(gw.requests.length, 3);
      assert.equal(sleeps.length, 2);
    },
  );
  await withGateway(
    () => lazopError('ServiceTimeout', 'timeout', 'ISP'),
    async ({ client, gw }) => {
      const e = await client
        .call({ api: '/product/create', httpMethod: 'POST', params: { payload: '{}' }, session: session() })
        .catch((x: unknown) => x);
      assert.ok(isMarketplaceError(e));
      assert.equal(e.errorClass, 'transient');
      assert.equal(e.outcomeUnknown, true);
      assert.equal(gw.requests.length, 1);
    },
  );
});

test('transient: gives up after the configured retries, never earlier', async () => {
  await withGateway(
    () => lazopError('1000', 'Internal Error', 'ISP'),
    async ({ client, gw }) => {
      const e = (await client
        .call({ api: '/order/get', params: { order_id: '1' }, session: session() })
        .catch((x: unknown) => x)) as MarketplaceError;
      assert.equal(e.errorClass, 'transient');
      assert.equal(gw.requests.length, 5); // 1 + 4 retries
      assert.equal(e.details.attempts, 5);
    },
  );
});

test('auth: one refresh with the new token, then fail', async () => {
  await withGateway(
    (r) =>
      r.query.access_token === 'new-token-abcdef'
        ? ok({ ok: true })
        : lazopError('IllegalAccessToken', 'The specified access token is invalid or expired'),
    async ({ client, gw }) => {
      const s = session([TOKEN, 'new-token-abcdef']);
      await client.call({ api: '/order/get', params: { order_id: '1' }, session: s });
      assert.deepEqual(s.refreshes, [TOKEN]);
      assert.equal(gw.requests.length, 2);
    },
  );
  await withGateway(
    () => lazopError('IllegalAccessToken', 'The specified access token is invalid or expired'),
    async ({ client, gw }) => {
      const s = session([TOKEN, 'new-token-abcdef']);
      const e = (await client
        .call({ api: '/order/get', params: { order_id: '1' }, session: s })
        .catch((x: unknown) => x)) as MarketplaceError;
      assert.equal(e.errorClass, 'auth');
      assert.equal(e.code, 'unauthenticated');
      assert.equal(s.refreshes.length, 1);
      assert.equal(gw.requests.length, 2);
    },
  );
});

test('business and signature errors surface the platform code and message without retry', async () => {
  await withGateway(
    () => ({
      body: {
        type: 'ISV',
        code: '4105',
        message: 'outer id already exists',
        request_id: 'rq1',
        detail: [{ field: 'SellerSku', message: 'KB-1' }],
      },
    }),
    async ({ client, gw }) => {
      const e = (await client
        .call({ api: '/product/create', httpMethod: 'POST', params: { payload: '{}' }, session: session() })
        .catch((x: unknown) => x)) as MarketplaceError;
      assert.equal(e.errorClass, 'business');
      assert.equal(e.platformCode, '4105');
      assert.equal(e.platformMessage, 'outer id already exists');
      assert.equal(e.requestId, 'rq1');
      assert.deepEqual(e.detail, [{ field: 'SellerSku', message: 'KB-1' }]);
      assert.equal(gw.requests.length, 1);
    },
  );
  await withGateway(
    () => lazopError('IncompleteSignature', 'The request signature does not conform to lazada standards'),
    async ({ client, gw }) => {
      const e = (await client
        .call({ api: '/order/get', params: { order_id: '1' }, session: session() })
        .catch((x: unknown) => x)) as MarketplaceError;
      assert.equal(e.errorClass, 'signature');
      assert.equal(gw.requests.length, 1);
    },
  );
});

test('secrets never appear in errors or logs, even when the platform echoes them', async () => {
  await withGateway(
    (_r, i) =>
      i === 0
        ? lazopError('ServiceTimeout', `backend slow for token ${TOKEN}`, 'ISP')
        : lazopError(
            'InvalidParameter',
            `The specified parameter access_token=${TOKEN} sign secret ${SECRET} is not valid`,
          ),
    async ({ client, logs }) => {
      const e = (await client
        .call({ api: '/order/get', params: { order_id: '1' }, session: session() })
        .catch((x: unknown) => x)) as MarketplaceError;
      const everything = [
        e.message,
        JSON.stringify(e.details),
        inspect(e, { depth: 10 }),
        String(e.stack),
        ...logs,
      ].join('\n');
      assert.ok(logs.length > 0);
      const at = everything.indexOf(TOKEN);
      assert.equal(at, -1, everything.slice(Math.max(0, at - 200), at + 100));
      assert.equal(everything.includes(SECRET), false);
      assert.match(e.message, /\[redacted\]/);
    },
  );
});

test('a refused connection is retried even for a create (it never reached the server)', async () => {
  const gw = await startFakeGateway(() => ok({}));
  const origin = gw.origin;
  await gw.close();
  const site = getSite('lazada', 'SG');
  const sleeps: number[] = [];
  const client = new OpenPlatformClient({
    site: withSiteUrls(site, sandboxSiteUrls(origin, site)),
    appKey: '1',
    appSecret: SECRET,
    sleep: async (ms) => void sleeps.push(ms),
  });
  const e = (await client
    .call({ api: '/product/create', httpMethod: 'POST', params: { payload: '{}' } })
    .catch((x: unknown) => x)) as MarketplaceError;
  assert.equal(e.platformCode, 'ConnectionFailed');
  assert.equal(e.outcomeUnknown, false);
  assert.equal(sleeps.length, 4);
});

test('AliExpress: POST /sync?method=…, session token, IOP/TOP signature without prefix, _response parsed', async () => {
  await withGateway(
    () => ({
      body: {
        aliexpress_solution_order_get_response: {
          result: { success: true, total_count: 1 },
          request_id: 'r',
        },
      },
    }),
    async ({ client, gw }) => {
      const res = await client.call({
        api: 'aliexpress.solution.order.get',
        httpMethod: 'POST',
        params: { param0: { page_size: 20, current_page: 1 } },
        session: session(),
        idempotent: true,
      });
      assert.deepEqual(res.data, { success: true, total_count: 1 });
      const [r] = gw.requests;
      assert.ok(r);
      assert.equal(r.method, 'POST');
      assert.equal(r.path, '/aliexpress/sync');
      assert.equal(r.query.method, 'aliexpress.solution.order.get');
      assert.equal(r.query.session, TOKEN);
      assert.equal(r.query.access_token, undefined);
      assert.equal(r.form.param0, '{"page_size":20,"current_page":1}');
      assert.equal(r.query.sign, expectedTopSign(SECRET, allParams(r)));
    },
    'aliexpress',
  );
});

test('AliExpress auth calls use /rest with the Lazop signature (path prefix)', async () => {
  await withGateway(
    () => ({ body: { access_token: 'a', refresh_token: 'b', expire_time: 1, code: '0' } }),
    async ({ client, gw }) => {
      await client.call({
        api: '/auth/token/create',
        host: 'auth',
        httpMethod: 'POST',
        params: { code: 'c0de-1234' },
      });
      const [r] = gw.requests;
      assert.ok(r);
      assert.equal(r.path, '/aliexpress/global/auth/rest/auth/token/create');
      assert.equal(r.query.sign, expectedLazopSign(SECRET, '/auth/token/create', allParams(r)));
      assert.equal(r.query.access_token, undefined);
    },
    'aliexpress',
  );
});
