import type { Command } from 'commander';
import { migrationStatus, openStore } from '../db/index.ts';
import type { CliContext } from './context.ts';
import { emit } from './output.ts';
import { join } from 'node:path';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('apply pending database migrations (also done at every start)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const app = await ctx.app();
      const status = await migrationStatus(app.store);
      emit(!!opts.json, status, () => `${status.engine}: ${status.applied} migrations applied, none pending`);
    });

  const db = program.command('db').description('the store: PGlite (embedded) or PostgreSQL');
  db.command('status')
    .description('engine, location and migrations applied or pending, without changing anything')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { config } = ctx;
      const store = await openStore(
        config.databaseUrl
          ? { engine: 'postgres', url: config.databaseUrl.reveal() }
          : { engine: 'pglite', dataDir: join(config.dataDir, 'db') },
      );
      try {
        const status = await migrationStatus(store);
        const location = config.databaseUrl ? 'DATABASE_URL' : join(config.dataDir, 'db');
        emit(!!opts.json, { ...status, location }, () =>
          [
            `engine:     ${status.engine} (${location})`,
            `migrations: ${status.applied} applied, ${status.pending.length} pending${status.pending.length ? ` (${status.pending.join(', ')})` : ''}`,
          ].join('\n'),
        );
      } finally {
        await store.close();
      }
    });
}
