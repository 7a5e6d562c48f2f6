export * as schema from './schema.ts';
export type { ProductAttributes, ProductOption } from './schema.ts';
export type { Database, SqlTx, Store } from './store.ts';
export { openStore, type StoreOptions } from './connection.ts';
export { runMigrations, migrationStatus, knownMigrations, type MigrationStatus } from './migrate.ts';
export { acquireLock, type DirectoryLock } from './lockfile.ts';
export { retryUniqueRace } from './unique-race.ts';
