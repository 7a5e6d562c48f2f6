import type { Command } from 'commander';
import { desc } from 'drizzle-orm';
import { createApiKey, revokeApiKey, startApiServer, type ApiRole } from '../api/index.ts';
import { schema } from '../db/index.ts';
import { ALL_JOBS, startQueue } from '../jobs/index.ts';
import { ordersRuntime } from '../orders/index.ts';
import { AppError } from '../shared/index.ts';
import { listingsDeps, startSyncLoop } from '../listings/index.ts';
import { listSites } from '../marketplaces/index.ts';
import type { CliContext } from './context.ts';
import { emit, table } from './output.ts';

/** Resolves when the process is asked to stop. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('run the HTTP API (and console) until stopped')
    .option('--host <host>', 'address to listen on (default KBRIDGE_HOST)')
    .option('--port <port>', 'port to listen on (default KBRIDGE_PORT)')
    .option('--no-worker', 'run no job workers here (PostgreSQL deployments run `kbridge worker` processes)')
    .action(async (opts: { host?: string; port?: string; worker: boolean }) => {
      const app = await ctx.app();
      // Embedded mode is one process: the API and the workers share the PGlite store.
      const queue = await startQueue(app, ALL_JOBS);
      if (opts.worker) await queue.work();
      const server = await startApiServer(app, {
        host: opts.host ?? ctx.config.host,
        port: opts.port ? Number(opts.port) : ctx.config.port,
      });
      process.stdout.write(`kbridge API on ${server.url} (OpenAPI at ${server.url}/openapi.json)\n`);
      await untilSignal();
      await server.close();
      await queue.stop();
    });

  program
    .command('worker')
    .description('run job workers until stopped (start as many as the load needs, on one PostgreSQL)')
    .option('--concurrency <n>', 'jobs at a time in this process (default KBRIDGE_WORKER_CONCURRENCY)')
    .action(async (opts: { concurrency?: string }) => {
      const app = await ctx.app();
      const queue = await startQueue(app, ALL_JOBS);
      await queue.work({ concurrency: opts.concurrency ? Number(opts.concurrency) : undefined });
      // Workers also drain the order inbox that `serve` processes fill from marketplace pushes.
      const orders = ordersRuntime(app);
      orders.startProcessing();
      // …and keep listings' price, stock and QC current (rounds take turns across workers).
      const sync = startSyncLoop(listingsDeps(app), { sites: async () => listSites().map((s) => s.id) });
      process.stdout.write(
        `kbridge worker: ${ALL_JOBS.length} job types, the order inbox and the listings sync on ${app.store.engine}\n`,
      );
      await untilSignal();
      await sync.stop();
      await orders.stop();
      await queue.stop();
    });

  const keys = program
    .command('keys')
    .description('API keys: operator keys see everything, seller keys only their seller');
  keys
    .command('create')
    .description('issue a key (printed once; only its hash is stored)')
    .requiredOption('--role <role>', 'operator | seller')
    .option('--seller <id>', 'the seller a seller key is bound to')
    .option('--label <label>', 'a note to tell keys apart')
    .option('--json', 'print JSON')
    .action(async (opts: { role: string; seller?: string; label?: string; json?: boolean }) => {
      if (opts.role !== 'operator' && opts.role !== 'seller') {
        throw new AppError('invalid_input', `--role: must be operator or seller, got "${opts.role}"`, {
          details: { parameter: 'role' },
        });
      }
      const app = await ctx.app();
      const created = await createApiKey(
        app.store.db,
        { role: opts.role as ApiRole, sellerId: opts.seller, label: opts.label },
        app.clock,
      );
      emit(
        !!opts.json,
        created,
        () =>
          `${created.key}\n(key ${created.id}, ${created.role}${created.sellerId ? ` for ${created.sellerId}` : ''}; store it now, it is not shown again)`,
      );
    });
  keys
    .command('list')
    .description('list keys (prefixes only)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const app = await ctx.app();
      const rows = await app.store.db
        .select({
          id: schema.apiKeys.id,
          prefix: schema.apiKeys.keyPrefix,
          role: schema.apiKeys.role,
          sellerId: schema.apiKeys.sellerId,
          label: schema.apiKeys.label,
          revokedAt: schema.apiKeys.revokedAt,
        })
        .from(schema.apiKeys)
        .orderBy(desc(schema.apiKeys.createdAt));
      emit(!!opts.json, rows, () =>
        table(
          ['id', 'prefix', 'role', 'seller', 'label', 'revoked'],
          rows.map((r) => [
            r.id,
            `${r.prefix}…`,
            r.role,
            r.sellerId ?? '',
            r.label ?? '',
            r.revokedAt?.toISOString() ?? '',
          ]),
        ),
      );
    });
  keys
    .command('revoke')
    .argument('<id>', 'key id')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const app = await ctx.app();
      await revokeApiKey(app.store.db, id, app.clock);
      emit(!!opts.json, { id, revoked: true }, () => `revoked ${id}`);
    });
}
