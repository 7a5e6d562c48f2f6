import type { Store } from '../db/index.ts';
import { availableBySite, DEFAULT_POLICY, type AllocationPolicy } from './allocation.ts';
import type { Sql } from './stock-moves.ts';

/**
 * The stock push, as a small interface until the listings capability exists: stock_items is a
 * coalescing outbox. Every movement bumps the row's `version`; a row whose version is past its
 * `synced_version` means "the available quantity of this SKU changed". A consumer (the listings
 * sync, later; the benchmark's stand-in now) reads the changes with the quantity each site may
 * offer, pushes them, and marks the version it pushed. A storm of orders on one SKU becomes one
 * pending row, not one message per order; a push that fails leaves the row pending.
 */
export interface StockChange {
  variantId: string;
  sellerId: string;
  sellerSku: string;
  version: number;
  onHand: number;
  reserved: number;
  /** on hand minus reserved. */
  free: number;
  /** What each site may offer under the variant's allocation policy. */
  bySite: Record<string, number>;
}

/** Where available quantities go (the listings sync implements it). */
export interface StockPushTarget {
  /** Pushes the quantities; returns the variants whose push succeeded. */
  push(changes: readonly StockChange[]): Promise<{ variantId: string; ok: boolean }[]>;
}

/** The policies of the given sellers: variant id or `*` → policy. */
export async function loadPolicies(
  sql: Sql,
  sellerIds: readonly string[],
): Promise<Map<string, Map<string, AllocationPolicy>>> {
  const out = new Map<string, Map<string, AllocationPolicy>>();
  if (sellerIds.length === 0) return out;
  const rows = await sql.query<{
    seller_id: string;
    variant_id: string;
    mode: 'shared' | 'split';
    buffers: Record<string, number>;
    weights: Record<string, number>;
  }>(`SELECT seller_id, variant_id, mode, buffers, weights FROM stock_policies WHERE seller_id = ANY($1)`, [
    [...sellerIds],
  ]);
  for (const r of rows) {
    let m = out.get(r.seller_id);
    if (!m) out.set(r.seller_id, (m = new Map()));
    m.set(r.variant_id, { mode: r.mode, buffers: r.buffers, weights: r.weights });
  }
  return out;
}

export function policyFor(
  policies: Map<string, Map<string, AllocationPolicy>>,
  sellerId: string,
  variantId: string,
): AllocationPolicy {
  const m = policies.get(sellerId);
  return m?.get(variantId) ?? m?.get('*') ?? DEFAULT_POLICY;
}

/**
 * Variants whose available quantity changed since the last push, oldest change first, with what
 * each site may offer. `sitesFor` names the sites a seller sells on.
 */
export async function pendingStockChanges(
  store: Pick<Store, 'query'>,
  options: { limit?: number; sitesFor: (sellerId: string) => readonly string[] | Promise<readonly string[]> },
): Promise<StockChange[]> {
  const rows = await store.query<{
    variant_id: string;
    seller_id: string;
    seller_sku: string;
    version: number;
    on_hand: number;
    reserved: number;
  }>(
    `SELECT variant_id, seller_id, seller_sku, version, on_hand, reserved FROM stock_items
     WHERE version > synced_version ORDER BY changed_at LIMIT $1`,
    [options.limit ?? 500],
  );
  const policies = await loadPolicies(store, [...new Set(rows.map((r) => r.seller_id))]);
  const sites = new Map<string, readonly string[]>();
  const out: StockChange[] = [];
  for (const r of rows) {
    let s = sites.get(r.seller_id);
    if (!s) sites.set(r.seller_id, (s = await options.sitesFor(r.seller_id)));
    const counts = { onHand: r.on_hand, reserved: r.reserved };
    out.push({
      variantId: r.variant_id,
      sellerId: r.seller_id,
      sellerSku: r.seller_sku,
      version: r.version,
      onHand: r.on_hand,
      reserved: r.reserved,
      free: Math.max(0, r.on_hand - r.reserved),
      bySite: availableBySite(counts, policyFor(policies, r.seller_id, r.variant_id), s),
    });
  }
  return out;
}

/**
 * Records that these versions were pushed (a newer change made meanwhile stays pending). Rows are
 * locked in variant order, the order reservations lock them in, so this never deadlocks with
 * order processing on PostgreSQL.
 */
export async function markStockSynced(
  store: Pick<Store, 'transaction'>,
  pushed: readonly { variantId: string; version: number }[],
): Promise<void> {
  if (pushed.length === 0) return;
  const sorted = [...pushed].sort((a, b) =>
    a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0,
  );
  await store.transaction(async (tx) => {
    await tx.query(
      `SELECT 1 FROM stock_items WHERE variant_id = ANY($1::text[]) ORDER BY variant_id FOR UPDATE`,
      [sorted.map((p) => p.variantId)],
    );
    await tx.query(
      `UPDATE stock_items s SET synced_version = GREATEST(s.synced_version, p.version)
       FROM (SELECT unnest($1::text[]) AS variant_id, unnest($2::bigint[]) AS version) p
       WHERE s.variant_id = p.variant_id`,
      [sorted.map((p) => p.variantId), sorted.map((p) => p.version)],
    );
  });
}

/** One round of the stock push: read pending changes, push them, mark what went through. */
export async function runStockSync(
  store: Pick<Store, 'query' | 'transaction'>,
  target: StockPushTarget,
  options: { limit?: number; sitesFor: (sellerId: string) => readonly string[] | Promise<readonly string[]> },
): Promise<{ pushed: number; failed: number }> {
  const changes = await pendingStockChanges(store, options);
  if (changes.length === 0) return { pushed: 0, failed: 0 };
  const results = await target.push(changes);
  const okIds = new Set(results.filter((r) => r.ok).map((r) => r.variantId));
  await markStockSynced(
    store,
    changes
      .filter((c) => okIds.has(c.variantId))
      .map((c) => ({ variantId: c.variantId, version: c.version })),
  );
  return { pushed: okIds.size, failed: changes.length - okIds.size };
}
