// Worker thread: reads a catalog file and screens its products, sending them to the importer in
// batches. Parsing then runs on its own core while the importer's thread talks to the database
// (on PGlite the database itself runs in the importer's thread).
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '../../shared/index.ts';
import type { RowError } from './candidate.ts';
import { readCandidates } from './read-candidates.ts';
import { screenProducts, type ScreenedProduct } from './screen-products.ts';
import type { ScreenJob, ScreenMessage } from './screen-in-worker.ts';

const job = workerData as ScreenJob;
const port = parentPort!;
let credits = job.aheadBatches;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits += 1;
  wake?.();
});

async function send(message: ScreenMessage): Promise<void> {
  // Wait for the importer to take a batch before running further ahead of it.
  while (message.type === 'batch' && credits <= 0) await new Promise<void>((r) => (wake = r));
  if (message.type === 'batch') credits -= 1;
  port.postMessage(message);
}

async function run(): Promise<void> {
  let bytesRead = 0;
  const source = await readCandidates(job.path, { format: job.format, onBytes: (n) => (bytesRead += n) });
  let products: ScreenedProduct[] = [];
  let rejected: RowError[][] = [];
  let count = 0;
  for await (const screened of screenProducts(source.candidates, job.forcedSeller)) {
    count += 1;
    if (screened.ok) products.push(screened.product);
    else rejected.push(screened.errors);
    if (products.length >= job.batchSize) {
      await send({ type: 'batch', products, rejected, count, bytesRead });
      products = [];
      rejected = [];
    }
  }
  await send({ type: 'batch', products, rejected, count, bytesRead });
  await send({
    type: 'done',
    format: source.format,
    encoding: source.encoding,
    layout: source.layout,
    bytes: source.bytes,
  });
}

run().catch((e: unknown) => {
  const error = toAppError(e);
  port.postMessage({
    type: 'error',
    code: error.code,
    message: error.message,
    details: error.details,
  } satisfies ScreenMessage);
});
