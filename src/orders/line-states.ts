/**
 * The marketplace order item lifecycle (research/marketplaces.md 2.10, 1.8; one item per unit on
 * the Lazop platforms) as a transition table, with what each status means for stock.
 *
 * Pushes arrive late, twice and out of order, so an incoming status is applied only when it lies
 * ahead of the stored one in this graph ("a later status never goes back"). Two loops exist
 * (packed ⇄ repacked, failed_delivery → shipped for a new attempt); inside a loop the marketplace's
 * status time decides.
 */
export const LINE_STATUSES = [
  'unpaid',
  'pending',
  'packed',
  'repacked',
  'ready_to_ship',
  'shipped',
  'delivered',
  'failed_delivery',
  'shipped_back',
  'shipped_back_success',
  'shipped_back_failed',
  'package_scrapped',
  'returned',
  'canceled',
  'lost',
  'lost_by_3pl',
  'damaged_by_3pl',
] as const;

export type LineStatus = (typeof LINE_STATUSES)[number];

export const LINE_TRANSITIONS: Readonly<Record<LineStatus, readonly LineStatus[]>> = {
  unpaid: ['pending', 'canceled'],
  // Legacy fulfilment (`/order/rts` straight from pending) skips packed.
  pending: ['packed', 'ready_to_ship', 'canceled'],
  packed: ['ready_to_ship', 'repacked', 'canceled'],
  repacked: ['packed', 'ready_to_ship', 'canceled'],
  ready_to_ship: ['shipped', 'canceled'],
  shipped: ['delivered', 'failed_delivery', 'lost', 'lost_by_3pl', 'damaged_by_3pl'],
  failed_delivery: ['shipped', 'shipped_back', 'delivered'],
  shipped_back: ['shipped_back_success', 'shipped_back_failed'],
  shipped_back_failed: ['package_scrapped'],
  delivered: ['returned'],
  shipped_back_success: [],
  package_scrapped: [],
  returned: [],
  canceled: [],
  lost: [],
  lost_by_3pl: [],
  damaged_by_3pl: [],
};

const KNOWN = new Set<string>(LINE_STATUSES);

export function isLineStatus(s: string): s is LineStatus {
  return KNOWN.has(s);
}

/** Every status reachable from each status in one or more moves. */
const REACHABLE: ReadonlyMap<LineStatus, ReadonlySet<LineStatus>> = (() => {
  const out = new Map<LineStatus, Set<LineStatus>>();
  for (const from of LINE_STATUSES) {
    const seen = new Set<LineStatus>();
    const stack = [...LINE_TRANSITIONS[from]];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...LINE_TRANSITIONS[s]);
    }
    out.set(from, seen);
  }
  return out;
})();

/** True when `to` can follow `from` (directly or through statuses we did not see). */
export function isAhead(from: LineStatus, to: LineStatus): boolean {
  return REACHABLE.get(from)!.has(to);
}

export type StatusDecision = 'apply' | 'same' | 'stale';

/**
 * Whether an incoming status should replace the stored one. `stale` for anything behind, and for
 * a status inside a loop whose time is older than the stored status time.
 */
export function decideStatus(
  stored: LineStatus,
  storedAt: Date | null | undefined,
  incoming: LineStatus,
  incomingAt: Date | null | undefined,
): StatusDecision {
  if (stored === incoming) return 'same';
  if (!isAhead(stored, incoming)) return 'stale';
  // Ahead, but also behind (a loop): only a newer report may move it.
  if (isAhead(incoming, stored) && storedAt && incomingAt && incomingAt.getTime() < storedAt.getTime()) {
    return 'stale';
  }
  return 'apply';
}

/** What a status means for the seller's stock. */
export type StockNeed = 'hold' | 'release' | 'shipped';

export function stockNeed(status: LineStatus): StockNeed {
  switch (status) {
    case 'unpaid':
    case 'pending':
    case 'packed':
    case 'repacked':
    case 'ready_to_ship':
      return 'hold';
    case 'canceled':
      return 'release';
    default:
      return 'shipped';
  }
}

/** Statuses in which the seller may still cancel (research 2.9: pending up to ready-to-ship). */
export const SELLER_CANCELLABLE: ReadonlySet<LineStatus> = new Set([
  'pending',
  'packed',
  'repacked',
  'ready_to_ship',
]);

/** A reverse flow starts here: a buyer return, or a parcel back in Korea after a failed delivery. */
export function returnKind(status: LineStatus): 'buyer_return' | 'returned_to_sender' | undefined {
  if (status === 'returned') return 'buyer_return';
  if (status === 'shipped_back_success') return 'returned_to_sender';
  return undefined;
}

/**
 * AliExpress reports order statuses, not item statuses (research 3.3). Mapped to the nearest item
 * status; FINISH covers completed and closed orders alike and is taken as delivered unless the
 * lines were cancelled before (a cancelled line is terminal, so nothing moves it).
 */
const AE_STATUS: Readonly<Record<string, LineStatus>> = {
  PLACE_ORDER_SUCCESS: 'unpaid',
  PAYMENT_PROCESSING: 'unpaid',
  RISK_CONTROL: 'unpaid',
  WAIT_SELLER_EXAMINE_MONEY: 'unpaid',
  WAIT_SELLER_SEND_GOODS: 'pending',
  SELLER_PART_SEND_GOODS: 'pending',
  IN_CANCEL: 'pending',
  WAIT_BUYER_ACCEPT_GOODS: 'shipped',
  FUND_PROCESSING: 'delivered',
  IN_ISSUE: 'delivered',
  IN_FROZEN: 'delivered',
  FINISH: 'delivered',
};

/** Normalises a status as a platform reports it; undefined for one we do not know. */
export function normaliseStatus(raw: string): LineStatus | undefined {
  const s = raw.trim();
  if (isLineStatus(s)) return s;
  const lower = s.toLowerCase().replace(/[\s-]+/g, '_');
  if (isLineStatus(lower)) return lower;
  if (lower === 'cancelled') return 'canceled';
  if (lower === 'failed') return 'failed_delivery';
  return AE_STATUS[s.toUpperCase()];
}
