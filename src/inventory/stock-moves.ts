import { AppError, err, ok, type Result } from '../shared/index.ts';
import type { SqlTx } from '../db/index.ts';

/**
 * Stock movements, each one statement-guarded so it is safe under concurrency on PostgreSQL (row
 * locks and re-checked conditions at READ COMMITTED) and on PGlite (one transaction at a time):
 * a reservation is a conditional `UPDATE … WHERE on_hand - reserved >= n`, never read-then-write,
 * and the CHECK constraints on stock_items refuse any commit that would oversell. Every movement
 * appends a ledger row with an idempotency key, so doing it twice changes nothing.
 *
 * These take the caller's transaction: an order line's state and its reservation commit together.
 */

export type Sql = Pick<SqlTx, 'query'>;

export interface Counts {
  onHand: number;
  reserved: number;
}

interface MoveRow {
  on_hand: number;
  reserved: number;
}

export type ReserveOutcome = 'reserved' | 'already-reserved';
export type ReserveFailure = { kind: 'short'; available: number; wanted: number };

export interface ReserveInput {
  sellerId: string;
  variantId: string;
  site: string;
  quantity: number;
  /** The order line holding the stock; one reservation per ref, ever. */
  ref: string;
  at?: Date | undefined;
}

function positive(quantity: number, what: string): void {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    throw new AppError('invalid_input', `${what}: quantity must be a positive integer, got ${quantity}`);
  }
}

async function ledger(
  sql: Sql,
  e: {
    sellerId: string;
    variantId: string;
    kind: string;
    onHandDelta: number;
    reservedDelta: number;
    after: Counts;
    site?: string | null | undefined;
    ref?: string | null | undefined;
    key: string;
    actor?: string | undefined;
    note?: string | null | undefined;
    at?: Date | undefined;
  },
): Promise<void> {
  await sql.query(
    `INSERT INTO stock_ledger (seller_id, variant_id, kind, on_hand_delta, reserved_delta, on_hand_after,
       reserved_after, site, ref, idempotency_key, actor, note, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      e.sellerId,
      e.variantId,
      e.kind,
      e.onHandDelta,
      e.reservedDelta,
      e.after.onHand,
      e.after.reserved,
      e.site ?? null,
      e.ref ?? null,
      e.key,
      e.actor ?? 'system',
      e.note ?? null,
      e.at ?? new Date(),
    ],
  );
}

/**
 * Reserves stock for an order line: claims the reservation row first (a duplicate waits on the
 * unique key, then finds it taken), then takes the units with a conditional update. When fewer
 * units are free than wanted nothing changes and the result says how many were free.
 */
export async function reserveStock(
  sql: Sql,
  input: ReserveInput,
): Promise<Result<ReserveOutcome, ReserveFailure>> {
  positive(input.quantity, 'reserve');
  const at = input.at ?? new Date();
  // One statement in the usual case: claim the reservation, take the units if they are free,
  // write the ledger row. A duplicate finds the claim taken and changes nothing.
  const [r] = await sql.query<{ claimed: number; took: number }>(
    `WITH claim AS (
       INSERT INTO stock_reservations (ref, seller_id, variant_id, site, quantity, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'active', $6, $6) ON CONFLICT (ref) DO NOTHING RETURNING ref
     ), take AS (
       UPDATE stock_items SET reserved = reserved + $5, version = version + 1, changed_at = $6
       WHERE variant_id = $3 AND seller_id = $2 AND on_hand - reserved >= $5 AND EXISTS (SELECT 1 FROM claim)
       RETURNING on_hand, reserved
     ), led AS (
       INSERT INTO stock_ledger (seller_id, variant_id, kind, on_hand_delta, reserved_delta, on_hand_after,
         reserved_after, site, ref, idempotency_key, actor, created_at)
       SELECT $2, $3, 'reservation', 0, $5, on_hand, reserved, $4, $1, 'reserve:' || $1, 'system', $6 FROM take
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM claim)::int AS claimed, (SELECT count(*) FROM led)::int AS took`,
    [input.ref, input.sellerId, input.variantId, input.site, input.quantity, at],
  );
  if (!r || r.claimed === 0) return ok('already-reserved');
  if (r.took === 0) {
    await sql.query(`DELETE FROM stock_reservations WHERE ref = $1`, [input.ref]);
    const [now] = await sql.query<MoveRow>(
      `SELECT on_hand, reserved FROM stock_items WHERE variant_id = $1 AND seller_id = $2`,
      [input.variantId, input.sellerId],
    );
    return err({
      kind: 'short',
      available: now ? Math.max(0, now.on_hand - now.reserved) : 0,
      wanted: input.quantity,
    });
  }
  return ok('reserved');
}

/** Moves an active reservation to `to`; returns it, or undefined when it is not active. */
async function closeReservation(
  sql: Sql,
  ref: string,
  to: 'released' | 'shipped',
  at: Date,
): Promise<{ seller_id: string; variant_id: string; site: string; quantity: number } | undefined> {
  const rows = await sql.query<{ seller_id: string; variant_id: string; site: string; quantity: number }>(
    `UPDATE stock_reservations SET state = $2, updated_at = $3 WHERE ref = $1 AND state = 'active'
     RETURNING seller_id, variant_id, site, quantity`,
    [ref, to, at],
  );
  return rows[0];
}

/** Gives back an order line's reserved units (cancel). False when nothing was reserved. */
export async function releaseStock(
  sql: Sql,
  ref: string,
  options: { at?: Date | undefined; note?: string | undefined; actor?: string | undefined } = {},
): Promise<boolean> {
  const at = options.at ?? new Date();
  const r = await closeReservation(sql, ref, 'released', at);
  if (!r) return false;
  const [row] = await sql.query<MoveRow>(
    `UPDATE stock_items SET reserved = reserved - $2, version = version + 1, changed_at = $3
     WHERE variant_id = $1 RETURNING on_hand, reserved`,
    [r.variant_id, r.quantity, at],
  );
  if (!row) throw new AppError('internal', `stock item ${r.variant_id} vanished under a reservation`);
  await ledger(sql, {
    sellerId: r.seller_id,
    variantId: r.variant_id,
    kind: 'release',
    onHandDelta: 0,
    reservedDelta: -r.quantity,
    after: { onHand: row.on_hand, reserved: row.reserved },
    site: r.site,
    ref,
    key: `release:${ref}`,
    actor: options.actor,
    note: options.note,
    at,
  });
  return true;
}

export type ShipOutcome = 'shipped' | 'already-shipped' | 'shipped-unreserved';

/**
 * The units of an order line leave the seller: its reservation turns into a shipment (on hand and
 * reserved both drop). A line that was never reserved (first seen already shipped) takes its
 * units from free stock, when there are any.
 */
export async function shipStock(
  sql: Sql,
  input: { ref: string; sellerId: string; variantId: string; site: string; quantity: number; at?: Date },
): Promise<Result<ShipOutcome, ReserveFailure>> {
  const at = input.at ?? new Date();
  const done = await sql.query(`SELECT 1 FROM stock_ledger WHERE idempotency_key = $1`, [
    `ship:${input.ref}`,
  ]);
  if (done.length > 0) return ok('already-shipped');
  const r = await closeReservation(sql, input.ref, 'shipped', at);
  const quantity = r?.quantity ?? input.quantity;
  positive(quantity, 'ship');
  const rows = await sql.query<MoveRow>(
    r
      ? `UPDATE stock_items SET on_hand = on_hand - $3, reserved = reserved - $3, version = version + 1,
           changed_at = $4 WHERE variant_id = $1 AND seller_id = $2 RETURNING on_hand, reserved`
      : `UPDATE stock_items SET on_hand = on_hand - $3, version = version + 1, changed_at = $4
         WHERE variant_id = $1 AND seller_id = $2 AND on_hand - reserved >= $3 RETURNING on_hand, reserved`,
    [input.variantId, input.sellerId, quantity, at],
  );
  const row = rows[0];
  if (!row) return err({ kind: 'short', available: 0, wanted: quantity });
  await ledger(sql, {
    sellerId: input.sellerId,
    variantId: input.variantId,
    kind: 'shipment',
    onHandDelta: -quantity,
    reservedDelta: r ? -quantity : 0,
    after: { onHand: row.on_hand, reserved: row.reserved },
    site: input.site,
    ref: input.ref,
    key: `ship:${input.ref}`,
    at,
  });
  return ok(r ? 'shipped' : 'shipped-unreserved');
}

/**
 * Units come in: a receipt from the seller, a returned parcel put back on the shelf, or an
 * adjustment up. Creates the stock item on first use. Returns false when the key was used before.
 */
export async function addStock(
  sql: Sql,
  input: {
    sellerId: string;
    variantId: string;
    sellerSku: string;
    quantity: number;
    kind: 'receipt' | 'restock' | 'adjustment';
    idempotencyKey: string;
    ref?: string | undefined;
    site?: string | undefined;
    actor?: string | undefined;
    note?: string | undefined;
    at?: Date | undefined;
  },
): Promise<boolean> {
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 0) {
    throw new AppError('invalid_input', `quantity must be a non-negative integer, got ${input.quantity}`);
  }
  const seen = await sql.query(`SELECT 1 FROM stock_ledger WHERE idempotency_key = $1`, [
    input.idempotencyKey,
  ]);
  if (seen.length > 0) return false;
  const at = input.at ?? new Date();
  const [row] = await sql.query<MoveRow>(
    `INSERT INTO stock_items AS s (variant_id, seller_id, seller_sku, on_hand, reserved, changed_at, created_at)
     VALUES ($1,$2,$3,$4,0,$5,$5)
     ON CONFLICT (variant_id) DO UPDATE SET on_hand = s.on_hand + EXCLUDED.on_hand,
       version = s.version + 1, changed_at = EXCLUDED.changed_at
     WHERE s.seller_id = EXCLUDED.seller_id
     RETURNING on_hand, reserved`,
    [input.variantId, input.sellerId, input.sellerSku, input.quantity, at],
  );
  if (!row) throw new AppError('forbidden', `variant ${input.variantId} belongs to another seller`);
  await ledger(sql, {
    ...input,
    onHandDelta: input.quantity,
    reservedDelta: 0,
    after: { onHand: row.on_hand, reserved: row.reserved },
    key: input.idempotencyKey,
    at,
  });
  return true;
}

export type AdjustFailure = { kind: 'below-reserved'; reserved: number; wanted: number };

/**
 * Sets on-hand to a counted figure (a stocktake). A count below what orders already hold is
 * refused: those units are promised; cancel orders first.
 */
export async function setOnHand(
  sql: Sql,
  input: {
    sellerId: string;
    variantId: string;
    sellerSku: string;
    onHand: number;
    idempotencyKey: string;
    actor?: string | undefined;
    note?: string | undefined;
    at?: Date | undefined;
  },
): Promise<Result<Counts, AdjustFailure>> {
  if (!Number.isSafeInteger(input.onHand) || input.onHand < 0) {
    throw new AppError('invalid_input', `on-hand count must be a non-negative integer, got ${input.onHand}`);
  }
  const seen = await sql.query(`SELECT 1 FROM stock_ledger WHERE idempotency_key = $1`, [
    input.idempotencyKey,
  ]);
  if (seen.length > 0) {
    const [now] = await sql.query<MoveRow>(
      `SELECT on_hand, reserved FROM stock_items WHERE variant_id = $1`,
      [input.variantId],
    );
    return ok({ onHand: now?.on_hand ?? 0, reserved: now?.reserved ?? 0 });
  }
  const at = input.at ?? new Date();
  await sql.query(
    `INSERT INTO stock_items (variant_id, seller_id, seller_sku, changed_at, created_at)
     VALUES ($1,$2,$3,$4,$4) ON CONFLICT (variant_id) DO NOTHING`,
    [input.variantId, input.sellerId, input.sellerSku, at],
  );
  const [before] = await sql.query<MoveRow>(
    `SELECT on_hand, reserved FROM stock_items WHERE variant_id = $1 AND seller_id = $2 FOR UPDATE`,
    [input.variantId, input.sellerId],
  );
  if (!before) throw new AppError('forbidden', `variant ${input.variantId} belongs to another seller`);
  if (input.onHand < before.reserved) {
    return err({ kind: 'below-reserved', reserved: before.reserved, wanted: input.onHand });
  }
  const delta = input.onHand - before.on_hand;
  if (delta === 0) return ok({ onHand: before.on_hand, reserved: before.reserved });
  const [row] = await sql.query<MoveRow>(
    `UPDATE stock_items SET on_hand = $2, version = version + 1, changed_at = $3 WHERE variant_id = $1
     RETURNING on_hand, reserved`,
    [input.variantId, input.onHand, at],
  );
  const after = { onHand: row!.on_hand, reserved: row!.reserved };
  await ledger(sql, {
    ...input,
    kind: 'adjustment',
    onHandDelta: delta,
    reservedDelta: 0,
    after,
    key: input.idempotencyKey,
    at,
  });
  return ok(after);
}
