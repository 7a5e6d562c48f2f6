import { createMarketplaceAdapter } from './adapters/create-adapter.ts';
import type { AdapterOptions } from './adapters/common.ts';
import type { MarketplaceAdapter } from './adapters/types.ts';
import type { HttpTransport } from './http-transport.ts';
import { OpenPlatformClient, type MarketplaceLogger } from './open-platform-client.ts';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitConfig } from './rate-limiter.ts';
import type { RetryPolicy } from './retry-policy.ts';
import type { SecretLike } from './signing.ts';
import { getSite, sandboxSiteUrls, withSiteUrls, type Platform, type Site, type SiteUrls } from './sites.ts';
import { TokenManager } from './token-manager.ts';
import { TokenCipher, type TokenStore } from './token-store.ts';

/**
 * Wiring for one platform site and one app: the client, the token manager and adapters per
 * seller. Production passes nothing but credentials and a store; tests, the demo and benchmarks
 * add `sandboxOrigin` (or explicit URLs) and their own clock, sleep and transport.
 */
export interface ConnectOptions {
  platform: Platform;
  /** Venture code (SG, PK, ES…); AliExpress needs none. */
  venture?: string | undefined;
  appKey: string;
  appSecret: SecretLike;
  /** Serve every URL from the sandbox's layout at this origin (`http://127.0.0.1:4100`). */
  sandboxOrigin?: string | undefined;
  /** Individual URL overrides (applied after `sandboxOrigin`). */
  urls?: Partial<SiteUrls> | undefined;
  tokenStore: TokenStore;
  /** Key for tokens at rest (config `KBRIDGE_SECRET_KEY`). */
  tokenEncryptionKey: SecretLike;
  /** Share one limiter between the sites of an app so app-wide limits hold; else one is made. */
  limiter?: RateLimiter | undefined;
  rateLimits?: RateLimitConfig | undefined;
  retry?: RetryPolicy | undefined;
  transport?: HttpTransport | undefined;
  logger?: MarketplaceLogger | undefined;
  now?: (() => number) | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  random?: (() => number) | undefined;
  refreshAheadMs?: number | undefined;
  adapterOptions?: AdapterOptions | undefined;
}

export interface MarketplaceConnection {
  site: Site;
  client: OpenPlatformClient;
  tokens: TokenManager;
  /** The adapter acting for a seller (its token key); without one only public calls work. */
  adapter(sellerKey?: string): MarketplaceAdapter;
}

/** Builds the client, token manager and adapter factory for one site. */
export function connectMarketplace(options: ConnectOptions): MarketplaceConnection {
  let site = getSite(options.platform, options.venture);
  if (options.sandboxOrigin) site = withSiteUrls(site, sandboxSiteUrls(options.sandboxOrigin, site));
  if (options.urls) site = withSiteUrls(site, options.urls);
  const now = options.now ?? Date.now;
  const limiter =
    options.limiter ??
    new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS, { now, sleep: options.sleep });
  const client = new OpenPlatformClient({
    site,
    appKey: options.appKey,
    appSecret: options.appSecret,
    transport: options.transport,
    now,
    sleep: options.sleep,
    random: options.random,
    limiter,
    retry: options.retry,
    logger: options.logger,
  });
  const tokens = new TokenManager({
    client,
    store: options.tokenStore,
    cipher: new TokenCipher(options.tokenEncryptionKey),
    now,
    refreshAheadMs: options.refreshAheadMs,
    logger: options.logger,
  });
  return {
    site,
    client,
    tokens,
    adapter: (sellerKey?: string) =>
      createMarketplaceAdapter({
        client,
        session: sellerKey === undefined ? undefined : tokens.session(sellerKey),
        appSecret: options.appSecret,
        options: options.adapterOptions,
        sleep: options.sleep,
      }),
  };
}
