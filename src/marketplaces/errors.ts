import { AppError, type ErrorCode } from '../shared/index.ts';

/**
 * One error taxonomy for every platform. The class decides the retry policy:
 * - auth: token invalid/expired → refresh once, then fail (re-authorize);
 * - signature: the request itself is malformed (bad sign, missing system param) → never retry;
 * - throttle: the gateway refused before doing anything → back off with jitter and retry;
 * - transient: the platform failed or did not answer → retry idempotent calls only;
 * - business: the platform understood and said no → surface its code and message.
 */
export type ErrorClass = 'auth' | 'signature' | 'throttle' | 'transient' | 'business';

const AUTH_CODES = new Set([
  'ReauthorizationRequired',
  'IllegalAccessToken',
  'IllegalRefreshToken',
  'InvalidCode',
  'AUTH_TYPE_UNSUPPORTED',
  'InvalidAccessToken',
  'AccessTokenExpired',
  'IllegalSession',
]);
/** Auth codes that no refresh can fix: the seller must authorize again. */
const REAUTHORIZE_CODES = new Set([
  'IllegalRefreshToken',
  'InvalidCode',
  'AUTH_TYPE_UNSUPPORTED',
  'ReauthorizationRequired',
]);

/** Auth codes a token refresh cannot fix. */
export function needsReauthorization(code: string): boolean {
  return REAUTHORIZE_CODES.has(code);
}
const SIGNATURE_CODES = new Set([
  'IncompleteSignature',
  'InvalidSignature',
  'IllegalSignature',
  'InvalidTimestamp',
  'InvalidAppKey',
  'InvalidApiPath',
]);
const THROTTLE_CODES = new Set([
  'ApiCallLimit',
  'AppCallLimit',
  '901',
  'E901',
  '998',
  '4154',
  'SYS_REQUEST_TOO_FAST',
  'HOT_KEY_BLOCK_EXCEPTION',
]);
const TRANSIENT_CODES = new Set([
  'ServiceTimeout',
  '6',
  '513',
  '1000',
  'HttpConnectError',
  'UnknownRuntimeException',
  'ServiceUnavailable',
  'InternalError',
  // Client-side conditions (no platform answer), named like gateway codes.
  'ClientTimeout',
  'ConnectionFailed',
  'BadGatewayResponse',
]);

/** Classifies a platform error code (and, when the code is unknown, the HTTP status). */
export function classifyPlatformCode(code: string, message = '', httpStatus?: number): ErrorClass {
  if (AUTH_CODES.has(code)) return 'auth';
  if (SIGNATURE_CODES.has(code)) return 'signature';
  // MissingParameter names either a system param (sign, app_key…: a protocol fault) or a
  // business one (order_id): only the message tells which.
  if (code === 'MissingParameter') {
    return /\b(sign|app_key|timestamp|sign_method|method|session|access_token)\b/.test(message)
      ? 'signature'
      : 'business';
  }
  if (THROTTLE_CODES.has(code)) return 'throttle';
  if (TRANSIENT_CODES.has(code)) return 'transient';
  // AliExpress/TOP style: `isp.*` are service-provider faults, `isv.*` caller faults.
  if (/^isp\./i.test(code) || /timeout/i.test(code)) return 'transient';
  if (/call[-_ ]?limit|too[-_ ]?(fast|frequent)/i.test(code)) return 'throttle';
  if (httpStatus !== undefined && httpStatus >= 500) return 'transient';
  if (httpStatus === 429) return 'throttle';
  return 'business';
}

const APP_CODE_BY_CLASS: Record<ErrorClass, ErrorCode> = {
  auth: 'unauthenticated',
  signature: 'upstream',
  throttle: 'rate_limited',
  transient: 'upstream',
  business: 'upstream',
};

export interface MarketplaceErrorInit {
  errorClass: ErrorClass;
  /** The platform's code exactly as sent (`IllegalAccessToken`, `4105`, `700001`…). */
  platformCode: string;
  /** The platform's message (already scrubbed of secrets). */
  platformMessage: string;
  /** `ISV` | `ISP` | `SYSTEM` when the platform sent one. */
  type?: string | undefined;
  requestId?: string | undefined;
  /** The API path or method called. */
  api: string;
  platform: string;
  httpStatus?: number | undefined;
  /** Product APIs' per-field `detail` array, as sent. */
  detail?: unknown;
  /** Calls made before giving up (1 = no retry). */
  attempts?: number;
  /** Set for non-idempotent calls that failed without an answer: the call may have happened. */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

/** A failed marketplace call: the platform's code and message plus our class. Never holds secrets. */
export class MarketplaceError extends AppError {
  readonly errorClass: ErrorClass;
  readonly platformCode: string;
  readonly platformMessage: string;
  readonly requestId: string | undefined;
  readonly api: string;
  readonly detail: unknown;
  readonly outcomeUnknown: boolean;

  constructor(init: MarketplaceErrorInit) {
    const code: ErrorCode =
      init.errorClass === 'transient' && init.platformCode === 'ClientTimeout'
        ? 'timeout'
        : APP_CODE_BY_CLASS[init.errorClass];
    super(code, `${init.platform} ${init.api}: ${init.platformCode}: ${init.platformMessage}`, {
      details: {
        platform: init.platform,
        api: init.api,
        errorClass: init.errorClass,
        platformCode: init.platformCode,
        platformMessage: init.platformMessage,
        type: init.type ?? null,
        requestId: init.requestId ?? null,
        httpStatus: init.httpStatus ?? null,
        detail: init.detail ?? null,
        attempts: init.attempts ?? 1,
        outcomeUnknown: init.outcomeUnknown ?? false,
        reauthorize: init.errorClass === 'auth' && REAUTHORIZE_CODES.has(init.platformCode),
      },
      cause: init.cause,
    });
    this.name = 'MarketplaceError';
    this.errorClass = init.errorClass;
    this.platformCode = init.platformCode;
    this.platformMessage = init.platformMessage;
    this.requestId = init.requestId;
    this.api = init.api;
    this.detail = init.detail;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }

  /** True when only a new authorization by the seller can fix this. */
  get needsReauthorization(): boolean {
    return this.errorClass === 'auth' && REAUTHORIZE_CODES.has(this.platformCode);
  }

  /** A copy with the attempt count and unknown-outcome flag set by the retry loop. */
  withAttempts(attempts: number, outcomeUnknown = this.outcomeUnknown): MarketplaceError {
    return new MarketplaceError({
      errorClass: this.errorClass,
      platformCode: this.platformCode,
      platformMessage: this.platformMessage,
      type: (this.details.type as string | null) ?? undefined,
      requestId: this.requestId,
      api: this.api,
      platform: String(this.details.platform),
      httpStatus: (this.details.httpStatus as number | null) ?? undefined,
      detail: this.detail,
      attempts,
      outcomeUnknown,
      cause: this.cause,
    });
  }
}

export function isMarketplaceError(value: unknown): value is MarketplaceError {
  return value instanceof MarketplaceError;
}

/** Replaces every occurrence of the given secret values in a text (platform messages may echo input). */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}
