import { ApiError } from './api-error.ts';

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** A request as the gateway needs it: no streams, the body already read. */
export interface RawRequest {
  method: string;
  url: URL;
  contentType: string;
  body: Buffer;
}

export interface ParsedParams {
  params: Record<string, string>;
  files: Map<string, UploadedFile>;
}

/** A JSON body's value as a signed string: strings raw, everything else as compact JSON. */
function jsonValueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Every parameter of a request: the query string, then the body (form-urlencoded, multipart or
 * JSON; a body field wins over a query field of the same name). Multipart file parts are kept
 * apart: they are never signed.
 */
export async function readParams(req: RawRequest): Promise<ParsedParams> {
  const params: Record<string, string> = {};
  const files = new Map<string, UploadedFile>();
  for (const [k, v] of req.url.searchParams) params[k] = v;
  if (req.method === 'GET' || req.method === 'HEAD' || req.body.length === 0) return { params, files };
  const type = req.contentType.toLowerCase();
  if (type.includes('multipart/form-data')) {
    let form: FormData;
    try {
      // Multipart is rare (image upload): let the platform's parser read it.
      form = await new Response(req.body, { headers: { 'content-type': req.contentType } }).formData();
    } catch {
      throw new ApiError('5', 'E005: Invalid Request Format');
    }
    for (const [k, v] of form) {
      if (typeof v === 'string') params[k] = v;
      else files.set(k, { name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) });
    }
    return { params, files };
  }
  const text = req.body.toString('utf8');
  if (type.includes('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError('5', 'E005: Invalid Request Format');
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new ApiError('5', 'E005: Invalid Request Format');
    for (const [k, v] of Object.entries(body)) params[k] = jsonValueText(v);
    return { params, files };
  }
  for (const [k, v] of new URLSearchParams(text)) params[k] = v;
  return { params, files };
}
