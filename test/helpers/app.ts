import { loadConfig } from '../../src/config/index.ts';
import type { App } from '../../src/main/app.ts';
import { createLogger, fixedClock } from '../../src/shared/index.ts';
import { testStore } from './store.ts';

/** An App over a fresh test store, with silent logs and a fixed clock. */
export async function testApp(env: Record<string, string> = {}): Promise<App> {
  const store = await testStore();
  return {
    config: loadConfig({
      KBRIDGE_DATA_DIR: '.kbridge-test',
      ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
      ...env,
    }),
    store,
    logger: createLogger('silent'),
    clock: fixedClock('2026-11-25T00:00:00Z'),
    close: () => store.close(),
  };
}
