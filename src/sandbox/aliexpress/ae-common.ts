import { ApiError, invalidParameter, missingParameter } from '../core/api-error.ts';
import { sellerOf, type ApiBody, type CallContext } from '../core/api-types.ts';
import type { OrderRecord } from '../core/model.ts';
import { fromMinor } from '../orders/money.ts';

/**
 * Shared pieces of the AliExpress `/sync` methods: business parameters are JSON strings in one
 * named parameter; results sit in `{result: {success, error_code, error_message, …}}`; lists are
 * wrapped in one DTO-named key (`{"target_list": {"order_dto": […]}}`) as the IOP gateway sends
 * them unsimplified.
 */
export type Obj = Record<string, unknown>;

/** AliExpress query and response times are US Pacific, `yyyy-MM-dd HH:mm:ss`. */
export const PACIFIC = 'America/Los_Angeles';

export const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** A JSON business parameter, parsed (`MissingParameter` / `InvalidParameter` otherwise). */
export function jsonArg(ctx: CallContext, name: string): unknown {
  const raw = ctx.params[name];
  if (raw === undefined || raw === '') throw missingParameter(name);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw invalidParameter(name, 'expected JSON');
  }
}

/** A JSON object parameter. */
export function jsonObject(ctx: CallContext, name: string): Obj {
  const v = jsonArg(ctx, name);
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw invalidParameter(name, 'expected a JSON object');
  return v as Obj;
}

/** A business refusal inside a success envelope (`result.success: false`). */
export function fail(code: string, message: string): ApiBody {
  return { result: { success: false, error_code: code, error_message: message } };
}

/** A broken business rule; `ruled()` answers it as `result.success: false` with its code. */
export class AeRuleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Throws a broken rule (typed `never` so checks read as statements). */
export function bad(code: string, message: string): never {
  throw new AeRuleError(code, message);
}

/** Runs a method body, answering a broken rule as AliExpress does: `result.success: false`. */
export function ruled(run: () => ApiBody): ApiBody {
  try {
    return run();
  } catch (e) {
    if (e instanceof AeRuleError) return fail(e.code, e.message);
    throw e;
  }
}

/** A business error for methods whose result has no success flag: answered as `error_response`. */
export function aeError(code: string, message: string): ApiError {
  return new ApiError(code, message);
}

/** The caller's order, or undefined (another seller's order is "not found"). */
export function ownOrder(ctx: CallContext, id: unknown): OrderRecord | undefined {
  const o = ctx.rt.store.site(ctx.site.key).orders.get(Number(id));
  return o && o.sellerId === sellerOf(ctx) ? o : undefined;
}

/** `{amount, currency_code}` money objects. */
export function aeMoney(ctx: CallContext, minor: number): Obj {
  return { amount: fromMinor(minor, ctx.site.priceDecimals), currency_code: ctx.site.currency };
}
