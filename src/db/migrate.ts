import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Store } from './store.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works; it only has to be the same in every kbridge process.
const MIGRATION_LOCK_KEY = 4_242_001;

/** Migrations shipped with this build, in order. */
export function knownMigrations(): string[] {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

/**
 * Applies pending migrations. On PostgreSQL several processes may start at once (serve and
 * workers), so they take turns on an advisory lock; the later ones find nothing to do.
 */
export async function runMigrations(store: Store): Promise<void> {
  if (store.engine === 'pglite') {
    await migratePglite(store.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = await store.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(store.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

export interface MigrationStatus {
  engine: Store['engine'];
  applied: number;
  known: string[];
  pending: string[];
}

/** What `kbridge db status` shows: which shipped migrations the store has applied. */
export async function migrationStatus(store: Store): Promise<MigrationStatus> {
  const known = knownMigrations();
  let applied = 0;
  const exists = await store.query<{ t: string | null }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`,
  );
  if (exists[0]?.t) {
    const rows = await store.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
    );
    applied = rows[0]?.n ?? 0;
  }
  return { engine: store.engine, applied, known, pending: known.slice(applied) };
}
