import type { App } from '../../src/main/app.ts';

/**
 * Orders and lines for the analytics tests: three sellers on four sites over two months, with the
 * cases the GMV definition turns on (cancelled lines, several units, the KST day boundary, the
 * AliExpress buyer country). Deterministic: a seeded generator instead of Math.random.
 */
export const SELLERS = [
  { id: 'sel_GMVA', name: '셀러 A' },
  { id: 'sel_GMVB', name: '셀러 B' },
  { id: 'sel_GMVC', name: '셀러 C' },
] as const;

const SITES = ['lazada-sg', 'daraz-pk', 'miravia-es', 'aliexpress-global'] as const;
const STATUSES = ['pending', 'packed', 'shipped', 'delivered', 'canceled', 'returned', 'unpaid'] as const;

export interface SeedLine {
  orderId: string;
  status: string;
  quantity: number;
  priceKrw: number;
}

let n = 0;
async function insertOrder(
  app: App,
  o: { sellerId: string; site: string; placedAt: string; buyerCountry: string | null },
  lines: Omit<SeedLine, 'orderId'>[],
): Promise<void> {
  const id = `ord_GMV${String(++n).padStart(4, '0')}`;
  await app.store.query(
    `INSERT INTO orders (id, seller_id, site, platform, external_order_id, external_seller_id, currency,
       items_total_minor, items_total_krw, fx_snapshot_id, fx_rate, buyer_country, placed_at)
     VALUES ($1, $2, $3, $4, $1, 'ext', 'USD', 0, 0, 'fx_test', '1', $5, $6)`,
    [id, o.sellerId, o.site, o.site.split('-')[0], o.buyerCountry, o.placedAt],
  );
  let i = 0;
  for (const l of lines) {
    await app.store.query(
      `INSERT INTO order_lines (id, seller_id, order_id, site, external_item_id, currency, item_price_minor,
         paid_price_minor, item_price_krw, quantity, status)
       VALUES ($1, $2, $3, $4, $1, 'USD', 0, 0, $5, $6, $7)`,
      [`${id}_${++i}`, o.sellerId, id, o.site, l.priceKrw, l.quantity, l.status],
    );
  }
}

type Case = [
  seller: 0 | 1,
  site: string,
  placedAt: string,
  buyerCountry: string | null,
  lines: Omit<SeedLine, 'orderId'>[],
];

/** The hand-picked cases, each with why it is here; the tests assert their effect. */
const CASES: Case[] = [
  // 23:30 UTC on 10 Nov is 08:30 on 11 Nov in Seoul; 3 units counted, the cancelled line not.
  [
    0,
    'lazada-sg',
    '2026-11-10T23:30:00Z',
    'SG',
    [
      { status: 'pending', quantity: 3, priceKrw: 10_001 },
      { status: 'canceled', quantity: 1, priceKrw: 999_999 },
    ],
  ],
  // Only a cancelled line: not an order at all for GMV.
  [1, 'daraz-pk', '2026-11-12T03:00:00Z', 'PK', [{ status: 'canceled', quantity: 2, priceKrw: 50_000 }]],
  // First and last instants of the period 1–25 Nov (KST), and just outside either end.
  [1, 'miravia-es', '2026-10-31T15:00:00Z', 'ES', [{ status: 'delivered', quantity: 1, priceKrw: 77_000 }]],
  [1, 'miravia-es', '2026-10-31T14:59:59Z', 'ES', [{ status: 'delivered', quantity: 1, priceKrw: 66_000 }]],
  // AliExpress: the buyer's country (lower-cased as sent), or GLOBAL when unknown.
  [
    0,
    'aliexpress-global',
    '2026-11-25T14:59:59Z',
    'fr',
    [{ status: 'pending', quantity: 2, priceKrw: 30_000 }],
  ],
  [
    0,
    'aliexpress-global',
    '2026-11-25T15:00:00Z',
    null,
    [{ status: 'pending', quantity: 1, priceKrw: 30_000 }],
  ],
];

export async function seedEdgeCases(app: App): Promise<void> {
  for (const [seller, site, placedAt, buyerCountry, lines] of CASES)
    await insertOrder(app, { sellerId: SELLERS[seller].id, site, placedAt, buyerCountry }, lines);
}

/** Random orders over 1 Sep – 30 Nov 2026 (and one in 2025, for the target's year boundary). */
export async function seedRandom(app: App, count: number): Promise<void> {
  let state = 42;
  // mulberry32: small, and exact in 32-bit integer arithmetic.
  const next = (k: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % k;
  };
  const start = Date.parse('2026-09-01T00:00:00Z');
  for (let k = 0; k < count; k++) {
    const site = SITES[next(SITES.length)]!;
    const lines = Array.from({ length: 1 + next(3) }, () => ({
      status: STATUSES[next(STATUSES.length)]!,
      quantity: 1 + next(3),
      priceKrw: 1_000 + next(200_000),
    }));
    const placedAt = new Date(start + next(91 * 24 * 60) * 60_000).toISOString();
    const buyerCountry = site === 'aliexpress-global' ? (['US', 'KR', null] as const)[next(3)]! : null;
    await insertOrder(
      app,
      { sellerId: SELLERS[next(SELLERS.length)]!.id, site, placedAt, buyerCountry },
      lines,
    );
  }
  await insertOrder(
    app,
    { sellerId: SELLERS[2].id, site: 'lazada-sg', placedAt: '2025-12-31T14:00:00Z', buyerCountry: null },
    [{ status: 'delivered', quantity: 1, priceKrw: 123_456 }],
  );
}

export async function seedSellers(app: App): Promise<void> {
  for (const [i, s] of SELLERS.entries()) {
    await app.store.query('INSERT INTO sellers (id, name, biz_no) VALUES ($1, $2, $3)', [
      s.id,
      s.name,
      `000000000${i}`,
    ]);
  }
}
