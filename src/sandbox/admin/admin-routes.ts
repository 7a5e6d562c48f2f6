import { Hono, type Context } from 'hono';
import type { FaultConfig } from '../core/faults.ts';
import type { AppRecord, ItemStatus } from '../core/model.ts';
import { AdminError } from './admin-error.ts';
import type { OptionsPatch, SandboxAdmin } from './admin-ops.ts';

type Json = Record<string, unknown>;

async function body(c: Context): Promise<Json> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json;
  } catch {
    // answered below
  }
  throw new AdminError('the body must be a JSON object');
}

const num = (v: string | undefined): number | undefined =>
  v === undefined || v === '' ? undefined : Number(v);
const ids = (v: unknown): number[] | undefined => (Array.isArray(v) ? v.map(Number) : undefined);

/** The `/_admin` HTTP API: JSON in, JSON out; see docs/sandbox.md for every route. */
export function adminRoutes(admin: SandboxAdmin): Hono {
  const app = new Hono({ strict: false });
  app.onError((e, c) => {
    if (e instanceof AdminError) return c.json({ error: e.message }, e.notFound ? 404 : 400);
    return c.json({ error: e instanceof Error ? e.message : String(e) }, 500);
  });
  app.get('/', (c) => c.json(admin.summary()));
  app.get('/counters', (c) => c.json(admin.counters()));
  app.get('/calls', (c) => c.json(admin.calls(num(c.req.query('limit')) ?? 100)));
  app.get('/pushes', (c) => c.json(admin.pushes(num(c.req.query('limit')) ?? 100)));
  app.post('/pushes/flush', async (c) => {
    await admin.flushPushes();
    return c.json(admin.pushes(20));
  });
  app.get('/faults', (c) => c.json(admin.getFaults()));
  const setFaults = async (c: Context): Promise<Response> =>
    c.json(admin.setFaults((await body(c)) as FaultConfig));
  app.put('/faults', setFaults);
  app.post('/faults', setFaults);
  app.get('/time', (c) => c.json({ now: admin.now(), iso: new Date(admin.now()).toISOString() }));
  app.post('/time', async (c) => {
    const b = await body(c);
    const now =
      b.set !== undefined
        ? admin.setTime(typeof b.set === 'number' ? b.set : Date.parse(String(b.set)))
        : admin.advanceTime(Number(b.advanceMs ?? 0));
    return c.json({ now, iso: new Date(now).toISOString() });
  });
  app.post('/tick', (c) => {
    admin.tick();
    return c.json({ now: admin.now() });
  });
  app.get('/options', (c) => c.json(admin.options()));
  app.patch('/options', async (c) => c.json(admin.setOptions((await body(c)) as OptionsPatch)));
  app.get('/apps', (c) => c.json(admin.apps()));
  app.put('/apps/:appKey', async (c) =>
    c.json(admin.upsertApp({ ...(await body(c)), appKey: c.req.param('appKey') } as AppRecord)),
  );
  app.get('/sellers', (c) => c.json(admin.sellers()));
  app.post('/sellers', async (c) => {
    const b = await body(c);
    return c.json(
      admin.createSeller({
        account: String(b.account ?? ''),
        ...(b.name ? { name: String(b.name) } : {}),
        ...(b.crossBorder !== undefined ? { crossBorder: b.crossBorder === true } : {}),
      }),
    );
  });
  app.patch('/sellers/:account', async (c) => {
    const b = await body(c);
    return c.json(admin.setSellerStatus(c.req.param('account'), String(b.status) as 'ACTIVE' | 'INACTIVE'));
  });
  app.post('/tokens', async (c) => {
    const b = await body(c);
    const input: { platform: string; appKey?: string; account?: string; venture?: string } = {
      platform: String(b.platform ?? ''),
    };
    if (b.appKey) input.appKey = String(b.appKey);
    if (b.account) input.account = String(b.account);
    if (b.venture) input.venture = String(b.venture);
    return c.json(admin.issueToken(input));
  });
  app.post('/tokens/expire', async (c) => {
    const b = await body(c);
    return c.json({
      expired: admin.expireTokens(b.accessToken === undefined ? undefined : String(b.accessToken)),
    });
  });
  app.get('/products', (c) => {
    const site = c.req.query('site') ?? '';
    const status = c.req.query('status');
    return c.json(
      admin.products(site, { ...(status ? { status } : {}), limit: num(c.req.query('limit')) ?? 100 }),
    );
  });
  app.get('/products/:site/:itemId', (c) =>
    c.json(admin.product(c.req.param('site'), Number(c.req.param('itemId')))),
  );
  app.post('/products/:site/:itemId/qc', async (c) => {
    const b = await body(c);
    return c.json(
      admin.decideQc(
        c.req.param('site'),
        Number(c.req.param('itemId')),
        b.approve !== false,
        b.reason === undefined ? undefined : String(b.reason),
      ),
    );
  });
  app.get('/orders', (c) => {
    const status = c.req.query('status');
    return c.json(
      admin.orders(c.req.query('site') ?? '', {
        ...(status ? { status } : {}),
        limit: num(c.req.query('limit')) ?? 100,
      }),
    );
  });
  app.get('/orders/:site/:orderId', (c) =>
    c.json(admin.order(c.req.param('site'), Number(c.req.param('orderId')))),
  );
  app.post('/orders', async (c) => {
    const b = await body(c);
    const input: Parameters<SandboxAdmin['placeOrders']>[0] = { site: String(b.site ?? '') };
    if (b.count !== undefined) input.count = Number(b.count);
    if (Array.isArray(b.lines)) input.lines = b.lines as { sellerSku: string; quantity?: number }[];
    if (b.account) input.account = String(b.account);
    if (b.paymentMethod) input.paymentMethod = String(b.paymentMethod);
    return c.json(admin.placeOrders(input));
  });
  app.post('/orders/:site/:orderId/advance', async (c) => {
    const b = await body(c);
    return c.json({
      moved: admin.advanceOrder(
        c.req.param('site'),
        Number(c.req.param('orderId')),
        String(b.to) as ItemStatus,
        ids(b.orderItemIds),
      ),
    });
  });
  app.post('/orders/:site/:orderId/cancel', async (c) => {
    const b = await body(c);
    admin.buyerCancel(
      c.req.param('site'),
      Number(c.req.param('orderId')),
      ids(b.orderItemIds),
      b.reason === undefined ? undefined : String(b.reason),
    );
    return c.json(admin.order(c.req.param('site'), Number(c.req.param('orderId'))));
  });
  app.post('/orders/:site/:orderId/cancel-request', async (c) => {
    const b = await body(c);
    const outcome = admin.requestCancel(
      c.req.param('site'),
      Number(c.req.param('orderId')),
      b.reason === undefined ? undefined : String(b.reason),
    );
    return c.json({ outcome, order: admin.order(c.req.param('site'), Number(c.req.param('orderId'))) });
  });
  app.post('/orders/:site/:orderId/return', async (c) => {
    const b = await body(c);
    return c.json({
      returned: admin.returnItems(
        c.req.param('site'),
        Number(c.req.param('orderId')),
        ids(b.orderItemIds),
        b.reason === undefined ? undefined : String(b.reason),
      ),
    });
  });
  app.post('/snapshot', async (c) => {
    await admin.snapshot();
    return c.json({ ok: true });
  });
  return app;
}
