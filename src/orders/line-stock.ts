import { releaseStock, reserveStock, shipStock, type Sql } from '../inventory/index.ts';
import { stockNeed, type LineStatus } from './line-states.ts';

/**
 * What a line's status means for its stock, as a move on the line's stock state:
 * none/short → reserved (reserve) or shipped (ship from free stock); reserved → released or
 * shipped. Unmatched lines (no variant) and finished states never move stock.
 */
export const STOCK_STATES = ['none', 'reserved', 'short', 'released', 'shipped', 'unmatched'] as const;

export type StockState = (typeof STOCK_STATES)[number];

export type StockOp = 'reserve' | 'release' | 'ship' | 'ship-unreserved';

export function stockOpFor(state: StockState, status: LineStatus): StockOp | undefined {
  if (state === 'unmatched' || state === 'released' || state === 'shipped') return undefined;
  const need = stockNeed(status);
  if (state === 'reserved') return need === 'release' ? 'release' : need === 'shipped' ? 'ship' : undefined;
  // none or short
  if (need === 'hold') return 'reserve';
  if (need === 'shipped') return 'ship-unreserved';
  return undefined;
}

export interface PlannedStockOp {
  op: StockOp;
  lineId: string;
  sellerId: string;
  variantId: string;
  site: string;
  quantity: number;
  at: Date;
}

export interface StockOpResult {
  lineId: string;
  state: StockState;
  /** Free units when a reservation or shipment found too few. */
  short?: { available: number; wanted: number } | undefined;
}

/**
 * Runs the planned moves in variant order (then line order), so two transactions touching the
 * same variants always lock them in the same order and cannot deadlock.
 */
export async function runStockOps(sql: Sql, ops: PlannedStockOp[]): Promise<StockOpResult[]> {
  ops.sort((a, b) =>
    a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : a.lineId < b.lineId ? -1 : 1,
  );
  const out: StockOpResult[] = [];
  for (const o of ops) {
    const ref = o.lineId;
    switch (o.op) {
      case 'reserve': {
        const r = await reserveStock(sql, { ...o, ref });
        out.push(r.ok ? { lineId: ref, state: 'reserved' } : { lineId: ref, state: 'short', short: r.error });
        break;
      }
      case 'release':
        await releaseStock(sql, ref, { at: o.at, note: 'order line cancelled' });
        out.push({ lineId: ref, state: 'released' });
        break;
      case 'ship':
      case 'ship-unreserved': {
        const r = await shipStock(sql, { ...o, ref });
        // Shipped by the marketplace though our count had no free unit: the count is wrong; the
        // line stays short so the seller sees it and recounts.
        out.push(r.ok ? { lineId: ref, state: 'shipped' } : { lineId: ref, state: 'short', short: r.error });
        break;
      }
    }
  }
  return out;
}
