import type { z } from 'zod';
import type { App } from '../main/app.ts';

/**
 * A job: a name, the schema of its payload, and a handler that decodes the payload, calls a
 * capability and returns what happened. Handlers must be idempotent: running one twice changes
 * nothing the second time.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  /** At most this many runs of this job at a time in one worker process (CPU-heavy jobs: 1). */
  concurrency?: number;
  /** How many times a failed run is retried (with backoff) before the job is marked failed. */
  retryLimit?: number;
  /** Seconds between runs the queue schedules (once for all workers); 0 or absent: only when sent. */
  everySeconds?: (app: App) => number;
  handler(payload: z.infer<S>, ctx: JobContext): Promise<unknown>;
}

export interface JobContext {
  app: App;
  jobId: string;
  /** Enqueues a follow-up job (a long walk continues in its next page). */
  send(name: string, payload: unknown, options?: { singletonKey?: string }): Promise<string | null>;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}
