import { AppError, parseMoney, systemClock, type Clock } from '../shared/index.ts';
import { createPricingContext, type PricingContext } from './context.ts';
import type { FxRepository } from './fx/fx-repository.ts';
import { defaultFxSnapshot } from './fx/fx-snapshot.ts';
import type { PricingData } from './pricing-data.ts';
import { quote, type QuoteOptions, type QuoteResult } from './quote.ts';
import { parseDimsCm, type Dims } from './shipping.ts';
import type { PriceableItem } from './types.ts';

/**
 * Loads what a quote needs for the CLI and the API: the FX snapshot (a stored one by id, else the
 * newest stored, else the shipped dated sample), the shipped data, and today's date.
 */
export async function loadPricingContext(options: {
  fx: FxRepository;
  fxSnapshotId?: string;
  asOf?: string | Date;
  clock?: Clock;
  data?: PricingData;
}): Promise<PricingContext> {
  let fx = options.fxSnapshotId ? await options.fx.get(options.fxSnapshotId) : await options.fx.latest();
  if (!fx && options.fxSnapshotId) {
    if (options.fxSnapshotId !== defaultFxSnapshot().id) {
      throw new AppError('not_found', `FX snapshot ${options.fxSnapshotId} not found`);
    }
  }
  fx ??= defaultFxSnapshot();
  const asOf = options.asOf ?? (options.clock ?? systemClock).now();
  return createPricingContext({ fx, asOf, ...(options.data ? { data: options.data } : {}) });
}

/** A quote request as people and HTTP clients write it (major-unit decimal strings, dims in cm). */
export interface QuoteRequest {
  site: string;
  krw?: number;
  costKrw?: number;
  weightG: number;
  /** "12x8x8" in cm, or millimetres. */
  dims?: string | Dims;
  category?: string;
  marginPct?: number;
  minMarginPct?: number;
  service?: string;
  /** Check this local price ("599", "12.90") instead of computing one. */
  price?: string;
  discountPct?: number;
  specialPrice?: string;
  variantId?: string;
  sellerId?: string;
}

/** Turns a request into an item and options, and quotes it. */
export function quoteFromRequest(ctx: PricingContext, req: QuoteRequest): QuoteResult {
  const site = ctx.sites.get(req.site);
  if (!site) {
    throw new AppError('invalid_input', `unknown site "${req.site}"`, {
      details: { site: req.site, known: [...ctx.sites.keys()] },
    });
  }
  if (req.krw === undefined && req.costKrw === undefined) {
    throw new AppError('invalid_input', 'give the seller price in KRW (krw) or a cost (costKrw)');
  }
  const dims = typeof req.dims === 'string' ? parseDimsCm(req.dims) : req.dims;
  const item: PriceableItem = {
    variantId: req.variantId ?? 'ad-hoc',
    sellerId: req.sellerId ?? 'ad-hoc',
    priceKrw: req.krw ?? req.costKrw!,
    weightG: req.weightG,
    ...(dims ? { dims } : {}),
    ...(req.category ? { category: req.category } : {}),
    ...(req.costKrw !== undefined ? { costKrw: req.costKrw } : {}),
  };
  if (req.category && !ctx.categories.has(req.category)) {
    throw new AppError('invalid_input', `unknown category "${req.category}"`, {
      details: { known: [...ctx.categories] },
    });
  }
  const options: QuoteOptions = {
    ...(req.krw === undefined ? { mode: 'cost-plus' as const } : {}),
    ...(req.marginPct !== undefined ? { targetMarginPct: req.marginPct } : {}),
    ...(req.minMarginPct !== undefined ? { minMarginPct: req.minMarginPct } : {}),
    ...(req.service ? { service: req.service } : {}),
    ...(req.price !== undefined ? { priceMinor: parseMoney(site.currency, req.price).minor } : {}),
    ...(req.discountPct !== undefined ? { discountPct: req.discountPct } : {}),
    ...(req.specialPrice !== undefined
      ? { specialPriceMinor: parseMoney(site.currency, req.specialPrice).minor }
      : {}),
  };
  return quote(ctx, req.site, item, options);
}

/** The JSON body for a result: the quote itself, or `{status: 'rejected', ...failure}`. */
export function quoteResultBody(result: QuoteResult): Record<string, unknown> {
  return result.ok ? { ...result.value } : { status: 'rejected', ...result.error };
}
