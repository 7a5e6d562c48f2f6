import type { ErrorCode } from './errors.ts';

/** The one map from error codes to HTTP statuses. */
export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  unsupported: 501,
  upstream: 502,
  timeout: 504,
  config: 500,
  internal: 500,
};
