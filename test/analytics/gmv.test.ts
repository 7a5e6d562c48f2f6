import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApiApp, createApiKey } from '../../src/api/index.ts';
import type { App } from '../../src/main/app.ts';
import { testApp } from '../helpers/app.ts';
import { seedEdgeCases, seedRandom, seedSellers, SELLERS } from './gmv-seed.ts';

let app: App;
let api: ReturnType<typeof createApiApp>;
const keys = {} as Record<'operator' | 'A' | 'B', string>;

before(async () => {
  app = await testApp(); // clock: 2026-11-25T00:00Z, 09:00 on 25 Nov in Seoul
  await seedSellers(app);
  await seedEdgeCases(app);
  await seedRandom(app, 120);
  api = createApiApp(app);
  keys.operator = (await createApiKey(app.store.db, { role: 'operator' }, app.clock)).key;
  keys.A = (await createApiKey(app.store.db, { role: 'seller', sellerId: SELLERS[0].id }, app.clock)).key;
  keys.B = (await createApiKey(app.store.db, { role: 'seller', sellerId: SELLERS[1].id }, app.clock)).key;
});

after(async () => {
  await app.close();
});

async function call(path: string, key: string, init: { method?: string; body?: unknown } = {}) {
  const res = await api.request(path, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  // Bodies of several shapes, compared whole with deepEqual or read field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

type Line = {
  order_id: string;
  seller_id: string;
  site: string;
  buyer_country: string | null;
  placed_at: Date;
  status: string;
  quantity: number;
  krw: number;
};

/** Every line as stored, read with plain SQL; the reference computation below is in JS. */
async function allLines(): Promise<Line[]> {
  const rows = await app.store.query<Record<string, unknown>>(
    `SELECT o.id AS order_id, o.seller_id, o.site, o.buyer_country, o.placed_at, ol.status, ol.quantity, ol.item_price_krw
     FROM orders o JOIN order_lines ol ON ol.order_id = o.id`,
  );
  return rows.map((r) => ({
    ...(r as Omit<Line, 'krw' | 'placed_at' | 'quantity'>),
    placed_at: new Date(r.placed_at as string),
    quantity: Number(r.quantity),
    krw: Number(r.item_price_krw),
  }));
}

const seoulDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const COUNTRY: Record<string, string> = {
  'lazada-sg': 'SG',
  'daraz-pk': 'PK',
  'miravia-es': 'ES',
  'aliexpress-global': 'GLOBAL',
};

/** The reference: GMV and distinct orders of counted lines in [from, to] (KST days), grouped by key. */
function reference(
  lines: Line[],
  from: string,
  to: string,
  key: (l: Line & { day: string }) => string,
  sellerId?: string,
) {
  const out = new Map<string, { gmvKrw: number; orders: Set<string> }>();
  for (const l of lines) {
    const day = seoulDay.format(l.placed_at);
    if (day < from || day > to || l.status === 'canceled' || (sellerId && l.seller_id !== sellerId)) continue;
    const k = key({ ...l, day });
    const e = out.get(k) ?? { gmvKrw: 0, orders: new Set() };
    e.gmvKrw += l.krw * l.quantity;
    e.orders.add(l.order_id);
    out.set(k, e);
  }
  return new Map([...out].map(([k, v]) => [k, { gmvKrw: v.gmvKrw, orders: v.orders.size }]));
}

const country = (l: Line) =>
  l.site === 'aliexpress-global' && l.buyer_country ? l.buyer_country.toUpperCase() : COUNTRY[l.site]!;

function expectReport(
  lines: Line[],
  from: string,
  to: string,
  prevFrom: string,
  prevTo: string,
  sellerId?: string,
) {
  const total = reference(lines, from, to, () => '', sellerId).get('') ?? { gmvKrw: 0, orders: 0 };
  const prev = reference(lines, prevFrom, prevTo, () => '', sellerId).get('') ?? { gmvKrw: 0, orders: 0 };
  const byDay = reference(lines, from, to, (l) => l.day, sellerId);
  const days: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  )
    days.push(d.toISOString().slice(0, 10));
  const sorted = <T>(m: Map<string, { gmvKrw: number; orders: number }>, f: (k: string) => T) =>
    [...m]
      .sort(([ka, a], [kb, b]) => b.gmvKrw - a.gmvKrw || (ka < kb ? -1 : 1))
      .map(([k, v]) => ({ ...f(k), ...v }));
  return {
    period: { from, to, days: days.length, timeZone: 'Asia/Seoul' },
    sellerId: sellerId ?? null,
    totals: total,
    previous: { from: prevFrom, to: prevTo, ...prev },
    growth: {
      gmvKrw: prev.gmvKrw === 0 ? null : (total.gmvKrw - prev.gmvKrw) / prev.gmvKrw,
      orders: prev.orders === 0 ? null : (total.orders - prev.orders) / prev.orders,
    },
    series: days.map((date) => ({ date, ...(byDay.get(date) ?? { gmvKrw: 0, orders: 0 }) })),
    byCountry: sorted(reference(lines, from, to, country, sellerId), (k) => ({ country: k })),
    bySite: sorted(
      reference(lines, from, to, (l) => l.site, sellerId),
      (k) => ({
        site: k,
        platform: k.split('-')[0],
        country: COUNTRY[k],
      }),
    ),
    bySeller: sorted(
      reference(lines, from, to, (l) => l.seller_id, sellerId),
      (k) => ({
        sellerId: k,
        sellerName: SELLERS.find((s) => s.id === k)!.name,
      }),
    ),
  };
}

test('GMV report: every figure matches the database to the won', async () => {
  const lines = await allLines();
  const res = await call('/v1/analytics/gmv?from=2026-11-01&to=2026-11-25', keys.operator);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(res.body, expectReport(lines, '2026-11-01', '2026-11-25', '2026-10-07', '2026-10-31'));
  // The reference is not vacuous: several sellers, sites, countries and a previous period.
  assert.equal(res.body.bySeller.length, 3);
  assert.ok(res.body.byCountry.length >= 5);
  assert.ok(res.body.previous.gmvKrw > 0 && res.body.totals.orders > 20);
});

test('GMV edge cases: cancelled lines, several units, the Seoul day, AliExpress buyer country', async () => {
  const res = await call('/v1/analytics/gmv?from=2026-11-11&to=2026-11-11&sellerId=sel_GMVA', keys.operator);
  const sg = res.body.bySite.find((s: { site: string }) => s.site === 'lazada-sg');
  // 23:30 UTC on 10 Nov counts on 11 Nov; 3 × 10,001 counted, the cancelled 999,999 not.
  assert.ok(sg.gmvKrw >= 30_003);
  const tenth = await call(
    '/v1/analytics/gmv?from=2026-11-10&to=2026-11-10&sellerId=sel_GMVA',
    keys.operator,
  );
  const lines = await allLines();
  const expected = expectReport(lines, '2026-11-11', '2026-11-11', '2026-11-10', '2026-11-10', 'sel_GMVA');
  assert.deepEqual(res.body, expected);
  assert.equal(res.body.previous.gmvKrw, tenth.body.totals.gmvKrw);
  // The last second of 25 Nov KST is in; FR is the AliExpress buyer's country.
  const last = await call('/v1/analytics/gmv?from=2026-11-25&to=2026-11-25&sellerId=sel_GMVA', keys.operator);
  assert.ok(
    last.body.byCountry.some(
      (c: { country: string; gmvKrw: number }) => c.country === 'FR' && c.gmvKrw >= 60_000,
    ),
  );
});

test('a seller sees only its own GMV, whatever sellerId it passes', async () => {
  const lines = await allLines();
  const own = await call('/v1/analytics/gmv?from=2026-11-01&to=2026-11-25', keys.A);
  assert.deepEqual(
    own.body,
    expectReport(lines, '2026-11-01', '2026-11-25', '2026-10-07', '2026-10-31', 'sel_GMVA'),
  );
  assert.deepEqual(
    own.body.bySeller.map((s: { sellerId: string }) => s.sellerId),
    ['sel_GMVA'],
  );
  const pried = await call('/v1/analytics/gmv?from=2026-11-01&to=2026-11-25&sellerId=sel_GMVB', keys.A);
  assert.deepEqual(pried.body, own.body);
  const asOperator = await call(
    '/v1/analytics/gmv?from=2026-11-01&to=2026-11-25&sellerId=sel_GMVA',
    keys.operator,
  );
  assert.deepEqual(asOperator.body, own.body);
});

test('GMV default period: the last 30 days ending today in Seoul', async () => {
  const res = await call('/v1/analytics/gmv', keys.operator);
  assert.deepEqual(res.body.period, {
    from: '2026-10-27',
    to: '2026-11-25',
    days: 30,
    timeZone: 'Asia/Seoul',
  });
  assert.equal(res.body.series.length, 30);
  assert.deepEqual(res.body.previous.from, '2026-09-27');
});

test('GMV bad periods are refused naming the parameter', async () => {
  for (const [query, param] of [
    ['from=2026-02-30', 'from'],
    ['to=26-11-01', 'to'],
    ['from=2026-11-10&to=2026-11-09', 'to'],
    ['from=2025-01-01&to=2026-01-02', 'to'],
  ] as const) {
    const res = await call(`/v1/analytics/gmv?${query}`, keys.operator);
    assert.equal(res.status, 400, query);
    assert.equal(res.body.error.code, 'invalid_input');
    assert.match(res.body.error.message, new RegExp(`^${param}:`), query);
  }
  // 366 days is allowed.
  assert.equal((await call('/v1/analytics/gmv?from=2025-11-25&to=2026-11-25', keys.operator)).status, 200);
});

test('GMV target: ₩1 trillion by default, set by the operator, year to date with a linear pace', async () => {
  const lines = await allLines();
  const ytd = reference(lines, '2026-01-01', '2026-11-25', () => '').get('')!;
  const res = await call('/v1/analytics/target', keys.operator);
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, {
    year: 2026,
    asOf: '2026-11-25',
    ytdGmvKrw: ytd.gmvKrw,
    ytdOrders: ytd.orders,
    target: { amountKrw: 1_000_000_000_000, source: 'default', updatedAt: null, updatedBy: null },
    progress: ytd.gmvKrw / 1e12,
    pace: {
      elapsedDays: 329,
      daysInYear: 365,
      expectedKrw: Math.round((1e12 * 329) / 365),
      ratio: ytd.gmvKrw / Math.round((1e12 * 329) / 365),
    },
  });

  const put = await call('/v1/analytics/target', keys.operator, {
    method: 'PUT',
    body: { year: 2026, amountKrw: 50_000_000 },
  });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.target.amountKrw, 50_000_000);
  assert.equal(put.body.target.source, 'set');
  assert.equal(put.body.target.updatedBy, keys.operator.slice(0, 10));
  assert.equal(put.body.progress, ytd.gmvKrw / 50_000_000);
  const again = await call('/v1/analytics/target?year=2026', keys.operator);
  assert.deepEqual(again.body, put.body);
  // Another year keeps the default; a past year counts its whole year.
  const last = await call('/v1/analytics/target?year=2025', keys.operator);
  assert.equal(last.body.target.source, 'default');
  assert.equal(last.body.ytdGmvKrw, 123_456);
  assert.equal(last.body.pace.elapsedDays, 365);
});

test('GMV target: a seller sees its own year to date and no program target, and cannot set it', async () => {
  const lines = await allLines();
  const own = reference(lines, '2026-01-01', '2026-11-25', () => '', 'sel_GMVB').get('')!;
  const res = await call('/v1/analytics/target?year=2026', keys.B);
  assert.deepEqual(res.body, {
    year: 2026,
    asOf: '2026-11-25',
    ytdGmvKrw: own.gmvKrw,
    ytdOrders: own.orders,
    target: null,
    progress: null,
    pace: null,
  });
  const put = await call('/v1/analytics/target', keys.B, {
    method: 'PUT',
    body: { year: 2026, amountKrw: 1 },
  });
  assert.equal(put.status, 403);
  assert.equal(put.body.error.code, 'forbidden');
  const bad = await call('/v1/analytics/target', keys.operator, {
    method: 'PUT',
    body: { year: 2026, amountKrw: -5 },
  });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /^amountKrw:/);
});
