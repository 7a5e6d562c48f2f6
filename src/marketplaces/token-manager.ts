import { MarketplaceError } from './errors.ts';
import { asArray, asObject, idString, numberValue, stringValue, type JsonObject } from './lossless-json.ts';
import type { MarketplaceLogger, OpenPlatformClient, SellerSession } from './open-platform-client.ts';
import type { TokenCipher, TokenSet, TokenStore } from './token-store.ts';

/**
 * OAuth tokens for sellers: code exchange, proactive refresh about 30 minutes before expiry,
 * single-flight (one refresh per seller at a time in this process, however many calls need a
 * token; across processes too when the store can lock a key), the rotated refresh token
 * persisted before anyone uses the new access token, and nothing secret in return values, logs
 * or errors.
 */
export interface TokenGrantSummary {
  key: string;
  country: string | undefined;
  account: string | undefined;
  sellers: TokenSet['sellers'];
  accessExpiresAt: string;
  refreshExpiresAt: string | null;
}

export interface TokenManagerOptions {
  /** A client on the platform's auth host (any site of the platform). */
  client: OpenPlatformClient;
  store: TokenStore;
  cipher: TokenCipher;
  now?: () => number;
  /** Refresh this long before the access token expires (default 30 minutes). */
  refreshAheadMs?: number;
  logger?: MarketplaceLogger;
}

export const DEFAULT_REFRESH_AHEAD_MS = 30 * 60 * 1000;

/**
 * Refreshes in flight, per store and key. Shared by every manager on the same store because a
 * cross-border Lazada token serves six ventures (six connections): two refreshes of one token
 * would race on the rotated refresh token.
 */
const IN_FLIGHT = new WeakMap<TokenStore, Map<string, Promise<TokenSet>>>();

/** Reads a token response (Lazada/Daraz/Miravia top-level fields; AliExpress absolute times too). */
export function parseTokenResponse(body: JsonObject, now: number): TokenSet {
  const accessToken = stringValue(body.access_token);
  const refreshToken = stringValue(body.refresh_token) ?? '';
  if (!accessToken) throw new TypeError('token response without access_token');
  const expiresIn = numberValue(body.expires_in);
  const expireTime = numberValue(body.expire_time);
  const accessExpiresAt = expiresIn !== undefined ? now + expiresIn * 1000 : (expireTime ?? now);
  const refreshIn = numberValue(body.refresh_expires_in);
  const refreshValid = numberValue(body.refresh_token_valid_time);
  let refreshExpiresAt: number | null;
  if (refreshIn !== undefined)
    refreshExpiresAt = refreshIn > 0 && refreshToken ? now + refreshIn * 1000 : null;
  else refreshExpiresAt = refreshValid !== undefined && refreshToken ? refreshValid : null;
  const info = asArray(body.country_user_info ?? body.country_user_info_list);
  const sellers = info.map((raw) => {
    const o = asObject(raw);
    return {
      country: stringValue(o.country) ?? '',
      sellerId: idString(o.seller_id) ?? '',
      userId: idString(o.user_id),
      shortCode: stringValue(o.short_code),
    };
  });
  const aeSeller = idString(body.seller_id);
  if (sellers.length === 0 && aeSeller)
    sellers.push({
      country: stringValue(body.sp) ?? '',
      sellerId: aeSeller,
      userId: idString(body.user_id),
      shortCode: undefined,
    });
  return {
    accessToken,
    refreshToken,
    accessExpiresAt,
    refreshExpiresAt,
    country: stringValue(body.country) ?? stringValue(body.sp),
    account: stringValue(body.account) ?? stringValue(body.user_nick),
    accountId: idString(body.account_id) ?? idString(body.user_id),
    sellers,
    obtainedAt: now,
  };
}

function summary(key: string, t: TokenSet): TokenGrantSummary {
  return {
    key,
    country: t.country,
    account: t.account,
    sellers: t.sellers,
    accessExpiresAt: new Date(t.accessExpiresAt).toISOString(),
    refreshExpiresAt: t.refreshExpiresAt === null ? null : new Date(t.refreshExpiresAt).toISOString(),
  };
}

export class TokenManager {
  readonly #client: OpenPlatformClient;
  readonly #store: TokenStore;
  readonly #cipher: TokenCipher;
  readonly #now: () => number;
  readonly #ahead: number;
  readonly #logger: MarketplaceLogger | undefined;
  readonly #inFlight: Map<string, Promise<TokenSet>>;

  constructor(options: TokenManagerOptions) {
    this.#client = options.client;
    this.#store = options.store;
    this.#cipher = options.cipher;
    this.#now = options.now ?? Date.now;
    this.#ahead = options.refreshAheadMs ?? DEFAULT_REFRESH_AHEAD_MS;
    this.#logger = options.logger;
    let shared = IN_FLIGHT.get(options.store);
    if (!shared) {
      shared = new Map();
      IN_FLIGHT.set(options.store, shared);
    }
    this.#inFlight = shared;
  }

  /** The seller-facing authorization URL (`state` is echoed back to the callback). */
  authorizeUrl(redirectUri: string, state?: string): string {
    const url = new URL(this.#client.site.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('force_auth', 'true');
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('client_id', this.#client.appKey);
    if (state) url.searchParams.set('state', state);
    return url.toString();
  }

  /** Exchanges a callback code (single use, 30 min) for tokens and stores them under `key`. */
  async exchangeCode(key: string, code: string): Promise<TokenGrantSummary> {
    const res = await this.#client.call({
      api: '/auth/token/create',
      host: 'auth',
      httpMethod: 'POST',
      params: { code },
      idempotent: false,
      secretParams: ['code'],
    });
    const tokens = parseTokenResponse(res.body, this.#now());
    await this.#store.put(this.#cipher.seal(key, tokens, this.#now()));
    this.#logger?.debug({ key, site: this.#client.site.id }, 'seller authorized');
    return summary(key, tokens);
  }

  /** What is stored for a seller, without secrets; undefined when not authorized. */
  async describe(key: string): Promise<TokenGrantSummary | undefined> {
    const record = await this.#store.get(key);
    return record ? summary(key, this.#cipher.open(record)) : undefined;
  }

  /** A valid access token for the seller, refreshing first when it expires within the margin. */
  async accessToken(key: string): Promise<string> {
    const tokens = await this.#load(key);
    if (this.#now() < tokens.accessExpiresAt - this.#ahead) return tokens.accessToken;
    if (!this.#canRefresh(tokens)) {
      if (this.#now() < tokens.accessExpiresAt) return tokens.accessToken;
      throw this.#reauthorize(key, 'the access token expired and cannot be refreshed');
    }
    return (await this.#refresh(key, tokens.accessToken)).accessToken;
  }

  /**
   * Refreshes now and persists the rotated refresh token. Single-flight per key in this process
   * (calls share one refresh) and, when the store has `withLock`, across processes.
   */
  refresh(key: string): Promise<TokenSet> {
    return this.#refresh(key, undefined);
  }

  /** `seen`: the access token the caller found stale; if the record holds another one, use it. */
  #refresh(key: string, seen: string | undefined): Promise<TokenSet> {
    const running = this.#inFlight.get(key);
    if (running) return running;
    const store = this.#store;
    const locked = store.withLock
      ? store.withLock(key, () => this.#doRefresh(key, seen))
      : this.#doRefresh(key, seen);
    const job = locked.finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, job);
    return job;
  }

  /** The `SellerSession` the client uses for this seller's calls. */
  session(key: string): SellerSession {
    return {
      sellerKey: key,
      accessToken: () => this.accessToken(key),
      refreshAfterRejection: async (rejected: string) => {
        const current = await this.#load(key);
        // Another call may already have refreshed: use its token rather than refreshing again.
        if (current.accessToken !== rejected) return current.accessToken;
        if (!this.#canRefresh(current))
          throw this.#reauthorize(key, 'the access token was rejected and cannot be refreshed');
        return (await this.#refresh(key, rejected)).accessToken;
      },
    };
  }

  /** Forgets a seller's tokens (revoked authorization). */
  forget(key: string): Promise<void> {
    return this.#store.delete(key);
  }

  async #doRefresh(key: string, seen: string | undefined): Promise<TokenSet> {
    // Read again now that we hold the lock: another process may have refreshed meanwhile, and
    // its rotated refresh token is the only one that still works.
    const old = await this.#load(key);
    if (seen !== undefined && old.accessToken !== seen) return old;
    if (!this.#canRefresh(old))
      throw this.#reauthorize(key, 'the refresh token expired or the app cannot refresh');
    const res = await this.#client.call({
      api: '/auth/token/refresh',
      host: 'auth',
      httpMethod: 'POST',
      params: { refresh_token: old.refreshToken },
      idempotent: false,
      secretParams: ['refresh_token'],
    });
    const now = this.#now();
    const fresh = parseTokenResponse(res.body, now);
    // The refresh-token clock does not reset on refresh; if the answer omits its lifetime keep ours.
    const tokens: TokenSet = {
      ...fresh,
      refreshToken: fresh.refreshToken || old.refreshToken,
      refreshExpiresAt:
        res.body.refresh_expires_in === undefined && res.body.refresh_token_valid_time === undefined
          ? old.refreshExpiresAt
          : fresh.refreshExpiresAt,
      sellers: fresh.sellers.length > 0 ? fresh.sellers : old.sellers,
      country: fresh.country ?? old.country,
      account: fresh.account ?? old.account,
      accountId: fresh.accountId ?? old.accountId,
    };
    await this.#store.put(this.#cipher.seal(key, tokens, now));
    this.#logger?.debug({ key, site: this.#client.site.id }, 'seller token refreshed');
    return tokens;
  }

  #canRefresh(t: TokenSet): boolean {
    return t.refreshToken !== '' && t.refreshExpiresAt !== null && this.#now() < t.refreshExpiresAt;
  }

  async #load(key: string): Promise<TokenSet> {
    const record = await this.#store.get(key);
    if (!record) throw this.#reauthorize(key, 'the seller has not authorized this app');
    return this.#cipher.open(record);
  }

  #reauthorize(key: string, message: string): MarketplaceError {
    return new MarketplaceError({
      errorClass: 'auth',
      platformCode: 'ReauthorizationRequired',
      platformMessage: `${message} (${key})`,
      api: '/auth/token/refresh',
      platform: this.#client.site.platform,
    });
  }
}
