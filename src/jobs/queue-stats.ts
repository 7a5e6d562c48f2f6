import type { Store } from '../db/index.ts';

/**
 * What the operations screen shows of the job queue, read with plain SQL from pg-boss's own tables
 * (schema `pgboss`, pg-boss 12): the API process does not start a queue, and the figures must be
 * the same whichever process asks. Ages and windows use the database's clock, as pg-boss's
 * timestamps do. A database where no worker has started pg-boss yet has no such
 * schema: every queue then reads as empty.
 */
export interface QueueStats {
  name: string;
  /** Waiting to run (state created), including jobs whose start is deferred. */
  queued: number;
  active: number;
  /** Failed at least once and waiting for their next attempt. */
  retry: number;
  /** Failed for good within the window. */
  failed: number;
  completed: number;
  /** Seconds since the oldest queued job was created; null when none waits. */
  oldestQueuedSeconds: number | null;
}

export interface JobFailure {
  queue: string;
  jobId: string;
  /** `failed`: for good; `retry`: the last attempt failed and another is due. */
  state: 'failed' | 'retry';
  at: string | null;
  retryCount: number;
  /** The error message only (no stack, no payload), with anything like a credential blanked. */
  message: string;
}

export interface QueueOverview {
  /** Whether pg-boss's tables exist in this database (a worker or `npm start` has run). */
  started: boolean;
  windowHours: number;
  queues: QueueStats[];
  recentFailures: JobFailure[];
}

const SECRETISH =
  /((?:access|refresh)_?token|app_?secret|client_?secret|secret|password|passwd|api_?key|sign|signature|authorization|cookie)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi;

/** Blanks credentials a job's error text might quote (tokens in URLs, signed parameters, keys). */
export function redactSecrets(text: string): string {
  return text
    .replace(SECRETISH, '$1$2[redacted]')
    .replace(/\bBearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\bkbk_[A-Za-z0-9_-]+/g, 'kbk_[redacted]');
}

const MESSAGE_MAX = 500;

/** Counts per queue (every name in `names` listed, idle ones as zeros) and the latest failures. */
export async function queueOverview(
  store: Store,
  names: readonly string[],
  options: { windowHours?: number; failures?: number } = {},
): Promise<QueueOverview> {
  const windowHours = options.windowHours ?? 24;
  const empty = (name: string): QueueStats => ({
    name,
    queued: 0,
    active: 0,
    retry: 0,
    failed: 0,
    completed: 0,
    oldestQueuedSeconds: null,
  });
  const [probe] = await store.query<{ t: string | null }>(`SELECT to_regclass('pgboss.job')::text AS t`);
  if (!probe?.t)
    return { started: false, windowHours, queues: [...names].sort().map(empty), recentFailures: [] };
  const rows = await store.query<Omit<QueueStats, 'oldestQueuedSeconds'> & { oldest_seconds: number | null }>(
    `SELECT name,
       count(*) FILTER (WHERE state = 'created')::int AS queued,
       count(*) FILTER (WHERE state = 'active')::int AS active,
       count(*) FILTER (WHERE state = 'retry')::int AS retry,
       count(*) FILTER (WHERE state = 'failed' AND completed_on >= now() - $1 * interval '1 hour')::int AS failed,
       count(*) FILTER (WHERE state = 'completed' AND completed_on >= now() - $1 * interval '1 hour')::int AS completed,
       round(extract(epoch FROM now() - min(created_on) FILTER (WHERE state = 'created')))::int AS oldest_seconds
     FROM pgboss.job GROUP BY name`,
    [windowHours],
  );
  const byName = new Map(names.map((n) => [n, empty(n)]));
  for (const r of rows) {
    byName.set(r.name, {
      name: r.name,
      queued: Number(r.queued),
      active: Number(r.active),
      retry: Number(r.retry),
      failed: Number(r.failed),
      completed: Number(r.completed),
      oldestQueuedSeconds: r.oldest_seconds === null ? null : Math.max(0, Number(r.oldest_seconds)),
    });
  }
  const failures = await store.query<{
    name: string;
    id: string;
    state: 'failed' | 'retry';
    at: string | Date | null;
    retry_count: number;
    message: string | null;
  }>(
    `SELECT name, id::text AS id, state::text AS state, coalesce(completed_on, started_on, created_on) AS at,
       retry_count, coalesce(output->>'message', output->'value'->>'message', output::text) AS message
     FROM pgboss.job
     WHERE state = 'failed' OR (state = 'retry' AND output IS NOT NULL)
     ORDER BY coalesce(completed_on, started_on, created_on) DESC
     LIMIT $1`,
    [options.failures ?? 10],
  );
  return {
    started: true,
    windowHours,
    queues: [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    recentFailures: failures.map((f) => ({
      queue: f.name,
      jobId: f.id,
      state: f.state,
      at: f.at === null ? null : new Date(f.at).toISOString(),
      retryCount: Number(f.retry_count),
      message: redactSecrets(f.message ?? '').slice(0, MESSAGE_MAX),
    })),
  };
}
