import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/index.ts';
import type { SellerRecord } from '../catalog-record.ts';
import type { RowError } from './candidate.ts';
import type { EncodedBatch } from './copy-rows.ts';
import type { CandidateSource } from './read-candidates.ts';

export interface ScreenJob {
  path: string;
  format: string | undefined;
  forcedSeller: { id: string; bizNo: string } | undefined;
  batchSize: number;
  /** Batches the worker may prepare before the importer takes them. */
  aheadBatches: number;
}

export interface ScreenedBatch {
  type: 'batch';
  encoded: EncodedBatch;
  /** Gives the batch's buffers back to the worker once written (they are unusable here then). */
  recycle?: () => void;
  rejected: RowError[][];
  /** Products read so far, and bytes of the file. */
  count: number;
  bytesRead: number;
}

/** The worker asks the importer for the ids of sellers it has not seen (creating new ones). */
export interface SellersRequest {
  type: 'sellers';
  records: SellerRecord[];
}

/** What the importer sends the worker: a batch was taken, or the seller ids asked for by 사업자등록번호. */
export type ImporterMessage =
  | { type: 'more' }
  | { type: 'sellers'; ids: Record<string, string> }
  | { type: 'recycle'; buffers: ArrayBuffer[] };

export type ScreenMessage =
  | ScreenedBatch
  | SellersRequest
  | ({ type: 'done' } & Pick<CandidateSource, 'format' | 'encoding' | 'layout' | 'bytes'>)
  | { type: 'error'; code: ErrorCode; message: string; details: Record<string, unknown> };

/**
 * Reads, screens and encodes a catalog file in a worker thread and yields its batches in order,
 * then the file's format, encoding and layout. A request for seller ids is yielded with a way to
 * answer it. An error in the worker (unreadable file, unknown header) arrives here as the same
 * AppError.
 */
export async function* screenInWorker(
  job: ScreenJob,
): AsyncGenerator<
  ScreenedBatch | (SellersRequest & { reply(ids: Record<string, string>): void }),
  Extract<ScreenMessage, { type: 'done' }>
> {
  // The boot file registers tsx in the worker, which does not inherit this thread's loader. A
  // larger young generation halves the worker's scavenges (+5% import throughput on PostgreSQL).
  const worker = new Worker(new URL('./screen-worker-boot.mjs', import.meta.url), {
    workerData: job,
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
  const queue: ScreenMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  worker.on('message', (m: ScreenMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new AppError('internal', `the import worker stopped with code ${code}`);
    wake?.();
  });
  try {
    for (;;) {
      while (!queue.length && !failure) await new Promise<void>((r) => (wake = r));
      const message = queue.shift();
      if (!message) throw failure;
      if (message.type === 'error')
        throw new AppError(message.code, message.message, { details: message.details });
      if (message.type === 'done') return message;
      if (message.type === 'sellers') {
        yield {
          ...message,
          reply: (ids) => worker.postMessage({ type: 'sellers', ids } satisfies ImporterMessage),
        };
        continue;
      }
      worker.postMessage({ type: 'more' } satisfies ImporterMessage);
      const buffers = [message.encoded.products.buffer, message.encoded.variants.buffer] as ArrayBuffer[];
      message.recycle = () =>
        worker.postMessage({ type: 'recycle', buffers } satisfies ImporterMessage, buffers);
      yield message;
    }
  } finally {
    await worker.terminate();
  }
}
