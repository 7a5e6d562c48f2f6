/**
 * Gateway and business errors, answered in the platforms' envelopes: Lazop
 * `{type, code, message, request_id, detail?}` (HTTP 200, string codes) and AliExpress
 * `{error_response: {type, code, msg, request_id}}`.
 */
export type ErrorType = 'ISV' | 'ISP' | 'SYSTEM';

export interface ErrorDetail {
  field?: string;
  message: string;
  seller_sku?: string;
  code?: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly type: ErrorType;
  readonly detail: ErrorDetail[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: string,
    message: string,
    options: { type?: ErrorType; detail?: ErrorDetail[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.type = options.type ?? 'ISV';
    this.detail = options.detail;
    this.extra = options.extra;
  }
}

export function missingParameter(name: string): ApiError {
  return new ApiError(
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied`,
  );
}

export function invalidParameter(name: string, why?: string): ApiError {
  return new ApiError(
    'InvalidParameter',
    `The specified parameter "${name}" is not valid${why ? `: ${why}` : ''}`,
  );
}

export function incompleteSignature(): ApiError {
  return new ApiError('IncompleteSignature', 'The request signature does not conform to platform standards');
}

export function illegalAccessToken(): ApiError {
  return new ApiError('IllegalAccessToken', 'The specified access token is invalid or expired');
}

export function apiCallLimit(): ApiError {
  return new ApiError(
    'ApiCallLimit',
    'The request has exceeded the limit of access frequency, this ban will last 1 seconds',
    { type: 'ISP' },
  );
}

export function lazopErrorBody(error: ApiError, requestId: string): Record<string, unknown> {
  const body: Record<string, unknown> = { type: error.type, code: error.code, message: error.message };
  if (error.detail && error.detail.length > 0) body.detail = error.detail;
  if (error.extra) Object.assign(body, error.extra);
  body.request_id = requestId;
  return body;
}

export function aeErrorBody(error: ApiError, requestId: string): Record<string, unknown> {
  return {
    error_response: {
      type: error.type,
      code: error.code,
      msg: error.message,
      request_id: requestId,
      _trace_id_: requestId,
    },
  };
}
