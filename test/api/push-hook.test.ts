// POST /hooks/marketplace through the real HTTP server: signature over the raw body, the inbox,
// duplicates, and no API key needed (the signature is the authentication).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApiServer, type RunningServer } from '../../src/api/index.ts';
import type { App } from '../../src/main/app.ts';
import { signPush } from '../../src/marketplaces/index.ts';
import { inboxStats, ordersRuntime } from '../../src/orders/index.ts';
import { testApp } from '../helpers/app.ts';

let app: App;
let server: RunningServer;
const APP_KEY = '500100';
const APP_SECRET = 'hook-test-secret-0123456789';

before(async () => {
  app = await testApp({ KBRIDGE_MARKETPLACE_APP_KEY: APP_KEY, KBRIDGE_MARKETPLACE_APP_SECRET: APP_SECRET });
  server = await startApiServer(app, { host: '127.0.0.1', port: 0 });
});

after(async () => {
  await ordersRuntime(app).stop();
  await server.close();
  await app.close();
});

const body = JSON.stringify({
  seller_id: '1000000001',
  message_type: 0,
  data: {
    trade_order_id: '900001',
    trade_order_line_id: '910001',
    order_status: 'pending',
    status_update_time: 1764032400,
  },
  timestamp: 1764032400123,
  site: 'lazada_sg',
});

async function post(raw: string, authorization?: string) {
  const res = await fetch(`${server.url}/hooks/marketplace`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as { outcome: string } };
}

test('a signed push is stored once and answered 200; a forged one 401', async () => {
  const sign = signPush(APP_SECRET, APP_KEY, body);
  assert.deepEqual(await post(body, sign), { status: 200, body: { outcome: 'new' } });
  assert.deepEqual(await post(body, sign), { status: 200, body: { outcome: 'duplicate' } });
  // Re-serialised JSON (spaces) no longer matches the signature of the bytes sent.
  const reformatted = JSON.stringify(JSON.parse(body), null, 1);
  assert.equal((await post(reformatted, sign)).status, 401);
  assert.equal((await post(body)).status, 401);
  assert.equal((await post('not json', signPush(APP_SECRET, APP_KEY, 'not json'))).status, 400);
  const [row] = await app.store.query<{ n: number; site: string; external_order_id: string }>(
    `SELECT count(*)::int AS n, min(site) AS site, min(external_order_id) AS external_order_id FROM push_inbox`,
  );
  assert.deepEqual(row, { n: 1, site: 'lazada-sg', external_order_id: '900001' });
  // No channel is registered for that marketplace seller: the processor parks it for an operator.
  await ordersRuntime(app).ingestor.drain();
  assert.equal((await inboxStats(app.store)).failed, 1);
});
