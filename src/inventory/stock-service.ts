import type { Store } from '../db/index.ts';
import { AppError, err, ok, scopedSellerId, type Result, type Scope } from '../shared/index.ts';
import { availableBySite, validatePolicy, type AllocationPolicy } from './allocation.ts';
import { addStock, setOnHand, type AdjustFailure, type Counts } from './stock-moves.ts';
import { loadPolicies, policyFor } from './stock-sync.ts';

/**
 * Seller-facing stock operations: receive, count, look up, set the allocation policy, and open
 * stock from the catalog. Every read and write is scoped: a seller scope only ever touches that
 * seller's variants.
 */

export interface VariantRef {
  variantId: string;
  sellerId: string;
  sellerSku: string;
}

/** Finds a variant by id or by seller SKU within the scope; not_found otherwise. */
export async function resolveVariant(
  store: Pick<Store, 'query'>,
  scope: Scope,
  key: { variantId?: string | undefined; sellerSku?: string | undefined; sellerId?: string | undefined },
): Promise<VariantRef> {
  const scoped = scopedSellerId(scope) ?? key.sellerId;
  if (!key.variantId && !(key.sellerSku && scoped)) {
    throw new AppError('invalid_input', 'name a variant id, or a seller SKU and its seller');
  }
  const rows = await store.query<{ id: string; seller_id: string; seller_sku: string }>(
    key.variantId
      ? `SELECT id, seller_id, seller_sku FROM variants WHERE id = $1 AND ($2::text IS NULL OR seller_id = $2)`
      : `SELECT id, seller_id, seller_sku FROM variants WHERE seller_sku = $1 AND seller_id = $2`,
    [key.variantId ?? key.sellerSku, scoped ?? null],
  );
  const v = rows[0];
  if (!v) throw new AppError('not_found', `variant ${key.variantId ?? key.sellerSku} not found`);
  return { variantId: v.id, sellerId: v.seller_id, sellerSku: v.seller_sku };
}

/** Receives units of a variant (goods in). A repeated request id changes nothing. */
export async function receiveStock(
  store: Store,
  scope: Scope,
  input: {
    variantId?: string;
    sellerSku?: string;
    sellerId?: string;
    quantity: number;
    requestId?: string;
    note?: string;
    actor?: string;
  },
): Promise<{ applied: boolean; counts: Counts }> {
  if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0) {
    throw new AppError('invalid_input', `quantity: must be a positive integer, got ${input.quantity}`);
  }
  const v = await resolveVariant(store, scope, input);
  return store.transaction(async (tx) => {
    const applied = await addStock(tx, {
      ...v,
      quantity: input.quantity,
      kind: 'receipt',
      idempotencyKey: `receipt:${input.requestId ?? crypto.randomUUID()}`,
      actor: input.actor,
      note: input.note,
    });
    return { applied, counts: await countsOf(tx, v.variantId) };
  });
}

/** Sets on-hand to a counted figure; refused below the units orders already hold. */
export async function countStock(
  store: Store,
  scope: Scope,
  input: {
    variantId?: string;
    sellerSku?: string;
    sellerId?: string;
    onHand: number;
    requestId?: string;
    note?: string;
    actor?: string;
  },
): Promise<Result<Counts, AdjustFailure>> {
  const v = await resolveVariant(store, scope, input);
  return store.transaction((tx) =>
    setOnHand(tx, {
      ...v,
      onHand: input.onHand,
      idempotencyKey: `count:${input.requestId ?? crypto.randomUUID()}`,
      actor: input.actor,
      note: input.note,
    }),
  );
}

async function countsOf(sql: Pick<Store, 'query'>, variantId: string): Promise<Counts> {
  const [r] = await sql.query<{ on_hand: number; reserved: number }>(
    `SELECT on_hand, reserved FROM stock_items WHERE variant_id = $1`,
    [variantId],
  );
  return { onHand: r?.on_hand ?? 0, reserved: r?.reserved ?? 0 };
}

/**
 * Opening stock from the catalog: every variant in scope without a stock item gets one whose
 * on-hand is the catalog's stock figure (one receipt each, keyed by variant, so running it again
 * does nothing).
 */
export async function openStockFromCatalog(store: Store, scope: Scope): Promise<{ opened: number }> {
  const sellerId = scopedSellerId(scope) ?? null;
  return store.transaction(async (tx) => {
    const rows = await tx.query<{ n: number }>(
      `WITH fresh AS (
         INSERT INTO stock_items (variant_id, seller_id, seller_sku, on_hand)
         SELECT v.id, v.seller_id, v.seller_sku, GREATEST(v.stock, 0) FROM variants v
         WHERE ($1::text IS NULL OR v.seller_id = $1)
           AND NOT EXISTS (SELECT 1 FROM stock_items s WHERE s.variant_id = v.id)
         ON CONFLICT (variant_id) DO NOTHING
         RETURNING variant_id, seller_id, on_hand
       ), led AS (
         INSERT INTO stock_ledger (seller_id, variant_id, kind, on_hand_delta, reserved_delta, on_hand_after,
           reserved_after, idempotency_key, note)
         SELECT seller_id, variant_id, 'receipt', on_hand, 0, on_hand, 0, 'opening:' || variant_id,
           'opening stock from the catalog'
         FROM fresh ON CONFLICT (idempotency_key) DO NOTHING RETURNING 1
       )
       SELECT count(*)::int AS n FROM led`,
      [sellerId],
    );
    return { opened: rows[0]?.n ?? 0 };
  });
}

export interface StockLevel {
  variantId: string;
  sellerId: string;
  sellerSku: string;
  onHand: number;
  reserved: number;
  free: number;
  /** True when the latest change has not been pushed to the listings yet. */
  pendingPush: boolean;
  bySite: Record<string, number>;
}

/** Stock levels in scope, optionally one SKU, with what each of `sites` may offer. */
export async function stockLevels(
  store: Pick<Store, 'query'>,
  scope: Scope,
  options: {
    sellerSku?: string;
    sellerId?: string;
    sites?: readonly string[];
    limit?: number;
    after?: string;
  } = {},
): Promise<StockLevel[]> {
  const sellerId = scopedSellerId(scope) ?? options.sellerId ?? null;
  const rows = await store.query<{
    variant_id: string;
    seller_id: string;
    seller_sku: string;
    on_hand: number;
    reserved: number;
    version: number;
    synced_version: number;
  }>(
    `SELECT variant_id, seller_id, seller_sku, on_hand, reserved, version, synced_version FROM stock_items
     WHERE ($1::text IS NULL OR seller_id = $1) AND ($2::text IS NULL OR seller_sku = $2)
       AND ($3::text IS NULL OR variant_id > $3)
     ORDER BY variant_id LIMIT $4`,
    [sellerId, options.sellerSku ?? null, options.after ?? null, options.limit ?? 100],
  );
  const policies = await loadPolicies(store, [...new Set(rows.map((r) => r.seller_id))]);
  return rows.map((r) => ({
    variantId: r.variant_id,
    sellerId: r.seller_id,
    sellerSku: r.seller_sku,
    onHand: r.on_hand,
    reserved: r.reserved,
    free: Math.max(0, r.on_hand - r.reserved),
    pendingPush: r.version > r.synced_version,
    bySite: availableBySite(
      { onHand: r.on_hand, reserved: r.reserved },
      policyFor(policies, r.seller_id, r.variant_id),
      options.sites ?? [],
    ),
  }));
}

export interface LedgerEntry {
  id: number;
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  site: string | null;
  ref: string | null;
  actor: string;
  note: string | null;
  at: Date;
}

/** A variant's movements, newest first. */
export async function stockLedger(
  store: Pick<Store, 'query'>,
  scope: Scope,
  key: { variantId?: string; sellerSku?: string; sellerId?: string },
  limit = 100,
): Promise<LedgerEntry[]> {
  const v = await resolveVariant(store, scope, key);
  const rows = await store.query<Record<string, unknown>>(
    `SELECT id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, site, ref, actor, note, created_at
     FROM stock_ledger WHERE seller_id = $1 AND variant_id = $2 ORDER BY id DESC LIMIT $3`,
    [v.sellerId, v.variantId, limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: String(r.kind),
    onHandDelta: Number(r.on_hand_delta),
    reservedDelta: Number(r.reserved_delta),
    onHandAfter: Number(r.on_hand_after),
    reservedAfter: Number(r.reserved_after),
    site: (r.site as string | null) ?? null,
    ref: (r.ref as string | null) ?? null,
    actor: String(r.actor),
    note: (r.note as string | null) ?? null,
    at: r.created_at as Date,
  }));
}

/** Sets a seller's default policy (`variant` omitted) or one variant's. */
export async function setAllocationPolicy(
  store: Pick<Store, 'query'>,
  scope: Scope,
  input: { sellerId?: string; variantId?: string; sellerSku?: string; policy: AllocationPolicy },
): Promise<Result<{ sellerId: string; variantId: string }, { kind: 'no-seller' }>> {
  const policy = validatePolicy(input.policy);
  let sellerId = scopedSellerId(scope) ?? input.sellerId;
  let variantId = '*';
  if (input.variantId || input.sellerSku) {
    const v = await resolveVariant(store, scope, input);
    sellerId = v.sellerId;
    variantId = v.variantId;
  }
  if (!sellerId) return err({ kind: 'no-seller' });
  await store.query(
    `INSERT INTO stock_policies (seller_id, variant_id, mode, buffers, weights, updated_at)
     VALUES ($1,$2,$3,$4,$5,now())
     ON CONFLICT (seller_id, variant_id) DO UPDATE SET mode = EXCLUDED.mode, buffers = EXCLUDED.buffers,
       weights = EXCLUDED.weights, updated_at = now()`,
    [sellerId, variantId, policy.mode, JSON.stringify(policy.buffers), JSON.stringify(policy.weights)],
  );
  // A new policy changes what each site may offer: queue every affected SKU for a push. Rows are
  // locked in variant order, as order processing locks them, so the two cannot deadlock.
  await store.query(
    `WITH locked AS (
       SELECT variant_id FROM stock_items WHERE seller_id = $1 AND ($2 = '*' OR variant_id = $2)
       ORDER BY variant_id FOR UPDATE)
     UPDATE stock_items s SET version = s.version + 1, changed_at = now()
     FROM locked WHERE s.variant_id = locked.variant_id`,
    [sellerId, variantId],
  );
  return ok({ sellerId, variantId });
}
