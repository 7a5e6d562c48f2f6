import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../main/app.ts';
import { loadHubRateCard } from '../logistics/index.ts';
import { DbTokenStore, type MarketplaceConnection } from '../marketplaces/index.ts';
import { DbFxRepository } from '../pricing/index.ts';
import { AppError } from '../shared/index.ts';
import { describerFor } from './customs-describe.ts';
import { ChannelDirectory, connectGateway, type MarketplaceApp } from './channels.ts';
import { OrderIngestor } from './ingest-worker.ts';
import type { OrderDeps } from './order-deps.ts';
import { OrderFx } from './order-fx.ts';
import { InboxWriter, type ClaimedEntry } from './push-inbox.ts';
import { PushReceiver } from './push-receiver.ts';

/**
 * The orders capability wired to a process's App: the marketplace app from the configuration,
 * tokens from the store (encrypted with KBRIDGE_SECRET_KEY, or a key generated once into the data
 * directory), FX snapshots from the store, one inbox writer, receiver and processor per App.
 */
export interface OrdersRuntime {
  apps: MarketplaceApp[];
  deps: OrderDeps;
  inbox: InboxWriter;
  receiver: PushReceiver;
  ingestor: OrderIngestor;
  /** The client, token manager and adapters for one site (to authorize a seller). */
  connection(site: string): MarketplaceConnection;
  /** Registers a handler for the pushes that are not about orders (product QC…), after they are stored. */
  onOtherPushes(handle: (entries: readonly ClaimedEntry[]) => void): void;
  /** Starts the processor loop in this process (once); pushes received here wake it. */
  startProcessing(): void;
  stop(): Promise<void>;
}

const RUNTIMES = new WeakMap<App, OrdersRuntime>();

/** KBRIDGE_SECRET_KEY, or a random key kept in `<data dir>/secret-key` (created on first use). */
export function tokenEncryptionKey(app: App): string {
  if (app.config.secretKey) return app.config.secretKey.reveal();
  const file = join(app.config.dataDir, 'secret-key');
  if (!existsSync(file)) {
    mkdirSync(app.config.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

export function ordersRuntime(app: App): OrdersRuntime {
  const existing = RUNTIMES.get(app);
  if (existing) return existing;
  const configured = app.config.marketplaceApp;
  const apps: MarketplaceApp[] = configured
    ? [{ appKey: configured.appKey, appSecret: configured.appSecret.reveal() }]
    : [];
  const gateway = connectGateway({
    apps,
    tokenStore: new DbTokenStore(app.store),
    get tokenEncryptionKey() {
      return tokenEncryptionKey(app);
    },
    sandboxOrigin: app.config.marketplaceSandboxUrl,
  });
  const deps: OrderDeps = {
    store: app.store,
    gateway: {
      adapter(channel) {
        if (apps.length === 0) {
          throw new AppError(
            'config',
            'no marketplace app: set KBRIDGE_MARKETPLACE_APP_KEY and KBRIDGE_MARKETPLACE_APP_SECRET',
          );
        }
        return gateway.adapter(channel);
      },
    },
    channels: new ChannelDirectory(app.store),
    fx: new OrderFx(new DbFxRepository(app.store.db)),
    clock: app.clock,
    describe: describerFor(app),
    darazHubRateCard: app.config.darazHubRateCard ? loadHubRateCard(app.config.darazHubRateCard) : undefined,
  };
  const inbox = new InboxWriter(app.store);
  const otherPushHandlers: ((entries: readonly ClaimedEntry[]) => void)[] = [];
  const ingestor = new OrderIngestor({
    ...deps,
    logger: app.logger,
    onOtherPushes: (entries) => {
      for (const handle of otherPushHandlers) handle(entries);
    },
  });
  let processing = false;
  const receiver = new PushReceiver({
    apps,
    inbox,
    onAccepted: () => ingestor.wake(),
    onError: (e) => app.logger.error({ err: e }, 'push not stored'),
  });
  const runtime: OrdersRuntime = {
    apps,
    deps,
    inbox,
    receiver,
    ingestor,
    connection: (site) => gateway.connection(site),
    onOtherPushes(handle) {
      otherPushHandlers.push(handle);
    },
    startProcessing() {
      if (processing) return;
      processing = true;
      ingestor.start();
    },
    async stop() {
      if (processing) await ingestor.stop();
      processing = false;
      RUNTIMES.delete(app);
    },
  };
  RUNTIMES.set(app, runtime);
  return runtime;
}
