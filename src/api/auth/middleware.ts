import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../shared/index.ts';
import type { ApiEnv } from '../env.ts';
import { scopeForKey } from './api-keys.ts';

/**
 * Authenticates `Authorization: Bearer <key>` (or `X-API-Key`) and sets the caller's scope. The
 * scope comes only from the key, never from anything else in the request.
 */
export function requireApiKey(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const key = header?.toLowerCase().startsWith('bearer ')
      ? header.slice(7).trim()
      : c.req.header('x-api-key');
    if (!key) throw new AppError('unauthenticated', 'an API key is required (Authorization: Bearer <key>)');
    const app = c.get('app');
    const scope = await scopeForKey(app.store.db, key, app.config.operatorApiKey?.reveal());
    if (!scope) throw new AppError('unauthenticated', 'unknown or revoked API key');
    c.set('scope', scope);
    await next();
  };
}
