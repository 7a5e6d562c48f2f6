import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey, startApiServer, type RunningServer } from '../../src/api/index.ts';
import { createSeller, importCatalog } from '../../src/catalog/index.ts';
import type { App } from '../../src/main/app.ts';
import { defaultFxSnapshot } from '../../src/pricing/index.ts';
import { testApp } from '../helpers/app.ts';
import { seedTranslations } from '../helpers/translation-seed.ts';

let app: App;
let server: RunningServer;
const ids = {
  sellers: {} as Record<'A' | 'B', string>,
  products: {} as Record<'A' | 'B', string>,
  orders: {} as Record<'A' | 'B', string>,
  packages: {} as Record<'A' | 'B', string>,
  returns: {} as Record<'A' | 'B', string>,
  reviews: {} as Record<'A' | 'B', string>,
  glossary: {} as Record<'A' | 'B', string>,
  listings: {} as Record<'A' | 'B', string>,
  imageVariants: {} as Record<'A' | 'B', string>,
};
const keys = {} as Record<'operator' | 'A' | 'B', string>;

async function get(path: string, key?: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // PDFs (labels, customs papers) are not JSON: their body is not inspected.
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return {
    status: res.status,
    body: (isJson ? JSON.parse(text) : {}) as Record<string, unknown> & { data?: Record<string, unknown>[] },
  };
}

/** An order of each seller in every state an endpoint needs: a pending line, a package, a return. */
async function seedOrders(who: 'A' | 'B'): Promise<void> {
  const sellerId = ids.sellers[who];
  const [v] = await app.store.query<{ id: string; seller_sku: string }>(
    'SELECT id, seller_sku FROM variants WHERE seller_id = $1',
    [sellerId],
  );
  const fx = defaultFxSnapshot();
  const orderId = `ord_TENANCY${who}`;
  const site = who === 'A' ? 'lazada-sg' : 'daraz-pk';
  await app.store.query(
    `INSERT INTO order_channels (site, external_seller_id, seller_id, platform, token_key) VALUES ($1, $2, $3, $4, $5)`,
    [site, `ext-${who}`, sellerId, site.split('-')[0], `${site.split('-')[0]}:${sellerId}`],
  );
  await app.store.query(
    `INSERT INTO orders (id, seller_id, site, platform, external_order_id, external_seller_id, currency, items_total_minor,
       items_total_krw, fx_snapshot_id, fx_rate, buyer_name, buyer_country, placed_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'SGD', 2500, 25000, $7, '1000', 'Tan Ah Kow', $8, $9)`,
    [
      orderId,
      sellerId,
      site,
      site.split('-')[0],
      `EXT-${who}`,
      `ext-${who}`,
      fx.id,
      who === 'A' ? 'SG' : 'PK',
      app.clock.now(),
    ],
  );
  const pkgId = `pkg_TENANCY${who}`;
  await app.store.query(
    `INSERT INTO packages (id, seller_id, order_id, site, external_package_id, status) VALUES ($1, $2, $3, $4, $5, 'packed')`,
    [pkgId, sellerId, orderId, site, `FP-${who}`],
  );
  for (const [n, status, pkg] of [
    [1, 'pending', null],
    [2, 'packed', pkgId],
    [3, 'returned', null],
  ] as const) {
    await app.store.query(
      `INSERT INTO order_lines (id, seller_id, order_id, site, external_item_id, seller_sku, variant_id, name, currency,
         item_price_minor, paid_price_minor, item_price_krw, status, stock_state, package_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Facial serum', 'SGD', 2500, 2500, 25000, $8, 'reserved', $9)`,
      [`oli_TENANCY${who}${n}`, sellerId, orderId, site, `${who}${n}`, v!.seller_sku, v!.id, status, pkg],
    );
  }
  await app.store.query(
    `INSERT INTO order_returns (id, seller_id, order_id, line_id, kind) VALUES ($1, $2, $3, $4, 'buyer_return')`,
    [`ret_TENANCY${who}`, sellerId, orderId, `oli_TENANCY${who}3`],
  );
  await app.store.query(
    `INSERT INTO stock_items (variant_id, seller_id, seller_sku, on_hand, reserved) VALUES ($1, $2, $3, 5, 2)`,
    [v!.id, sellerId, v!.seller_sku],
  );
  Object.assign(ids.orders, { [who]: orderId });
  Object.assign(ids.packages, { [who]: pkgId });
  Object.assign(ids.returns, { [who]: `ret_TENANCY${who}` });
}

/** A localized variant of an image of each seller's product (as the image job leaves it). */
async function seedImageVariant(who: 'A' | 'B'): Promise<void> {
  const url = `https://img.example/${who}.png`;
  const hash = `hash-tenancy-${who}`;
  await app.store.query(`UPDATE products SET images = $1 WHERE id = $2`, [
    JSON.stringify([url]),
    ids.products[who],
  ]);
  await app.store.query(`INSERT INTO image_sources (seller_id, url, source_hash) VALUES ($1, $2, $3)`, [
    ids.sellers[who],
    url,
    hash,
  ]);
  const summary = { lines: 0, translated: 0, converted: 0, kept: 0, needsTranslation: 0, needsReview: 0 };
  const report = {
    lines: [],
    residual: null,
    width: 1,
    height: 1,
    summary: { ...summary, unreadable: 0, overflow: 0, complete: true },
  };
  ids.imageVariants[who] = `limg_TENANCY${who}`;
  await app.store.query(
    `INSERT INTO localized_images (id, source_hash, locale, tm_version, scope_key, seller_id, mime, width, height, data, report)
     VALUES ($1, $2, 'en-SG.png', 'v1', $3, $4, 'image/png', 1, 1, $5, $6)`,
    [
      ids.imageVariants[who],
      hash,
      `seller:${ids.sellers[who]}`,
      ids.sellers[who],
      Buffer.from(who),
      JSON.stringify(report),
    ],
  );
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
  await seedOrders('A');
  await seedOrders('B');
  for (const who of ['A', 'B'] as const) {
    ids.listings[who] = `lst_TENANCY${who}`;
    await app.store.query(
      `INSERT INTO listings (id, seller_id, product_id, site) VALUES ($1, $2, $3, 'lazada-sg')`,
      [ids.listings[who], ids.sellers[who], ids.products[who]],
    );
  }
  for (const who of ['A', 'B'] as const) await seedImageVariant(who);
  for (const who of ['A', 'B'] as const) {
    const t = await seedTranslations(app, ids.sellers[who]);
    Object.assign(ids.reviews, { [who]: t.reviewId });
    Object.assign(ids.glossary, { [who]: t.glossaryId });
  }
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
    /**
     * `shared`: reference data or computation on the request alone, the same for every caller.
     * `action`: a call on one resource (POST, or a GET answering a file): on another seller's
     * resource it is "not found"; on one's own it may succeed or be refused, but is never 404.
     * `report`: figures over many rows (analytics): `mine` tells the caller's own figures apart;
     * the body never names another seller, and `?sellerId=` of another seller changes nothing.
     * `operator`: operator only: a seller key is refused (403).
     * `bulk`: an action on many ids (bodyFor names the seller's resources): 200 with one outcome
     * per item, another seller's items each `not_found` and never acted on.
     */
    kind: 'list' | 'item' | 'self' | 'shared' | 'action' | 'bulk' | 'report' | 'operator';
    resource?: keyof typeof ids;
    body?: unknown;
    /** The body naming the caller's own resource (for actions without an id in the path). */
    bodyFor?: (who: 'A' | 'B') => unknown;
    owner?: (item: Record<string, unknown>) => unknown;
    /** `report`: true when the body holds the seller's own figures (and only theirs). */
    mine?: (body: Record<string, unknown>, sellerId: string) => boolean;
  }
> = {
  '/v1/me': { kind: 'self' },
  '/v1/sellers': { kind: 'list', owner: (s) => s.id },
  '/v1/sellers/{id}': { kind: 'item', resource: 'sellers' },
  '/v1/products': { kind: 'list', owner: (p) => p.sellerId },
  '/v1/products/{id}': { kind: 'item', resource: 'products' },
  '/v1/pricing/sites': { kind: 'shared' },
  '/v1/pricing/quote': { kind: 'shared', body: { site: 'lazada-th', krw: 25000, weightG: 350 } },
  '/v1/orders': { kind: 'list', owner: (o) => o.sellerId },
  '/v1/orders/todo': { kind: 'list', owner: (t) => t.sellerId },
  '/v1/orders/{id}': { kind: 'item', resource: 'orders' },
  '/v1/orders/{id}/timeline': { kind: 'item', resource: 'orders' },
  '/v1/orders/{id}/pack': { kind: 'action', resource: 'orders', body: {} },
  '/v1/orders/{id}/cancel': { kind: 'action', resource: 'orders', body: {} },
  '/v1/orders/{id}/cancel-request': { kind: 'action', resource: 'orders', body: { accept: false } },
  '/v1/packages/{id}/label': { kind: 'action', resource: 'packages' },
  '/v1/packages/{id}/shipping-options': { kind: 'item', resource: 'packages' },
  '/v1/packages/{id}/customs': { kind: 'action', resource: 'packages' },
  '/v1/packages/{id}/ready-to-ship': { kind: 'action', resource: 'packages', body: {} },
  '/v1/packages/{id}/hand-over': {
    kind: 'action',
    resource: 'packages',
    body: { carrier: 'CJ', trackingNumber: 'not-a-number' },
  },
  '/v1/inventory': { kind: 'list', owner: (s) => s.sellerId },
  '/v1/inventory/receipts': { kind: 'action', bodyFor: (who) => ({ sellerSku: `${who}-1`, quantity: 1 }) },
  '/v1/inventory/counts': { kind: 'action', bodyFor: (who) => ({ sellerSku: `${who}-1`, onHand: 9 }) },
  '/v1/returns': { kind: 'list', owner: (r) => r.sellerId },
  '/v1/returns/{id}/receive': { kind: 'action', resource: 'returns', body: { restock: false } },
  '/v1/translations': { kind: 'shared', body: { texts: ['수분 토너'], to: 'en-SG' } },
  // The list and item cases run before approve/dismiss close the items (entries run in this order).
  '/v1/translations/review': { kind: 'list', owner: (i) => i.sellerId },
  '/v1/translations/review/{id}': { kind: 'item', resource: 'reviews' },
  '/v1/translations/review/{id}/approve': {
    kind: 'action',
    resource: 'reviews',
    body: { text: 'Bwek Toner' },
  },
  '/v1/translations/review/{id}/dismiss': { kind: 'action', resource: 'reviews', body: {} },
  '/v1/translations/glossary': { kind: 'list', owner: (g) => g.sellerId },
  '/v1/translations/glossary/{id}': { kind: 'item', resource: 'glossary' },
  '/v1/products/{id}/localized': { kind: 'item', resource: 'products' },
  '/v1/listings': { kind: 'list', owner: (l) => l.sellerId },
  '/v1/listings/status': { kind: 'list', owner: (c) => c.sellerId },
  '/v1/listings/{id}': { kind: 'item', resource: 'listings' },
  // A draft cannot be paused or resumed (409) but it is the caller's own; another's is 404.
  '/v1/listings/{id}/pause': { kind: 'action', resource: 'listings', body: {} },
  '/v1/listings/{id}/resume': { kind: 'action', resource: 'listings', body: {} },
  '/v1/listings/{id}/delist': { kind: 'action', resource: 'listings', body: {} },
  '/v1/listings/categories': { kind: 'list', owner: (r) => r.sellerId },
  // No tree is cached here and the seeded channels hold no token: the caller's own gets 409, another's 404.
  '/v1/listings/categories/confirm': {
    kind: 'action',
    bodyFor: (who) => ({
      site: 'lazada-sg',
      koreanPath: '기타',
      categoryId: '1',
      sellerId: ids.sellers[who],
    }),
  },
  '/v1/listings/actions': {
    kind: 'bulk',
    bodyFor: (who) => ({ action: 'pause', listingIds: [ids.listings[who]], productIds: [ids.products[who]] }),
  },
  '/v1/catalog/grid': { kind: 'list', owner: (r) => r.sellerId },
  '/v1/products/{id}/overview': { kind: 'item', resource: 'products' },
  '/v1/products/{id}/images': { kind: 'item', resource: 'products' },
  '/v1/images/{id}/content': { kind: 'item', resource: 'imageVariants' },
  '/v1/listings/publish': {
    kind: 'action',
    bodyFor: (who) => ({ site: 'daraz-pk', sellerId: ids.sellers[who], limit: 1 }),
  },
  '/v1/analytics/gmv': {
    kind: 'report',
    mine: (r, sellerId) =>
      r.sellerId === sellerId &&
      (r.totals as { orders: number }).orders > 0 &&
      (r.bySeller as { sellerId: string }[]).every((s) => s.sellerId === sellerId),
  },
  '/v1/analytics/target': {
    kind: 'report',
    mine: (r) => r.target === null && (r.ytdOrders as number) > 0,
  },
  '/v1/operations/jobs': { kind: 'operator' },
  '/v1/operations/connections': { kind: 'list', owner: (c) => c.sellerId },
  '/v1/operations/sandbox': { kind: 'shared' },
};

test('every /v1 endpoint in the OpenAPI document has a tenancy case', async () => {
  const doc = await get('/openapi.json');
  const paths = Object.keys(doc.body.paths as object).filter((p) => p.startsWith('/v1'));
  assert.deepEqual(paths.sort(), Object.keys(ENDPOINTS).sort());
});

test('no API key, or an unknown one: 401 on every endpoint', async () => {
  for (const [path, spec] of Object.entries(ENDPOINTS)) {
    const concrete = path.replace('{id}', ids.products.A);
    const body = spec.body ?? spec.bodyFor?.('A');
    assert.equal((await get(concrete, undefined, body)).status, 401, path);
    assert.equal((await get(concrete, 'kbk_not-a-real-key', body)).status, 401, path);
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
      } else if (spec.kind === 'action') {
        const mine = spec.resource ? path.replace('{id}', ids[spec.resource][me]) : path;
        const theirs = spec.resource ? path.replace('{id}', ids[spec.resource][other]) : path;
        const own = await get(mine, keys[me], spec.bodyFor?.(me) ?? spec.body);
        assert.ok(own.status !== 404 && own.status !== 401, `${path}: ${me} reaches its own (${own.status})`);
        const pried = await get(theirs, keys[me], spec.bodyFor?.(other) ?? spec.body);
        assert.equal(pried.status, 404, `${path}: ${me} cannot act on ${other}'s`);
      } else if (spec.kind === 'bulk') {
        const own = await get(path, keys[me], spec.bodyFor!(me));
        assert.equal(own.status, 200, path);
        const ownItems = own.body.items as { error?: { code: string } }[];
        assert.ok(
          ownItems.length > 0 && ownItems.every((i) => i.error?.code !== 'not_found'),
          `${path}: own`,
        );
        const before = await app.store.query('SELECT state, updated_at FROM listings WHERE seller_id = $1', [
          ids.sellers[other],
        ]);
        const pried = await get(path, keys[me], spec.bodyFor!(other));
        assert.equal(pried.status, 200, path);
        const items = pried.body.items as { error?: { code: string } }[];
        assert.ok(
          items.length > 0 && items.every((i) => i.error?.code === 'not_found'),
          `${path}: ${me} on ${other}'s`,
        );
        const after = await app.store.query('SELECT state, updated_at FROM listings WHERE seller_id = $1', [
          ids.sellers[other],
        ]);
        assert.deepEqual(after, before, `${path}: ${other}'s listings untouched`);
      } else if (spec.kind === 'report') {
        const own = await get(path, keys[me]);
        assert.equal(own.status, 200, path);
        assert.ok(spec.mine!(own.body, ids.sellers[me]), `${path}: ${me} sees its own figures`);
        assert.ok(!JSON.stringify(own.body).includes(ids.sellers[other]), `${path}: nothing of ${other}`);
        const pried = await get(`${path}?sellerId=${ids.sellers[other]}`, keys[me]);
        assert.deepEqual(pried.body, own.body, `${path}?sellerId`);
      } else if (spec.kind === 'operator') {
        assert.equal((await get(path, keys[me])).status, 403, `${path}: operator only`);
        assert.equal((await get(path, keys.operator)).status, 200, `${path}: the operator`);
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

test("the operator's reports cover every seller; only the operator sets the GMV target", async () => {
  const gmv = await get('/v1/analytics/gmv', keys.operator);
  assert.deepEqual(
    new Set((gmv.body.bySeller as { sellerId: string }[]).map((s) => s.sellerId)),
    new Set(Object.values(ids.sellers)),
  );
  const put = (key: string) =>
    fetch(`${server.url}/v1/analytics/target`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2026, amountKrw: 5_000_000 }),
    });
  assert.equal((await put(keys.A)).status, 403);
  assert.equal((await put(keys.operator)).status, 200);
  const seller = await get('/v1/analytics/target', keys.B);
  assert.equal(seller.body.target, null, 'a seller never sees the program target');
});

test('health and the OpenAPI document need no key; bad parameters are named', async () => {
  const health = await get('/health');
  assert.equal(health.status, 200);
  assert.equal(health.body.status, 'ok');
  const bad = await get('/v1/products?limit=0', keys.operator);
  assert.equal(bad.status, 400);
  assert.match(String((bad.body.error as { message: string }).message), /^limit:/);
});
