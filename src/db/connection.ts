import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import * as schema from './schema.ts';
import { acquireLock } from './lockfile.ts';
import type { Database, SqlTx, Store } from './store.ts';

export type StoreOptions =
  | { engine: 'pglite'; dataDir: string | null } // null: in memory (tests)
  | { engine: 'postgres'; url: string; poolSize?: number };

/**
 * PGlite settings: the WAL defaults preallocate about 1 GB (research/stack.md); an embedded
 * store does not need that.
 */
const PGLITE_CONF = ['min_wal_size=32MB', 'max_wal_size=128MB', 'shared_buffers=32MB'];

// int8 as a JS number on the server too, so both engines return the same types.
pg.types.setTypeParser(20, (v) => Number(v));

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function copySql(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

async function openPglite(dataDir: string | null): Promise<Store> {
  let lock: { release(): void } | undefined;
  let dir: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireLock(join(dataDir, 'pglite.lock'));
    dir = join(dataDir, 'pgdata');
  }
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: dir, postgresqlconf: PGLITE_CONF });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  let locks: Promise<unknown> = Promise.resolve();
  return {
    engine: 'pglite',
    db,
    pglite: client,
    async query(text, params) {
      return (await client.query(text, params)).rows as never[];
    },
    transaction(fn) {
      return client.transaction((tx) =>
        fn({
          async query(text, params) {
            return (await tx.query(text, params)).rows as never[];
          },
          async copyCsv(table, columns, csv) {
            await tx.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
          },
        }),
      );
    },
    withLock(_key, fn) {
      // One process owns a PGlite directory, so an in-process queue is a complete lock.
      const run = locks.then(fn, fn);
      locks = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    parallelism: 1,
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

function openPostgres(url: string, poolSize = 10): Store {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    engine: 'postgres',
    db,
    pool,
    async query(text, params) {
      return (await pool.query(text, params)).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: SqlTx = {
          async query(text, params) {
            return (await client.query(text, params)).rows;
          },
          async copyCsv(table, columns, csv) {
            const chunk =
              typeof csv === 'string' ? csv : Buffer.from(csv.buffer, csv.byteOffset, csv.byteLength);
            await pipeline(Readable.from([chunk]), client.query(copyFrom(copySql(table, columns, 'STDIN'))));
          },
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async withLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    // The pool's size minus connections for the lock holder and other work.
    parallelism: Math.max(1, Math.min(2, poolSize - 2)),
    async close() {
      await pool.end();
    },
  };
}

/** Opens the store: embedded PGlite (locked data dir, or memory) or a PostgreSQL pool. */
export async function openStore(options: StoreOptions): Promise<Store> {
  return options.engine === 'pglite'
    ? openPglite(options.dataDir)
    : openPostgres(options.url, options.poolSize);
}
