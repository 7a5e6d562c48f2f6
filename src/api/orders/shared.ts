import { z } from '@hono/zod-openapi';
import { ErrorSchema, pageOf } from '../schemas.ts';

/** Loose shapes for the order endpoints: records as JSON (dates as ISO strings). */
export const JsonObject = z.record(z.string(), z.unknown()).openapi('OrdersObject');
export const JsonPage = pageOf(z.record(z.string(), z.unknown())).openapi('OrdersPage');

/** Dates to ISO strings, Buffers left out: what c.json would do, typed as plain JSON. */
export function json<T>(
  value: T,
): T extends readonly unknown[] ? Record<string, unknown>[] : Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as never;
}

export function jsonBody<S extends z.ZodType>(schema: S) {
  return { content: { 'application/json': { schema } }, required: true };
}

export function conflictResponse() {
  return {
    409: {
      content: { 'application/json': { schema: ErrorSchema } },
      description: 'refused as a business outcome: `details.kind` says why (not cancellable, stock short…)',
    },
  } as const;
}
