import type { Store } from '../db/index.ts';
import { listSites } from '../marketplaces/index.ts';
import { scopedSellerId, type Clock, type Scope } from '../shared/index.ts';
import { aggregateGmv, sellerNames, totalGmv, type GmvFigure } from './gmv-query.ts';
import {
  ANALYTICS_TIME_ZONE,
  formatDay,
  previousRange,
  rangeDays,
  resolvePeriod,
  type DayRange,
} from './period.ts';

export interface GmvQuery {
  from?: string;
  to?: string;
  /** Honoured for the operator only; a seller is always scoped to itself. */
  sellerId?: string;
}

export interface GmvReport {
  period: { from: string; to: string; days: number; timeZone: typeof ANALYTICS_TIME_ZONE };
  /** The seller the figures are limited to, or null for the whole program. */
  sellerId: string | null;
  totals: GmvFigure;
  previous: { from: string; to: string } & GmvFigure;
  /** (current − previous) / previous; null when the previous figure is 0. */
  growth: { gmvKrw: number | null; orders: number | null };
  series: ({ date: string } & GmvFigure)[];
  byCountry: ({ country: string } & GmvFigure)[];
  bySite: ({ site: string; platform: string | null; country: string | null } & GmvFigure)[];
  bySeller: ({ sellerId: string; sellerName: string | null } & GmvFigure)[];
}

function growth(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}

/** Largest GMV first; ties by key so the order is stable. */
function ranked<T extends GmvFigure>(
  entries: Map<string, GmvFigure>,
  shape: (key: string) => Omit<T, keyof GmvFigure>,
): T[] {
  return [...entries]
    .sort(([ka, a], [kb, b]) => b.gmvKrw - a.gmvKrw || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([key, figure]) => ({ ...shape(key), ...figure }) as T);
}

function series(range: DayRange, byDay: Map<string, GmvFigure>): GmvReport['series'] {
  const out: GmvReport['series'] = [];
  for (let d = range.from; d <= range.to; d++) {
    const date = formatDay(d);
    out.push({ date, ...(byDay.get(date) ?? { gmvKrw: 0, orders: 0 }) });
  }
  return out;
}

/**
 * GMV and orders in KRW for a period of KST days, with the previous period of equal length, a
 * zero-filled daily series and breakdowns by country, site and seller (docs/analytics.md).
 */
export async function gmvReport(
  store: Store,
  scope: Scope,
  query: GmvQuery,
  clock: Clock,
): Promise<GmvReport> {
  const range = resolvePeriod(query, clock);
  const sellerId = scopedSellerId(scope) ?? query.sellerId;
  const prev = previousRange(range);
  // Concurrent on PostgreSQL (two pool connections); PGlite runs them one after the other.
  const [agg, before] = await Promise.all([
    aggregateGmv(store, range, sellerId),
    totalGmv(store, prev, sellerId),
  ]);
  const names = await sellerNames(store, [...agg.bySeller.keys()]);
  const sites = new Map(listSites().map((s) => [s.id, s]));
  return {
    period: {
      from: formatDay(range.from),
      to: formatDay(range.to),
      days: rangeDays(range),
      timeZone: ANALYTICS_TIME_ZONE,
    },
    sellerId: sellerId ?? null,
    totals: agg.total,
    previous: { from: formatDay(prev.from), to: formatDay(prev.to), ...before },
    growth: {
      gmvKrw: growth(agg.total.gmvKrw, before.gmvKrw),
      orders: growth(agg.total.orders, before.orders),
    },
    series: series(range, agg.byDay),
    byCountry: ranked(agg.byCountry, (country) => ({ country })),
    bySite: ranked(agg.bySite, (site) => ({
      site,
      platform: sites.get(site)?.platform ?? null,
      country: sites.get(site)?.venture ?? null,
    })),
    bySeller: ranked(agg.bySeller, (id) => ({ sellerId: id, sellerName: names.get(id) ?? null })),
  };
}
