import { ApiError } from './api-error.ts';

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
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
export async function readParams(req: Request, url: URL): Promise<ParsedParams> {
  const params: Record<string, string> = {};
  const files = new Map<string, UploadedFile>();
  for (const [k, v] of url.searchParams) params[k] = v;
  if (req.method === 'GET' || req.method === 'HEAD') return { params, files };
  const type = (req.headers.get('content-type') ?? '').toLowerCase();
  if (type.includes('multipart/form-data')) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new ApiError('5', 'E005: Invalid Request Format');
    }
    for (const [k, v] of form) {
      if (typeof v === 'string') params[k] = v;
      else files.set(k, { name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) });
    }
    return { params, files };
  }
  const text = await req.text();
  if (text.length === 0) return { params, files };
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
