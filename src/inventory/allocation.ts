import { AppError } from '../shared/index.ts';

/**
 * Allocation: how much of a variant's free stock (on hand minus reserved) each site may offer.
 *
 * - `shared`: every site offers the whole free pool minus a safety buffer for that site. Sites
 *   selling the same last units before the new quantity reaches them is the risk; the buffer
 *   absorbs the push latency, and reservations still never exceed what is on hand.
 * - `split`: the free pool is divided by fixed weights (largest remainder), so the quantities
 *   offered never add up to more than is free: no two sites can sell the same unit.
 */
export type AllocationMode = 'shared' | 'split';

export interface AllocationPolicy {
  mode: AllocationMode;
  /** shared: units held back per site key; `*` for sites not named. */
  buffers: Readonly<Record<string, number>>;
  /** split: relative weight per site key; sites not named get nothing. */
  weights: Readonly<Record<string, number>>;
}

/** Without a policy, every site sees the whole free pool (a shared pool with no buffer). */
export const DEFAULT_POLICY: AllocationPolicy = Object.freeze({ mode: 'shared', buffers: {}, weights: {} });

/** Checks a policy from user input; throws invalid_input naming the bad entry. */
export function validatePolicy(policy: AllocationPolicy): AllocationPolicy {
  const bad = (what: string, v: unknown): never => {
    throw new AppError('invalid_input', `${what}: must be a non-negative integer, got ${String(v)}`);
  };
  for (const [site, n] of Object.entries(policy.buffers))
    if (!Number.isSafeInteger(n) || n < 0) bad(`buffer ${site}`, n);
  for (const [site, n] of Object.entries(policy.weights))
    if (!Number.isSafeInteger(n) || n < 0) bad(`weight ${site}`, n);
  if (policy.mode === 'split' && !Object.values(policy.weights).some((w) => w > 0)) {
    throw new AppError('invalid_input', 'weights: a split needs at least one site with a positive weight');
  }
  return policy;
}

/**
 * The quantity each of `sites` may offer, given on-hand and reserved units. Pure.
 * shared: max(0, free - buffer[site]); split: free divided by weight, largest remainder first
 * (ties by site key, so the result is deterministic).
 */
export function availableBySite(
  counts: { onHand: number; reserved: number },
  policy: AllocationPolicy,
  sites: readonly string[],
): Record<string, number> {
  const free = Math.max(0, counts.onHand - counts.reserved);
  const out: Record<string, number> = {};
  if (policy.mode === 'shared') {
    for (const site of sites)
      out[site] = Math.max(0, free - (policy.buffers[site] ?? policy.buffers['*'] ?? 0));
    return out;
  }
  // Divide among every weighted site of the policy, whichever sites were asked about, so the
  // shares do not depend on the question.
  const weighted = Object.entries(policy.weights)
    .filter(([, w]) => w > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  const share: Record<string, number> = {};
  let given = 0;
  const rest: { site: string; frac: number }[] = [];
  for (const [site, w] of weighted) {
    const exact = total === 0 ? 0 : (free * w) / total;
    share[site] = Math.floor(exact);
    given += share[site];
    rest.push({ site, frac: exact - Math.floor(exact) });
  }
  rest.sort((a, b) => b.frac - a.frac || (a.site < b.site ? -1 : 1));
  for (let i = 0; given < free && i < rest.length; i++, given++) share[rest[i]!.site]! += 1;
  for (const site of sites) out[site] = share[site] ?? 0;
  return out;
}
