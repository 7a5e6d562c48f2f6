import { z } from '@hono/zod-openapi';
import { ErrorSchema, pageOf } from '../schemas.ts';

/** Loose shapes, for endpoints not yet given a precise response schema (orders/schemas.ts has those). */
export const JsonObject = z.record(z.string(), z.unknown()).openapi('OrdersObject');
export const JsonPage = pageOf(z.record(z.string(), z.unknown())).openapi('OrdersPage');

/** A value as JSON carries it: dates become ISO strings, the rest keeps its type. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** Dates to ISO strings: what c.json would do, typed so the route's response schema checks it. */
export function json<T>(value: T): Json<T> {
  return JSON.parse(JSON.stringify(value)) as Json<T>;
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
