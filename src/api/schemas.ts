import { z } from '@hono/zod-openapi';

/** Shared response shapes for the OpenAPI document. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_found' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

/** Money as everywhere in kbridge: integer minor units of an ISO 4217 currency. */
export const MoneySchema = z
  .object({
    currency: z.string().openapi({ example: 'KRW', description: 'ISO 4217 code' }),
    minor: z.number().int().openapi({ description: 'integer count of minor units' }),
  })
  .openapi('Money');

/** A date-time as JSON carries it: ISO 8601 in UTC. */
export const DateTime = z.iso
  .datetime()
  .openapi({ format: 'date-time', example: '2026-11-25T09:30:00.000Z' });

export const PageQuery = z.object({
  after: z.string().optional().openapi({ description: 'return items after this id (keyset paging)' }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ example: 50 }),
});

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export function errorResponses() {
  const body = { content: { 'application/json': { schema: ErrorSchema } } };
  return {
    400: { ...body, description: 'invalid input: the message names the parameter' },
    401: { ...body, description: 'missing or unknown API key' },
    404: { ...body, description: 'not found, or not visible to the caller' },
  } as const;
}

export const bearerSecurity = [{ apiKey: [] }];

/** A keyset page of items: `next` is the id to pass as `after` for the following page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next: z.string().nullable() });
}
