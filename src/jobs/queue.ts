import { PgBoss, fromPglite } from 'pg-boss';
import type { SqlTx } from '../db/index.ts';
import type { App } from '../main/app.ts';
import { AppError } from '../shared/index.ts';
import type { JobDefinition } from './registry.ts';

export interface Queue {
  /** Enqueues a job after checking its payload; inside `tx` it commits or rolls back with it. */
  send(
    name: string,
    payload: unknown,
    options?: { tx?: SqlTx; singletonKey?: string },
  ): Promise<string | null>;
  /** Starts workers for every registered job in this process. */
  work(options?: { concurrency?: number }): Promise<void>;
  /** Waits until the job has finished (completed or failed), for tests and the CLI. */
  waitFor(jobId: string, timeoutMs?: number): Promise<{ state: string; output: unknown }>;
  stop(): Promise<void>;
  readonly boss: PgBoss;
}

/** An RFC 5545 rule for "every n seconds", in the coarsest unit that divides it. */
export function recurrence(seconds: number): string {
  if (seconds % 3600 === 0) return `FREQ=HOURLY;INTERVAL=${seconds / 3600}`;
  if (seconds % 60 === 0) return `FREQ=MINUTELY;INTERVAL=${seconds / 60}`;
  return `FREQ=SECONDLY;INTERVAL=${seconds}`;
}

function txDatabase(tx: SqlTx) {
  return { executeSql: async (text: string, values?: unknown[]) => ({ rows: await tx.query(text, values) }) };
}

/**
 * The job queue: pg-boss on the same database as everything else. Embedded, it runs on PGlite in
 * this process; on PostgreSQL any number of `kbridge worker` processes share it.
 */
export async function startQueue(app: App, jobs: readonly JobDefinition[]): Promise<Queue> {
  const { store } = app;
  // Periodic jobs (the order sweep) are pg-boss schedules: every process runs the cron pass, and
  // pg-boss lets one of them send each occurrence. The pass runs often enough for the shortest.
  const periods = jobs.map((j) => j.everySeconds?.(app) ?? 0).filter((s) => s > 0);
  const cron = {
    schedule: true,
    cronMonitorIntervalSeconds: Math.max(1, Math.min(30, Math.floor(Math.min(60, ...periods) / 2))),
  };
  const boss =
    store.engine === 'pglite'
      ? new PgBoss({ db: fromPglite(store.pglite!), backend: 'pglite', ...cron })
      : new PgBoss({ connectionString: app.config.databaseUrl!.reveal(), max: 4, ...cron });
  boss.on('error', (e) => app.logger.error({ err: e }, 'job queue error'));
  await boss.start();
  const byName = new Map(jobs.map((j) => [j.name, j]));
  for (const job of jobs)
    await boss.createQueue(job.name, { retryLimit: job.retryLimit ?? 3, retryBackoff: true });

  const queue: Queue = {
    boss,
    async send(name, payload, options = {}) {
      const job = byName.get(name);
      if (!job) throw new AppError('invalid_input', `unknown job "${name}"`, { details: { job: name } });
      const parsed = job.payload.safeParse(payload);
      if (!parsed.success) {
        throw new AppError(
          'invalid_input',
          `job ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      }
      return boss.send(name, parsed.data as object, {
        ...(options.tx ? { db: txDatabase(options.tx) } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      });
    },
    async work(options = {}) {
      for (const job of jobs) {
        const every = job.everySeconds?.(app) ?? 0;
        // `once`: a sweep missed while no worker ran happens when one starts again.
        if (every > 0) await boss.schedule(job.name, recurrence(every), {}, { missed: 'once' });
        else if (job.everySeconds) await boss.unschedule(job.name);
        await boss.work(
          job.name,
          {
            batchSize: 1,
            localConcurrency: Math.min(
              job.concurrency ?? Infinity,
              options.concurrency ?? app.config.workerConcurrency,
            ),
            pollingIntervalSeconds: 0.5,
          },
          async ([item]) => {
            if (!item) return;
            const payload = job.payload.parse(item.data);
            const output = await job.handler(payload, { app, jobId: item.id, send: queue.send });
            app.logger.debug({ job: job.name, id: item.id }, 'job done');
            return output;
          },
        );
      }
    },
    async waitFor(jobId, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const name of byName.keys()) {
          const job = await boss.getJobById(name, jobId);
          if (job && ['completed', 'failed', 'cancelled'].includes(job.state))
            return { state: job.state, output: job.output };
        }
        if (Date.now() > deadline)
          throw new AppError('timeout', `job ${jobId} did not finish within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
  return queue;
}
