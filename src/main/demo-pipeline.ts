// The export pipeline of `npm start` against the in-process sandbox: every sample seller connected
// on every site (as a real seller authorizes kbridge), stock opened from the catalog, then
// localize, price, preflight and publish to every site, and the sync loop keeping price, stock and
// QC current while the process runs.
import { openStockFromCatalog } from '../inventory/index.ts';
import { listingsDeps, publishSite, startSyncLoop, type PublishSummary } from '../listings/index.ts';
import { listSites } from '../marketplaces/index.ts';
import { ordersRuntime } from '../orders/index.ts';
import { OPERATOR_SCOPE } from '../shared/index.ts';
import type { App } from './app.ts';
import { connectSandboxSeller } from './sandbox-channels.ts';

export async function connectSellersEverywhere(app: App): Promise<number> {
  const sellers = await app.store.query<{ id: string }>(
    `SELECT id FROM sellers WHERE status = 'active' ORDER BY id`,
  );
  const known = new Set(
    (await app.store.query<{ k: string }>(`SELECT seller_id || ' ' || site AS k FROM order_channels`)).map(
      (r) => r.k,
    ),
  );
  const rt = ordersRuntime(app);
  let n = 0;
  for (const s of sellers) {
    for (const site of listSites()) {
      if (known.has(`${s.id} ${site.id}`)) continue;
      await connectSandboxSeller(app.store, rt.connection(site.id), { site: site.id, sellerId: s.id });
      n++;
    }
  }
  return n;
}

export async function runDemoPipeline(
  app: App,
  say: (line: string) => void,
): Promise<{ stop(): Promise<void>; published: PublishSummary[] }> {
  const connected = await connectSellersEverywhere(app);
  if (connected) say(`marketplaces: ${connected} seller accounts connected on the sandbox`);
  await openStockFromCatalog(app.store, OPERATOR_SCOPE);
  const deps = listingsDeps(app);
  const published: PublishSummary[] = [];
  const loop = startSyncLoop(deps, {
    sites: async () => listSites().map((x) => x.id),
    syncMs: 1_000,
    qcMs: 15_000,
  });
  const stopping = new AbortController();
  // Publishing all sites takes minutes on a small machine: it runs behind the server, site by site.
  const publishing = (async () => {
    // Listings sent back to `ready` (throttled, or a brand the platform refused in a category) go
    // again in a second pass.
    for (const pass of [1, 2]) {
      for (const site of listSites()) {
        if (stopping.signal.aborted) return;
        const s = await publishSite(deps, site.id, { concurrency: 8, signal: stopping.signal });
        if (stopping.signal.aborted) return;
        if (pass === 2 && s.considered === 0) continue;
        published.push(s);
        say(
          `publish ${site.id}${pass === 2 ? ' (again)' : ''}: ${s.created} created, ${s.updated} updated, ${s.blocked} held back by preflight, ${s.retry} to retry, ${s.failed} failed (npx kbridge listings status)`,
        );
      }
    }
  })().catch((e: unknown) => say(`publish stopped: ${(e as Error).message}`));
  return {
    published,
    async stop() {
      stopping.abort();
      await publishing;
      await loop.stop();
    },
  };
}
