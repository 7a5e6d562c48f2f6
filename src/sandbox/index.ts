/**
 * The marketplace sandbox: our own implementation of the Lazop/IOP open platforms' server side
 * (Lazada, Daraz, Miravia, AliExpress) over real HTTP, for the demo, tests, benchmarks and
 * integrators. See docs/sandbox.md for the URL scheme, credentials and knobs.
 */
import { systemClock } from '../shared/index.ts';
import { SandboxAdmin } from './admin/admin-ops.ts';
import { resolveOptions, SANDBOX_SELLER, type SandboxOptions } from './core/options.ts';
import { Persistence } from './core/persistence.ts';
import { Runtime } from './core/runtime.ts';
import { SITES, defaultVenture, isPlatform, type Site } from './core/sites.ts';
import { Engine } from './engine.ts';
import { buildServer } from './server.ts';

export { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, SANDBOX_SELLER } from './core/options.ts';
export type { SandboxOptions, PushOptions, SandboxSellerInput } from './core/options.ts';
export type { FaultConfig, FaultRule, FaultKind } from './core/faults.ts';
export type { AppRecord, ItemStatus } from './core/model.ts';
export type { Site, Platform } from './core/sites.ts';
export { SandboxAdmin, AdminError, type TokenGrantView, type OptionsPatch } from './admin/admin-ops.ts';
export { ITEM_TRANSITIONS } from './orders/item-states.ts';
export { deriveCategoryId } from './catalog/category-tree.ts';

export interface Sandbox {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The default app's credentials. */
  readonly appKey: string;
  readonly appSecret: string;
  /** In-process control (the same operations as the `/_admin` HTTP API). */
  readonly admin: SandboxAdmin;
  /** Base URL of a site's Lazop gateway (`…/lazada/sg/rest`; default venture sg/pk/es), or AliExpress' `…/aliexpress/sync`. */
  siteUrl(platform: string, venture?: string): string;
  /** Stops serving and writes the state directory. */
  close(): Promise<void>;
}

/** The sites the sandbox serves (12 Lazop ventures plus AliExpress). */
export function sandboxSites(): readonly Site[] {
  return SITES;
}

/**
 * Starts a sandbox listening on `host:port` (port 0 picks a free one). With `stateDir` it resumes
 * the saved state and keeps journaling to it; `close()` writes a compacted snapshot.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const opts = resolveOptions(options);
  const rt = new Runtime(opts, options.clock ?? systemClock);
  let closing = false;
  const persistence = opts.stateDir
    ? new Persistence(opts.stateDir, rt.store, () => ({
        clockOffsetMs: rt.clock.offsetMs,
        ...(closing ? { pendingPushes: rt.pushes.pending() } : {}),
      }))
    : undefined;
  const meta = persistence?.load();
  if (meta) {
    rt.clock.offsetMs = meta.clockOffsetMs;
    if (meta.pendingPushes) rt.pushes.restore(meta.pendingPushes);
  }
  const admin0 = {
    appKey: opts.appKey,
    appSecret: opts.appSecret,
    ...(options.pushUrl ? { pushUrl: options.pushUrl } : {}),
    ...(options.callbackUrl ? { callbackUrl: options.callbackUrl } : {}),
  };
  for (const app of [admin0, ...(options.apps ?? [])]) {
    const existing = rt.store.apps.get(app.appKey);
    rt.store.apps.set(app.appKey, { ...existing, ...app });
    rt.store.touch('app', '', app.appKey);
  }
  rt.ensureSeller(SANDBOX_SELLER, { name: 'kbridge Korea Seller', crossBorder: true });
  for (const s of options.sellers ?? []) rt.ensureSeller(s.account, s);
  rt.faults.set(options.faults ?? {});
  const engine = new Engine(rt);
  engine.rebuildTimers();
  const admin = new SandboxAdmin(rt, engine, persistence);
  const server = buildServer(rt, admin);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  const ticker = setInterval(() => engine.tick(), opts.tickMs);
  ticker.unref();
  const flusher = persistence
    ? setInterval(() => {
        persistence.flush().catch((e: unknown) => console.error('[sandbox] state flush failed', e));
      }, opts.flushIntervalMs)
    : undefined;
  flusher?.unref();
  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    appKey: opts.appKey,
    appSecret: opts.appSecret,
    admin,
    siteUrl(platform: string, venture?: string): string {
      if (platform === 'aliexpress') return `${url}/aliexpress/sync`;
      return `${url}/${platform}/${venture ?? (isPlatform(platform) ? defaultVenture(platform) : '')}/rest`;
    },
    close(): Promise<void> {
      closed ??= (async () => {
        clearInterval(ticker);
        if (flusher) clearInterval(flusher);
        for (const release of [...rt.held]) release();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (persistence) {
          closing = true;
          await persistence.flush();
          await persistence.compact();
        }
      })();
      return closed;
    },
  };
}
