import { Hono } from 'hono';
import { ordersRuntime } from '../../orders/index.ts';
import type { ApiEnv } from '../env.ts';

/**
 * The marketplaces' push (webhook) callback: `POST /hooks/marketplace`, outside /v1 (no API key:
 * the HMAC signature over the raw body is the authentication). Answers 200 once the push is
 * committed to the inbox; processing starts in this process and continues in any worker.
 */
export function pushRoutes() {
  return new Hono<ApiEnv>().post('/hooks/marketplace', async (c) => {
    const runtime = ordersRuntime(c.get('app'));
    runtime.startProcessing();
    const raw = Buffer.from(await c.req.arrayBuffer());
    const r = await runtime.receiver.receive(raw, c.req.header('authorization'));
    return c.json({ outcome: r.outcome }, r.status);
  });
}
