import { createRoute, z } from '@hono/zod-openapi';
import {
  actOnListing,
  categoryReview,
  confirmListingCategory,
  getListing,
  listingCounts,
  listingsDeps,
  listingStatus,
  listListings,
  LISTING_STATES,
  publishSite,
  type ListingAction,
} from '../../listings/index.ts';
import { listSites } from '../../marketplaces/index.ts';
import { AppError, scopedSellerId } from '../../shared/index.ts';
import { router } from '../env.ts';
import { conflictResponse, json, JsonObject, jsonBody } from '../orders/shared.ts';
import { bearerSecurity, errorResponses, IdParam, PageQuery, pageOf } from '../schemas.ts';

const SITE_IDS = listSites().map((s) => s.id) as [string, ...string[]];
const Site = z.enum(SITE_IDS).openapi({ example: 'lazada-sg' });
const ListingPageSchema = pageOf(z.record(z.string(), z.unknown())).openapi('ListingsPage');

const list = createRoute({
  method: 'get',
  path: '/v1/listings',
  summary: 'Listings (one per product and site) with state, category, issues and last error',
  security: bearerSecurity,
  request: {
    query: PageQuery.extend({
      site: Site.optional(),
      state: z.enum(LISTING_STATES).optional(),
      productId: z.string().optional(),
    }),
  },
  responses: {
    200: { description: 'listings', content: { 'application/json': { schema: ListingPageSchema } } },
    ...errorResponses(),
  },
});

const status = createRoute({
  method: 'get',
  path: '/v1/listings/status',
  summary: 'Listings per seller, site and state, and the top reasons holding listings back',
  security: bearerSecurity,
  request: { query: z.object({ site: Site.optional() }) },
  responses: {
    200: {
      description: 'counts',
      content: {
        'application/json': {
          schema: z.object({
            data: z.array(
              z.object({
                sellerId: z.string(),
                site: z.string(),
                total: z.number(),
                states: z.record(z.string(), z.number()),
              }),
            ),
            topErrors: z.array(z.object({ reason: z.string(), count: z.number() })),
          }),
        },
      },
    },
    ...errorResponses(),
  },
});

const categories = createRoute({
  method: 'get',
  path: '/v1/listings/categories',
  summary:
    "Category mapping to review: per seller, site and Korean path, the listings' category, the mapper's confidence (lowest first) and alternatives",
  security: bearerSecurity,
  request: {
    query: z.object({
      site: Site.optional(),
      sellerId: z.string().optional().openapi({ description: 'operator: one seller' }),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: {
    200: {
      description: 'rows',
      content: { 'application/json': { schema: z.object({ data: z.array(JsonObject) }) } },
    },
    ...errorResponses(),
  },
});

const confirmCategoryRoute = createRoute({
  method: 'post',
  path: '/v1/listings/categories/confirm',
  summary:
    'Confirm a leaf category of a site for a Korean category path: it wins over the mapper, and the next publish rebuilds the unpublished listings',
  security: bearerSecurity,
  request: {
    body: jsonBody(
      z.object({
        site: Site,
        koreanPath: z.string().min(1).openapi({ example: '뷰티 > 스킨케어 > 토너' }),
        categoryId: z.string().min(1),
        sellerId: z.string().optional().openapi({
          description: 'operator: only this seller (default every seller); a seller key confirms for itself',
        }),
      }),
    ),
  },
  responses: {
    200: {
      description: 'the confirmation and how many listings the next publish rebuilds',
      content: { 'application/json': { schema: JsonObject } },
    },
    ...errorResponses(),
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/listings/{id}',
  summary: 'One listing with its SKUs (last pushed price and stock) and its sync log',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: { description: 'the listing', content: { 'application/json': { schema: JsonObject } } },
    ...errorResponses(),
  },
});

const publish = createRoute({
  method: 'post',
  path: '/v1/listings/publish',
  summary:
    "Build, preflight and publish a seller's products to a site (at most `limit`, default 50, per call)",
  security: bearerSecurity,
  request: {
    body: jsonBody(
      z.object({
        site: Site,
        sellerId: z
          .string()
          .optional()
          .openapi({ description: 'operator: one seller; a seller key publishes its own' }),
        limit: z.number().int().min(1).max(500).optional(),
      }),
    ),
  },
  responses: {
    200: { description: 'what the run did', content: { 'application/json': { schema: JsonObject } } },
    ...errorResponses(),
  },
});

function actionRoute(action: ListingAction) {
  return createRoute({
    method: 'post',
    path: `/v1/listings/{id}/${action}`,
    summary:
      action === 'pause'
        ? 'Stop selling on the site (stock 0); the listing stays'
        : action === 'resume'
          ? 'Sell again with the current stock'
          : 'Remove the product from the site for good (Lazada remove, AliExpress offline)',
    security: bearerSecurity,
    request: { params: IdParam },
    responses: {
      200: {
        description: 'the listing after the action',
        content: { 'application/json': { schema: JsonObject } },
      },
      ...conflictResponse(),
      ...errorResponses(),
    },
  });
}

export function listingRoutes() {
  const r = router()
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const page = await listListings(c.get('app').store, c.get('scope'), q);
      return c.json({ data: json(page.items), next: page.nextCursor }, 200);
    })
    .openapi(status, async (c) => {
      const { site } = c.req.valid('query');
      const [data, report] = await Promise.all([
        listingCounts(c.get('app').store, c.get('scope'), site),
        listingStatus(c.get('app').store, c.get('scope'), site),
      ]);
      return c.json({ data, topErrors: report.topErrors }, 200);
    })
    .openapi(categories, async (c) => {
      const q = c.req.valid('query');
      const rows = await categoryReview(listingsDeps(c.get('app')), c.get('scope'), q);
      return c.json({ data: json(rows) }, 200);
    })
    .openapi(confirmCategoryRoute, async (c) => {
      const scope = c.get('scope');
      const r = await confirmListingCategory(listingsDeps(c.get('app')), scope, {
        ...c.req.valid('json'),
        confirmedBy: scope.kind === 'seller' ? `seller:${scope.sellerId}` : 'operator',
      });
      return c.json(json(r), 200);
    })
    .openapi(get, async (c) =>
      c.json(json(await getListing(c.get('app').store, c.get('scope'), c.req.valid('param').id)), 200),
    )
    .openapi(publish, async (c) => {
      const body = c.req.valid('json');
      const own = scopedSellerId(c.get('scope'));
      // A seller key publishes its own products; naming another seller is "not found", as everywhere.
      if (own && body.sellerId && body.sellerId !== own)
        throw new AppError('not_found', `seller ${body.sellerId} not found`);
      const summary = await publishSite(listingsDeps(c.get('app')), body.site, {
        sellerId: own ?? body.sellerId,
        limit: body.limit ?? 50,
      });
      return c.json(json(summary), 200);
    });
  for (const action of ['pause', 'resume', 'delist'] as const) {
    r.openapi(actionRoute(action), async (c) =>
      c.json(
        json(await actOnListing(listingsDeps(c.get('app')), c.get('scope'), c.req.valid('param').id, action)),
        200,
      ),
    );
  }
  return r;
}
