import type { Money } from '../shared/index.ts';
import type { PricingContext } from './context.ts';
import { fxChanges } from './fx/fx-snapshot.ts';
import { quote, type QuoteOptions, type QuoteResult } from './quote.ts';
import type { PriceableItem, QuoteFailure } from './types.ts';

/**
 * Repricing: which sites need new prices after an FX move or a data change, and the prices that
 * actually changed. Pure: old and new contexts in, changes out; nothing is written.
 */

export type RequoteReason = 'fx' | 'fees';

export interface SitePlan {
  readonly site: string;
  readonly reasons: readonly RequoteReason[];
  /** Largest absolute move (percent) among the currencies the site depends on. */
  readonly fxMovePct: number | null;
}

/**
 * Sites to requote: an FX rate the site depends on moved by at least thresholdPct (default 1%),
 * or the site's inputs (fee table, shipping, customs rules in force, rounding) changed.
 */
export function planRequote(
  from: PricingContext,
  to: PricingContext,
  thresholdPct = 1,
  only?: readonly string[],
): SitePlan[] {
  const moves = new Map<string, number>();
  for (const c of fxChanges(from.fx, to.fx))
    moves.set(c.currency, c.changePct === null ? Infinity : Math.abs(c.changePct));
  const plans: SitePlan[] = [];
  for (const [code, next] of to.sites) {
    if (only && !only.includes(code)) continue;
    const prev = from.sites.get(code);
    const reasons: RequoteReason[] = [];
    const deps = new Set([...(prev?.fxDependencies ?? []), ...next.fxDependencies]);
    let fxMovePct: number | null = null;
    for (const c of deps) {
      const m = moves.get(c);
      if (m !== undefined) fxMovePct = Math.max(fxMovePct ?? 0, m);
    }
    if (fxMovePct !== null && fxMovePct >= thresholdPct - 1e-12) reasons.push('fx');
    if (!prev || prev.inputsHash !== next.inputsHash) reasons.push('fees');
    if (reasons.length)
      plans.push({
        site: code,
        reasons,
        fxMovePct:
          fxMovePct === null || !Number.isFinite(fxMovePct) ? fxMovePct : Math.round(fxMovePct * 1e4) / 1e4,
      });
  }
  return plans;
}

export interface PriceChange {
  readonly variantId: string;
  readonly sellerId: string;
  readonly site: string;
  readonly reasons: readonly RequoteReason[];
  readonly before: Money | null;
  readonly after: Money | null;
  /** Relative price change in percent, when both prices exist. */
  readonly changePct: number | null;
  /** Why there is no new price (a guard failed, no shipping service, ...). */
  readonly failure?: QuoteFailure;
  readonly fxSnapshotId: string;
  readonly dataVersion: string;
}

export interface RequoteSummary {
  readonly items: number;
  readonly sites: readonly SitePlan[];
  readonly quotes: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly failed: number;
}

export interface RequoteOptions {
  readonly thresholdPct?: number;
  readonly sites?: readonly string[];
  readonly quoteOptions?: QuoteOptions;
}

function priceOf(r: QuoteResult): Money | null {
  return r.ok ? r.value.price : null;
}

function compareOne(
  item: PriceableItem,
  plan: SitePlan,
  from: PricingContext,
  to: PricingContext,
  options: RequoteOptions,
): PriceChange | undefined {
  const before = quote(from, plan.site, item, options.quoteOptions);
  const after = quote(to, plan.site, item, options.quoteOptions);
  const a = priceOf(before);
  const b = priceOf(after);
  if (a && b && a.minor === b.minor && a.currency === b.currency) return undefined;
  if (!a && !b && !before.ok && !after.ok && before.error.kind === after.error.kind) return undefined;
  return {
    variantId: item.variantId,
    sellerId: item.sellerId,
    site: plan.site,
    reasons: plan.reasons,
    before: a,
    after: b,
    changePct: a && b && a.minor ? Math.round(((b.minor - a.minor) / a.minor) * 1e6) / 1e4 : null,
    ...(after.ok ? {} : { failure: after.error }),
    fxSnapshotId: to.fx.id,
    dataVersion: to.data.version,
  };
}

/** Requotes items on the sites that need it and returns only the prices that changed. */
export function requote(
  items: Iterable<PriceableItem>,
  from: PricingContext,
  to: PricingContext,
  options: RequoteOptions = {},
): { changes: PriceChange[]; summary: RequoteSummary } {
  const plans = planRequote(from, to, options.thresholdPct ?? 1, options.sites);
  const changes: PriceChange[] = [];
  let n = 0;
  let failed = 0;
  for (const item of items) {
    n++;
    for (const plan of plans) {
      const c = compareOne(item, plan, from, to, options);
      if (c) {
        changes.push(c);
        if (c.failure) failed++;
      }
    }
  }
  const quotes = n * plans.length;
  return {
    changes,
    summary: {
      items: n,
      sites: plans,
      quotes,
      changed: changes.length,
      unchanged: quotes - changes.length,
      failed,
    },
  };
}

/**
 * The streaming form for catalogs read from the database: hands changes to `emit` in batches
 * so memory stays flat.
 */
export async function requoteStream(
  items: AsyncIterable<PriceableItem> | Iterable<PriceableItem>,
  from: PricingContext,
  to: PricingContext,
  emit: (changes: PriceChange[]) => Promise<void>,
  options: RequoteOptions & { batchSize?: number } = {},
): Promise<RequoteSummary> {
  const plans = planRequote(from, to, options.thresholdPct ?? 1, options.sites);
  const batchSize = options.batchSize ?? 500;
  let batch: PriceChange[] = [];
  let n = 0;
  let changed = 0;
  let failed = 0;
  if (plans.length > 0) {
    for await (const item of items) {
      n++;
      for (const plan of plans) {
        const c = compareOne(item, plan, from, to, options);
        if (!c) continue;
        changed++;
        if (c.failure) failed++;
        batch.push(c);
        if (batch.length >= batchSize) {
          await emit(batch);
          batch = [];
        }
      }
    }
    if (batch.length) await emit(batch);
  }
  const quotes = n * plans.length;
  return { items: n, sites: plans, quotes, changed, unchanged: quotes - changed, failed };
}
