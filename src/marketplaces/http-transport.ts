/**
 * The HTTP seam: one function from request to status + text, so tests can record or fake it and
 * production uses Node's fetch (undici, keep-alive). Failures without an answer are reported with
 * `sent` telling whether the request may have reached the server (a refused connection did not).
 */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** A form-encoded string, or multipart form data for file uploads (fetch sets its boundary). */
  body?: string | FormData | undefined;
}

export interface HttpResponse {
  status: number;
  text: string;
}

export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

/** A call that got no HTTP answer. Its message never includes the URL (it carries the token). */
export class TransportError extends Error {
  readonly kind: 'timeout' | 'connect' | 'network';
  /** False only when the request certainly did not reach the server. */
  readonly sent: boolean;
  constructor(kind: 'timeout' | 'connect' | 'network', sent: boolean, message: string) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind;
    this.sent = sent;
  }
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && cur && typeof cur === 'object'; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface FetchTransportOptions {
  /** Whole-request timeout (the Java SDK uses 15 s connect + 30 s read). */
  timeoutMs?: number;
}

/** Production transport on Node's built-in fetch. */
export function fetchTransport(options: FetchTransportOptions = {}): HttpTransport {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (req) => {
    try {
      const res = await fetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.method === 'POST' ? (req.body ?? '') : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: res.status, text: await res.text() };
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new TransportError('timeout', true, `no answer within ${timeoutMs} ms`);
      }
      const code = errorCode(e) ?? 'unknown';
      if (NOT_SENT_CODES.has(code)) throw new TransportError('connect', false, `connection failed (${code})`);
      throw new TransportError('network', true, `network error (${code})`);
    }
  };
}
