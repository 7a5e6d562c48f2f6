// Worker thread: reads a catalog file, screens its products and encodes them as COPY rows, sending
// them to the importer in batches. Parsing and encoding run on their own core while the
// importer's thread talks to the database (on PGlite the database itself runs in that thread).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { toAppError } from '../../shared/index.ts';
import type { SellerRecord } from '../catalog-record.ts';
import type { RowError } from './candidate.ts';
import { BatchEncoder } from './copy-rows.ts';
import { readCandidates } from './read-candidates.ts';
import { screenProducts } from './screen-products.ts';
import type { ImporterMessage, ScreenJob, ScreenMessage } from './screen-in-worker.ts';

const job = workerData as ScreenJob;
const port = parentPort!;
let credits = job.aheadBatches;
let wake: (() => void) | undefined;
let sellerReply: ((ids: Record<string, string>) => void) | undefined;
port.on('message', (m: ImporterMessage) => {
  if (m.type === 'more') credits += 1;
  else sellerReply?.(m.ids);
  wake?.();
});

async function send(message: ScreenMessage): Promise<void> {
  // Wait for the importer to take a batch before running further ahead of it.
  while (message.type === 'batch' && credits <= 0) await new Promise<void>((r) => (wake = r));
  if (message.type === 'batch') {
    credits -= 1;
    const { products, variants } = message.encoded;
    port.postMessage(message, [products.buffer as ArrayBuffer, variants.buffer as ArrayBuffer]);
  } else port.postMessage(message);
}

/** Seller ids by 사업자등록번호; the importer creates the sellers a file introduces. */
const sellerIds = new Map<string, string>();
async function sellerIdOf(bizNo: string, record: SellerRecord): Promise<string> {
  const known = sellerIds.get(bizNo);
  if (known) return known;
  const ids = await new Promise<Record<string, string>>((resolve) => {
    sellerReply = resolve;
    port.postMessage({ type: 'sellers', records: [record] } satisfies ScreenMessage);
  });
  for (const [b, id] of Object.entries(ids)) sellerIds.set(b, id);
  const id = sellerIds.get(bizNo);
  if (!id) throw new Error(`seller ${bizNo} could not be resolved`);
  return id;
}

/**
 * This thread makes ~2.5 bytes of short-lived strings per byte of file, while what it keeps (the
 * SKUs seen) stays small; V8 lets such garbage pile up in the old generation for a long time
 * (150+ MB over a 240 MB file). A full collection every few batches holds the heap near what is
 * live, for a few milliseconds each.
 */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const COLLECT_EVERY = 8;

async function run(): Promise<void> {
  let bytesRead = 0;
  const source = await readCandidates(job.path, { format: job.format, onBytes: (n) => (bytesRead += n) });
  const encoder = new BatchEncoder();
  let rejected: RowError[][] = [];
  let count = 0;
  let batches = 0;
  const flush = async () => {
    if (++batches % COLLECT_EVERY === 0) collect();
    await send({ type: 'batch', encoded: encoder.take(), rejected, count, bytesRead });
    rejected = [];
  };
  for await (const screened of screenProducts(source.candidates, job.forcedSeller)) {
    count += 1;
    if (!screened.ok) {
      rejected.push(screened.errors);
      continue;
    }
    const p = screened.product;
    const sellerId = job.forcedSeller?.id ?? (await sellerIdOf(p.sellerBizNo!, p.record.seller!));
    encoder.add(p.record, sellerId, p.variantSkuAt);
    if (encoder.size >= job.batchSize) await flush();
  }
  await flush();
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
