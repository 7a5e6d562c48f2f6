import type { Store } from '../db/index.ts';
import { scopedSellerId, type Scope } from '../shared/index.ts';

/** A stored token's expiry times (never its value: only ciphertext is stored, and not read here). */
export interface TokenExpiry {
  key: string;
  sellerId: string;
  platform: string;
  accessExpiresAt: Date;
  refreshExpiresAt: Date | null;
  updatedAt: Date;
}

/**
 * `expired`: the seller must authorize again: the refresh token has expired (or, without one, the
 * access token). An expired access token with a live refresh token is not expired: the token
 * manager refreshes it on the next call. `expiring`: that moment is within `warnDays`.
 */
export type TokenHealth = 'ok' | 'expiring' | 'expired';

export const TOKEN_WARN_DAYS = 7;

export function tokenHealth(
  t: Pick<TokenExpiry, 'accessExpiresAt' | 'refreshExpiresAt'>,
  now: Date,
  warnDays = TOKEN_WARN_DAYS,
): TokenHealth {
  const until = (t.refreshExpiresAt ?? t.accessExpiresAt).getTime() - now.getTime();
  if (until <= 0) return 'expired';
  return until <= warnDays * 86_400_000 ? 'expiring' : 'ok';
}

/** Expiry times of the tokens in scope (a seller sees its own). */
export async function listTokenExpiries(store: Pick<Store, 'query'>, scope: Scope): Promise<TokenExpiry[]> {
  const rows = await store.query<{
    key: string;
    seller_id: string;
    platform: string;
    access_expires_at: string | number;
    refresh_expires_at: string | number | null;
    updated_at: string | number;
  }>(
    `SELECT key, seller_id, platform, access_expires_at, refresh_expires_at, updated_at FROM marketplace_tokens
     WHERE ($1::text IS NULL OR seller_id = $1) ORDER BY seller_id, key`,
    [scopedSellerId(scope) ?? null],
  );
  return rows.map((r) => ({
    key: r.key,
    sellerId: r.seller_id,
    platform: r.platform,
    accessExpiresAt: new Date(Number(r.access_expires_at)),
    refreshExpiresAt: r.refresh_expires_at === null ? null : new Date(Number(r.refresh_expires_at)),
    updatedAt: new Date(Number(r.updated_at)),
  }));
}
