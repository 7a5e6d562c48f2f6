import type { ErrorCode } from './errors.ts';

/** The one map from error codes to CLI exit codes (sysexits-style where one fits). */
export const EXIT_CODE_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 65, // EX_DATAERR
  not_found: 66, // EX_NOINPUT
  conflict: 73, // EX_CANTCREAT
  unauthenticated: 77, // EX_NOPERM
  forbidden: 77,
  locked: 75, // EX_TEMPFAIL: try again when the other process is gone
  rate_limited: 75,
  timeout: 75,
  upstream: 69, // EX_UNAVAILABLE
  unsupported: 64, // EX_USAGE
  config: 78, // EX_CONFIG
  internal: 70, // EX_SOFTWARE
};

/** Exit code for a usage error reported by the argument parser. */
export const EXIT_USAGE = 64;
