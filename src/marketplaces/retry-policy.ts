import type { ErrorClass } from './errors.ts';

/**
 * How many times and how long to wait, per error class. Throttle: the gateway refused before doing
 * anything (ApiCallLimit bans last 1 s), so every call may retry after at least `minMs`.
 * Transient: the platform may or may not have acted, so only idempotent calls retry. Auth: one
 * refresh then fail (handled by the client, not here). Signature and business: never.
 */
export interface BackoffSettings {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff step; doubles each retry. */
  readonly baseMs: number;
  /** Ceiling of one backoff step. */
  readonly capMs: number;
  /** Floor of one wait (throttle bans last 1 s). */
  readonly minMs: number;
}

export interface RetryPolicy {
  readonly throttle: BackoffSettings;
  readonly transient: BackoffSettings;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  throttle: Object.freeze({ maxRetries: 8, baseMs: 1000, capMs: 16_000, minMs: 1000 }),
  transient: Object.freeze({ maxRetries: 4, baseMs: 250, capMs: 8000, minMs: 100 }),
});

/**
 * The wait before retry number `retry` (1-based): `minMs` plus "full jitter" over an exponential
 * step, so many clients throttled together do not come back in lock-step.
 */
export function backoffDelay(
  settings: BackoffSettings,
  retry: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(settings.capMs, settings.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(settings.minMs + random() * step);
}

/** Whether a failure of this class may be retried, given the call's idempotency. */
export function isRetryable(errorClass: ErrorClass, idempotent: boolean, requestSent: boolean): boolean {
  if (errorClass === 'throttle') return true;
  if (errorClass === 'transient') return idempotent || !requestSent;
  return false;
}

/** Sleeps in real time; tests inject their own. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
