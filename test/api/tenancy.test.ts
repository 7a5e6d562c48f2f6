import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey, startApiServer, type RunningServer } from '../../src/api/index.ts';
import { createSeller, importCatalog } from '../../src/catalog/index.ts';
import type { App } from '../../src/main/app.ts';
import { testApp } from '../helpers/app.ts';

let app: App;
let server: RunningServer;
const ids = { sellers: {} as Record<'A' | 'B', string>, products: {} as Record<'A' | 'B', string> };
const keys = {} as Record<'operator' | 'A' | 'B', string>;

async function get(path: string, key?: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { data?: Record<string, unknown>[] },
  };
}

before(async () => {
  app = await testApp();
  const dir = mkdtempSync(join(tmpdir(), 'kbridge-tenancy-'));
  for (const [name, bizNo] of [
    ['A', '220-81-62517'],
    ['B', '124-81-00998'],
  ] as const) {
    const seller = await createSeller(app.store.db, { name: `셀러 ${name}`, bizNo }, app.clock);
    ids.sellers[name] = seller.id;
    const path = join(dir, `${name}.ndjson`);
    writeFileSync(
      path,
      JSON.stringify({ sku: `${name}-1`, title: `${name} 상품`, priceKrw: 1000, categoryPath: '기타' }),
    );
    await importCatalog(app.store, path, app.clock, { sellerId: seller.id });
    keys[name] = (await createApiKey(app.store.db, { role: 'seller', sellerId: seller.id }, app.clock)).key;
  }
  keys.operator = (await createApiKey(app.store.db, { role: 'operator' }, app.clock)).key;
  const [a, b] = await app.store.query<{ id: string }>('SELECT id FROM products ORDER BY seller_sku');
  ids.products = { A: a!.id, B: b!.id };
  server = await startApiServer(app, { host: '127.0.0.1', port: 0 });
});

after(async () => {
  await server.close();
  await app.close();
});

/**
 * Every /v1 endpoint, with how to tell whose data a response holds. A new endpoint that is not
 * listed here fails the coverage test below, so tenancy is checked for each one.
 */
const ENDPOINTS: Record<
  string,
  {
    /** `shared`: reference data or computation on the request alone, the same for every caller. */
    kind: 'list' | 'item' | 'self' | 'shared';
    resource?: keyof typeof ids;
    body?: unknown;
    owner?: (item: Record<string, unknown>) => unknown;
  }
> = {
  '/v1/me': { kind: 'self' },
  '/v1/sellers': { kind: 'list', owner: (s) => s.id },
  '/v1/sellers/{id}': { kind: 'item', resource: 'sellers' },
  '/v1/products': { kind: 'list', owner: (p) => p.sellerId },
  '/v1/products/{id}': { kind: 'item', resource: 'products' },
  '/v1/pricing/sites': { kind: 'shared' },
  '/v1/pricing/quote': { kind: 'shared', body: { site: 'lazada-th', krw: 25000, weightG: 350 } },
};

test('every /v1 endpoint in the OpenAPI document has a tenancy case', async () => {
  const doc = await get('/openapi.json');
  const paths = Object.keys(doc.body.paths as object).filter((p) => p.startsWith('/v1'));
  assert.deepEqual(paths.sort(), Object.keys(ENDPOINTS).sort());
});

test('no API key, or an unknown one: 401 on every endpoint', async () => {
  for (const [path, spec] of Object.entries(ENDPOINTS)) {
    const concrete = path.replace('{id}', ids.products.A);
    assert.equal((await get(concrete, undefined, spec.body)).status, 401, path);
    assert.equal((await get(concrete, 'kbk_not-a-real-key', spec.body)).status, 401, path);
  }
});

test('a seller key sees only its own seller, on every endpoint', async () => {
  for (const [path, spec] of Object.entries(ENDPOINTS)) {
    for (const [me, other] of [
      ['A', 'B'],
      ['B', 'A'],
    ] as const) {
      if (spec.kind === 'shared') {
        const res = await get(path, keys[me], spec.body);
        assert.equal(res.status, 200, path);
        assert.ok(!JSON.stringify(res.body).includes(ids.sellers[other]), `${path}: no seller data`);
      } else if (spec.kind === 'self') {
        const res = await get(path, keys[me]);
        assert.deepEqual(res.body, { role: 'seller', sellerId: ids.sellers[me] });
      } else if (spec.kind === 'list') {
        const res = await get(path, keys[me]);
        assert.equal(res.status, 200, path);
        const owners = res.body.data!.map(spec.owner!);
        assert.ok(owners.length > 0, `${path}: ${me} sees its own data`);
        assert.ok(
          owners.every((o) => o === ids.sellers[me]),
          `${path}: ${me} sees only its own data`,
        );
        // Asking for the other seller's data explicitly changes nothing.
        const pried = await get(`${path}?sellerId=${ids.sellers[other]}`, keys[me]);
        assert.ok(
          (pried.body.data ?? []).every((i) => spec.owner!(i) === ids.sellers[me]),
          `${path}?sellerId`,
        );
      } else {
        const own = await get(path.replace('{id}', ids[spec.resource!][me]), keys[me]);
        assert.equal(own.status, 200, `${path}: own`);
        const theirs = await get(path.replace('{id}', ids[spec.resource!][other]), keys[me]);
        assert.equal(theirs.status, 404, `${path}: ${me} cannot see ${other}'s`);
      }
    }
  }
});

test('the operator sees every seller', async () => {
  const products = await get('/v1/products', keys.operator);
  assert.deepEqual(new Set(products.body.data!.map((p) => p.sellerId)), new Set(Object.values(ids.sellers)));
  const one = await get(`/v1/products?sellerId=${ids.sellers.B}`, keys.operator);
  assert.deepEqual(
    one.body.data!.map((p) => p.sellerId),
    [ids.sellers.B],
  );
  assert.equal((await get(`/v1/sellers/${ids.sellers.B}`, keys.operator)).status, 200);
});

test('health and the OpenAPI document need no key; bad parameters are named', async () => {
  const health = await get('/health');
  assert.equal(health.status, 200);
  assert.equal(health.body.status, 'ok');
  const bad = await get('/v1/products?limit=0', keys.operator);
  assert.equal(bad.status, 400);
  assert.match(String((bad.body.error as { message: string }).message), /^limit:/);
});
