import { normalizeParams, type ParamInput, type Params } from './params.ts';
import { signIopTop, signLazop, type SecretLike } from './signing.ts';
import type { HttpRequest } from './http-transport.ts';

/**
 * Builds the HTTP request for one call. System parameters and `sign` always travel in the query
 * string; business parameters in the query for GET and in an `application/x-www-form-urlencoded`
 * body for POST (the Java SDK's encoding). The API path in the URL is byte-for-byte the path that
 * was signed (a trailing-slash or `/rest` mismatch is the classic IncompleteSignature).
 */
export interface LazopRequestInput {
  /** Base URL ending in `/rest` (no trailing slash). */
  baseUrl: string;
  apiPath: string;
  httpMethod: 'GET' | 'POST';
  appKey: string;
  secret: SecretLike;
  timestampMs: number;
  accessToken?: string | undefined;
  params: Record<string, ParamInput>;
  /** Optional `partner_id` (the SDKs send their version); signed like any param. */
  partnerId?: string | undefined;
  /** File parameters (`/image/upload`'s `image`): sent as multipart parts, left out of the signature as the SDKs do. */
  files?: Record<string, UploadFile> | undefined;
}

export interface UploadFile {
  bytes: Uint8Array;
  filename: string;
  contentType: string;
}

export interface BuiltRequest {
  http: HttpRequest;
  /** Every parameter sent (system + business + sign), for tests and the `sign` CLI. */
  sent: Params;
}

/** Percent-encodes for query strings and form bodies (space as %20, which every decoder reads). */
export function encodeParams(params: Params): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

const FORM = 'application/x-www-form-urlencoded;charset=UTF-8';

function assemble(
  url: string,
  httpMethod: 'GET' | 'POST',
  system: Params,
  business: Params,
  files?: Record<string, UploadFile>,
): HttpRequest {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (files && Object.keys(files).length > 0) {
    const form = new FormData();
    for (const [k, v] of Object.entries(business)) form.append(k, v);
    for (const [k, f] of Object.entries(files))
      form.append(k, new Blob([f.bytes], { type: f.contentType }), f.filename);
    return {
      method: 'POST',
      url: `${url}${url.includes('?') ? '&' : '?'}${encodeParams(system)}`,
      headers,
      body: form,
    };
  }
  if (httpMethod === 'GET') {
    const query = encodeParams({ ...business, ...system });
    return { method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}${query}`, headers };
  }
  headers['content-type'] = FORM;
  return {
    method: 'POST',
    url: `${url}${url.includes('?') ? '&' : '?'}${encodeParams(system)}`,
    headers,
    body: encodeParams(business),
  };
}

function checkApiPath(apiPath: string): void {
  if (
    !apiPath.startsWith('/') ||
    apiPath.endsWith('/') ||
    apiPath.startsWith('/rest/') ||
    apiPath.includes('?')
  ) {
    throw new TypeError(`API path must look like /order/get (no /rest, no trailing slash): ${apiPath}`);
  }
}

/** A Lazop/GOP request (Lazada, Daraz, Miravia, and AliExpress `/rest` auth calls). */
export function buildLazopRequest(input: LazopRequestInput): BuiltRequest {
  checkApiPath(input.apiPath);
  const business = normalizeParams(input.params);
  const system = normalizeParams({
    app_key: input.appKey,
    timestamp: String(input.timestampMs),
    sign_method: 'sha256',
    access_token: input.accessToken,
    partner_id: input.partnerId,
  });
  for (const name of Object.keys(business)) {
    if (name in system || name === 'sign')
      throw new TypeError(`business parameter "${name}" clashes with a system parameter`);
  }
  const sign = signLazop(input.secret, input.apiPath, { ...system, ...business });
  const signedSystem = { ...system, sign };
  return {
    http: assemble(
      `${input.baseUrl}${input.apiPath}`,
      input.files ? 'POST' : input.httpMethod,
      signedSystem,
      business,
      input.files,
    ),
    sent: { ...business, ...signedSystem },
  };
}

export interface TopRequestInput {
  /** `https://api-sg.aliexpress.com/sync`. */
  syncUrl: string;
  /** Dotted method name: `aliexpress.solution.order.get`. */
  method: string;
  appKey: string;
  secret: SecretLike;
  timestampMs: number;
  /** The seller's access token, sent as `session`. */
  session?: string | undefined;
  params: Record<string, ParamInput>;
  partnerId?: string | undefined;
  /** File parameters (the photo bank's `image_bytes`), multipart and unsigned as on Lazop. */
  files?: Record<string, UploadFile> | undefined;
}

/** An AliExpress IOP/TOP business request: `POST …/sync?method=…`, signed without a prefix. */
export function buildTopRequest(input: TopRequestInput): BuiltRequest {
  if (!/^[a-z0-9_]+(\.[a-z0-9_]+)+$/i.test(input.method))
    throw new TypeError(`not a method name: ${input.method}`);
  const business = normalizeParams(input.params);
  const system = normalizeParams({
    app_key: input.appKey,
    method: input.method,
    session: input.session,
    timestamp: String(input.timestampMs),
    sign_method: 'sha256',
    format: 'json',
    partner_id: input.partnerId,
  });
  for (const name of Object.keys(business)) {
    if (name in system || name === 'sign')
      throw new TypeError(`business parameter "${name}" clashes with a system parameter`);
  }
  const sign = signIopTop(input.secret, { ...system, ...business });
  const signedSystem = { ...system, sign };
  return {
    http: assemble(input.syncUrl, 'POST', signedSystem, business, input.files),
    sent: { ...business, ...signedSystem },
  };
}
