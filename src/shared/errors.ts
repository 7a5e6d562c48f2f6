/**
 * Unexpected failures: thrown as AppError with a code from one closed list.
 * Expected business outcomes are returned as tagged results instead (see result.ts).
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unauthenticated',
  'forbidden',
  'locked',
  'unsupported',
  'upstream',
  'rate_limited',
  'timeout',
  'config',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorOptions {
  /** Structured detail a caller can act on, e.g. { field: 'price_krw', row: 12 }. Never secrets. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details ?? {};
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping the original as `cause`. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new AppError('internal', message, { cause: value });
}
