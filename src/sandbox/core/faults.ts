import { ApiError, apiCallLimit } from './api-error.ts';
import type { Rng } from './rng.ts';

export type FaultKind =
  | 'apiCallLimit'
  | '901'
  | '998'
  | 'serviceTimeout'
  | 'timeout'
  | 'http5xx'
  | 'html'
  | 'expiredToken'
  | 'partialBatch'
  | 'campaignLock';

/**
 * One fault switch. It applies to calls matching `api` (an API path such as `/product/create`,
 * or an AliExpress method name) and `site` (a site key), with probability `rate`, for `count`
 * calls (then it is spent). `count` makes bursts: `{kind: '901', count: 5}` fails the next 5.
 */
export interface FaultRule {
  kind: FaultKind;
  api?: string;
  site?: string;
  /** Probability per matching call; default 1. */
  rate?: number;
  /** Matching calls it still affects; default unlimited. */
  count?: number;
  /** `http5xx`: the status (default 503). */
  status?: number;
  /** `timeout`: how long the request hangs before the gateway gives up (default 35000 ms). */
  delayMs?: number;
  /** `partialBatch`: share of the batch's items that fail (default 0.5, at least one). */
  itemRate?: number;
  /**
   * `serviceTimeout`, `timeout`, `http5xx`, `html`: the API runs and acts first, then the answer
   * is lost (the caller cannot tell whether it acted: what create reconciliation is for).
   */
  afterApply?: boolean;
}

export interface FaultConfig {
  /** Per-API QPS limit per app key (`{"/product/create": 5, "*": 100}`); over it: ApiCallLimit. */
  qps?: Record<string, number>;
  /** The sandbox judges request timestamps against its clock shifted by this (clock skew). */
  clockSkewMs?: number;
  /** Item ids locked by a campaign: edits and price/stock updates answer 501. */
  campaignLockedItems?: number[];
  rules?: FaultRule[];
}

/** What the gateway must do for one call, decided before the API runs (`after`: once it has run). */
export type FaultDecision = (
  | { kind: 'error'; error: ApiError }
  | { kind: 'timeout'; delayMs: number }
  | { kind: 'http5xx'; status: number }
  | { kind: 'html' }
  | { kind: 'expiredToken' }
) & { after?: boolean };

/** Faults that can strike after the API acted (a lost answer); the others refuse before it runs. */
const AFTER_KINDS: ReadonlySet<FaultKind> = new Set(['serviceTimeout', 'timeout', 'http5xx', 'html']);

interface Window {
  start: number;
  count: number;
  bannedUntil: number;
}

/** Fault switches, settable at start and at run time (admin `/_admin/faults`). */
export class Faults {
  config: FaultConfig = {};
  #windows = new Map<string, Window>();
  #locked = new Set<number>();

  constructor(private readonly rng: Rng) {}

  set(config: FaultConfig): void {
    this.config = { ...config, rules: (config.rules ?? []).map((r) => ({ ...r })) };
    this.#locked = new Set((config.campaignLockedItems ?? []).map(Number));
    this.#windows.clear();
  }

  /** Per-app, per-API one-second window; past the limit the app is banned for one second. */
  checkQps(appKey: string, api: string, now: number): ApiError | undefined {
    const qps = this.config.qps;
    if (!qps) return undefined;
    const limit = qps[api] ?? qps['*'];
    if (limit === undefined) return undefined;
    const key = `${appKey}|${api}`;
    let w = this.#windows.get(key);
    if (!w) {
      w = { start: now, count: 0, bannedUntil: 0 };
      this.#windows.set(key, w);
    }
    if (now < w.bannedUntil) return apiCallLimit();
    if (now - w.start >= 1000) {
      w.start = now;
      w.count = 0;
    }
    w.count += 1;
    if (w.count > limit) {
      w.bannedUntil = now + 1000;
      return apiCallLimit();
    }
    return undefined;
  }

  /** The first rule that fires for this call (consuming one of its `count`). */
  #fire(kinds: readonly FaultKind[], api: string, site: string): FaultRule | undefined {
    for (const rule of this.config.rules ?? []) {
      if (!kinds.includes(rule.kind)) continue;
      if (rule.api !== undefined && rule.api !== api) continue;
      if (rule.site !== undefined && rule.site !== site) continue;
      if (rule.count !== undefined && rule.count <= 0) continue;
      if (rule.rate !== undefined && !this.rng.chance(rule.rate)) continue;
      if (rule.count !== undefined) rule.count -= 1;
      return rule;
    }
    return undefined;
  }

  /** Gateway-level faults, checked after the signature and before the API runs. */
  decide(api: string, site: string, hasToken: boolean): FaultDecision | undefined {
    const kinds: FaultKind[] = ['apiCallLimit', '901', '998', 'serviceTimeout', 'timeout', 'http5xx', 'html'];
    if (hasToken) kinds.push('expiredToken');
    const rule = this.#fire(kinds, api, site);
    if (!rule) return undefined;
    const decision = this.#decision(rule);
    if (decision && rule.afterApply === true && AFTER_KINDS.has(rule.kind)) decision.after = true;
    return decision;
  }

  #decision(rule: FaultRule): FaultDecision | undefined {
    switch (rule.kind) {
      case 'apiCallLimit':
        return { kind: 'error', error: apiCallLimit() };
      case '901':
        return {
          kind: 'error',
          error: new ApiError(
            '901',
            'E901: The request is too frequent, or the requested functionality is temporarily disabled.',
            { type: 'ISP' },
          ),
        };
      case '998':
        return {
          kind: 'error',
          error: new ApiError(
            '998',
            'The API is temporarily disabled for platform stability during a campaign',
            { type: 'ISP' },
          ),
        };
      case 'serviceTimeout':
        return {
          kind: 'error',
          error: new ApiError('ServiceTimeout', 'The service timed out', { type: 'ISP' }),
        };
      case 'timeout':
        return { kind: 'timeout', delayMs: rule.delayMs ?? 35_000 };
      case 'http5xx':
        return { kind: 'http5xx', status: rule.status ?? 503 };
      case 'html':
        return { kind: 'html' };
      case 'expiredToken':
        return { kind: 'expiredToken' };
      default:
        return undefined;
    }
  }

  /** Share of a batch's items to fail for this call, when a `partialBatch` rule fires. */
  partialBatch(api: string, site: string): number | undefined {
    const rule = this.#fire(['partialBatch'], api, site);
    return rule ? (rule.itemRate ?? 0.5) : undefined;
  }

  /** True when the item is campaign-locked, by list or by a firing `campaignLock` rule. */
  isLocked(itemId: number, api: string, site: string): boolean {
    if (this.#locked.has(itemId)) return true;
    return this.#fire(['campaignLock'], api, site) !== undefined;
  }
}
