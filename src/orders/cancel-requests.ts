import type { Store } from '../db/index.ts';
import type { ReverseReport } from './apply-reverse.ts';
import type { OrderSnapshot } from './snapshot.ts';

/** Reverse ids of ours for AliExpress requests, which have no reverse order of the platform's. */
export const AE_REQUEST_PREFIX = 'IN_CANCEL@';

/**
 * AliExpress has no reverse order for a buyer's cancellation request: the order (each child) reads
 * `IN_CANCEL` until the seller accepts (the children close, `canceled`) or refuses (back to waiting
 * for shipment). Read against the stored line, a snapshot is turned into the reverse statuses the
 * Lazop platforms report, so the request follows the same path: `CANCEL_INIT` when first seen
 * (under a reverse id of ours, `IN_CANCEL@<order>:<order update time>`, so a later request is a
 * new one), then `CANCEL_SUCCESS` or `CANCEL_REFUSED` once the order no longer shows it. Call
 * before the snapshot is applied, and apply the reports after it, in the same transaction.
 */
export async function cancelRequestReports(
  tx: Pick<Store, 'query'>,
  snapshot: OrderSnapshot,
  source: string,
  now: Date,
): Promise<ReverseReport[]> {
  if (snapshot.platform !== 'aliexpress') return [];
  const rows = await tx.query<{
    external_item_id: string;
    reverse_status: string | null;
    reverse_phase: string | null;
    external_reverse_order_id: string | null;
  }>(
    `SELECT external_item_id, reverse_status, reverse_phase, external_reverse_order_id FROM order_lines
     WHERE site = $1 AND external_item_id = ANY($2::text[])`,
    [snapshot.site, snapshot.lines.map((l) => l.externalItemId)],
  );
  const stored = new Map(rows.map((r) => [r.external_item_id, r]));
  const at = snapshot.updatedAt ?? now;
  const out: ReverseReport[] = [];
  for (const line of snapshot.lines) {
    const s = stored.get(line.externalItemId);
    const waiting =
      s?.reverse_phase === 'requested' && !!s.external_reverse_order_id?.startsWith(AE_REQUEST_PREFIX);
    const report = (rawStatus: string, reverseOrderId: string) =>
      out.push({
        site: snapshot.site,
        externalItemId: line.externalItemId,
        rawStatus,
        reverseOrderId,
        at,
        source,
      });
    if (line.cancelRequested) {
      if (!waiting) report('CANCEL_INIT', `${AE_REQUEST_PREFIX}${snapshot.externalOrderId}:${at.getTime()}`);
    } else if (waiting) {
      report(line.status === 'canceled' ? 'CANCEL_SUCCESS' : 'CANCEL_REFUSED', s.external_reverse_order_id!);
    }
  }
  return out;
}
