import { createRoute, z } from '@hono/zod-openapi';
import { BULK_ACTIONS, bulkListingAction, listingsDeps, MAX_BULK_TARGETS } from '../../listings/index.ts';
import { SiteId } from '../catalog/routes.ts';
import { router } from '../env.ts';
import { jsonBody } from '../orders/shared.ts';
import { bearerSecurity, errorResponses } from '../schemas.ts';

const Ids = z.array(z.string().min(1)).max(MAX_BULK_TARGETS);

const BulkRequestSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    listingIds: Ids.optional(),
    productIds: Ids.optional().openapi({
      description: "each product's listing on `site`, or on every site the seller has an account on",
    }),
    site: SiteId.optional(),
  })
  .openapi('BulkListingRequest');

const BulkItemSchema = z
  .object({
    listingId: z.string().nullable(),
    productId: z.string().nullable(),
    site: z.string().nullable(),
    ok: z.boolean(),
    state: z.string().nullable().openapi({ description: "the listing's state after the action" }),
    result: z.string().openapi({
      description:
        'publish/retry: created, updated, unchanged, blocked, failed, retry, skipped; pause/resume: paused, resumed; refused; not_found',
    }),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('BulkListingItem');

export const BulkResultSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    items: z.array(BulkItemSchema),
    counts: z.object({
      total: z.number().int(),
      ok: z.number().int(),
      failed: z.number().int(),
      notFound: z.number().int(),
    }),
  })
  .openapi('BulkListingResult');

const actions = createRoute({
  method: 'post',
  path: '/v1/listings/actions',
  summary: `Publish, pause, resume or retry many listings at once (at most ${MAX_BULK_TARGETS}, done before the answer), with one outcome per listing`,
  description:
    "Ids the caller cannot see (another seller's, or unknown) are reported as not_found items and never acted on. Retry re-sends listings in error, rejected or ready with the attempt count reset.",
  security: bearerSecurity,
  request: { body: jsonBody(BulkRequestSchema) },
  responses: {
    200: { description: 'per-item outcomes', content: { 'application/json': { schema: BulkResultSchema } } },
    ...errorResponses(),
  },
});

export function bulkListingRoutes() {
  return router().openapi(actions, async (c) =>
    c.json(await bulkListingAction(listingsDeps(c.get('app')), c.get('scope'), c.req.valid('json')), 200),
  );
}
