import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type * as schema from './schema.ts';

/** The drizzle database, the same type on PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Raw access inside one transaction, for bulk loads that drizzle does not express (COPY). */
export interface SqlTx {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Loads CSV (text, or its UTF-8 bytes; no header) into a table's columns with COPY. */
  copyCsv(table: string, columns: readonly string[], csv: string | Uint8Array): Promise<void>;
}

export interface Store {
  readonly engine: 'pglite' | 'postgres';
  readonly db: Database;
  /** Runs fn in one transaction with raw SQL and COPY; all or nothing. */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  /**
   * Runs fn while holding a named lock that other processes on the same database respect
   * (a PostgreSQL advisory lock; within one PGlite process, a queue).
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /** How many transactions may usefully run at once (1 on PGlite: one session). */
  readonly parallelism: number;
  /** Raw SQL outside a transaction. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** The underlying clients, for pg-boss. */
  readonly pglite?: PGlite;
  readonly pool?: pg.Pool;
  close(): Promise<void>;
}
