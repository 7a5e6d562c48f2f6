import type { Store, SqlTx } from '../db/index.ts';
import { newId } from '../shared/index.ts';
import { statesLeadingTo, type ListingState } from './lifecycle.ts';

/**
 * Listing rows and their sync log. State changes go through `moveListing`, an UPDATE guarded by
 * the transition table in SQL (`state = ANY(states that may lead here)`), so two workers racing
 * on one listing cannot make an illegal move: the loser's update matches no row.
 */
export type Sql = Pick<SqlTx, 'query'>;

export interface ListingRow {
  id: string;
  sellerId: string;
  productId: string;
  site: string;
  state: ListingState;
  categoryId: string | null;
  categoryPath: string | null;
  categoryConfidence: number | null;
  itemId: string | null;
  title: string | null;
  issues: Record<string, unknown>[];
  contentHash: string | null;
  qcReason: string | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  lastSyncAt: Date | null;
  attempts: number;
  updatedAt: Date;
}

export const LISTING_COLUMNS = `id, seller_id AS "sellerId", product_id AS "productId", site, state,
  category_id AS "categoryId", category_path AS "categoryPath", category_confidence AS "categoryConfidence",
  item_id AS "itemId", title, issues, content_hash AS "contentHash", qc_reason AS "qcReason",
  last_error_code AS "lastErrorCode", last_error_message AS "lastErrorMessage", last_sync_at AS "lastSyncAt",
  attempts, updated_at AS "updatedAt"`;

export interface ListingEvent {
  kind: 'transition' | 'push' | 'error' | 'repair' | 'qc' | 'build';
  fromState?: string | null;
  toState?: string | null;
  code?: string | null;
  message?: string | null;
  detail?: Record<string, unknown> | null;
}

/** The listing of a product on a site, created as a draft on first sight. */
export async function ensureListing(
  sql: Sql,
  input: { sellerId: string; productId: string; site: string },
): Promise<ListingRow> {
  await sql.query(
    `INSERT INTO listings (id, seller_id, product_id, site) VALUES ($1,$2,$3,$4)
     ON CONFLICT (product_id, site) DO NOTHING`,
    [newId('listing'), input.sellerId, input.productId, input.site],
  );
  const [row] = await sql.query<ListingRow>(
    `SELECT ${LISTING_COLUMNS} FROM listings WHERE product_id = $1 AND site = $2`,
    [input.productId, input.site],
  );
  return row!;
}

export async function recordEvents(
  sql: Sql,
  events: readonly (ListingEvent & { listingId: string; sellerId: string })[],
): Promise<void> {
  if (events.length === 0) return;
  await sql.query(
    `INSERT INTO listing_events (listing_id, seller_id, kind, from_state, to_state, code, message, detail)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[])`,
    [
      events.map((e) => e.listingId),
      events.map((e) => e.sellerId),
      events.map((e) => e.kind),
      events.map((e) => e.fromState ?? null),
      events.map((e) => e.toState ?? null),
      events.map((e) => e.code ?? null),
      events.map((e) => e.message ?? null),
      events.map((e) => (e.detail ? JSON.stringify(e.detail) : null)),
    ],
  );
}

/** Fields a move may set along with the state. */
export interface MovePatch {
  itemId?: string | null;
  categoryId?: string | null;
  categoryPath?: string | null;
  categoryConfidence?: number | null;
  title?: string | null;
  issues?: Record<string, unknown>[];
  contentHash?: string | null;
  qcReason?: string | null;
  lastErrorCode?: string | null;
  lastErrorMessage?: string | null;
  attempts?: number;
  lastSyncAt?: Date;
}

const PATCH_COLUMNS: Record<keyof MovePatch, string> = {
  itemId: 'item_id',
  categoryId: 'category_id',
  categoryPath: 'category_path',
  categoryConfidence: 'category_confidence',
  title: 'title',
  issues: 'issues',
  contentHash: 'content_hash',
  qcReason: 'qc_reason',
  lastErrorCode: 'last_error_code',
  lastErrorMessage: 'last_error_message',
  attempts: 'attempts',
  lastSyncAt: 'last_sync_at',
};

/**
 * Moves a listing to `to` if the table allows it from its current state (staying in the same
 * state is allowed too: a rebuild of a draft stays draft), setting the patch. Returns the state it
 * moved from, or undefined when the move was refused. The transition is logged.
 */
export async function moveListing(
  sql: Sql,
  listing: { id: string; sellerId: string },
  to: ListingState,
  patch: MovePatch = {},
  event: Omit<ListingEvent, 'kind' | 'fromState' | 'toState'> = {},
): Promise<ListingState | undefined> {
  const sets = ['state = $2', 'updated_at = now()'];
  const params: unknown[] = [listing.id, to, [...statesLeadingTo(to), to]];
  for (const [key, value] of Object.entries(patch) as [keyof MovePatch, unknown][]) {
    if (value === undefined) continue;
    params.push(key === 'issues' ? JSON.stringify(value) : value);
    sets.push(`${PATCH_COLUMNS[key]} = $${params.length}${key === 'issues' ? '::jsonb' : ''}`);
  }
  const [row] = await sql.query<{ from: ListingState }>(
    `WITH old AS (SELECT id, state FROM listings WHERE id = $1 FOR UPDATE)
     UPDATE listings l SET ${sets.join(', ')} FROM old
     WHERE l.id = old.id AND old.state = ANY($3::text[]) RETURNING old.state AS "from"`,
    params,
  );
  if (!row) return undefined;
  if (row.from !== to || event.code || event.message) {
    await recordEvents(sql, [
      {
        listingId: listing.id,
        sellerId: listing.sellerId,
        kind: 'transition',
        fromState: row.from,
        toState: to,
        ...event,
      },
    ]);
  }
  return row.from;
}

export interface SkuPush {
  variantId: string;
  site: string;
  listingId: string;
  sellerId: string;
  sellerSku: string;
  itemId?: string | null | undefined;
  skuId?: string | null | undefined;
  currency?: string | undefined;
  priceMinor?: number | undefined;
  quantity?: number | undefined;
}

/** Records what was pushed for each SKU (values left undefined keep what was recorded before). */
export async function recordSkuPushes(sql: Sql, pushes: readonly SkuPush[]): Promise<void> {
  if (pushes.length === 0) return;
  await sql.query(
    `INSERT INTO listing_skus (variant_id, site, listing_id, seller_id, seller_sku, item_id, sku_id,
       pushed_currency, pushed_price_minor, pushed_quantity, pushed_at)
     SELECT v, s, l, sel, sku, item, skuid, cur, price, qty, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::bigint[], $10::int[]) AS t(v, s, l, sel, sku, item, skuid, cur, price, qty)
     ON CONFLICT (variant_id, site) DO UPDATE SET
       listing_id = EXCLUDED.listing_id, seller_sku = EXCLUDED.seller_sku,
       item_id = COALESCE(EXCLUDED.item_id, listing_skus.item_id),
       sku_id = COALESCE(EXCLUDED.sku_id, listing_skus.sku_id),
       pushed_currency = COALESCE(EXCLUDED.pushed_currency, listing_skus.pushed_currency),
       pushed_price_minor = COALESCE(EXCLUDED.pushed_price_minor, listing_skus.pushed_price_minor),
       pushed_quantity = COALESCE(EXCLUDED.pushed_quantity, listing_skus.pushed_quantity),
       pushed_at = now()`,
    [
      pushes.map((p) => p.variantId),
      pushes.map((p) => p.site),
      pushes.map((p) => p.listingId),
      pushes.map((p) => p.sellerId),
      pushes.map((p) => p.sellerSku),
      pushes.map((p) => p.itemId ?? null),
      pushes.map((p) => p.skuId ?? null),
      pushes.map((p) => p.currency ?? null),
      pushes.map((p) => p.priceMinor ?? null),
      pushes.map((p) => p.quantity ?? null),
    ],
  );
}

export async function getListingRow(
  store: Pick<Store, 'query'>,
  id: string,
): Promise<ListingRow | undefined> {
  const [row] = await store.query<ListingRow>(`SELECT ${LISTING_COLUMNS} FROM listings WHERE id = $1`, [id]);
  return row;
}
