// A tiny loopback HTTP server standing in for a marketplace gateway in tests: it records every
// request exactly as received (path, query, form body, headers) and answers from a handler.
// Signatures are recomputed here with node:crypto directly, independently of src/marketplaces.
import { createServer, type IncomingMessage } from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
  rawBody: string;
  headers: IncomingMessage['headers'];
}

export type Reply = { status?: number; body: string | object; contentType?: string };

export interface FakeGateway {
  origin: string;
  requests: Recorded[];
  close(): Promise<void>;
}

function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return out;
}

export async function startFakeGateway(
  handler: (req: Recorded, index: number) => Reply | Promise<Reply>,
): Promise<FakeGateway> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const recorded: Recorded = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        form: parseForm(rawBody),
        rawBody,
        headers: req.headers,
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, requests.length - 1)).then(
        (reply) => {
          const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
          res.writeHead(reply.status ?? 200, {
            'content-type': reply.contentType ?? 'application/json;charset=UTF-8',
          });
          res.end(text);
        },
        (e: unknown) => {
          res.writeHead(500);
          res.end(String(e));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Lazop signature recomputed from the received params (query + body), path without /rest. */
export function expectedLazopSign(secret: string, apiPath: string, params: Record<string, string>): string {
  const text =
    apiPath +
    Object.keys(params)
      .filter((k) => k !== 'sign')
      .sort()
      .map((k) => k + params[k])
      .join('');
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex').toUpperCase();
}

/** IOP/TOP signature: the same without any prefix. */
export function expectedTopSign(secret: string, params: Record<string, string>): string {
  return expectedLazopSign(secret, '', params);
}

/** All params the gateway received (query and form body together). */
export function allParams(r: Recorded): Record<string, string> {
  return { ...r.query, ...r.form };
}

export const ok = (data: unknown): Reply => ({
  body: { code: '0', request_id: '0ba2887315178178017221014', data },
});
export const lazopError = (code: string, message: string, type = 'ISV'): Reply => ({
  body: { type, code, message, request_id: '0b8fda7c15382754292091841' },
});
