import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { schema, type Store } from '../../db/index.ts';
import { AppError, newId, type Clock } from '../../shared/index.ts';
import { normalizeBizNo } from '../biz-no.ts';
import type { SellerRecord } from '../catalog-record.ts';
import type { RowError } from './candidate.ts';
import { fileSize, formatOf, type CandidateSource } from './read-candidates.ts';
import type { EncodedBatch } from './copy-rows.ts';
import { screenInWorker } from './screen-in-worker.ts';
import { writeBatch } from './write-batch.ts';

export interface ImportOptions {
  /** Every product belongs to this seller; without it each product must name its seller. */
  sellerId?: string;
  format?: string;
  batchSize?: number;
  onProgress?: (progress: { bytesRead: number; bytesTotal: number; products: number }) => void;
}

export interface ImportSummary {
  runId: string;
  file: string;
  format: CandidateSource['format'];
  encoding: CandidateSource['encoding'];
  layout: CandidateSource['layout'];
  products: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Products rejected; each has at least one entry in `errors`. */
  rejected: number;
  errors: RowError[];
  sellersCreated: number;
  durationMs: number;
}

const DEFAULT_BATCH = 1_000;

const IMPORT_LOCK_KEY = 4_242_002;
const STORED_ERRORS = 200;

/** Resolves sellers by 사업자등록번호, creating the ones a file introduces. */
class SellerResolver {
  readonly #byBizNo = new Map<string, string>();
  created = 0;
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async resolve(records: SellerRecord[]): Promise<void> {
    const missing = [...new Map(records.map((s) => [normalizeBizNo(s.bizNo), s])).entries()].filter(
      ([b]) => !this.#byBizNo.has(b),
    );
    if (!missing.length) return;
    const now = this.clock.now();
    const inserted = await this.store.db
      .insert(schema.sellers)
      .values(
        missing.map(([bizNo, s]) => ({
          id: newId('seller', now.getTime()),
          name: s.name.trim(),
          bizNo,
          contactName: s.contactName ?? null,
          contactEmail: s.contactEmail ?? null,
          contactPhone: s.contactPhone ?? null,
        })),
      )
      .onConflictDoNothing({ target: schema.sellers.bizNo })
      .returning({ id: schema.sellers.id });
    this.created += inserted.length;
    for (const [bizNo] of missing) {
      const row = await this.store.db
        .select({ id: schema.sellers.id })
        .from(schema.sellers)
        .where(eq(schema.sellers.bizNo, bizNo));
      if (row[0]) this.#byBizNo.set(bizNo, row[0].id);
    }
  }

  idOf(bizNo: string): string | undefined {
    return this.#byBizNo.get(normalizeBizNo(bizNo));
  }

  /** Whether each seller had products stored when its first batch of this import was sent. */
  readonly #hadProducts = new Map<string, boolean>();

  /**
   * Whether every product of a batch is new, because none of its sellers had products before this
   * import reached them: then a batch need not look its SKUs up. Asked in file order, before the
   * batch is written, so a seller's earlier batches in this import are never mistaken for stored
   * products (and the file holds each SKU once).
   */
  async allNew(sellerIds: string[]): Promise<boolean> {
    const unknown = [...new Set(sellerIds)].filter((id) => !this.#hadProducts.has(id));
    if (unknown.length) {
      const stocked = await this.store.query<{ id: string }>(
        `SELECT s.id FROM unnest($1::text[]) AS s(id)
         WHERE EXISTS (SELECT 1 FROM products p WHERE p.seller_id = s.id)`,
        [unknown],
      );
      for (const id of unknown) this.#hadProducts.set(id, false);
      for (const { id } of stocked) this.#hadProducts.set(id, true);
    }
    return sellerIds.every((id) => this.#hadProducts.get(id) === false);
  }
}

/**
 * Imports a catalog file (CSV in UTF-8 or CP949, XLSX, JSON, NDJSON; canonical or ESM+ layout).
 * Streams the file; every rejected row is reported with its row, column and reason; good products
 * are stored in batches, each product with all its variants or not at all. Re-importing the same
 * file changes nothing (upsert by seller SKU, content hash to detect changes).
 */
export async function importCatalog(
  store: Store,
  path: string,
  clock: Clock,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  // One import at a time per database, so two imports of the same file cannot race on the same SKUs.
  return store.withLock(IMPORT_LOCK_KEY, () => runImport(store, path, clock, options));
}

async function runImport(
  store: Store,
  path: string,
  clock: Clock,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = Date.now();
  let forcedSeller: { id: string; bizNo: string } | undefined;
  if (options.sellerId) {
    const [row] = await store.db.select().from(schema.sellers).where(eq(schema.sellers.id, options.sellerId));
    if (!row)
      throw new AppError('not_found', `--seller: seller ${options.sellerId} does not exist`, {
        details: { parameter: 'seller' },
      });
    forcedSeller = { id: row.id, bizNo: row.bizNo };
  }
  const format = formatOf(path, options.format);
  const bytesTotal = fileSize(path);

  const runId = newId('importRun', clock.now().getTime());
  await store.db.insert(schema.importRuns).values({
    id: runId,
    sellerId: forcedSeller?.id ?? null,
    fileName: basename(path),
    format,
    status: 'running',
    startedAt: clock.now(),
  });

  const summary: ImportSummary = {
    runId,
    file: path,
    format,
    encoding: 'utf8',
    layout: format === 'json' || format === 'ndjson' ? 'json' : 'canonical',
    products: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    sellersCreated: 0,
    durationMs: 0,
  };
  const sellers = new SellerResolver(store, clock);
  const reject = (errors: RowError[]) => {
    summary.rejected += 1;
    summary.errors.push(...errors);
  };

  // The file is read and screened in a worker thread while batches are written here; on
  // PostgreSQL several batches go in at once over separate connections.
  const inFlight = new Set<Promise<void>>();
  let writeError: unknown;
  const drain = async (limit: number) => {
    while (inFlight.size > limit) await Promise.race(inFlight);
    if (writeError) throw writeError;
  };
  const write = async (batch: EncodedBatch, bytesRead: number, recycle?: () => void) => {
    await drain(store.parallelism - 1);
    if (!batch.skus.length) return recycle?.();
    const allNew = await sellers.allNew(batch.sellerIds);
    const done: Promise<void> = writeBatch(store, batch, { allNew }).then(
      (outcome) => {
        recycle?.();
        summary.created += outcome.created;
        summary.updated += outcome.updated;
        summary.unchanged += outcome.unchanged;
        for (const e of outcome.rejected) reject([e]);
        options.onProgress?.({ bytesRead, bytesTotal, products: summary.products });
      },
      (e: unknown) => {
        writeError ??= e;
      },
    );
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  };

  try {
    const batches = screenInWorker({
      path,
      format: options.format,
      forcedSeller,
      batchSize: options.batchSize ?? DEFAULT_BATCH,
      aheadBatches: 2,
    });
    for (;;) {
      const next = await batches.next();
      if (next.done) {
        summary.format = next.value.format;
        summary.encoding = next.value.encoding;
        summary.layout = next.value.layout;
        break;
      }
      const message = next.value;
      if (message.type === 'sellers') {
        // Sellers are created outside batch transactions: PGlite has one session, so wait for the
        // batch in flight there; PostgreSQL writes them on a connection of their own.
        if (store.engine === 'pglite') await drain(0);
        await sellers.resolve(message.records);
        message.reply(
          Object.fromEntries(message.records.map((r) => [normalizeBizNo(r.bizNo), sellers.idOf(r.bizNo)!])),
        );
        continue;
      }
      summary.products = message.count;
      for (const errors of message.rejected) reject(errors);
      // PostgreSQL only: PGlite's COPY keeps a copy of each batch in a Blob, outside V8's heap,
      // until a collection frees it; dropping the batches' own buffers here is what makes this
      // thread collect, and with them recycled its peak RSS went from ~540 to ~780 MB.
      await write(
        message.encoded,
        message.bytesRead,
        store.engine === 'postgres' ? message.recycle : undefined,
      );
    }
    await drain(0);
  } catch (e) {
    await Promise.allSettled(inFlight);
    await store.db
      .update(schema.importRuns)
      .set({ status: 'failed', finishedAt: clock.now(), ...counts(summary) })
      .where(eq(schema.importRuns.id, runId));
    throw e;
  }
  summary.sellersCreated = sellers.created;
  summary.durationMs = Date.now() - started;
  summary.errors.sort((a, b) => a.row - b.row);
  await store.db
    .update(schema.importRuns)
    .set({ status: 'completed', finishedAt: clock.now(), ...counts(summary) })
    .where(eq(schema.importRuns.id, runId));
  return summary;
}

function counts(s: ImportSummary) {
  return {
    created: s.created,
    updated: s.updated,
    unchanged: s.unchanged,
    rejected: s.rejected,
    errors: s.errors.slice(0, STORED_ERRORS).map(({ row, column, reason }) => ({ row, column, reason })),
  };
}
