import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { adminRoutes } from './admin/admin-routes.ts';
import type { SandboxAdmin } from './admin/admin-ops.ts';
import { AE_METHODS } from './aliexpress/ae-routes.ts';
import { authorize } from './auth/oauth.ts';
import { TOKEN_ROUTES } from './auth/token-api.ts';
import { CATALOG_ROUTES } from './catalog/routes.ts';
import type { RouteTable } from './core/api-types.ts';
import { gatewayCall, type Target } from './core/gateway.ts';
import type { Runtime } from './core/runtime.ts';
import { SITES, defaultVenture, findSite, isPlatform } from './core/sites.ts';
import { CANCEL_ROUTES } from './orders/cancel-api.ts';
import { FULFILLMENT_ROUTES } from './orders/fulfillment-api.ts';
import { LEGACY_ROUTES } from './orders/legacy-api.ts';
import { ORDER_ROUTES } from './orders/order-api.ts';
import { REVERSE_ROUTES } from './orders/reverse-api.ts';

/** Every Lazop API a venture host serves. */
const VENTURE_ROUTES: RouteTable = {
  ...TOKEN_ROUTES,
  ...CATALOG_ROUTES,
  ...ORDER_ROUTES,
  ...FULFILLMENT_ROUTES,
  ...CANCEL_ROUTES,
  ...REVERSE_ROUTES,
  ...LEGACY_ROUTES,
};

type Parsed = { kind: 'oauth'; platform: string; venture?: string } | { kind: 'api'; target: Target };

/**
 * The URL scheme: `/<platform>/<venture>/rest/<api path>` (Lazop), `/<platform>/auth/rest/...`
 * and `/<platform>/<venture>/auth/rest/...` (auth hosts), `/aliexpress/sync?method=` (IOP/TOP)
 * and `/aliexpress/rest/auth/...` (its GOP system APIs), `[/<platform>[/<venture>]]/oauth/authorize`.
 */
export function parsePath(pathname: string): Parsed | undefined {
  const segs = pathname.split('/').slice(1);
  const platform = segs[0] ?? '';
  if (!isPlatform(platform)) return undefined;
  let i = 1;
  let venture: string | undefined;
  if (segs[i] && findSite(platform, segs[i]!)) venture = segs[i++];
  if (segs[i] === 'auth') i++;
  const rest = segs[i];
  if (rest === 'oauth' && segs[i + 1] === 'authorize' && segs.length === i + 2) {
    return venture ? { kind: 'oauth', platform, venture } : { kind: 'oauth', platform };
  }
  const site = findSite(platform, venture ?? defaultVenture(platform))!;
  const centralHost = venture === undefined;
  if (rest === 'sync' && platform === 'aliexpress' && segs.length === i + 1) {
    return { kind: 'api', target: { site, api: undefined, routes: AE_METHODS, flavor: 'ae', centralHost } };
  }
  if (rest !== 'rest') return undefined;
  const api = `/${segs.slice(i + 1).join('/')}`;
  // Hosts without a venture (Lazada's auth.lazada.com, AliExpress' GOP) serve only the token APIs.
  const routes = centralHost || platform === 'aliexpress' ? TOKEN_ROUTES : VENTURE_ROUTES;
  return { kind: 'api', target: { site, api, routes, flavor: 'lazop', centralHost } };
}

/** The sandbox's HTTP app: admin API, OAuth page, every site's gateway. */
export function buildApp(rt: Runtime, admin: SandboxAdmin): Hono {
  const app = new Hono({ strict: false });
  app.route('/_admin', adminRoutes(admin));
  app.get('/', (c) => {
    const base = new URL(c.req.url).origin;
    return c.json({
      name: 'kbridge marketplace sandbox',
      sites: Object.fromEntries(
        SITES.map((s) => [
          s.key,
          s.platform === 'aliexpress' ? `${base}/aliexpress/sync` : `${base}/${s.platform}/${s.venture}/rest`,
        ]),
      ),
      auth: `${base}/<platform>/<venture>/rest/auth/token/create`,
      oauth: `${base}/oauth/authorize`,
      admin: `${base}/_admin`,
      docs: 'docs/sandbox.md',
    });
  });
  app.all('/oauth/authorize', (c) => authorize(rt, new URL(c.req.url), {}));
  app.all('*', (c) => {
    const url = new URL(c.req.url);
    const parsed = parsePath(url.pathname);
    if (parsed?.kind === 'oauth') {
      return authorize(
        rt,
        url,
        parsed.venture
          ? { platform: parsed.platform, venture: parsed.venture }
          : { platform: parsed.platform },
      );
    }
    return c.json({ error: `no such path ${url.pathname}`, see: '/' }, 404);
  });
  return app;
}

/** Bodies past this are refused (the real gateways cap request size too). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/**
 * The HTTP server. API calls (the hot path: a publish run sends 100,000s of them) go straight
 * from node:http to the gateway and back as a string; the admin API, the OAuth page and the
 * index go through Hono.
 */
export function buildServer(rt: Runtime, admin: SandboxAdmin): Server {
  const hono = getRequestListener(buildApp(rt, admin).fetch, { overrideGlobalObjects: false });
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const parsed = parsePath(url.pathname);
    if (parsed?.kind !== 'api') {
      void hono(req, res);
      return;
    }
    readBody(req)
      .then((body) =>
        body === undefined
          ? { status: 413, contentType: 'text/plain', body: 'request body too large' }
          : gatewayCall(
              rt,
              { method: req.method ?? 'GET', url, contentType: req.headers['content-type'] ?? '', body },
              parsed.target,
            ),
      )
      .then((answer) => {
        res.writeHead(answer.status, {
          'content-type': answer.contentType,
          'content-length': Buffer.byteLength(answer.body),
        });
        res.end(answer.body);
      })
      .catch((e: unknown) => {
        console.error('[sandbox] request failed', e);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error');
      });
  });
}
