import type { SqlTx } from '../db/index.ts';
import { newId } from '../shared/index.ts';
import { insertEvents, type EventRow } from './apply-sql.ts';
import { decideReverse, isReversePhase, normaliseReverse, type ReversePhase } from './reverse-states.ts';

/** A reverse-order push (type 10) about one line. */
export interface ReverseReport {
  site: string;
  externalItemId: string;
  rawStatus: string;
  reverseOrderId?: string | undefined;
  at?: Date | undefined;
  source: string;
}

export interface ReverseSummary {
  changes: number;
  stale: number;
  unknown: number;
  returnsOpened: number;
  /** Lines not in the store (yet): the caller reads the order and applies again. */
  missing: { site: string; externalItemId: string }[];
}

/**
 * Applies reverse statuses in the transaction that applied the order's item statuses (the lines
 * are locked there already). The line keeps the latest reverse status, moved only forward
 * (reverse-states.ts); every change is a timeline event. A return that was requested or that
 * came back opens the line's `order_returns` row (once); when the item is back with the seller the
 * row is marked arrived, and the seller restocks or writes it off (`receiveReturn`) — the
 * marketplace says it arrived, not in what state.
 */
export async function applyReverse(tx: SqlTx, reports: ReverseReport[], now: Date): Promise<ReverseSummary> {
  const sum: ReverseSummary = { changes: 0, stale: 0, unknown: 0, returnsOpened: 0, missing: [] };
  const events: EventRow[] = [];
  for (const r of reports) {
    const n = normaliseReverse(r.rawStatus);
    const [line] = await tx.query<{
      id: string;
      order_id: string;
      seller_id: string;
      reverse_status: string | null;
      reverse_phase: string | null;
      external_reverse_order_id: string | null;
    }>(
      `SELECT id, order_id, seller_id, reverse_status, reverse_phase, external_reverse_order_id FROM order_lines
       WHERE site = $1 AND external_item_id = $2 FOR UPDATE`,
      [r.site, r.externalItemId],
    );
    if (!line) {
      sum.missing.push({ site: r.site, externalItemId: r.externalItemId });
      continue;
    }
    const at = r.at ?? now;
    if (!n) {
      // Kept on the timeline, so an operator sees it, but it moves nothing.
      sum.unknown += 1;
      events.push(event(line, 'reverse-unknown', null, r.rawStatus, r, at));
      continue;
    }
    const stored = {
      phase: isReversePhase(line.reverse_phase) ? line.reverse_phase : null,
      reverseOrderId: line.external_reverse_order_id,
    };
    const decision = decideReverse(stored, { phase: n.phase, reverseOrderId: r.reverseOrderId ?? null });
    if (decision !== 'apply') {
      if (decision === 'stale') sum.stale += 1;
      continue;
    }
    sum.changes += 1;
    await tx.query(
      `UPDATE order_lines SET reverse_status = $2, reverse_phase = $3, reverse_status_at = $4,
         external_reverse_order_id = COALESCE($5, external_reverse_order_id), updated_at = $6 WHERE id = $1`,
      [line.id, n.key, n.phase, at, r.reverseOrderId ?? null, now],
    );
    events.push(
      event(line, 'reverse-status', line.reverse_status, n.key, r, at, { type: n.type, phase: n.phase }),
    );
    if (n.type === 'return' && opensReturn(n.phase)) {
      const opened = await tx.query(
        `INSERT INTO order_returns (id, seller_id, order_id, line_id, kind, external_reverse_order_id, created_at, updated_at)
         VALUES ($1,$2,$3,$4,'buyer_return',$5,$6,$6) ON CONFLICT (line_id, kind) DO NOTHING RETURNING id`,
        [
          newId('orderReturn', now.getTime()),
          line.seller_id,
          line.order_id,
          line.id,
          r.reverseOrderId ?? null,
          now,
        ],
      );
      if (opened.length > 0) {
        sum.returnsOpened += 1;
        events.push(
          event(line, 'return-opened', null, null, r, now, {
            kind: 'buyer_return',
            reverseOrderId: r.reverseOrderId,
          }),
        );
      }
      if (n.phase === 'received')
        await tx.query(
          `UPDATE order_returns SET arrived_at = COALESCE(arrived_at, $2), updated_at = $3
           WHERE line_id = $1 AND kind = 'buyer_return'`,
          [line.id, at, now],
        );
    }
  }
  await insertEvents(tx, events);
  return sum;
}

function opensReturn(phase: ReversePhase): boolean {
  return phase === 'requested' || phase === 'collected' || phase === 'received';
}

function event(
  line: { id: string; order_id: string; seller_id: string },
  kind: string,
  from: string | null,
  to: string | null,
  r: ReverseReport,
  at: Date,
  extra: Record<string, unknown> = {},
): EventRow {
  return {
    sellerId: line.seller_id,
    orderId: line.order_id,
    lineId: line.id,
    kind,
    from,
    to,
    source: r.source,
    detail: { reverseOrderId: r.reverseOrderId ?? null, ...extra },
    at,
  };
}
