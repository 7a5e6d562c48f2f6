import { createRoute, z } from '@hono/zod-openapi';
import { LISTING_STATES } from '../../listings/index.ts';
import { GridStateSchema, SiteId } from '../catalog/routes.ts';
import { router } from '../env.ts';
import { FxSnapshotRefSchema, QuoteComponentSchema, QuoteMarginSchema } from '../pricing/routes.ts';
import { bearerSecurity, DateTime, errorResponses, IdParam, MoneySchema } from '../schemas.ts';
import { productOverview } from './overview.ts';
import { ProductSchema, productJson } from './routes.ts';

const SegmentStatus = z
  .enum(['machine', 'approved', 'needs-review', 'needs-translation'])
  .openapi('SegmentStatus');

const LocalizedFieldSchema = z
  .object({
    source: z.string().openapi({ description: 'the Korean' }),
    text: z.string().nullable().openapi({ description: 'null: no trustworthy translation' }),
    status: SegmentStatus,
    provider: z.string().nullable(),
    checks: z.array(z.object({ check: z.string(), message: z.string() })).optional(),
    proposal: z.string().optional(),
    reviewId: z.string().optional(),
    unknown: z.array(z.string()).optional(),
  })
  .openapi('LocalizedField');

const LocalizedContentSchema = z
  .object({
    language: z.string(),
    locale: z.string().openapi({ example: 'en-SG' }),
    required: z.boolean(),
    status: SegmentStatus,
    title: LocalizedFieldSchema,
    brand: LocalizedFieldSchema.nullable(),
    options: z.array(z.object({ name: LocalizedFieldSchema, values: z.array(LocalizedFieldSchema) })),
    attributes: z.array(
      z.object({ name: LocalizedFieldSchema, value: LocalizedFieldSchema }).openapi({
        description:
          'units and sizes are converted inside the value (e.g. 500ml → 16.9 fl oz where the site wants it)',
      }),
    ),
    description: z
      .object({
        html: z.string(),
        status: SegmentStatus,
        segments: z.number().int(),
        translated: z.number().int(),
        omitted: z.number().int(),
        needsReview: z.number().int(),
        needsTranslation: z.number().int(),
      })
      .nullable(),
    facts: z.array(z.string()),
  })
  .openapi('LocalizedContent');

const IssueSchema = z
  .object({
    rule: z.string(),
    field: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    sellerSku: z.string().nullable(),
    code: z.string().nullable().openapi({ description: 'the platform error code the rule prevents' }),
  })
  .openapi('ListingIssue');

const WaterfallSchema = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('ok'),
      variantId: z.string(),
      currency: z.string(),
      price: MoneySchema,
      priceKrw: MoneySchema,
      components: z.array(QuoteComponentSchema),
      margin: QuoteMarginSchema,
      shipping: z.object({ service: z.string(), name: z.string(), chargeableWeightG: z.number() }),
      buyerPays: z.array(
        z.object({
          code: z.enum(['duty', 'tax']),
          label: z.string(),
          amount: MoneySchema,
          collection: z.enum(['import', 'on-top']),
        }),
      ),
      fxSnapshot: FxSnapshotRefSchema,
      dataVersion: z.string(),
    }),
    z.object({
      status: z.literal('rejected'),
      variantId: z.string(),
      kind: z.enum(['guard-failed', 'no-shipping-service', 'fx-rate-missing']),
      message: z.string(),
    }),
  ])
  .openapi('PriceWaterfall');

const SiteOverviewSchema = z
  .object({
    site: SiteId,
    state: GridStateSchema,
    reason: z.string().nullable(),
    listing: z
      .object({
        id: z.string(),
        state: z.enum(LISTING_STATES),
        title: z.string().nullable().openapi({ description: 'the localized title as last built' }),
        categoryId: z.string().nullable(),
        categoryPath: z.string().nullable(),
        categoryConfidence: z.number().nullable(),
        itemId: z.string().nullable(),
        qcReason: z.string().nullable(),
        lastError: z.object({ code: z.string(), message: z.string() }).nullable(),
        issues: z.array(IssueSchema),
        lastSyncAt: DateTime.nullable(),
        updatedAt: DateTime,
      })
      .nullable(),
    translationStatus: SegmentStatus,
    localized: LocalizedContentSchema.nullable().openapi({
      description: "the content in the site's required language, as the listing builder reads it",
    }),
    pricing: z.object({
      site: z.string().openapi({ description: "pricing's site (aliexpress-global prices as aliexpress-us)" }),
      variants: z.array(
        z.object({
          variantId: z.string(),
          sellerSku: z.string(),
          stock: z.number().int(),
          price: MoneySchema.nullable(),
          failure: z.string().nullable(),
          pushedPrice: MoneySchema.nullable(),
          pushedQuantity: z.number().int().nullable(),
          pushedAt: DateTime.nullable(),
        }),
      ),
      waterfall: WaterfallSchema.nullable(),
    }),
  })
  .openapi('SiteOverview');

const SyncEntrySchema = z
  .object({
    at: DateTime,
    site: z.string(),
    listingId: z.string(),
    kind: z.string().openapi({ example: 'transition' }),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    outcome: z.enum(['ok', 'failed']),
    code: z.string().nullable(),
    message: z.string().nullable(),
  })
  .openapi('SyncLogEntry');

export const OverviewSchema = z
  .object({ product: ProductSchema, sites: z.array(SiteOverviewSchema), syncLog: z.array(SyncEntrySchema) })
  .openapi('ProductOverview');

const overview = createRoute({
  method: 'get',
  path: '/v1/products/{id}/overview',
  summary:
    'The product page: Korean source, and per site the localized content, price waterfall, listing state and issues; the sync log (newest first)',
  security: bearerSecurity,
  request: {
    params: IdParam,
    query: z.object({ site: SiteId.optional().openapi({ description: 'only this site' }) }),
  },
  responses: {
    200: { description: 'the overview', content: { 'application/json': { schema: OverviewSchema } } },
    ...errorResponses(),
  },
});

export function productOverviewRoutes() {
  return router().openapi(overview, async (c) => {
    const o = await productOverview(
      c.get('app'),
      c.get('scope'),
      c.req.valid('param').id,
      c.req.valid('query').site,
    );
    return c.json(
      {
        product: productJson(o.product),
        sites: o.sites as z.infer<typeof SiteOverviewSchema>[],
        syncLog: o.syncLog.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
      },
      200,
    );
  });
}
