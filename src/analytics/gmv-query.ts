import type { Store } from '../db/index.ts';
import { listSites } from '../marketplaces/index.ts';
import { ANALYTICS_TIME_ZONE, kstDayStart, type DayRange } from './period.ts';

/**
 * The GMV aggregation, in SQL. A line counts when its order was placed in the period and the line
 * is not cancelled; its value is item_price_krw × quantity (KRW at the order-time FX snapshot).
 * The normalised status is `canceled` (orders/line-states.ts); `cancelled` is excluded too so a raw
 * status stored by an older import cannot inflate GMV.
 */
export const CANCELLED_STATUSES = ['canceled', 'cancelled'] as const;

export interface GmvFigure {
  gmvKrw: number;
  orders: number;
}

export interface GmvAggregate {
  total: GmvFigure;
  byDay: Map<string, GmvFigure>;
  byCountry: Map<string, GmvFigure>;
  bySite: Map<string, GmvFigure>;
  bySeller: Map<string, GmvFigure>;
}

/** A site's country for GMV: its venture; AliExpress's GLOBAL site defers to the buyer's country. */
function siteCountries() {
  const sites = listSites();
  return {
    ids: sites.map((s) => s.id),
    countries: sites.map((s) => s.venture),
    global: sites.map((s) => s.venture === 'GLOBAL'),
  };
}

/**
 * One row per order with at least one counted line placed in [$1, $2) (optionally of seller $3):
 * its counted value. Day, site, seller and country are the order's, so counting these rows counts
 * distinct orders, with no DISTINCT (which would sort every grouping set).
 */
function countedOrders(sellerId: string | undefined): string {
  return `SELECT o.id, o.seller_id, o.site, o.placed_at, o.buyer_country,
      sum(ol.item_price_krw::numeric * ol.quantity) AS krw
    FROM orders o
    JOIN order_lines ol ON ol.order_id = o.id
    WHERE o.placed_at >= $1 AND o.placed_at < $2
      AND ol.status NOT IN (${CANCELLED_STATUSES.map((s) => `'${s}'`).join(', ')})
      ${sellerId === undefined ? 'AND $3::text IS NULL' : 'AND o.seller_id = $3'}
    GROUP BY o.id`;
}

function bounds(range: DayRange, sellerId: string | undefined): unknown[] {
  return [kstDayStart(range.from), kstDayStart(range.to + 1), sellerId ?? null];
}

type Row = {
  g: number;
  day: string | null;
  country: string | null;
  site: string | null;
  seller_id: string | null;
  gmv: string;
  orders: number;
};

/**
 * Totals and the breakdowns by KST day, country, site and seller in one pass (GROUPING SETS).
 * Orders are distinct orders with at least one counted line, per group.
 */
export async function aggregateGmv(store: Store, range: DayRange, sellerId?: string): Promise<GmvAggregate> {
  const s = siteCountries();
  const rows = await store.query<Row>(
    `WITH per_order AS (${countedOrders(sellerId)}),
     l AS (
       SELECT p.seller_id, p.site, p.krw,
         to_char(p.placed_at AT TIME ZONE '${ANALYTICS_TIME_ZONE}', 'YYYY-MM-DD') AS day,
         CASE WHEN s.is_global AND coalesce(p.buyer_country, '') <> '' THEN upper(p.buyer_country)
              ELSE coalesce(s.country, 'unknown') END AS country
       FROM per_order p
       LEFT JOIN unnest($4::text[], $5::text[], $6::boolean[]) AS s(site, country, is_global) ON s.site = p.site
     )
     SELECT GROUPING(day, country, site, seller_id)::int AS g, day, country, site, seller_id,
       sum(krw)::text AS gmv, count(*)::int AS orders
     FROM l
     GROUP BY GROUPING SETS ((), (day), (country), (site), (seller_id))`,
    [...bounds(range, sellerId), s.ids, s.countries, s.global],
  );
  const out: GmvAggregate = {
    total: { gmvKrw: 0, orders: 0 },
    byDay: new Map(),
    byCountry: new Map(),
    bySite: new Map(),
    bySeller: new Map(),
  };
  for (const r of rows) {
    const figure = { gmvKrw: Number(r.gmv ?? 0), orders: Number(r.orders) };
    // GROUPING() sets a bit for each argument left out of the set: 8 day, 4 country, 2 site, 1 seller.
    if (r.g === 15) out.total = figure;
    else if (r.g === 7) out.byDay.set(r.day!, figure);
    else if (r.g === 11) out.byCountry.set(r.country!, figure);
    else if (r.g === 13) out.bySite.set(r.site!, figure);
    else if (r.g === 14) out.bySeller.set(r.seller_id!, figure);
  }
  return out;
}

/** Totals only (previous period, year to date). */
export async function totalGmv(store: Store, range: DayRange, sellerId?: string): Promise<GmvFigure> {
  if (range.to < range.from) return { gmvKrw: 0, orders: 0 };
  const [row] = await store.query<{ gmv: string | null; orders: number }>(
    `SELECT sum(krw)::text AS gmv, count(*)::int AS orders FROM (${countedOrders(sellerId)}) p`,
    bounds(range, sellerId),
  );
  return { gmvKrw: Number(row?.gmv ?? 0), orders: Number(row?.orders ?? 0) };
}

/** Seller names by id, for the breakdown by seller. */
export async function sellerNames(store: Store, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await store.query<{ id: string; name: string }>(
    'SELECT id, name FROM sellers WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
