// `npm start`: the main job on embedded defaults. Migrates the store, imports a sample Korean
// catalog on the first run, makes sure an operator API key exists, then runs the job workers and
// the HTTP API until stopped. Later stages of the export pipeline join here as they are built.
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiKey, startApiServer, type RunningServer } from '../api/index.ts';
import { createSampleCatalog, importCatalog, writeCanonicalCsv } from '../catalog/index.ts';
import { loadConfig, Secret, type Config } from '../config/index.ts';
import { ALL_JOBS, startQueue } from '../jobs/index.ts';
import { startCarrierSimulator, type CarrierSimulator } from '../logistics/index.ts';
import { ordersRuntime } from '../orders/index.ts';
import { toAppError } from '../shared/index.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { openApp, type App } from './app.ts';
import { runDemoPipeline } from './demo-pipeline.ts';

const SAMPLE = { sellers: 8, products: 400, seed: 'kbridge-demo' };

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function importSampleOnFirstRun(app: App): Promise<void> {
  const [row] = await app.store.query<{ n: number }>('SELECT count(*)::int AS n FROM products');
  if ((row?.n ?? 0) > 0) {
    say(`catalog: ${row!.n} products already in the store`);
    return;
  }
  const file = join(app.config.dataDir, 'sample-catalog.csv');
  const catalog = createSampleCatalog(SAMPLE);
  await writeCanonicalCsv(catalog.products(), createWriteStream(file));
  const s = await importCatalog(app.store, file, app.clock);
  say(
    `catalog: imported the sample (${file}): ${s.created} products from ${s.sellersCreated} sellers, ${s.rejected} rejected`,
  );
}

/** The key file is the one place the demo's operator key is written; it is never logged. */
async function ensureOperatorKey(app: App): Promise<string> {
  const file = join(app.config.dataDir, 'operator-api-key');
  if (!existsSync(file)) {
    const created = await createApiKey(app.store.db, { role: 'operator', label: 'npm start' }, app.clock);
    writeFileSync(file, `${created.key}\n`, { mode: 0o600 });
  }
  return file;
}

async function listen(app: App): Promise<RunningServer> {
  try {
    return await startApiServer(app, { host: app.config.host, port: app.config.port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    say(`port ${app.config.port} is taken (set KBRIDGE_PORT to choose); using a free one`);
    return startApiServer(app, { host: app.config.host, port: 0 });
  }
}

/**
 * Without a configured marketplace, the demo runs the sandbox in this process (its state kept in
 * the data directory) and points the marketplace client at it.
 */
async function withSandbox(config: Config): Promise<{ config: Config; sandbox?: Sandbox }> {
  if (config.marketplaceApp) return { config };
  const sandbox = await startSandbox({
    port: 0,
    stateDir: join(config.dataDir, 'sandbox'),
    qcDelayMs: 20_000,
    // Simulated buyers on every site (orders a minute): the console's dashboard moves while you watch.
    orderRate: 1,
  });
  say(`sandbox: the marketplaces' simulator at ${sandbox.url}`);
  return {
    sandbox,
    config: {
      ...config,
      marketplaceApp: { appKey: sandbox.appKey, appSecret: new Secret(sandbox.appSecret) },
      marketplaceSandboxUrl: sandbox.url,
    },
  };
}

/**
 * With the sandbox and no tracking API configured, the carriers' simulator runs here too, so
 * handed-over packages gain tracking events (a waybill is taken by the carrier when first asked).
 */
async function withCarriers(config: Config): Promise<{ config: Config; carriers?: CarrierSimulator }> {
  if (config.trackingApi || !config.marketplaceSandboxUrl) return { config };
  const carriers = await startCarrierSimulator({ acceptOnLookup: true });
  say(`carriers: the tracking API's simulator at ${carriers.url}`);
  return {
    carriers,
    config: { ...config, trackingApi: { url: carriers.url, key: new Secret(carriers.apiKey) } },
  };
}

async function main(): Promise<void> {
  const withMarketplace = await withSandbox(loadConfig());
  const sandbox = withMarketplace.sandbox;
  const { config, carriers } = await withCarriers(withMarketplace.config);
  const app = await openApp(config);
  say(
    `store: ${app.store.engine}${app.store.engine === 'pglite' ? ` in ${join(config.dataDir, 'db')}` : ''}`,
  );
  await importSampleOnFirstRun(app);
  const keyFile = await ensureOperatorKey(app);
  const queue = await startQueue(app, ALL_JOBS);
  await queue.work();
  const server = await listen(app);
  sandbox?.admin.upsertApp({ appKey: sandbox.appKey, pushUrl: `${server.url}/hooks/marketplace` });
  ordersRuntime(app).startProcessing();
  const pipeline = sandbox ? await runDemoPipeline(app, say) : undefined;
  say(`kbridge is running at ${server.url}`);
  // A one-time link, not the key: whoever reads this terminal can sign in once, for 15 minutes.
  say(`  console: ${server.signInLink(readFileSync(keyFile, 'utf8').trim())}`);
  say(`  OpenAPI: ${server.url}/openapi.json`);
  say(`  try:     curl -H "Authorization: Bearer $(cat ${keyFile})" ${server.url}/v1/products?limit=2`);
  say('  stop:    Ctrl-C');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  say('stopping…');
  await pipeline?.stop();
  await server.close();
  await queue.stop();
  await app.close();
  await sandbox?.close();
  await carriers?.close();
}

main().catch((e: unknown) => {
  const error = toAppError(e);
  process.stderr.write(`kbridge: ${error.message}\n`);
  process.exit(1);
});
