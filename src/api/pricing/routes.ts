import { createRoute, z } from '@hono/zod-openapi';
import {
  COMPONENT_CODES,
  DbFxRepository,
  loadPricingContext,
  quoteFromRequest,
  quoteResultBody,
  type FxRepository,
  type PricingContext,
} from '../../pricing/index.ts';
import type { App } from '../../main/app.ts';
import { router } from '../env.ts';
import { bearerSecurity, errorResponses, MoneySchema } from '../schemas.ts';

const QuoteBody = z
  .object({
    site: z.string().openapi({ example: 'lazada-th' }),
    krw: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .openapi({ description: "the seller's price in KRW", example: 25000 }),
    costKrw: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .openapi({ description: 'cost in KRW, for cost plus target margin' }),
    weightG: z.number().positive().openapi({ example: 350 }),
    dims: z.string().optional().openapi({ description: 'L x W x H in cm', example: '12x8x8' }),
    category: z.string().optional().openapi({ example: 'beauty' }),
    marginPct: z.number().min(0).max(95).optional(),
    minMarginPct: z.number().min(-100).max(95).optional(),
    service: z.string().optional().openapi({ example: 'kpost-ems' }),
    price: z
      .string()
      .optional()
      .openapi({ description: 'check this local price instead of computing one', example: '1089' }),
    discountPct: z.number().min(0).max(100).optional(),
    specialPrice: z.string().optional(),
    variantId: z.string().optional(),
    fxSnapshotId: z.string().optional(),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .openapi({ description: 'date whose rules apply (default today)' }),
  })
  .openapi('QuoteRequest');

/** One line of a quote's waterfall, in local currency and KRW (the product page shows them too). */
export const QuoteComponentSchema = z
  .object({
    code: z.enum(COMPONENT_CODES),
    label: z.string(),
    local: MoneySchema,
    krw: MoneySchema,
    rule: z.string(),
  })
  .openapi('QuoteComponent');

export const QuoteMarginSchema = z
  .object({
    local: MoneySchema,
    krw: MoneySchema,
    pct: z.number(),
    targetPct: z.number(),
    floorPct: z.number(),
  })
  .openapi('QuoteMargin');

export const FxSnapshotRefSchema = z
  .object({ id: z.string(), source: z.string(), takenAt: z.string(), krwPerUnit: z.string() })
  .openapi('FxSnapshotRef');

const QuoteSchema = z
  .object({
    status: z.literal('ok'),
    site: z.string(),
    currency: z.string(),
    price: MoneySchema,
    priceKrw: MoneySchema,
    components: z.array(QuoteComponentSchema),
    margin: QuoteMarginSchema,
    fxSnapshot: FxSnapshotRefSchema,
    dataVersion: z.string(),
    rules: z.array(
      z.object({
        code: z.string(),
        text: z.string(),
        source: z.string().optional(),
        asOf: z.string().optional(),
      }),
    ),
  })
  .passthrough()
  .openapi('Quote');

const RejectedSchema = z
  .object({
    status: z.literal('rejected'),
    kind: z.enum(['guard-failed', 'no-shipping-service', 'fx-rate-missing']),
    guard: z.string().optional(),
    site: z.string(),
    message: z.string(),
  })
  .passthrough()
  .openapi('QuoteRejected');

const quoteRoute = createRoute({
  method: 'post',
  path: '/v1/pricing/quote',
  summary: 'Landed-cost price for one item on one site, with its waterfall',
  description:
    'Returns the quote (status "ok"), or status "rejected" naming the guard that failed (min-margin, max-price, ...), no shipping service, or a missing FX rate.',
  security: bearerSecurity,
  request: { body: { content: { 'application/json': { schema: QuoteBody } }, required: true } },
  responses: {
    200: {
      description: 'a quote or a rejection',
      content: { 'application/json': { schema: z.union([QuoteSchema, RejectedSchema]) } },
    },
    ...errorResponses(),
  },
});

const sitesRoute = createRoute({
  method: 'get',
  path: '/v1/pricing/sites',
  summary: 'Sites with their currency, FX rate and pricing settings',
  security: bearerSecurity,
  responses: {
    200: {
      description: 'sites',
      content: {
        'application/json': {
          schema: z.object({
            dataVersion: z.string(),
            fxSnapshot: z.object({ id: z.string(), source: z.string(), takenAt: z.string() }),
            data: z.array(
              z.object({
                site: z.string(),
                marketplace: z.string(),
                country: z.string(),
                currency: z.string(),
                krwPerUnit: z.string().nullable(),
                shipping: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    ...errorResponses(),
  },
});

export interface PricingRouteDeps {
  /** Where FX snapshots live; default the JSON file in the data dir (until fx_snapshots is wired). */
  fx?: (dataDir: string) => FxRepository;
  /** Replace the whole context loading (tests). */
  context?: (opts: { fxSnapshotId?: string; asOf?: string }) => Promise<PricingContext>;
}

/** Pricing endpoints, mounted by the API app: POST /v1/pricing/quote, GET /v1/pricing/sites. */
export function pricingRoutes(deps: PricingRouteDeps = {}) {
  const api = router();
  const contextFor = (c: { get(k: 'app'): App }, opts: { fxSnapshotId?: string; asOf?: string }) => {
    if (deps.context) return deps.context(opts);
    const app = c.get('app');
    const fx = deps.fx ? deps.fx(app.config.dataDir) : new DbFxRepository(app.store.db);
    return loadPricingContext({ fx, clock: app.clock, ...opts });
  };
  return api
    .openapi(quoteRoute, async (c) => {
      const { fxSnapshotId, asOf, ...req } = c.req.valid('json');
      const ctx = await contextFor(c, {
        ...(fxSnapshotId ? { fxSnapshotId } : {}),
        ...(asOf ? { asOf } : {}),
      });
      return c.json(quoteResultBody(quoteFromRequest(ctx, req)) as z.infer<typeof QuoteSchema>, 200);
    })
    .openapi(sitesRoute, async (c) => {
      const ctx = await contextFor(c, {});
      const data = [...ctx.sites.values()].map((s) => ({
        site: s.code,
        marketplace: s.marketplace,
        country: s.country,
        currency: s.currency,
        krwPerUnit: s.krwRateText ?? null,
        shipping: s.services.map((x) => x.service.code),
      }));
      return c.json(
        {
          dataVersion: ctx.data.version,
          fxSnapshot: { id: ctx.fx.id, source: ctx.fx.source, takenAt: ctx.fx.takenAt },
          data,
        },
        200,
      );
    });
}
