import { createRoute, z } from '@hono/zod-openapi';
import { countStock, receiveStock, stockLevels } from '../../inventory/index.ts';
import { listReturns, receiveReturn, RETURN_STATUSES } from '../../orders/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, errorResponses, IdParam } from '../schemas.ts';
import { refuse } from './routes.ts';
import { ReturnClosed, ReturnPage, StockCounts, StockLevelPage, StockReceipt } from './schemas.ts';
import { conflictResponse, json, jsonBody } from './shared.ts';

const VariantKey = {
  variantId: z.string().optional(),
  sellerSku: z.string().optional(),
  sellerId: z.string().optional().openapi({ description: 'operator only, with sellerSku' }),
  requestId: z
    .string()
    .optional()
    .openapi({ description: 'idempotency key: the same request twice changes nothing' }),
  note: z.string().optional(),
};

const levels = createRoute({
  method: 'get',
  path: '/v1/inventory',
  summary: 'Stock per SKU: on hand, reserved, free, what each site may offer, and whether a push is pending',
  security: bearerSecurity,
  request: {
    query: z.object({
      sellerId: z.string().optional(),
      sellerSku: z.string().optional(),
      sites: z
        .string()
        .optional()
        .openapi({ description: 'comma-separated site ids', example: 'lazada-sg,daraz-pk' }),
      after: z.string().optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: {
    200: { description: 'stock levels', content: { 'application/json': { schema: StockLevelPage } } },
    ...errorResponses(),
  },
});

const receipts = createRoute({
  method: 'post',
  path: '/v1/inventory/receipts',
  summary: 'Goods in: add units of a SKU',
  security: bearerSecurity,
  request: { body: jsonBody(z.object({ ...VariantKey, quantity: z.number().int().positive() })) },
  responses: {
    200: { description: 'counts after', content: { 'application/json': { schema: StockReceipt } } },
    ...errorResponses(),
  },
});

const counts = createRoute({
  method: 'post',
  path: '/v1/inventory/counts',
  summary: 'Stocktake: set on-hand to a counted figure (refused below what orders hold)',
  security: bearerSecurity,
  request: { body: jsonBody(z.object({ ...VariantKey, onHand: z.number().int().nonnegative() })) },
  responses: {
    200: { description: 'counts after', content: { 'application/json': { schema: StockCounts } } },
    ...conflictResponse(),
    ...errorResponses(),
  },
});

const returns = createRoute({
  method: 'get',
  path: '/v1/returns',
  summary: 'Returns (buyer returns, parcels back after a failed delivery), open first',
  security: bearerSecurity,
  request: { query: z.object({ status: z.enum(RETURN_STATUSES).optional() }) },
  responses: {
    200: { description: 'returns', content: { 'application/json': { schema: ReturnPage } } },
    ...errorResponses(),
  },
});

const receive = createRoute({
  method: 'post',
  path: '/v1/returns/{id}/receive',
  summary: 'The returned parcel arrived: put it back on the shelf (restock) or write it off',
  security: bearerSecurity,
  request: {
    params: IdParam,
    body: jsonBody(z.object({ restock: z.boolean(), note: z.string().optional() })),
  },
  responses: {
    200: { description: 'closed', content: { 'application/json': { schema: ReturnClosed } } },
    ...conflictResponse(),
    ...errorResponses(),
  },
});

export function stockRoutes() {
  return router()
    .openapi(levels, async (c) => {
      const q = c.req.valid('query');
      const rows = await stockLevels(c.get('app').store, c.get('scope'), {
        ...q,
        sites: q.sites ? q.sites.split(',').map((s) => s.trim()) : [],
      });
      return c.json(
        {
          data: json(rows),
          next: rows.length === (q.limit ?? 100) ? (rows.at(-1)?.variantId ?? null) : null,
        },
        200,
      );
    })
    .openapi(receipts, async (c) =>
      c.json(json(await receiveStock(c.get('app').store, c.get('scope'), c.req.valid('json'))), 200),
    )
    .openapi(counts, async (c) => {
      const r = await countStock(c.get('app').store, c.get('scope'), c.req.valid('json'));
      return r.ok ? c.json(json(r.value), 200) : refuse(r.error);
    })
    .openapi(returns, async (c) => {
      const rows = await listReturns(c.get('app').store, c.get('scope'), c.req.valid('query'));
      return c.json({ data: json(rows), next: null }, 200);
    })
    .openapi(receive, async (c) => {
      const r = await receiveReturn(c.get('app').store, c.get('scope'), {
        returnId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return r.ok ? c.json(json(r.value), 200) : refuse(r.error);
    });
}
