import { createRoute, z } from '@hono/zod-openapi';
import { ALL_JOBS, queueOverview } from '../../jobs/index.ts';
import { displayUrl, probeSandbox } from '../../marketplaces/index.ts';
import { listConnections } from '../../orders/index.ts';
import { AppError } from '../../shared/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, ErrorSchema, errorResponses } from '../schemas.ts';

const Instant = z.string().openapi({ example: '2026-11-25T09:00:00.000Z' });

const JobsSchema = z
  .object({
    started: z.boolean().openapi({ description: "false until a worker has created pg-boss's tables" }),
    windowHours: z
      .number()
      .int()
      .openapi({ description: '`failed` and `completed` count this many hours back' }),
    queues: z.array(
      z
        .object({
          name: z.string().openapi({ example: 'orders.process-inbox' }),
          queued: z.number().int(),
          active: z.number().int(),
          retry: z.number().int(),
          failed: z.number().int(),
          completed: z.number().int(),
          oldestQueuedSeconds: z.number().int().nullable(),
        })
        .openapi('QueueStats'),
    ),
    recentFailures: z.array(
      z
        .object({
          queue: z.string(),
          jobId: z.string(),
          state: z.enum(['failed', 'retry']),
          at: Instant.nullable(),
          retryCount: z.number().int(),
          message: z
            .string()
            .openapi({ description: 'the error message; no stack, no payload, credentials blanked' }),
        })
        .openapi('JobFailure'),
    ),
  })
  .openapi('JobQueues');

const ConnectionSchema = z
  .object({
    sellerId: z.string(),
    site: z.string().nullable().openapi({ description: 'null: a token no channel uses yet' }),
    platform: z.string(),
    externalSellerId: z.string().nullable(),
    channelStatus: z.enum(['active', 'paused']).nullable(),
    token: z
      .object({ accessExpiresAt: Instant, refreshExpiresAt: Instant.nullable(), updatedAt: Instant })
      .nullable()
      .openapi({ description: 'expiry times only; token values are never returned' }),
    status: z.enum(['ok', 'expiring', 'expired', 'missing']).openapi({
      description:
        'expired: the refresh token (or, without one, the access token) has expired and the seller must authorize again; expiring: within 7 days; missing: the channel has no token',
    }),
  })
  .openapi('Connection');

const SandboxSchema = z
  .discriminatedUnion('inUse', [
    z.object({ inUse: z.literal(false) }),
    z.object({
      inUse: z.literal(true),
      url: z.string().openapi({ description: 'the sandbox origin, without credentials or query' }),
      healthy: z.boolean(),
      status: z.number().int().nullable().openapi({ description: 'HTTP status; null when no answer came' }),
      latencyMs: z.number().int(),
      error: z.string().nullable(),
    }),
  ])
  .openapi('SandboxStatus');

const forbidden = {
  403: { description: 'a seller key', content: { 'application/json': { schema: ErrorSchema } } },
};

const jobs = createRoute({
  method: 'get',
  path: '/v1/operations/jobs',
  summary:
    'Job queues: queued, active, retrying, failed and completed (last 24 h), oldest wait; latest failures',
  description: "Operator only: queues and their errors are the whole program's, not one seller's.",
  security: bearerSecurity,
  responses: {
    200: { description: 'per queue', content: { 'application/json': { schema: JobsSchema } } },
    ...forbidden,
    ...errorResponses(),
  },
});

const connections = createRoute({
  method: 'get',
  path: '/v1/operations/connections',
  summary:
    'Marketplace connections per seller and site, with token expiry and status (a seller sees its own)',
  security: bearerSecurity,
  request: {
    query: z.object({
      sellerId: z.string().optional().openapi({ description: 'operator only: one seller' }),
    }),
  },
  responses: {
    200: {
      description: 'connections',
      content: {
        'application/json': { schema: z.object({ data: z.array(ConnectionSchema) }).openapi('Connections') },
      },
    },
    ...errorResponses(),
  },
});

const sandbox = createRoute({
  method: 'get',
  path: '/v1/operations/sandbox',
  summary: 'Whether the marketplace sandbox stands in for the real gateways, and its health',
  security: bearerSecurity,
  responses: {
    200: { description: 'sandbox status', content: { 'application/json': { schema: SandboxSchema } } },
    ...errorResponses(),
  },
});

export function operationsRoutes() {
  return router()
    .openapi(jobs, async (c) => {
      if (c.get('scope').kind !== 'operator')
        throw new AppError('forbidden', 'the job queues are for the operator');
      const app = c.get('app');
      const overview = await queueOverview(
        app.store,
        ALL_JOBS.map((j) => j.name),
      );
      return c.json(overview, 200);
    })
    .openapi(connections, async (c) => {
      const app = c.get('app');
      const scope = c.get('scope');
      const sellerId = c.req.valid('query').sellerId;
      const effective = scope.kind === 'operator' && sellerId ? { kind: 'seller' as const, sellerId } : scope;
      return c.json({ data: await listConnections(app.store, effective, app.clock.now()) }, 200);
    })
    .openapi(sandbox, async (c) => {
      const url = c.get('app').config.marketplaceSandboxUrl;
      if (!url) return c.json({ inUse: false as const }, 200);
      return c.json({ inUse: true as const, url: displayUrl(url), ...(await probeSandbox(url)) }, 200);
    });
}
