import { ApiError, missingParameter } from '../core/api-error.ts';
import type { ApiBody, CallContext, RouteTable } from '../core/api-types.ts';
import type { Runtime } from '../core/runtime.ts';
import { defaultVenture } from '../core/sites.ts';
import { issueGrant, rotateGrant, type IssuedTokens } from './grants.ts';

function tokenBody(rt: Runtime, ctx: CallContext, issued: IssuedTokens, listName: string): ApiBody {
  const { grant } = issued;
  const seller = rt.store.sellers.get(grant.account)!;
  const now = rt.now();
  const info = grant.sites.map((key) => {
    const ids = rt.sellerIds(seller, key);
    return {
      country: rt.site(key).venture,
      seller_id: ids.sellerId,
      user_id: ids.userId,
      short_code: ids.shortCode,
    };
  });
  const first = info[0]!;
  const body: ApiBody = {
    access_token: issued.accessToken,
    refresh_token: grant.refreshToken,
    expires_in: Math.max(0, Math.floor((issued.accessExpiresAt - now) / 1000)),
    refresh_expires_in: Math.max(0, Math.floor((grant.refreshExpiresAt - now) / 1000)),
    country: grant.country,
    account: seller.account,
    account_id: first.user_id,
    account_platform: 'seller_center',
    [listName]: info,
  };
  if (ctx.site.platform === 'aliexpress') {
    Object.assign(body, {
      expire_time: issued.accessExpiresAt,
      refresh_token_valid_time: grant.refreshExpiresAt,
      user_nick: seller.name,
      havana_id: first.user_id,
      locale: 'en_US',
      sp: 'ae',
      seller_id: first.seller_id,
      user_id: first.user_id,
    });
  }
  return body;
}

function create(ctx: CallContext): ApiBody {
  const { rt } = ctx;
  const code = ctx.params.code;
  if (!code) throw missingParameter('code');
  const record = rt.store.codes.get(code);
  if (!record || record.used || record.expiresAt <= ctx.now || record.appKey !== ctx.appKey) {
    throw new ApiError('InvalidCode', 'The authorization code is invalid or expired');
  }
  if (record.platform && record.platform !== ctx.site.platform) {
    throw new ApiError('InvalidCode', 'The authorization code was issued for another platform');
  }
  record.used = true;
  rt.store.touch('code', '', code);
  const seller = rt.store.sellers.get(record.account);
  if (!seller) throw new ApiError('InvalidCode', 'user info not exists');
  const venture = ctx.centralHost ? (record.venture ?? defaultVenture(ctx.site.platform)) : ctx.site.venture;
  const issued = issueGrant(rt, ctx.appKey, seller, ctx.site.platform, venture);
  rt.stats.inc('tokens.created');
  return tokenBody(rt, ctx, issued, 'country_user_info');
}

function refresh(ctx: CallContext): ApiBody {
  const { rt } = ctx;
  const token = ctx.params.refresh_token;
  if (!token) throw missingParameter('refresh_token');
  const grantId = rt.store.grantByRefresh.get(token);
  const grant = grantId ? rt.store.grants.get(grantId) : undefined;
  if (
    !grant ||
    grant.refreshExpiresAt <= ctx.now ||
    grant.appKey !== ctx.appKey ||
    grant.platform !== ctx.site.platform
  ) {
    throw new ApiError('IllegalRefreshToken', 'The specified refresh token is invalid or expired');
  }
  const issued = rotateGrant(rt, grant);
  rt.stats.inc('tokens.refreshed');
  return tokenBody(rt, ctx, issued, 'country_user_info_list');
}

/** `/auth/token/create` and `/auth/token/refresh` (signed, no access_token). */
export const TOKEN_ROUTES: RouteTable = {
  '/auth/token/create': { auth: 'none', handle: create },
  '/auth/token/refresh': { auth: 'none', handle: refresh },
};
