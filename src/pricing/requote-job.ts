import { z } from 'zod';
import { AppError, type Clock } from '../shared/index.ts';
import { createPricingContext } from './context.ts';
import type { FxRepository } from './fx/fx-repository.ts';
import type { PricingData } from './pricing-data.ts';
import { requoteStream, type PriceChange, type RequoteSummary } from './requote.ts';
import type { PriceableItem } from './types.ts';

/** Queue name for the repricing job (the lead registers the handler with pg-boss). */
export const REQUOTE_JOB = 'pricing.requote';

/** Payload: requote from one FX snapshot / data version to another. */
export const requoteJobPayload = z.object({
  fromFxSnapshotId: z.string().startsWith('fx_'),
  toFxSnapshotId: z.string().startsWith('fx_'),
  /** Data versions (pd_...); omitted means the current data on both sides (an FX-only move). */
  fromDataVersion: z.string().startsWith('pd_').optional(),
  toDataVersion: z.string().startsWith('pd_').optional(),
  /** YYYY-MM-DD whose dated rules apply; default: today by the job's clock. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  thresholdPct: z.number().positive().max(100).default(1),
  sites: z.array(z.string()).min(1).optional(),
  sellerId: z.string().optional(),
});
export type RequoteJobPayload = z.input<typeof requoteJobPayload>;

export interface RequoteJobDeps {
  readonly fx: FxRepository;
  /** The pricing data of a version (the current one when undefined); throws not_found if unknown. */
  data(version?: string): PricingData | Promise<PricingData>;
  /** The catalog as priceable items, scoped by seller when given. */
  items(filter: { sellerId?: string }): AsyncIterable<PriceableItem> | Iterable<PriceableItem>;
  /** Records changed prices; must be idempotent (key: variantId + site + fxSnapshotId + dataVersion). */
  publish(changes: PriceChange[]): Promise<void>;
  readonly clock: Clock;
}

/**
 * The job handler: decode the payload, load both contexts, requote, publish only changed prices.
 * Running it twice publishes the same changes (pure requote, idempotent publish).
 */
export function createRequoteJobHandler(deps: RequoteJobDeps): (payload: unknown) => Promise<RequoteSummary> {
  return async (raw) => {
    const parsed = requoteJobPayload.safeParse(raw);
    if (!parsed.success) {
      throw new AppError(
        'invalid_input',
        `bad ${REQUOTE_JOB} payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const p = parsed.data;
    const [fromFx, toFx] = await Promise.all([
      deps.fx.get(p.fromFxSnapshotId),
      deps.fx.get(p.toFxSnapshotId),
    ]);
    if (!fromFx) throw new AppError('not_found', `FX snapshot ${p.fromFxSnapshotId} not found`);
    if (!toFx) throw new AppError('not_found', `FX snapshot ${p.toFxSnapshotId} not found`);
    const asOf = p.asOf ?? deps.clock.now().toISOString().slice(0, 10);
    const from = createPricingContext({ data: await deps.data(p.fromDataVersion), fx: fromFx, asOf });
    const to = createPricingContext({ data: await deps.data(p.toDataVersion), fx: toFx, asOf });
    return requoteStream(deps.items(p.sellerId ? { sellerId: p.sellerId } : {}), from, to, deps.publish, {
      thresholdPct: p.thresholdPct,
      ...(p.sites ? { sites: p.sites } : {}),
    });
  };
}
