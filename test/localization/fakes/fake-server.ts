/**
 * A tiny HTTP server on a free loopback port, with a queue of injected faults (status codes,
 * Retry-After, hangs, malformed bodies) that the provider fakes consult before answering.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { status: number; body?: unknown; retryAfter?: string }
  | { hang: true }
  | { malformed: true }
  | { custom: (req: IncomingMessage, body: string, res: ServerResponse) => void };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  /** Faults applied to the next requests, in order (only to paths matching `on`, default all). */
  fail(...faults: (Fault & { on?: string })[]): void;
  close(): Promise<void>;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void;

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export async function startFakeServer(
  handler: Handler,
  errorBody: (status: number) => unknown,
): Promise<FakeServer> {
  const faults: (Fault & { on?: string })[] = [];
  const requests: RecordedRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const path = req.url ?? '/';
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        // not JSON: keep the text
      }
      const recorded = { method: req.method ?? 'GET', path, headers: req.headers, body };
      requests.push(recorded);
      const at = faults.findIndex((f) => !f.on || path.startsWith(f.on));
      const fault = at >= 0 ? faults.splice(at, 1)[0] : undefined;
      if (fault) {
        if ('hang' in fault) {
          hanging.push(res);
          return;
        }
        if ('malformed' in fault) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"choices": [ not json');
          return;
        }
        if ('custom' in fault) {
          fault.custom(req, raw, res);
          return;
        }
        json(
          res,
          fault.status,
          fault.body ?? errorBody(fault.status),
          fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
        );
        return;
      }
      handler(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fail: (...f) => faults.push(...f),
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The fakes' "translation": a small Korean→English word table; other Hangul words become `X`. */
export const FAKE_WORDS: Readonly<Record<string, string>> = {
  토너: 'toner',
  세럼: 'serum',
  크림: 'cream',
  수분: 'moisture',
  뷁: 'bwek',
};

export function fakeTranslate(text: string, extra: Readonly<Record<string, string>> = {}): string {
  return text.replace(/[\uac00-\ud7a3]+/g, (w) => extra[w] ?? FAKE_WORDS[w] ?? 'X');
}
