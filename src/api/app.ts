import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../main/app.ts';
import { HTTP_STATUS_BY_CODE, toAppError, type Scope } from '../shared/index.ts';
import { requireApiKey } from './auth/middleware.ts';
import { router } from './env.ts';
import { pricingRoutes } from './pricing/routes.ts';
import { orderRoutes } from './orders/routes.ts';
import { packageRoutes } from './orders/package-routes.ts';
import { stockRoutes } from './orders/stock-routes.ts';
import { pushRoutes } from './orders/push-route.ts';
import { listingRoutes } from './listings/routes.ts';
import { analyticsRoutes } from './analytics/routes.ts';
import { operationsRoutes } from './operations/routes.ts';
import { bulkListingRoutes } from './listings/bulk-routes.ts';
import { catalogRoutes } from './catalog/routes.ts';
import { productOverviewRoutes } from './products/overview-routes.ts';
import { imageRoutes } from './images/routes.ts';
import { productRoutes } from './products/routes.ts';
import { sellerRoutes } from './sellers/routes.ts';
import { translationRoutes } from './translations/routes.ts';
import { bearerSecurity } from './schemas.ts';

const health = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Liveness and the store it uses',
  responses: {
    200: {
      description: 'healthy',
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
  },
});

const me = createRoute({
  method: 'get',
  path: '/v1/me',
  summary: "The caller's role and, for a seller key, its seller",
  security: bearerSecurity,
  responses: {
    200: {
      description: 'the caller',
      content: {
        'application/json': {
          schema: z.object({ role: z.enum(['operator', 'seller']), sellerId: z.string().nullable() }),
        },
      },
    },
  },
});

function describeScope(scope: Scope) {
  return scope.kind === 'seller'
    ? { role: 'seller' as const, sellerId: scope.sellerId }
    : { role: 'operator' as const, sellerId: null };
}

/** The HTTP API: /health and /openapi.json are open; everything under /v1 needs an API key. */
export function createApiApp(app: App) {
  const api = router();
  api.use('*', async (c, next) => {
    c.set('app', app);
    await next();
  });
  api.use('/v1/*', requireApiKey());
  api.onError((e, c) => {
    const error = toAppError(e);
    if (error.code === 'internal') app.logger.error({ err: e, path: c.req.path }, 'request failed');
    return c.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      HTTP_STATUS_BY_CODE[error.code] as 400,
    );
  });
  api.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );

  api.openapi(health, (c) => c.json({ status: 'ok' as const, engine: app.store.engine }, 200));
  api.openapi(me, (c) => c.json(describeScope(c.get('scope')), 200));
  api.route('/', sellerRoutes());
  api.route('/', productRoutes());
  api.route('/', pricingRoutes());
  api.route('/', orderRoutes());
  api.route('/', packageRoutes());
  api.route('/', stockRoutes());
  api.route('/', pushRoutes());
  api.route('/', translationRoutes());
  api.route('/', listingRoutes());
  api.route('/', analyticsRoutes());
  api.route('/', operationsRoutes());
  api.route('/', bulkListingRoutes());
  api.route('/', catalogRoutes());
  api.route('/', productOverviewRoutes());
  api.route('/', imageRoutes());

  api.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  api.doc31('/openapi.json', DOCUMENT_INFO);
  return api;
}

const DOCUMENT_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'kbridge API',
    version: '0.1.0',
    description: 'Export Korean catalogs to Lazada, Daraz, Miravia and AliExpress.',
  },
};

/**
 * The OpenAPI document without a running app: it depends only on the route definitions (the app
 * is read by handlers at request time), so the console's types can be generated offline.
 */
export function openApiDocument() {
  return createApiApp(undefined as unknown as App).getOpenAPI31Document(DOCUMENT_INFO);
}
