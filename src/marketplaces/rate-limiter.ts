import { AppError } from '../shared/index.ts';

/**
 * A limiter per app, per seller and per API (and per seller+API), with configured rates. Each
 * key is a GCRA bucket (a token bucket expressed as one "theoretical arrival time"); a call
 * reserves its slot in every bucket that applies, synchronously, then waits until the latest of
 * them. Reserving before waiting means concurrent callers queue in order and timer lateness does
 * not eat into the rate, which is what lets a batch job run at the allowed rate without throttles.
 */
export interface Rate {
  /** Sustained calls per second. */
  readonly perSecond: number;
  /** Calls allowed back-to-back after an idle spell (default 1: evenly spaced). */
  readonly burst?: number;
}

export interface RateLimitConfig {
  /** Every call of the app (all sellers, all APIs). */
  readonly app?: Rate;
  /** Every call on behalf of one seller. */
  readonly seller?: Rate;
  /** Per API (path or AliExpress method) across all sellers of the app. */
  readonly api?: Readonly<Record<string, Rate>>;
  /** Per API per seller. */
  readonly sellerApi?: Readonly<Record<string, Rate>>;
}

/**
 * Limits from the research (section 2.11, 3.3): inventory APIs ≤50 calls/s per seller, brands
 * query 30 QPS for the app, AliExpress schema post 100/app and 50/seller; `/orders/get` kept slow
 * because tight polling gets apps throttled or disabled.
 */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = Object.freeze({
  api: Object.freeze({
    '/category/brands/query': { perSecond: 30 },
    'aliexpress.solution.schema.product.instance.post': { perSecond: 100 },
  }),
  sellerApi: Object.freeze({
    '/product/price_quantity/update': { perSecond: 50 },
    '/product/stock/sellable/update': { perSecond: 50 },
    '/product/stock/sellable/adjust': { perSecond: 50 },
    '/orders/get': { perSecond: 2 },
    'aliexpress.solution.schema.product.instance.post': { perSecond: 50 },
  }),
});

export interface LimitScope {
  appKey: string;
  /** Seller key (absent for app-level calls such as public category data). */
  seller?: string | undefined;
  api: string;
}

interface Bucket {
  interval: number;
  tolerance: number;
  tat: number;
}

function checkRate(rate: Rate, name: string): void {
  if (!(rate.perSecond > 0) || (rate.burst !== undefined && !(rate.burst >= 1))) {
    throw new AppError('config', `rate limit ${name} must have perSecond > 0 and burst ≥ 1`);
  }
}

export class RateLimiter {
  readonly #config: RateLimitConfig;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #buckets = new Map<string, Bucket>();
  /** Per app+API: no call before this time (the gateway banned the API after a throttle). */
  readonly #pausedUntil = new Map<string, number>();

  constructor(
    config: RateLimitConfig,
    options: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
  ) {
    if (config.app) checkRate(config.app, 'app');
    if (config.seller) checkRate(config.seller, 'seller');
    for (const [k, r] of Object.entries(config.api ?? {})) checkRate(r, k);
    for (const [k, r] of Object.entries(config.sellerApi ?? {})) checkRate(r, k);
    this.#config = config;
    this.#now = options.now ?? (() => performance.timeOrigin + performance.now());
    this.#sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  #rulesFor(scope: LimitScope): [string, Rate][] {
    const rules: [string, Rate][] = [];
    const c = this.#config;
    if (c.app) rules.push([`app:${scope.appKey}`, c.app]);
    const api = c.api?.[scope.api];
    if (api) rules.push([`api:${scope.appKey}:${scope.api}`, api]);
    if (scope.seller !== undefined) {
      if (c.seller) rules.push([`seller:${scope.appKey}:${scope.seller}`, c.seller]);
      const sellerApi = c.sellerApi?.[scope.api];
      if (sellerApi) rules.push([`sellerApi:${scope.appKey}:${scope.seller}:${scope.api}`, sellerApi]);
    }
    return rules;
  }

  #bucket(key: string, rate: Rate, now: number): Bucket {
    let b = this.#buckets.get(key);
    if (!b) {
      const interval = 1000 / rate.perSecond;
      b = { interval, tolerance: interval * ((rate.burst ?? 1) - 1), tat: now };
      this.#buckets.set(key, b);
    }
    return b;
  }

  /** See `Pausable`. The API's buckets restart after the pause, so queued calls come back spaced. */
  pause(scope: LimitScope, untilMs: number): void {
    const key = `${scope.appKey}|${scope.api}`;
    this.#pausedUntil.set(key, Math.max(this.#pausedUntil.get(key) ?? -Infinity, untilMs));
    for (const [bucketKey, b] of this.#buckets) {
      const isApi = bucketKey === `api:${scope.appKey}:${scope.api}`;
      const isSellerApi =
        bucketKey.startsWith(`sellerApi:${scope.appKey}:`) && bucketKey.endsWith(`:${scope.api}`);
      if (isApi || isSellerApi) b.tat = Math.max(b.tat, untilMs);
    }
  }

  /** The limiter's clock (epoch ms), so callers can express pauses on it. */
  now(): number {
    return this.#now();
  }

  /**
   * Waits for this call's turn in every applicable bucket. The bucket(s) that decide the wait
   * book their slot at once (so concurrent callers queue in order and timer lateness does not
   * eat into the rate); the others are checked and booked when the caller wakes, because booking
   * them ahead would let one slow API's queued call (a 2/s `/orders/get`) hold the whole app's
   * bucket until then. A caller that wakes into a pause sleeps through it and books anew.
   */
  async acquire(scope: LimitScope, sleptThroughPause = -Infinity): Promise<void> {
    const start = this.#now();
    const pending = this.#rulesFor(scope).map(([key, rate]) => this.#bucket(key, rate, start));
    const pauseKey = `${scope.appKey}|${scope.api}`;
    let slot = -Infinity;
    for (;;) {
      const now = this.#now();
      const paused = this.#pausedUntil.get(pauseKey) ?? -Infinity;
      if (paused > now && paused > sleptThroughPause) {
        await this.#sleep(paused - now);
        return this.acquire(scope, paused);
      }
      let at = Math.max(slot, now);
      for (const b of pending) at = Math.max(at, b.tat - b.tolerance);
      if (at <= now) {
        for (const b of pending) b.tat = Math.max(b.tat, now) + b.interval;
        return;
      }
      for (let i = pending.length - 1; i >= 0; i--) {
        const b = pending[i] as Bucket;
        if (b.tat - b.tolerance >= at) {
          b.tat = Math.max(b.tat, at) + b.interval;
          pending.splice(i, 1);
        }
      }
      slot = at;
      await this.#sleep(at - now);
    }
  }
}

export interface Pausable {
  /**
   * Holds every call of this app to this API until `untilMs` (epoch ms on the limiter's clock):
   * after ApiCallLimit the gateway bans the API for a second, and calls sent during the ban are
   * wasted and only prolong the trouble.
   */
  pause(scope: LimitScope, untilMs: number): void;
}

/** A limiter that never waits (tests, one-off CLI calls). */
export const NO_RATE_LIMITS: RateLimitConfig = Object.freeze({});
