import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../env.ts';
import type { SignInLinks } from './sign-in-links.ts';

/** Where `npm run build:web` (Vite) writes the console. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>kbridge</title>
<p>The console is not built yet: run <code>npm run build:web</code> (npm start and npm test do it), then reload.
The API is at <a href="/openapi.json">/openapi.json</a>.</p>`;

/**
 * The console: its files under `/` and `/assets/`, and the exchange of a one-time sign-in code for
 * the API key. Data always goes through /v1 with that key, like any other API client.
 */
export function mountConsole(api: OpenAPIHono<ApiEnv>, links: SignInLinks): void {
  api.get('/assets/*', serveStatic({ root: CONSOLE_DIST }));
  const index = serveStatic({ root: CONSOLE_DIST, path: 'index.html' });
  api.get('/', async (c, next) => {
    if (!existsSync(CONSOLE_DIST)) return c.html(NOT_BUILT, 503);
    c.header('cache-control', 'no-cache');
    return index(c, next);
  });
  api.post('/auth/sign-in-link', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { code?: unknown };
    const key = typeof body.code === 'string' ? links.redeem(body.code) : undefined;
    if (!key)
      return c.json(
        { error: { code: 'unauthenticated', message: 'this sign-in link has expired or was already used' } },
        401,
      );
    return c.json({ key }, 200);
  });
}
