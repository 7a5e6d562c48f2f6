import type { Store } from '../db/index.ts';

/**
 * The push inbox: the durable queue between the receiver and the processor.
 *
 * Writing: the receiver may acknowledge a push only once it is committed, and must do so within
 * 500 ms. Pushes arriving together are written together (group commit): one multi-row INSERT per
 * flush, `ON CONFLICT (dedupe_key) DO NOTHING`, so a burst costs one commit, not one per push, and
 * a duplicate is recognised by the unique key. Each caller learns whether its entry was new.
 *
 * Reading: processors claim due rows with `FOR UPDATE SKIP LOCKED` (several workers on PostgreSQL
 * never take the same row); a claim left by a crashed worker is taken over after `reclaimAfterMs`.
 */
export interface InboxEntry {
  source: 'push' | 'sweep' | 'manual';
  platform: string;
  site: string | null;
  externalSellerId: string;
  messageType: number;
  dedupeKey: string;
  externalOrderId: string | null;
  body: string;
}

export interface ClaimedEntry extends InboxEntry {
  id: number;
  attempts: number;
  receivedAt: Date;
}

interface Waiting {
  entry: InboxEntry;
  resolve(outcome: 'new' | 'duplicate'): void;
  reject(e: unknown): void;
}

export class InboxWriter {
  #queue: Waiting[] = [];
  #flushing = 0;

  constructor(
    private readonly store: Pick<Store, 'query' | 'parallelism'>,
    private readonly options: { maxBatch?: number; onWritten?: (added: number) => void } = {},
  ) {}

  /** Resolves once the entry is committed: 'new', or 'duplicate' when its key was there already. */
  add(entry: InboxEntry): Promise<'new' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ entry, resolve, reject });
      this.#kick();
    });
  }

  #kick(): void {
    // One flush at a time per connection the store can use; the rest wait and go in the next batch.
    while (this.#queue.length > 0 && this.#flushing < Math.max(1, this.store.parallelism)) {
      const batch = this.#queue.splice(0, this.options.maxBatch ?? 500);
      this.#flushing += 1;
      void this.#flush(batch).finally(() => {
        this.#flushing -= 1;
        this.#kick();
      });
    }
  }

  async #flush(batch: Waiting[]): Promise<void> {
    const cols = 8;
    const values: unknown[] = [];
    const rows: string[] = [];
    batch.forEach((w, i) => {
      const e = w.entry;
      const b = i * cols;
      rows.push(`($${b + 1},$${b + 2},$${b + 3},$${b + 4},$${b + 5},$${b + 6},$${b + 7},$${b + 8})`);
      values.push(
        e.source,
        e.platform,
        e.site,
        e.externalSellerId,
        e.messageType,
        e.dedupeKey,
        e.externalOrderId,
        e.body,
      );
    });
    try {
      const inserted = await this.store.query<{ dedupe_key: string }>(
        `INSERT INTO push_inbox (source, platform, site, external_seller_id, message_type, dedupe_key,
           external_order_id, body) VALUES ${rows.join(',')}
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key`,
        values,
      );
      // A key twice in one batch is inserted once: the first waiter gets 'new', the rest 'duplicate'.
      const fresh = new Set(inserted.map((r) => r.dedupe_key));
      for (const w of batch) {
        const isNew = fresh.delete(w.entry.dedupeKey);
        w.resolve(isNew ? 'new' : 'duplicate');
      }
      this.options.onWritten?.(inserted.length);
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }
}

/** Claims up to `limit` due entries for processing. */
export async function claimInbox(
  store: Pick<Store, 'query'>,
  limit: number,
  reclaimAfterMs = 300_000,
): Promise<ClaimedEntry[]> {
  const rows = await store.query<{
    id: number;
    source: InboxEntry['source'];
    platform: string;
    site: string | null;
    external_seller_id: string;
    message_type: number;
    dedupe_key: string;
    external_order_id: string | null;
    body: string;
    attempts: number;
    received_at: Date;
  }>(
    `UPDATE push_inbox SET state = 'processing', claimed_at = now(), attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM push_inbox
       WHERE (state = 'pending' AND available_at <= now())
          OR (state = 'processing' AND claimed_at < now() - make_interval(secs => $2::double precision / 1000))
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, source, platform, site, external_seller_id, message_type, dedupe_key, external_order_id, body,
       attempts, received_at`,
    [limit, reclaimAfterMs],
  );
  return rows
    .map((r) => ({
      id: r.id,
      source: r.source,
      platform: r.platform,
      site: r.site,
      externalSellerId: r.external_seller_id,
      messageType: r.message_type,
      dedupeKey: r.dedupe_key,
      externalOrderId: r.external_order_id,
      body: r.body,
      attempts: r.attempts,
      receivedAt: r.received_at,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Marks entries finished (`done`, `skipped`) or dead (`failed`, kept for an operator). */
export async function finishInbox(
  sql: Pick<Store, 'query'>,
  ids: readonly number[],
  state: 'done' | 'skipped' | 'failed',
  error?: string,
): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(
    `UPDATE push_inbox SET state = $2, processed_at = now(), error = $3 WHERE id = ANY($1::bigint[])`,
    [ids, state, error ?? null],
  );
}

/** Puts entries back to be tried again after `delayMs` (a marketplace call failed). */
export async function retryInbox(
  sql: Pick<Store, 'query'>,
  ids: readonly number[],
  delayMs: number,
  error: string,
): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(
    `UPDATE push_inbox SET state = 'pending', claimed_at = NULL, error = $3,
       available_at = now() + make_interval(secs => $2::double precision / 1000)
     WHERE id = ANY($1::bigint[])`,
    [ids, delayMs, error],
  );
}

/** Entries waiting or being processed, and dead ones (the operator's view of the queue). */
export async function inboxStats(
  store: Pick<Store, 'query'>,
): Promise<{ pending: number; processing: number; failed: number; done: number }> {
  const rows = await store.query<{ state: string; n: number }>(
    `SELECT state, count(*)::int AS n FROM push_inbox GROUP BY state`,
  );
  const get = (s: string) => rows.find((r) => r.state === s)?.n ?? 0;
  return {
    pending: get('pending'),
    processing: get('processing'),
    failed: get('failed'),
    done: get('done') + get('skipped'),
  };
}

/** Puts failed entries back in the queue (after fixing what made them fail, e.g. a missing channel). */
export async function requeueFailed(store: Pick<Store, 'query'>): Promise<number> {
  const rows = await store.query(
    `UPDATE push_inbox SET state = 'pending', available_at = now(), attempts = 0, error = NULL
     WHERE state = 'failed' RETURNING id`,
  );
  return rows.length;
}
