// The listings engine wired to the real sandbox over loopback HTTP: a sample catalog imported for
// one seller, the seller connected on the chosen sites, stock opened from the catalog. The publish
// benchmark uses it too.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { createSampleCatalog, importCatalog, writeCanonicalCsv } from '../../src/catalog/index.ts';
import { openStockFromCatalog } from '../../src/inventory/index.ts';
import { createListingsDeps, type ListingsDeps } from '../../src/listings/index.ts';
import { translationService } from '../../src/localization/index.ts';
import type { App } from '../../src/main/app.ts';
import { connectSandboxSeller } from '../../src/main/sandbox-channels.ts';
import { InMemoryTokenStore, type RateLimiter } from '../../src/marketplaces/index.ts';
import { ChannelDirectory, connectGateway } from '../../src/orders/index.ts';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.ts';
import { OPERATOR_SCOPE, systemClock } from '../../src/shared/index.ts';
import { testApp } from './app.ts';

export interface ListingsHarness {
  app: App;
  sb: Sandbox;
  deps: ListingsDeps;
  sellerId: string;
  gateway: ReturnType<typeof connectGateway>;
  close(): Promise<void>;
}

export async function startListingsHarness(options: {
  sites: readonly string[];
  products: number;
  seed?: string;
  sandbox?: SandboxOptions;
  /** Waits of the client (rate limiter, backoff) happen at once: fault tests stay fast. */
  instantWaits?: boolean;
  /** The client's limiter for every site (the benchmark sets its create rate). */
  limiter?: RateLimiter;
  /** The app to use (default: a test app over a fresh test store); closed with the harness. */
  app?: App;
}): Promise<ListingsHarness> {
  const app = options.app ?? (await testApp());
  const dir = await mkdtemp(join(tmpdir(), 'kb-listings-'));
  const file = join(dir, 'catalog.csv');
  const catalog = createSampleCatalog({
    sellers: 1,
    products: options.products,
    seed: options.seed ?? 'listings',
  });
  const out = createWriteStream(file);
  await writeCanonicalCsv(catalog.products(), out);
  await finished(out);
  await importCatalog(app.store, file, app.clock);
  await rm(dir, { recursive: true, force: true });
  const [seller] = await app.store.query<{ id: string }>('SELECT id FROM sellers LIMIT 1');
  await openStockFromCatalog(app.store, OPERATOR_SCOPE);
  const sb = await startSandbox({ port: 0, qcDelayMs: 3_600_000, ...options.sandbox });
  const gateway = connectGateway({
    apps: [{ appKey: sb.appKey, appSecret: sb.appSecret }],
    tokenStore: new InMemoryTokenStore(),
    tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
    sandboxOrigin: sb.url,
    ...(options.instantWaits ? { sleep: async () => {} } : {}),
    limiter: options.limiter,
  });
  for (const site of options.sites)
    await connectSandboxSeller(app.store, gateway.connection(site), { site, sellerId: seller!.id });
  const channels = new ChannelDirectory(app.store);
  const deps = createListingsDeps({
    store: app.store,
    clock: systemClock,
    translation: translationService(app),
    adapter: async (site, sellerId) => gateway.adapter(await channels.forSeller(site, sellerId)),
  });
  return {
    app,
    sb,
    deps,
    sellerId: seller!.id,
    gateway,
    async close() {
      await sb.close();
      await app.close();
    },
  };
}
