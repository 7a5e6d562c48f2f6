import { asObject, booleanValue, parseJsonLossless, stringValue, type JsonObject } from './lossless-json.ts';

/**
 * Response envelopes. Lazop: `code:"0"` plus `data`, or top-level fields (tokens), or `batch_id`,
 * or a `result:{success,error_code,error_msg,data}` wrapper (fulfillment); errors as
 * `{type, code, message, request_id, detail?}` with HTTP 200. AliExpress `/sync`:
 * `{"<method_with_underscores>_response": {...}}` or `{"error_response": {type, code, msg}}`.
 * Per-item failures (`item_err_code ≠ "0"`) are left to the adapters: the call itself succeeded.
 */
export interface PlatformFailure {
  code: string;
  message: string;
  type?: string | undefined;
  requestId?: string | undefined;
  detail?: unknown;
  httpStatus: number;
}

export interface PlatformSuccess {
  /** The whole body (Lazop) or the inner `_response` object (AliExpress). */
  body: JsonObject;
  /** `data` (Lazop), `result.data` (result-wrapped), or the AliExpress inner `result` (else the inner object). */
  data: unknown;
  requestId?: string | undefined;
}

export type Envelope = { ok: true; value: PlatformSuccess } | { ok: false; failure: PlatformFailure };

type Parsed = { ok: true; body: JsonObject } | { ok: false; failure: PlatformFailure };

function parseBody(httpStatus: number, text: string): Parsed {
  let parsed: unknown;
  try {
    parsed = parseJsonLossless(text);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    // Gateways answer 200 + JSON even for errors; anything else is a proxy/gateway fault.
    return {
      ok: false,
      failure: {
        code: 'BadGatewayResponse',
        message: `HTTP ${httpStatus} with a non-JSON body (${text.length} bytes)`,
        httpStatus,
      },
    };
  }
  return { ok: true, body: parsed as JsonObject };
}

/**
 * A `result` with `success:false` is a failure of the call only when it says why; batch APIs
 * also answer `success:false` when some items failed, listing them in the data.
 */
function hasErrorInfo(r: JsonObject): boolean {
  return [
    r.error_code,
    r.error_msg,
    r.error_message,
    r.error_desc,
    r.result_error_code,
    r.result_error_desc,
  ].some((v) => v !== undefined && v !== null && v !== '');
}

function isZeroCode(code: unknown): boolean {
  return code === '0' || code === 0;
}

/** Reads a Lazop/GOP body (Lazada, Daraz, Miravia, AliExpress `/rest`). */
export function parseLazopEnvelope(httpStatus: number, text: string): Envelope {
  const parsed = parseBody(httpStatus, text);
  if (!parsed.ok) return parsed;
  const body = parsed.body;
  const requestId = stringValue(body.request_id);
  const code = body.code;
  if (code !== undefined && !isZeroCode(code)) {
    return {
      ok: false,
      failure: {
        code: stringValue(code) ?? 'Unknown',
        message: stringValue(body.message) ?? stringValue(body.msg) ?? stringValue(body.error_msg) ?? '',
        type: stringValue(body.type),
        requestId,
        detail: body.detail,
        httpStatus,
      },
    };
  }
  if (code === undefined && httpStatus >= 400) {
    return {
      ok: false,
      failure: { code: `HTTP_${httpStatus}`, message: `HTTP ${httpStatus}`, requestId, httpStatus },
    };
  }
  // Some APIs add top-level success/error_code (brands query).
  if (booleanValue(body.success) === false && body.error_code !== undefined && !isZeroCode(body.error_code)) {
    return {
      ok: false,
      failure: {
        code: stringValue(body.error_code) ?? 'Unknown',
        message: stringValue(body.error_msg) ?? '',
        requestId,
        httpStatus,
      },
    };
  }
  const result = body.result;
  if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
    const r = result as JsonObject;
    if (booleanValue(r.success) === false && hasErrorInfo(r)) {
      return {
        ok: false,
        failure: {
          code: stringValue(r.error_code) ?? 'ResultFailed',
          message: stringValue(r.error_msg) ?? stringValue(r.error_message) ?? '',
          requestId,
          detail: r.data,
          httpStatus,
        },
      };
    }
    return { ok: true, value: { body, data: r.data ?? r, requestId } };
  }
  return { ok: true, value: { body, data: body.data, requestId } };
}

/** The `_response` key AliExpress uses for a method: dots become underscores. */
export function topResponseKey(method: string): string {
  return `${method.replace(/\./g, '_')}_response`;
}

/** Reads an AliExpress `/sync` (IOP/TOP) body. */
export function parseTopEnvelope(httpStatus: number, text: string, method: string): Envelope {
  const parsed = parseBody(httpStatus, text);
  if (!parsed.ok) return parsed;
  const body = parsed.body;
  const errorResponse = body.error_response;
  if (errorResponse !== undefined) {
    const e = asObject(errorResponse);
    const subMsg = stringValue(e.sub_msg);
    const msg = stringValue(e.msg) ?? stringValue(e.message) ?? '';
    return {
      ok: false,
      failure: {
        code: stringValue(e.code) ?? 'Unknown',
        message: subMsg ? `${msg} (${stringValue(e.sub_code) ?? ''}: ${subMsg})` : msg,
        type: stringValue(e.type),
        requestId: stringValue(e.request_id) ?? stringValue(body.request_id),
        httpStatus,
      },
    };
  }
  const key = topResponseKey(method);
  const innerKey = key in body ? key : Object.keys(body).find((k) => k.endsWith('_response'));
  if (innerKey === undefined) {
    // The IOP gateway answers protocol errors on /sync in the Lazop shape.
    return parseLazopEnvelope(httpStatus, text);
  }
  const inner = asObject(body[innerKey]);
  const requestId = stringValue(inner.request_id) ?? stringValue(body.request_id);
  const result = inner.result;
  if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
    const r = result as JsonObject;
    const success = booleanValue(r.success) ?? booleanValue(r.is_success) ?? booleanValue(r.result_success);
    if (success === false && hasErrorInfo(r)) {
      return {
        ok: false,
        failure: {
          code: stringValue(r.error_code) ?? stringValue(r.result_error_code) ?? 'ResultFailed',
          message:
            stringValue(r.error_message) ??
            stringValue(r.error_msg) ??
            stringValue(r.error_desc) ??
            stringValue(r.result_error_desc) ??
            '',
          requestId,
          detail: r.error_details ?? r.data,
          httpStatus,
        },
      };
    }
    return { ok: true, value: { body: inner, data: r, requestId } };
  }
  return { ok: true, value: { body: inner, data: inner, requestId } };
}
