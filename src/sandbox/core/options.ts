import type { Clock } from '../../shared/index.ts';
import type { FaultConfig } from './faults.ts';
import type { AppRecord } from './model.ts';

/** The sandbox app every fresh sandbox knows (documented in docs/sandbox.md). */
export const SANDBOX_APP_KEY = '500100';
export const SANDBOX_APP_SECRET = 'kbridge-sandbox-secret-0000000000';
/** The sandbox seller that /oauth/authorize logs in as when none is named: a Korean cross-border seller. */
export const SANDBOX_SELLER = 'kbridge-seller@sandbox.test';

export interface PushOptions {
  /** How long a receiver has to answer 200 (the platforms allow 500 ms). */
  ackTimeoutMs?: number;
  /** Sandbox time between attempts (the platforms retry every 30 minutes). */
  retryDelayMs?: number;
  /** Attempts in all (the platforms: the first plus 12 retries). */
  maxAttempts?: number;
  /** Probability that a push is delivered twice. */
  duplicateRate?: number;
  /** Each push is held back by a random 0..maxDelayMs of sandbox time. */
  maxDelayMs?: number;
  /** Deliver due pushes in random order instead of the order they were raised. */
  reorder?: boolean;
  /** Pushes in flight at once. */
  concurrency?: number;
}

export interface SandboxSellerInput {
  account: string;
  name?: string;
  crossBorder?: boolean;
}

export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  /** Where state is journaled; without it the sandbox keeps state in memory only. */
  stateDir?: string;
  /** The default app's key and secret (defaults: SANDBOX_APP_KEY / SANDBOX_APP_SECRET). */
  appKey?: string;
  appSecret?: string;
  /** The default app's push URL and registered OAuth callback. */
  pushUrl?: string;
  callbackUrl?: string;
  /** More apps. */
  apps?: AppRecord[];
  sellers?: SandboxSellerInput[];
  /** Base clock (tests pass a fixed clock); admin time travel moves an offset on top. */
  clock?: Clock;
  /** Seed of the simulation's random choices (buyers, QC outcomes, faults). */
  seed?: number;
  /** Sandbox time from create to the QC decision (default 30 s; the platforms take up to 24 h). */
  qcDelayMs?: number;
  /** Probability that QC rejects a product (names containing QC_REJECT are always rejected). */
  qcRejectRate?: number;
  /** Simulated orders per minute (sandbox time), for every site or per site key. Default 0. */
  orderRate?: number | Record<string, number>;
  /** Sandbox time before an online-payment order leaves `unpaid` (default 60 s). */
  paymentDelayMs?: number;
  /** Sandbox time from ready_to_ship to carrier pick-up (default 2 h) and on to delivery (2 days). */
  shipDelayMs?: number;
  deliverDelayMs?: number;
  /** Access and refresh token lifetimes in seconds (defaults: 7 and 30 days, a test app). */
  tokenTtlSec?: number;
  refreshTokenTtlSec?: number;
  faults?: FaultConfig;
  push?: PushOptions;
  /** Real milliseconds between simulation ticks (default 100). */
  tickMs?: number;
  /** Real milliseconds between journal flushes (default 500). */
  flushIntervalMs?: number;
  /** Cap on simulated orders placed per site in one tick (time travel could ask for millions). */
  maxOrdersPerTick?: number;
}

export type ResolvedOptions = Required<
  Pick<
    SandboxOptions,
    | 'port'
    | 'host'
    | 'appKey'
    | 'appSecret'
    | 'seed'
    | 'qcDelayMs'
    | 'qcRejectRate'
    | 'paymentDelayMs'
    | 'shipDelayMs'
    | 'deliverDelayMs'
    | 'tokenTtlSec'
    | 'refreshTokenTtlSec'
    | 'tickMs'
    | 'flushIntervalMs'
    | 'maxOrdersPerTick'
  >
> & {
  stateDir: string | undefined;
  orderRate: number | Record<string, number>;
  push: Required<PushOptions>;
};

export function resolveOptions(o: SandboxOptions): ResolvedOptions {
  return {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    stateDir: o.stateDir,
    appKey: o.appKey ?? SANDBOX_APP_KEY,
    appSecret: o.appSecret ?? SANDBOX_APP_SECRET,
    seed: o.seed ?? 20261125,
    qcDelayMs: o.qcDelayMs ?? 30_000,
    qcRejectRate: o.qcRejectRate ?? 0,
    orderRate: o.orderRate ?? 0,
    paymentDelayMs: o.paymentDelayMs ?? 60_000,
    shipDelayMs: o.shipDelayMs ?? 2 * 3600_000,
    deliverDelayMs: o.deliverDelayMs ?? 2 * 86_400_000,
    tokenTtlSec: o.tokenTtlSec ?? 7 * 86_400,
    refreshTokenTtlSec: o.refreshTokenTtlSec ?? 30 * 86_400,
    tickMs: o.tickMs ?? 100,
    flushIntervalMs: o.flushIntervalMs ?? 500,
    maxOrdersPerTick: o.maxOrdersPerTick ?? 500,
    push: {
      ackTimeoutMs: o.push?.ackTimeoutMs ?? 500,
      retryDelayMs: o.push?.retryDelayMs ?? 30 * 60_000,
      maxAttempts: o.push?.maxAttempts ?? 13,
      duplicateRate: o.push?.duplicateRate ?? 0,
      maxDelayMs: o.push?.maxDelayMs ?? 0,
      reorder: o.push?.reorder ?? false,
      concurrency: o.push?.concurrency ?? 8,
    },
  };
}

/** Orders per minute for one site. */
export function orderRateFor(options: ResolvedOptions, siteKey: string): number {
  const r = options.orderRate;
  return typeof r === 'number' ? r : (r[siteKey] ?? r['*'] ?? 0);
}
