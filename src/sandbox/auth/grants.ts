import { newAccessToken, newRefreshToken, randomAlnum } from '../core/ids.ts';
import type { GrantRecord, SellerRecord } from '../core/model.ts';
import type { Runtime } from '../core/runtime.ts';
import { sitesOf, type Platform } from '../core/sites.ts';

export interface IssuedTokens {
  grant: GrantRecord;
  accessToken: string;
  accessExpiresAt: number;
}

/**
 * Which sites one authorization covers: a cross-border seller's Lazada grant covers every Lazada
 * venture (`country: "cb"`); otherwise the one venture the seller authorized on.
 */
export function grantScope(
  seller: SellerRecord,
  platform: Platform,
  venture: string,
): { sites: string[]; country: string } {
  if (platform === 'lazada' && seller.crossBorder) {
    return { sites: sitesOf('lazada').map((s) => s.key), country: 'cb' };
  }
  return { sites: [`${platform}-${venture}`], country: venture };
}

/** A new grant with its first access token (what `/auth/token/create` issues). */
export function issueGrant(
  rt: Runtime,
  appKey: string,
  seller: SellerRecord,
  platform: Platform,
  venture: string,
): IssuedTokens {
  const now = rt.now();
  const scope = grantScope(seller, platform, venture);
  for (const key of scope.sites) rt.sellerIds(seller, key);
  const grant: GrantRecord = {
    id: `grt_${randomAlnum(16)}`,
    appKey,
    account: seller.account,
    platform,
    sites: scope.sites,
    country: scope.country,
    refreshToken: newRefreshToken(),
    refreshExpiresAt: now + rt.opts.refreshTokenTtlSec * 1000,
    createdAt: now,
  };
  rt.store.indexGrant(grant);
  rt.store.touch('grant', '', grant.id);
  return { grant, ...newAccess(rt, grant) };
}

function newAccess(rt: Runtime, grant: GrantRecord): { accessToken: string; accessExpiresAt: number } {
  const accessToken = newAccessToken();
  // An access token never outlives its refresh token.
  const accessExpiresAt = Math.min(rt.now() + rt.opts.tokenTtlSec * 1000, grant.refreshExpiresAt);
  rt.store.tokens.set(accessToken, { token: accessToken, grantId: grant.id, expiresAt: accessExpiresAt });
  rt.store.touch('token', '', accessToken);
  return { accessToken, accessExpiresAt };
}

/**
 * Refresh: a new access token (its clock restarts) and a new refresh token that replaces the old
 * one (the old one stops working); the refresh token's own expiry does not move.
 */
export function rotateGrant(rt: Runtime, grant: GrantRecord): IssuedTokens {
  rt.store.grantByRefresh.delete(grant.refreshToken);
  grant.refreshToken = newRefreshToken();
  rt.store.indexGrant(grant);
  rt.store.touch('grant', '', grant.id);
  return { grant, ...newAccess(rt, grant) };
}
