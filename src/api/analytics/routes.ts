import { createRoute, z } from '@hono/zod-openapi';
import {
  DEFAULT_GMV_TARGET_KRW,
  gmvReport,
  gmvTargetProgress,
  MAX_PERIOD_DAYS,
  setGmvTarget,
  todayKst,
  formatDay,
} from '../../analytics/index.ts';
import { router } from '../env.ts';
import { bearerSecurity, ErrorSchema, errorResponses } from '../schemas.ts';

const GMV_DEFINITION =
  'GMV = Σ item_price_krw × quantity over order lines (KRW at the order-time FX snapshot) whose order was ' +
  'placed in the period, cancelled lines (status `canceled`) excluded; orders = distinct orders with at least ' +
  "one counted line. Days are calendar days in Asia/Seoul. Country = the site's country; on AliExpress's " +
  "global site the buyer's country when known. Amounts are whole won.";

const Won = z.number().int().openapi({ description: 'KRW, whole won', example: 12_345_000 });
const Day = z.string().openapi({ example: '2026-11-25', description: 'YYYY-MM-DD, a KST calendar day' });
const Figure = { gmvKrw: Won, orders: z.number().int() };

const GmvReportSchema = z
  .object({
    period: z.object({ from: Day, to: Day, days: z.number().int(), timeZone: z.literal('Asia/Seoul') }),
    sellerId: z
      .string()
      .nullable()
      .openapi({ description: 'the seller the figures are limited to; null: all' }),
    totals: z.object(Figure),
    previous: z.object({ from: Day, to: Day, ...Figure }).openapi({
      description: 'the period of equal length ending the day before `period.from`',
    }),
    growth: z.object({
      gmvKrw: z
        .number()
        .nullable()
        .openapi({ description: '(current − previous) / previous; null when previous is 0' }),
      orders: z.number().nullable(),
    }),
    series: z
      .array(z.object({ date: Day, ...Figure }))
      .openapi({ description: 'every day of the period, zero-filled' }),
    byCountry: z.array(z.object({ country: z.string().openapi({ example: 'SG' }), ...Figure })),
    bySite: z.array(
      z.object({
        site: z.string().openapi({ example: 'lazada-sg' }),
        platform: z.string().nullable(),
        country: z.string().nullable().openapi({ description: "the site's venture (GLOBAL for AliExpress)" }),
        ...Figure,
      }),
    ),
    bySeller: z.array(z.object({ sellerId: z.string(), sellerName: z.string().nullable(), ...Figure })),
  })
  .openapi('GmvReport');

const TargetSchema = z
  .object({
    year: z.number().int(),
    asOf: Day,
    ytdGmvKrw: Won,
    ytdOrders: z.number().int(),
    target: z
      .object({
        amountKrw: Won,
        source: z.enum(['set', 'default']),
        updatedAt: z.string().nullable(),
        updatedBy: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: 'the program target; null for a seller key' }),
    progress: z.number().nullable().openapi({ description: 'ytdGmvKrw / target; null for a seller key' }),
    pace: z
      .object({
        elapsedDays: z.number().int(),
        daysInYear: z.number().int(),
        expectedKrw: Won.openapi({ description: 'target × elapsedDays / daysInYear' }),
        ratio: z.number().nullable().openapi({ description: 'ytdGmvKrw / expectedKrw' }),
      })
      .nullable(),
  })
  .openapi('GmvTargetProgress');

const DateParam = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional()
    .openapi({ param: { name, in: 'query' }, example: '2026-11-01' });

const gmv = createRoute({
  method: 'get',
  path: '/v1/analytics/gmv',
  summary: 'GMV and orders in KRW for a period, with the previous period, a daily series and breakdowns',
  description: `${GMV_DEFINITION} Default period: the last 30 days ending today (KST); at most ${MAX_PERIOD_DAYS} days. A seller key always gets its own figures; \`sellerId\` is honoured for the operator only.`,
  security: bearerSecurity,
  request: {
    query: z.object({
      from: DateParam('from'),
      to: DateParam('to'),
      sellerId: z.string().optional().openapi({ description: 'operator only: one seller' }),
    }),
  },
  responses: {
    200: { description: 'the report', content: { 'application/json': { schema: GmvReportSchema } } },
    ...errorResponses(),
  },
});

const YearQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .openapi({ description: 'default: the current KST year' }),
});

const getTarget = createRoute({
  method: 'get',
  path: '/v1/analytics/target',
  summary: 'Year-to-date GMV against the annual target, with a linear pace',
  description: `${GMV_DEFINITION} The target defaults to ₩${DEFAULT_GMV_TARGET_KRW.toLocaleString('en')} when none is set. A seller key gets its own year-to-date GMV and no target.`,
  security: bearerSecurity,
  request: { query: YearQuery },
  responses: {
    200: { description: 'progress', content: { 'application/json': { schema: TargetSchema } } },
    ...errorResponses(),
  },
});

const putTarget = createRoute({
  method: 'put',
  path: '/v1/analytics/target',
  summary: "Set the program's annual GMV target (operator only)",
  security: bearerSecurity,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              year: z.number().int().min(2000).max(2100),
              amountKrw: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
            })
            .openapi('GmvTargetInput'),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'the target and progress',
      content: { 'application/json': { schema: TargetSchema } },
    },
    403: { description: 'a seller key', content: { 'application/json': { schema: ErrorSchema } } },
    ...errorResponses(),
  },
});

/** Who set a target: the shown prefix of a stored key, or the operator key from the configuration. */
function caller(authorization: string | undefined): string {
  const key = authorization?.replace(/^bearer\s+/i, '').trim() ?? '';
  return key.startsWith('kbk_') ? key.slice(0, 10) : 'operator-key';
}

export function analyticsRoutes() {
  return router()
    .openapi(gmv, async (c) => {
      const app = c.get('app');
      return c.json(await gmvReport(app.store, c.get('scope'), c.req.valid('query'), app.clock), 200);
    })
    .openapi(getTarget, async (c) => {
      const app = c.get('app');
      const year = c.req.valid('query').year ?? Number(formatDay(todayKst(app.clock)).slice(0, 4));
      return c.json(await gmvTargetProgress(app.store, c.get('scope'), year, app.clock), 200);
    })
    .openapi(putTarget, async (c) => {
      const app = c.get('app');
      const body = c.req.valid('json');
      const updatedBy = caller(c.req.header('authorization') ?? c.req.header('x-api-key'));
      return c.json(await setGmvTarget(app.store, c.get('scope'), { ...body, updatedBy }, app.clock), 200);
    });
}
