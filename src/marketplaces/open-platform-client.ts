import {
  classifyPlatformCode,
  MarketplaceError,
  needsReauthorization,
  scrubSecrets,
  type ErrorClass,
} from './errors.ts';
import { parseLazopEnvelope, parseTopEnvelope, type Envelope, type PlatformSuccess } from './envelope.ts';
import { fetchTransport, TransportError, type HttpTransport } from './http-transport.ts';
import type { ParamInput } from './params.ts';
import { RateLimiter, NO_RATE_LIMITS } from './rate-limiter.ts';
import { buildLazopRequest, buildTopRequest, type BuiltRequest, type UploadFile } from './request-builder.ts';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  realSleep,
  type RetryPolicy,
} from './retry-policy.ts';
import type { SecretLike } from './signing.ts';
import type { Site } from './sites.ts';

/** The seller side of a call: whose token, and how to get a fresh one after a rejection. */
export interface SellerSession {
  /** Stable, non-secret key: rate-limit buckets and logs use it. */
  readonly sellerKey: string;
  /** A valid access token (refreshed ahead of expiry by the token manager). */
  accessToken(): Promise<string>;
  /** Called once after the platform rejected `rejected` (IllegalAccessToken): returns a new one. */
  refreshAfterRejection(rejected: string): Promise<string>;
}

/** Structured logging hooks (pino fits). Only names, codes, counts and delays are logged. */
export interface MarketplaceLogger {
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export interface ClientOptions {
  site: Site;
  appKey: string;
  appSecret: SecretLike;
  transport?: HttpTransport;
  /** Epoch ms; the `timestamp` parameter (must be within 7200 s of the gateway's clock). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  limiter?: RateLimiter;
  retry?: RetryPolicy;
  logger?: MarketplaceLogger;
  partnerId?: string;
}

export interface CallOptions {
  /** Lazop API path (`/order/get`) or AliExpress method (`aliexpress.solution.order.get`). */
  api: string;
  httpMethod?: 'GET' | 'POST';
  params?: Record<string, ParamInput>;
  /** The seller whose token is sent; absent for public data and token calls. */
  session?: SellerSession | undefined;
  /** `auth` sends a Lazop-signed call to the site's auth base URL (token create/refresh). */
  host?: 'api' | 'auth';
  /**
   * Whether repeating the call is harmless. Defaults: GET yes, POST no. A non-idempotent call
   * is retried only when the gateway refused it before acting (throttle, refused connection).
   */
  idempotent?: boolean;
  /** Names of parameters whose values are secrets (auth `code`, `refresh_token`): scrubbed from errors. */
  secretParams?: readonly string[];
  /** File parameters, sent as multipart parts (not signed, as the SDKs do). */
  files?: Record<string, UploadFile> | undefined;
}

interface Failure {
  errorClass: ErrorClass;
  code: string;
  message: string;
  type?: string | undefined;
  requestId?: string | undefined;
  detail?: unknown;
  httpStatus?: number | undefined;
  sent: boolean;
}

/**
 * The open-platform client for one site and one app: builds and signs requests, applies the rate
 * limits, parses every envelope, classifies errors and retries by class (backoff with jitter for
 * throttle and transient, one token refresh for auth, nothing for signature and business).
 */
export class OpenPlatformClient {
  readonly site: Site;
  readonly appKey: string;
  readonly #secret: SecretLike;
  readonly #transport: HttpTransport;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #limiter: RateLimiter;
  readonly #retry: RetryPolicy;
  readonly #logger: MarketplaceLogger | undefined;
  readonly #partnerId: string | undefined;

  constructor(options: ClientOptions) {
    this.site = options.site;
    this.appKey = options.appKey;
    this.#secret = options.appSecret;
    this.#transport = options.transport ?? fetchTransport();
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? realSleep;
    this.#random = options.random ?? Math.random;
    this.#limiter =
      options.limiter ?? new RateLimiter(NO_RATE_LIMITS, { now: this.#now, sleep: this.#sleep });
    this.#retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.#logger = options.logger;
    this.#partnerId = options.partnerId;
  }

  /** Makes one logical call, retrying by error class; resolves with the parsed success envelope. */
  async call(options: CallOptions): Promise<PlatformSuccess> {
    const httpMethod = options.httpMethod ?? 'GET';
    const idempotent = options.idempotent ?? httpMethod === 'GET';
    let attempts = 0;
    let throttleRetries = 0;
    let transientRetries = 0;
    let refreshed = false;
    let token: string | undefined;
    for (;;) {
      attempts++;
      token = options.session ? await options.session.accessToken() : undefined;
      await this.#limiter.acquire({
        appKey: this.appKey,
        seller: options.session?.sellerKey,
        api: options.api,
      });
      const failure = await this.#attempt(options, httpMethod, token);
      if (!('errorClass' in failure)) return failure;

      const secrets = [
        token,
        revealSecret(this.#secret),
        ...(options.secretParams ?? []).map((n) => stringParam(options.params?.[n])),
      ];
      const error = (outcomeUnknown = false): MarketplaceError =>
        new MarketplaceError({
          errorClass: failure.errorClass,
          platformCode: failure.code,
          platformMessage: scrubSecrets(failure.message, secrets),
          type: failure.type,
          requestId: failure.requestId,
          api: options.api,
          platform: this.site.platform,
          httpStatus: failure.httpStatus,
          detail: failure.detail,
          attempts,
          outcomeUnknown,
        });

      if (failure.errorClass === 'auth') {
        if (options.session && token !== undefined && !refreshed && !needsReauthorization(failure.code)) {
          refreshed = true;
          this.#log('warn', options.api, attempts, failure, 0, 'access token rejected: refreshing once');
          await options.session.refreshAfterRejection(token);
          continue;
        }
        throw error();
      }
      if (!isRetryable(failure.errorClass, idempotent, failure.sent)) {
        throw error(failure.errorClass === 'transient' && !idempotent && failure.sent);
      }
      const settings = failure.errorClass === 'throttle' ? this.#retry.throttle : this.#retry.transient;
      const used = failure.errorClass === 'throttle' ? ++throttleRetries : ++transientRetries;
      if (used > settings.maxRetries) throw error();
      const delay = backoffDelay(settings, used, this.#random);
      if (failure.errorClass === 'throttle') {
        // The ban is per app and API: hold the other queued calls of this API for its length too.
        this.#limiter.pause(
          { appKey: this.appKey, api: options.api },
          this.#limiter.now() + this.#retry.throttle.minMs,
        );
      }
      this.#log('warn', options.api, attempts, failure, delay, 'marketplace call failed: retrying');
      await this.#sleep(delay);
    }
  }

  #build(options: CallOptions, httpMethod: 'GET' | 'POST', token: string | undefined): BuiltRequest {
    const timestampMs = this.#now();
    if (this.site.protocol === 'iop-top' && options.host !== 'auth') {
      if (!this.site.syncUrl) throw new TypeError(`${this.site.id} has no syncUrl`);
      return buildTopRequest({
        syncUrl: this.site.syncUrl,
        method: options.api,
        appKey: this.appKey,
        secret: this.#secret,
        timestampMs,
        session: token,
        params: options.params ?? {},
        partnerId: this.#partnerId,
        files: options.files,
      });
    }
    return buildLazopRequest({
      baseUrl: options.host === 'auth' ? this.site.authBaseUrl : this.site.apiBaseUrl,
      apiPath: options.api,
      httpMethod,
      appKey: this.appKey,
      secret: this.#secret,
      timestampMs,
      accessToken: token,
      params: options.params ?? {},
      partnerId: this.#partnerId,
      files: options.files,
    });
  }

  async #attempt(
    options: CallOptions,
    httpMethod: 'GET' | 'POST',
    token: string | undefined,
  ): Promise<PlatformSuccess | Failure> {
    const built = this.#build(options, httpMethod, token);
    let envelope: Envelope;
    try {
      const res = await this.#transport(built.http);
      envelope =
        this.site.protocol === 'iop-top' && options.host !== 'auth'
          ? parseTopEnvelope(res.status, res.text, options.api)
          : parseLazopEnvelope(res.status, res.text);
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      return {
        errorClass: 'transient',
        code: e.kind === 'timeout' ? 'ClientTimeout' : 'ConnectionFailed',
        message: e.message,
        sent: e.sent,
      };
    }
    if (envelope.ok) return envelope.value;
    const f = envelope.failure;
    return {
      errorClass: classifyPlatformCode(f.code, f.message, f.httpStatus),
      code: f.code,
      message: f.message,
      type: f.type,
      requestId: f.requestId,
      detail: f.detail,
      httpStatus: f.httpStatus,
      // The gateway answered: it saw the request, but refusals (throttle/signature/auth) mean it
      // did not act; for transient answers the platform may have acted.
      sent: true,
    };
  }

  #log(
    level: 'warn' | 'debug',
    api: string,
    attempt: number,
    f: Failure,
    delayMs: number,
    msg: string,
  ): void {
    this.#logger?.[level](
      {
        platform: this.site.platform,
        site: this.site.id,
        api,
        attempt,
        errorClass: f.errorClass,
        code: f.code,
        requestId: f.requestId,
        delayMs,
      },
      msg,
    );
  }
}

function revealSecret(secret: SecretLike): string {
  return typeof secret === 'string' ? secret : secret.reveal();
}

function stringParam(value: ParamInput): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
