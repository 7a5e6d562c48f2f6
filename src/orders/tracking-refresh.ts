import type { Store } from '../db/index.ts';
import { DELIVERED_CODES, isS10, recordTracking, type TrackingCarrier } from '../logistics/index.ts';
import { scopedSellerId, type Scope } from '../shared/index.ts';

export interface TrackingRefresh {
  packages: number;
  newEvents: number;
  delivered: number;
  /** Carriers named by packages that no adapter was given for. */
  noCarrier: string[];
}

/**
 * Reads the carriers' feeds for every package on its way (handed over or shipped): the first-mile
 * carrier by the hand-over's tracking number, and Korea Post's international service
 * (`KPOST-INTL`) by the number recorded at hand-over, or by the package's tracking number when it
 * is a UPU S10 item number. Events are recorded once
 * (the dedupe key is carrier, number, code and time), so refreshing again changes nothing; a final
 * delivery marks the package delivered.
 */
export async function refreshTracking(
  deps: { store: Store; carriers: readonly TrackingCarrier[] },
  scope: Scope,
  options: { packageIds?: string[] } = {},
): Promise<TrackingRefresh> {
  const rows = await deps.store.query<{
    id: string;
    seller_id: string;
    tracking_number: string | null;
    first_mile_carrier: string | null;
    first_mile_tracking: string | null;
    international_carrier: string | null;
    international_tracking: string | null;
  }>(
    `SELECT id, seller_id, tracking_number, first_mile_carrier, first_mile_tracking, international_carrier,
       international_tracking FROM packages
     WHERE status IN ('handed_over', 'shipped') AND ($1::text IS NULL OR seller_id = $1)
       AND ($2::text[] IS NULL OR id = ANY($2::text[])) ORDER BY id`,
    [scopedSellerId(scope) ?? null, options.packageIds ?? null],
  );
  const byCarrier = new Map<string, { packageId: string; sellerId: string; number: string }[]>();
  const want = (carrier: string, packageId: string, sellerId: string, number: string) =>
    (byCarrier.get(carrier) ?? byCarrier.set(carrier, []).get(carrier)!).push({
      packageId,
      sellerId,
      number,
    });
  for (const r of rows) {
    if (r.first_mile_carrier && r.first_mile_tracking)
      want(r.first_mile_carrier, r.id, r.seller_id, r.first_mile_tracking);
    // The number given at hand-over; else the package's own when it is a postal item number
    // (AliExpress sellers ship with their own logistics). The hub's leg is the marketplace's.
    const intl =
      r.international_carrier && r.international_carrier !== 'HUB'
        ? r.international_tracking
        : !r.international_carrier && r.tracking_number && isS10(r.tracking_number)
          ? r.tracking_number
          : null;
    if (intl) want('KPOST-INTL', r.id, r.seller_id, intl);
  }
  const out: TrackingRefresh = { packages: rows.length, newEvents: 0, delivered: 0, noCarrier: [] };
  const delivered = new Map<string, Date>();
  for (const [code, items] of byCarrier) {
    const carrier = deps.carriers.find((c) => c.code === code);
    if (!carrier) {
      out.noCarrier.push(code);
      continue;
    }
    const traces = new Map(
      (await carrier.track(items.map((i) => i.number))).map((t) => [t.trackingNumber, t]),
    );
    for (const i of items) {
      const events = traces.get(i.number)?.events ?? [];
      out.newEvents += await recordTracking(
        deps.store,
        events.map((e) => ({
          sellerId: i.sellerId,
          packageId: i.packageId,
          leg: carrier.leg,
          carrier: code,
          trackingNumber: i.number,
          code: e.code,
          description: e.description,
          location: e.location,
          at: e.at,
          dedupeKey: `${code}:${i.number}:${e.code}:${e.at.toISOString()}`,
        })),
      );
      const done = events.find((e) => carrier.leg === 'international' && DELIVERED_CODES.has(e.code));
      if (done) delivered.set(i.packageId, done.at);
    }
  }
  for (const [id, at] of delivered) {
    const rows = await deps.store.query(
      `UPDATE packages SET status = 'delivered', updated_at = $2 WHERE id = $1 AND status <> 'delivered' RETURNING id`,
      [id, at],
    );
    out.delivered += rows.length;
  }
  out.noCarrier.sort();
  return out;
}
