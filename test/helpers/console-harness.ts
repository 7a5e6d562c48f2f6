// The API as the web console uses it: a sandbox over loopback HTTP configured as the app's
// marketplace, a sample catalog of two sellers imported, both connected to the sandbox the way a
// real seller connects (through the app's own gateway and token store), stock opened, an API key
// per seller and one for the operator, and the HTTP server running.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createApiKey, startApiServer, type RunningServer } from '../../src/api/index.ts';
import { createSampleCatalog, importCatalog, writeCanonicalCsv } from '../../src/catalog/index.ts';
import { openStockFromCatalog } from '../../src/inventory/index.ts';
import type { App } from '../../src/main/app.ts';
import { connectSandboxSeller } from '../../src/main/sandbox-channels.ts';
import { ordersRuntime } from '../../src/orders/index.ts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { OPERATOR_SCOPE } from '../../src/shared/index.ts';
import { testApp } from './app.ts';

export interface ConsoleHarness {
  app: App;
  sb: Sandbox;
  server: RunningServer;
  sellers: { A: string; B: string };
  keys: { operator: string; A: string; B: string };
  /** A request with a key; the body parsed when it is JSON. */
  call(
    path: string,
    key: string,
    body?: unknown,
  ): Promise<{ status: number; body: any; bytes: Buffer; type: string }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

/** A request to the API with a key (POST when there is a body); the body parsed when it is JSON. */
export async function callApi(baseUrl: string, path: string, key: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    type,
    bytes,
    body: type.includes('json') ? JSON.parse(bytes.toString('utf8')) : null,
  };
}

export async function startConsoleHarness(options: {
  products: number;
  seed: string;
  /** Sites each seller is connected on. */
  sites: { A: readonly string[]; B: readonly string[] };
}): Promise<ConsoleHarness> {
  const sb = await startSandbox({ port: 0, qcDelayMs: 3_600_000 });
  const app = await testApp({
    KBRIDGE_MARKETPLACE_APP_KEY: sb.appKey,
    KBRIDGE_MARKETPLACE_APP_SECRET: sb.appSecret,
    KBRIDGE_MARKETPLACE_SANDBOX_URL: sb.url,
    KBRIDGE_SECRET_KEY: 'console-test-secret-key-0123456789',
  });
  const dir = await mkdtemp(join(tmpdir(), 'kb-console-'));
  const file = join(dir, 'catalog.csv');
  const out = createWriteStream(file);
  await writeCanonicalCsv(
    createSampleCatalog({ sellers: 2, products: options.products, seed: options.seed }).products(),
    out,
  );
  await finished(out);
  await importCatalog(app.store, file, app.clock);
  await rm(dir, { recursive: true, force: true });
  const [a, b] = await app.store.query<{ id: string }>('SELECT id FROM sellers ORDER BY id');
  const sellers = { A: a!.id, B: b!.id };
  await openStockFromCatalog(app.store, OPERATOR_SCOPE);
  const rt = ordersRuntime(app);
  for (const who of ['A', 'B'] as const)
    for (const site of options.sites[who])
      await connectSandboxSeller(app.store, rt.connection(site), { site, sellerId: sellers[who] });
  const keys = {
    operator: (await createApiKey(app.store.db, { role: 'operator' }, app.clock)).key,
    A: (await createApiKey(app.store.db, { role: 'seller', sellerId: sellers.A }, app.clock)).key,
    B: (await createApiKey(app.store.db, { role: 'seller', sellerId: sellers.B }, app.clock)).key,
  };
  const server = await startApiServer(app, { host: '127.0.0.1', port: 0 });
  return {
    app,
    sb,
    server,
    sellers,
    keys,
    call: (path, key, body) => callApi(server.url, path, key, body),
    async close() {
      await rt.stop();
      await server.close();
      await sb.close();
      await app.close();
    },
  };
}
