/**
 * The reverse side of an order line (research/marketplaces.md 1.8, push type 10; Lazada's
 * "reverse order" webhook): a buyer cancellation (CANCEL_*), a return to the merchant (RTM_*) or
 * to the marketplace's warehouse (RTW_*), or a refund without a return (REFUND_*). Each platform
 * key maps to a reverse type and a phase; the phases form a transition table like the item
 * lifecycle's, so late and reordered reverse pushes never move a line's reverse state back.
 * The marketplace does not push every status of every type, so phases may be skipped.
 */
export const REVERSE_PHASES = [
  'requested',
  'collected',
  'received',
  'refunded',
  'rejected',
  'withdrawn',
] as const;
export type ReversePhase = (typeof REVERSE_PHASES)[number];
export type ReverseType = 'cancel' | 'return' | 'refund-only';

export const REVERSE_TRANSITIONS: Readonly<Record<ReversePhase, readonly ReversePhase[]>> = {
  requested: ['collected', 'received', 'refunded', 'rejected', 'withdrawn'],
  // Picked up from the buyer, on its way back.
  collected: ['received', 'refunded', 'rejected'],
  // Back with the seller (or the marketplace's return warehouse): inspected, then refunded or not.
  received: ['refunded', 'rejected'],
  refunded: [],
  rejected: [],
  withdrawn: [],
};

/** The keys the platform documents, with their meaning. */
export const REVERSE_STATUSES: Readonly<Record<string, { type: ReverseType; phase: ReversePhase }>> = {
  CANCEL_INIT: { type: 'cancel', phase: 'requested' },
  CANCEL_SUCCESS: { type: 'cancel', phase: 'refunded' },
  CANCEL_REFUND_ISSUED: { type: 'cancel', phase: 'refunded' },
  RTM_INIT: { type: 'return', phase: 'requested' },
  RTM_CANCELED: { type: 'return', phase: 'withdrawn' },
  RTM_SHIPPING_BACK: { type: 'return', phase: 'collected' },
  RTM_RECEIVE_ITEM: { type: 'return', phase: 'received' },
  REFUND_SUCCESS: { type: 'refund-only', phase: 'refunded' },
};

const TYPE_BY_PREFIX: readonly [string, ReverseType][] = [
  ['CANCEL_', 'cancel'],
  ['RTM_', 'return'],
  ['RTW_', 'return'],
  ['REFUND_', 'refund-only'],
];

/**
 * A reverse status as reported; keys not in the table are read by their prefix (type) and
 * suffix (phase), so a new key of a known family is stored rather than dropped. Undefined for
 * anything else.
 */
export function normaliseReverse(
  raw: string,
): { key: string; type: ReverseType; phase: ReversePhase } | undefined {
  const key = raw.trim().toUpperCase();
  const known = REVERSE_STATUSES[key];
  if (known) return { key, ...known };
  const type = TYPE_BY_PREFIX.find(([p]) => key.startsWith(p))?.[1];
  if (!type) return undefined;
  const phase: ReversePhase | undefined = /REJECT|REFUSE|FAIL/.test(key)
    ? 'rejected'
    : /REFUND/.test(key) && !/INIT|PENDING/.test(key)
      ? 'refunded'
      : /CANCEL/.test(key) && type !== 'cancel'
        ? 'withdrawn'
        : /RECEIVE|DELIVERED/.test(key)
          ? 'received'
          : /SHIPPING|PICKUP|COLLECT|TRANSIT/.test(key)
            ? 'collected'
            : /INIT|REQUEST|PENDING/.test(key)
              ? 'requested'
              : undefined;
  return phase ? { key, type, phase } : undefined;
}

function ahead(from: ReversePhase, to: ReversePhase): boolean {
  const seen = new Set<ReversePhase>();
  const stack = [...REVERSE_TRANSITIONS[from]];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s === to) return true;
    if (seen.has(s)) continue;
    seen.add(s);
    stack.push(...REVERSE_TRANSITIONS[s]);
  }
  return false;
}

/**
 * Whether a reported reverse status replaces the stored one: always for a line with none or for
 * a new reverse order (another request after one was withdrawn or rejected), else only ahead.
 */
export function decideReverse(
  stored: { phase: ReversePhase | null; reverseOrderId: string | null },
  incoming: { phase: ReversePhase; reverseOrderId: string | null },
): 'apply' | 'same' | 'stale' {
  if (!stored.phase) return 'apply';
  if (incoming.reverseOrderId && stored.reverseOrderId && incoming.reverseOrderId !== stored.reverseOrderId)
    return 'apply';
  if (stored.phase === incoming.phase) return 'same';
  return ahead(stored.phase, incoming.phase) ? 'apply' : 'stale';
}

export function isReversePhase(s: string | null | undefined): s is ReversePhase {
  return !!s && (REVERSE_PHASES as readonly string[]).includes(s);
}
