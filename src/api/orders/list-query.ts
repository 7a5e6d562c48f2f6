import { z } from '@hono/zod-openapi';
import { LINE_STATUSES, type OrderListOptions } from '../../orders/index.ts';

/**
 * GET /v1/orders filters for the console: status, site, seller (operators), the placed date range
 * and a text search. A bare date is a day in Korea (UTC+9, no daylight saving), where sellers
 * work: `from=2026-11-01&to=2026-11-30` is all of November there, both days included.
 */
const KST = '+09:00';
const DAY_MS = 86_400_000;

const DateOrTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .openapi({ example: '2026-11-01', description: 'YYYY-MM-DD (a day in Korea) or an ISO 8601 date-time' });

function start(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00${KST}` : value);
}

/** `to` is exclusive for a date-time; a bare date includes that whole day. */
function end(value: string): Date {
  return value.length === 10 ? new Date(start(value).getTime() + DAY_MS) : new Date(value);
}

export const OrderListQuery = z
  .object({
    sellerId: z.string().optional().openapi({ description: 'operator only: one seller' }),
    site: z.string().optional().openapi({ example: 'lazada-sg' }),
    status: z
      .enum(LINE_STATUSES)
      .optional()
      .openapi({ description: 'orders with a line in this status', example: 'pending' }),
    from: DateOrTime.optional().openapi({ description: 'placed at or after (a date: from its start)' }),
    to: DateOrTime.optional().openapi({
      description: 'placed before this date-time, or up to the end of this date',
    }),
    q: z
      .string()
      .trim()
      .min(2)
      .max(100)
      .optional()
      .openapi({ description: "part of the order number, the marketplace's order id or the buyer's name" }),
    after: z.string().optional().openapi({ description: 'orders older than this id (keyset paging)' }),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .refine((q) => !q.from || !q.to || start(q.from) < end(q.to), {
    path: ['to'],
    message: 'must be after from',
  });

/** The validated query as the capability's options. */
export function orderListOptions(q: z.output<typeof OrderListQuery>): OrderListOptions {
  return {
    ...q,
    from: q.from ? start(q.from) : undefined,
    to: q.to ? end(q.to) : undefined,
  };
}
