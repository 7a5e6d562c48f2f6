import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knownMigrations, migrationStatus, runMigrations } from '../../src/db/index.ts';
import { testStore } from '../helpers/store.ts';
import { openStore } from '../../src/db/index.ts';
import { loadConfig } from '../../src/config/index.ts';

test('migrations apply on this engine, are recorded, and a second run does nothing', async () => {
  const store = await testStore(); // already migrated once
  try {
    const status = await migrationStatus(store);
    assert.equal(status.applied, knownMigrations().length);
    assert.deepEqual(status.pending, []);
    await runMigrations(store);
    assert.equal((await migrationStatus(store)).applied, knownMigrations().length);
    const tables = await store.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    for (const t of ['api_keys', 'import_runs', 'products', 'sellers', 'variants']) {
      assert.ok(
        tables.some((r) => r.table_name === t),
        `table ${t} exists`,
      );
    }
  } finally {
    await store.close();
  }
});

test(
  'on PostgreSQL, processes starting together take turns on the migration lock',
  { skip: !loadConfig().databaseUrl && 'needs DATABASE_URL' },
  async () => {
    const store = await testStore();
    try {
      await store.query('DROP SCHEMA drizzle CASCADE');
      await store.query('DROP SCHEMA public CASCADE');
      await store.query('CREATE SCHEMA public');
      const others = await Promise.all(
        [1, 2, 3].map(() => openStore({ engine: 'postgres', url: store.databaseUrl!, poolSize: 2 })),
      );
      await Promise.all(others.map((s) => runMigrations(s)));
      assert.deepEqual((await migrationStatus(store)).pending, []);
      await Promise.all(others.map((s) => s.close()));
    } finally {
      await store.close();
    }
  },
);
