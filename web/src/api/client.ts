// The one way the console reaches data: the HTTP API, typed by the generated schema.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** An API error as the server words it: a code from the closed list and a message naming the field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let apiKey: string | undefined;
let onUnauthenticated: (() => void) | undefined;

export function setApiKey(key: string | undefined, whenRejected?: () => void): void {
  apiKey = key;
  onUnauthenticated = whenRejected;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (apiKey) request.headers.set('authorization', `Bearer ${apiKey}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) onUnauthenticated?.();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Unwraps an openapi-fetch outcome: the data, or an ApiError carrying the server's message. */
export async function ok<T>(call: Promise<Outcome<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  const body = (error ?? {}) as { error?: { code?: string; message?: string } };
  throw new ApiError(
    response.status,
    body.error?.code ?? 'internal',
    body.error?.message ?? `${response.status} ${response.statusText}`,
  );
}

/** Binary responses (label PDFs, images) fetched with the caller's key, as an object URL. */
export async function blobUrl(path: string): Promise<string> {
  const res = await fetch(path, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(res.status, body.error?.code ?? 'internal', body.error?.message ?? res.statusText);
  }
  return URL.createObjectURL(await res.blob());
}
