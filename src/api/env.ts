import { OpenAPIHono } from '@hono/zod-openapi';
import type { App } from '../main/app.ts';
import type { Scope } from '../shared/index.ts';

/** What every request handler can reach: the app, and the caller's scope set by auth. */
export type ApiEnv = { Variables: { app: App; scope: Scope } };

/**
 * A router whose validation failures become our `invalid_input` error naming the parameter,
 * the same shape as every other error the API returns.
 */
export function router(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((i) => ({ parameter: i.path.join('.'), reason: i.message }));
      return c.json(
        {
          error: {
            code: 'invalid_input',
            message: issues.map((i) => `${i.parameter || result.target}: ${i.reason}`).join('; '),
            details: { target: result.target, issues },
          },
        },
        400,
      );
    },
  });
}
