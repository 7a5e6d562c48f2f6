// Test-side Lazop/IOP client pieces, written from the documented algorithm independently of both
// the sandbox and src/marketplaces: the sandbox is checked with requests built here.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from '../../src/sandbox/index.ts';

export function hmacSign(secret: string, prefix: string, params: Record<string, string>): string {
  const keys = Object.keys(params)
    .filter((k) => k !== 'sign')
    .sort();
  let text = prefix;
  for (const k of keys) text += k + params[k];
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex').toUpperCase();
}

export interface CallOptions {
  token?: string;
  method?: 'GET' | 'POST';
  /** How POST business params travel: form-urlencoded (default), multipart or JSON. */
  body?: 'form' | 'multipart' | 'json';
  timestamp?: string;
  appKey?: string;
  secret?: string;
  /** Change params after signing (to break the signature). */
  tamper?: (params: Record<string, string>) => void;
  files?: Record<string, Blob>;
}

// Response bodies are probed freely in assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** A signed Lazop call: system params + sign in the query, business params in query or body. */
export async function lazop(
  sb: Sandbox,
  site: string,
  api: string,
  business: Record<string, string> = {},
  o: CallOptions = {},
): Promise<{ status: number; json: Json; text: string }> {
  const system: Record<string, string> = {
    app_key: o.appKey ?? sb.appKey,
    timestamp: o.timestamp ?? String(sb.admin.now()),
    sign_method: 'sha256',
  };
  if (o.token) system.access_token = o.token;
  const all = { ...system, ...business };
  const sign = hmacSign(o.secret ?? sb.appSecret, api, all);
  o.tamper?.(business);
  const method = o.method ?? 'POST';
  const query = new URLSearchParams({ ...system, sign, ...(method === 'GET' ? business : {}) });
  const url = `${sb.url}/${site}/rest${api}?${query}`;
  let init: RequestInit = { method };
  if (method === 'POST') {
    if (o.body === 'json')
      init = { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(business) };
    else if (o.body === 'multipart' || o.files) {
      const form = new FormData();
      for (const [k, v] of Object.entries(business)) form.set(k, v);
      for (const [k, v] of Object.entries(o.files ?? {})) form.set(k, v, `${k}.bin`);
      init = { method, body: form };
    } else init = { method, body: new URLSearchParams(business) };
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {
    // non-JSON bodies are returned as text
  }
  return { status: res.status, json, text };
}

/** A signed AliExpress `/sync` call (TOP style: no path prefix in the signature, `session` token). */
export async function aeSync(
  sb: Sandbox,
  method: string,
  business: Record<string, string>,
  token?: string,
  o: { secret?: string } = {},
): Promise<Json> {
  return (await aeSyncRaw(sb, method, business, token, o)).json;
}

/** `aeSync` with the HTTP status and raw text too (faults answer HTML). */
export async function aeSyncRaw(
  sb: Sandbox,
  method: string,
  business: Record<string, string>,
  token?: string,
  o: { secret?: string } = {},
): Promise<{ status: number; json: Json; text: string }> {
  const params: Record<string, string> = {
    app_key: sb.appKey,
    method,
    timestamp: String(sb.admin.now()),
    sign_method: 'sha256',
    format: 'json',
    v: '2.0',
    ...(token ? { session: token } : {}),
    ...business,
  };
  params.sign = hmacSign(o.secret ?? sb.appSecret, '', params);
  const res = await fetch(`${sb.url}/aliexpress/sync?method=${encodeURIComponent(method)}`, {
    method: 'POST',
    body: new URLSearchParams(params),
  });
  const text = await res.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {
    // non-JSON bodies (fault pages) are returned as text
  }
  return { status: res.status, json, text };
}

export interface ReceivedPush {
  authorization: string;
  raw: string;
  body: Json;
}

/** A local webhook receiver answering 200 (or `status`) and recording every push. */
export async function pushReceiver(
  status = 200,
): Promise<{ url: string; pushes: ReceivedPush[]; setStatus(s: number): void; close(): Promise<void> }> {
  const pushes: ReceivedPush[] = [];
  let answer = status;
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      pushes.push({
        authorization: String(req.headers.authorization ?? ''),
        raw,
        body: JSON.parse(raw) as Json,
      });
      res.statusCode = answer;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/push`,
    pushes,
    setStatus(s) {
      answer = s;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Push signature as documented: lower-case hex HMAC-SHA256(app secret, app key + raw body). */
export function expectedPushSignature(appKey: string, secret: string, raw: string): string {
  return createHmac('sha256', secret)
    .update(appKey + raw, 'utf8')
    .digest('hex');
}

export function sku(sellerSku: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    SellerSku: sellerSku,
    price: '120.00',
    quantity: '10',
    package_weight: '0.5',
    package_length: '10',
    package_width: '10',
    package_height: '5',
    color_family: 'Black',
    ...extra,
  };
}

/** A valid JSON product payload for a general-family leaf category. */
export function productPayload(
  category: number,
  skus: Record<string, unknown>[],
  attributes: Record<string, unknown> = {},
  images?: string[],
): string {
  return JSON.stringify({
    Request: {
      Product: {
        PrimaryCategory: String(category),
        Images: { Image: images ?? ['https://sandbox.slatic.net/p/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg'] },
        Attributes: {
          name: 'Korean ceramic mug 350ml',
          description: '<p>Hand made in Icheon.</p>',
          brand: 'No Brand',
          ...attributes,
        },
        Skus: { Sku: skus },
      },
    },
  });
}
