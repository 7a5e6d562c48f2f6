import { createRoute, z } from '@hono/zod-openapi';
import {
  answerCancelRequest,
  cancelLines,
  getOrderDetail,
  listOrders,
  orderTimeline,
  ordersRuntime,
  packOrder,
  todoList,
} from '../../orders/index.ts';
import { AppError } from '../../shared/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, errorResponses, IdParam } from '../schemas.ts';
import { OrderListQuery, orderListOptions } from './list-query.ts';
import {
  CancelRequestAnswer,
  CancelResult,
  OrderDetail,
  OrderSummaryPage,
  PackResult,
  TimelinePage,
  TodoPage,
} from './schemas.ts';
import { conflictResponse, json, jsonBody } from './shared.ts';

const list = createRoute({
  method: 'get',
  path: '/v1/orders',
  summary: 'Orders, newest first, valued in KRW at the order-time FX snapshot',
  security: bearerSecurity,
  request: { query: OrderListQuery },
  responses: {
    200: { description: 'orders', content: { 'application/json': { schema: OrderSummaryPage } } },
    ...errorResponses(),
  },
});

const todo = createRoute({
  method: 'get',
  path: '/v1/orders/todo',
  summary:
    "The seller's to-do list: orders to pack, label, mark ready, hand over; stock and SKU problems; returns",
  security: bearerSecurity,
  request: { query: z.object({ site: z.string().optional(), sellerId: z.string().optional() }) },
  responses: {
    200: { description: 'to-do items', content: { 'application/json': { schema: TodoPage } } },
    ...errorResponses(),
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/orders/{id}',
  summary: 'One order with its lines (status, stock state) and packages',
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: { description: 'the order', content: { 'application/json': { schema: OrderDetail } } },
    ...errorResponses(),
  },
});

const timeline = createRoute({
  method: 'get',
  path: '/v1/orders/{id}/timeline',
  summary: "The order's timeline: statuses, stock, seller actions, tracking",
  security: bearerSecurity,
  request: { params: IdParam },
  responses: {
    200: { description: 'events, oldest first', content: { 'application/json': { schema: TimelinePage } } },
    ...errorResponses(),
  },
});

const pack = createRoute({
  method: 'post',
  path: '/v1/orders/{id}/pack',
  summary: 'Pack lines on the marketplace (its fulfilment flavour); returns the packages',
  security: bearerSecurity,
  request: {
    params: IdParam,
    body: jsonBody(
      z.object({
        lineIds: z.array(z.string()).optional(),
        providerCode: z
          .string()
          .optional()
          .openapi({ description: 'cross-border provider (NTFS), or the AliExpress service' }),
        trackingNumber: z
          .string()
          .optional()
          .openapi({ description: 'AliExpress: your own logistics number' }),
      }),
    ),
  },
  responses: {
    200: { description: 'packed', content: { 'application/json': { schema: PackResult } } },
    ...conflictResponse(),
    ...errorResponses(),
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/v1/orders/{id}/cancel',
  summary: 'Cancel lines as the seller (validated with the marketplace first); stock is released',
  security: bearerSecurity,
  request: {
    params: IdParam,
    body: jsonBody(z.object({ lineIds: z.array(z.string()).optional(), reasonId: z.string().optional() })),
  },
  responses: {
    200: { description: 'cancelled', content: { 'application/json': { schema: CancelResult } } },
    ...conflictResponse(),
    ...errorResponses(),
  },
});

const answerCancel = createRoute({
  method: 'post',
  path: '/v1/orders/{id}/cancel-request',
  summary: "Accept or refuse the buyer's cancellation request (to-do action answer-cancel) before shipping",
  security: bearerSecurity,
  request: {
    params: IdParam,
    body: jsonBody(
      z.object({
        accept: z.boolean().openapi({ description: 'true cancels the lines; false keeps them to ship' }),
        reasonCode: z.string().optional(),
      }),
    ),
  },
  responses: {
    200: { description: 'answered', content: { 'application/json': { schema: CancelRequestAnswer } } },
    ...conflictResponse(),
    ...errorResponses(),
  },
});

/** A Result's error as a 409 naming its kind. */
export function refuse(error: { kind: string; field?: string }): never {
  throw new AppError('conflict', `refused: ${error.kind}${error.field ? ` (${error.field})` : ''}`, {
    details: error as unknown as Record<string, unknown>,
  });
}

export function orderRoutes() {
  return router()
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const rows = await listOrders(c.get('app').store, c.get('scope'), orderListOptions(q));
      return c.json(
        { data: json(rows), next: rows.length === (q.limit ?? 50) ? (rows.at(-1)?.id ?? null) : null },
        200,
      );
    })
    .openapi(todo, async (c) => {
      const q = c.req.valid('query');
      const scope = c.get('scope');
      const items = await todoList(
        c.get('app').store,
        scope.kind === 'operator' && q.sellerId ? { kind: 'seller', sellerId: q.sellerId } : scope,
        q,
      );
      return c.json({ data: json(items), next: null }, 200);
    })
    .openapi(get, async (c) =>
      c.json(json(await getOrderDetail(c.get('app').store, c.get('scope'), c.req.valid('param').id)), 200),
    )
    .openapi(timeline, async (c) => {
      const events = await orderTimeline(c.get('app').store, c.get('scope'), c.req.valid('param').id);
      return c.json({ data: json(events), next: null }, 200);
    })
    .openapi(pack, async (c) => {
      const body = c.req.valid('json');
      const r = await packOrder(ordersRuntime(c.get('app')).deps, c.get('scope'), {
        orderId: c.req.valid('param').id,
        ...body,
      });
      return r.ok ? c.json(json(r.value), 200) : refuse(r.error);
    })
    .openapi(cancel, async (c) => {
      const body = c.req.valid('json');
      const r = await cancelLines(ordersRuntime(c.get('app')).deps, c.get('scope'), {
        orderId: c.req.valid('param').id,
        ...body,
      });
      return r.ok ? c.json(json(r.value), 200) : refuse(r.error);
    })
    .openapi(answerCancel, async (c) => {
      const body = c.req.valid('json');
      const r = await answerCancelRequest(ordersRuntime(c.get('app')).deps, c.get('scope'), {
        orderId: c.req.valid('param').id,
        ...body,
      });
      return r.ok ? c.json(json(r.value), 200) : refuse(r.error);
    });
}
