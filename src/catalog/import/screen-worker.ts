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
import { ProductScreen, type ScreenedProduct } from './screen-products.ts';
import type { ImporterMessage, ScreenJob, ScreenMessage } from './screen-in-worker.ts';

const job = workerData as ScreenJob;
const port = parentPort!;
let credits = job.aheadBatches;
let wake: (() => void) | undefined;
/** Answers to seller requests come in the order the requests were sent. */
const sellerReplies: ((ids: Record<string, string>) => void)[] = [];
const encoder = new BatchEncoder();
port.on('message', (m: ImporterMessage) => {
  if (m.type === 'recycle') encoder.recycle(m.buffers);
  else if (m.type === 'more') credits += 1;
  else sellerReplies.shift()?.(m.ids);
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

/**
 * Seller ids by 사업자등록번호; the importer creates the sellers a file introduces. A request does
 * not stop the reading: products of a seller not known yet wait in `pending` until its id comes.
 */
const sellerIds = new Map<string, string>();
const asked = new Map<string, Promise<void>>();
function askSeller(bizNo: string, record: SellerRecord): Promise<void> {
  let request = asked.get(bizNo);
  if (!request) {
    request = new Promise<Record<string, string>>((resolve) => {
      sellerReplies.push(resolve);
      port.postMessage({ type: 'sellers', records: [record] } satisfies ScreenMessage);
    }).then((ids) => {
      for (const [b, id] of Object.entries(ids)) sellerIds.set(b, id);
      if (!sellerIds.has(bizNo)) throw new Error(`seller ${bizNo} could not be resolved`);
    });
    asked.set(bizNo, request);
  }
  return request;
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
  let rejected: RowError[][] = [];
  let count = 0;
  let batches = 0;
  const flush = async () => {
    if (++batches % COLLECT_EVERY === 0) collect();
    await send({ type: 'batch', encoded: encoder.take(), rejected, count, bytesRead });
    rejected = [];
  };
  const screen = new ProductScreen(job.forcedSeller);
  let pending: ScreenedProduct[] = [];
  const encode = async (p: ScreenedProduct, sellerId: string) => {
    encoder.add(p.record, sellerId, p.variantSkuAt, p.descriptionCopy);
    if (encoder.size >= job.batchSize) await flush();
  };
  /** Encodes the waiting products whose seller is known now (all of them, waiting, at the end). */
  const encodePending = async (wait: boolean) => {
    if (wait) await Promise.all(pending.map((p) => asked.get(p.sellerBizNo!)));
    const waiting = pending;
    pending = [];
    for (const p of waiting) {
      const id = sellerIds.get(p.sellerBizNo!);
      if (id) await encode(p, id);
      else pending.push(p);
    }
  };
  for await (const candidates of source.candidates) {
    for (const candidate of candidates) {
      count += 1;
      const screened = screen.screen(candidate);
      if (!screened.ok) {
        rejected.push(screened.errors);
        continue;
      }
      const p = screened.product;
      const sellerId = job.forcedSeller?.id ?? sellerIds.get(p.sellerBizNo!);
      if (sellerId) await encode(p, sellerId);
      else {
        // A rejected request fails the import here, as the other errors of this thread do.
        askSeller(p.sellerBizNo!, p.record.seller!).catch(() => undefined);
        pending.push(p);
        // Read on while the importer answers, but no further than a batch: products kept here
        // keep their file chunks alive.
        if (pending.length >= job.batchSize) await encodePending(true);
      }
    }
    if (pending.length) await encodePending(false);
  }
  await encodePending(true);
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
