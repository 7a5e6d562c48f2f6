/**
 * On whose behalf a query runs. The API derives it from the caller's credentials, never from the
 * request; every data-layer read of seller-owned rows takes one and filters by it.
 */
export type Scope = { kind: 'operator' } | { kind: 'seller'; sellerId: string };

export const OPERATOR_SCOPE: Scope = { kind: 'operator' };

export function sellerScope(sellerId: string): Scope {
  return { kind: 'seller', sellerId };
}

/** The seller a scope is limited to, or undefined for the operator. */
export function scopedSellerId(scope: Scope): string | undefined {
  return scope.kind === 'seller' ? scope.sellerId : undefined;
}
