import { join } from 'node:path';
import type { Config } from '../config/index.ts';
import { openStore, runMigrations, type Store } from '../db/index.ts';
import { createLogger, systemClock, type Clock, type Logger } from '../shared/index.ts';

/** Everything a process shares: configuration, the store, the logger and the clock. */
export interface App {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Skip migrations (only `db status` wants to look before migrating). */
  migrate?: boolean;
  logger?: Logger;
  clock?: Clock;
}

/** Opens the store chosen by the configuration and brings its schema up to date. */
export async function openApp(config: Config, options: OpenAppOptions = {}): Promise<App> {
  const store = await openStore(
    config.databaseUrl
      ? { engine: 'postgres', url: config.databaseUrl.reveal() }
      : { engine: 'pglite', dataDir: join(config.dataDir, 'db') },
  );
  try {
    if (options.migrate !== false) await runMigrations(store);
  } catch (e) {
    await store.close();
    throw e;
  }
  return {
    config,
    store,
    logger: options.logger ?? createLogger(config.logLevel),
    clock: options.clock ?? systemClock,
    close: () => store.close(),
  };
}
