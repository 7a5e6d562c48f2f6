import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/config/index.ts';
import { openStore, runMigrations, type Store } from '../../src/db/index.ts';

/**
 * A fresh, migrated store for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (dropped again by `close`).
 */
export async function testStore(): Promise<Store & { databaseUrl?: string }> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const store = await openStore({ engine: 'pglite', dataDir: null });
    await runMigrations(store);
    return store;
  }
  const baseUrl = config.databaseUrl.reveal();
  const name = `kbridge_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ engine: 'postgres', url: url.toString(), poolSize: 5 });
  await runMigrations(store);
  return {
    ...store,
    databaseUrl: url.toString(),
    async close() {
      await store.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
