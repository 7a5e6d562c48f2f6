/**
 * Marketplaces: the open-platform client for Lazada, Daraz, Miravia and AliExpress (signing,
 * requests, envelopes, error taxonomy and retries, OAuth tokens, rate limits, batching), the
 * sites registry, and one adapter per platform behind a common interface. This file is the
 * capability's only door.
 */
export {
  signLazop,
  signIopTop,
  signPush,
  verifyPushSignature,
  lazopStringToSign,
  concatSortedParams,
} from './signing.ts';
export type { SecretLike } from './signing.ts';
export { normalizeParams, paramValue } from './params.ts';
export type { ParamInput, Params } from './params.ts';
export { buildPayload, toJsonPayload, toXmlPayload, escapeXml } from './payload.ts';
export type { PayloadFormat, PayloadNode } from './payload.ts';
export { parseJsonLossless, idString } from './lossless-json.ts';
export {
  formatIsoWithOffset,
  formatLocalDateTime,
  formatLocalDate,
  formatPacific,
  parseMarketplaceTime,
  parseOptionalTime,
  offsetMinutes,
  ALIEXPRESS_TIME_ZONE,
} from './time-format.ts';
export { PLATFORMS, listSites, getSite, withSiteUrls, sandboxSiteUrls, siteFromPushName } from './sites.ts';
export type { Platform, Protocol, FulfillmentFlavour, Site, SiteUrls } from './sites.ts';
export {
  MarketplaceError,
  isMarketplaceError,
  classifyPlatformCode,
  needsReauthorization,
} from './errors.ts';
export type { ErrorClass } from './errors.ts';
export { parseLazopEnvelope, parseTopEnvelope } from './envelope.ts';
export type { Envelope, PlatformFailure, PlatformSuccess } from './envelope.ts';
export { DEFAULT_RETRY_POLICY, backoffDelay } from './retry-policy.ts';
export type { RetryPolicy, BackoffSettings } from './retry-policy.ts';
export { RateLimiter, DEFAULT_RATE_LIMITS, NO_RATE_LIMITS } from './rate-limiter.ts';
export type { Rate, RateLimitConfig, LimitScope } from './rate-limiter.ts';
export { fetchTransport, TransportError } from './http-transport.ts';
export type { HttpRequest, HttpResponse, HttpTransport } from './http-transport.ts';
export { buildLazopRequest, buildTopRequest, encodeParams } from './request-builder.ts';
export type { BuiltRequest } from './request-builder.ts';
export { OpenPlatformClient } from './open-platform-client.ts';
export type { ClientOptions, CallOptions, SellerSession, MarketplaceLogger } from './open-platform-client.ts';
export { InMemoryTokenStore, TokenCipher } from './token-store.ts';
export { DbTokenStore, tokenLockKey } from './token-store-db.ts';
export { listTokenExpiries, tokenHealth, TOKEN_WARN_DAYS } from './token-expiry.ts';
export type { TokenExpiry, TokenHealth } from './token-expiry.ts';
export { probeSandbox, displayUrl } from './sandbox-health.ts';
export type { SandboxHealth } from './sandbox-health.ts';
export type { TokenStore, StoredTokenRecord, TokenSet } from './token-store.ts';
export { TokenManager, parseTokenResponse, DEFAULT_REFRESH_AHEAD_MS } from './token-manager.ts';
export type { TokenGrantSummary, TokenManagerOptions } from './token-manager.ts';
export { createVirtualTime } from './virtual-time.ts';
export type { VirtualTime } from './virtual-time.ts';
export { connectMarketplace } from './connect.ts';
export type { ConnectOptions, MarketplaceConnection } from './connect.ts';
export { createMarketplaceAdapter } from './adapters/create-adapter.ts';
export { LazopAdapter } from './adapters/lazop-adapter.ts';
export type { AdapterInit } from './adapters/lazop-adapter.ts';
export { AliExpressAdapter } from './adapters/aliexpress-adapter.ts';
export { AE_METHODS } from './adapters/aliexpress-catalog.ts';
export { BATCH_LIMITS, chunk, groupBy, mapConcurrent } from './adapters/common.ts';
export type { AdapterOptions } from './adapters/common.ts';
export { parsePushMessage } from './adapters/push.ts';
export type * from './adapters/types.ts';
