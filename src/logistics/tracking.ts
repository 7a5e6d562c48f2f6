import type { Store } from '../db/index.ts';
import { scopedSellerId, type Scope } from '../shared/index.ts';

/**
 * The tracking timeline of a package, merged from its legs: the Korean first-mile carrier to the
 * hub or post office, the marketplace's own package events, and the international carrier. Each
 * event is written once (dedupe key), so re-reading a carrier's feed is harmless.
 */
export type TrackingLeg = 'first-mile' | 'marketplace' | 'international';

export interface TrackingEventInput {
  sellerId: string;
  packageId: string;
  leg: TrackingLeg;
  carrier: string;
  trackingNumber?: string | null | undefined;
  code: string;
  description: string;
  location?: string | null | undefined;
  at: Date;
  /** Defaults to leg + carrier + code + time. */
  dedupeKey?: string | undefined;
}

export interface TrackingEvent extends Omit<TrackingEventInput, 'dedupeKey'> {
  id: number;
}

/** Records events; returns how many were new. */
export async function recordTracking(
  sql: Pick<Store, 'query'>,
  events: readonly TrackingEventInput[],
): Promise<number> {
  let added = 0;
  for (const e of events) {
    const key = e.dedupeKey ?? `${e.packageId}:${e.leg}:${e.carrier}:${e.code}:${e.at.toISOString()}`;
    const rows = await sql.query(
      `INSERT INTO tracking_events (seller_id, package_id, leg, carrier, tracking_number, code, description, location, at,
         dedupe_key) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        e.sellerId,
        e.packageId,
        e.leg,
        e.carrier,
        e.trackingNumber ?? null,
        e.code,
        e.description,
        e.location ?? null,
        e.at,
        key,
      ],
    );
    added += rows.length;
  }
  return added;
}

/** A package's events in time order (scoped: another seller's package has none). */
export async function trackingTimeline(
  store: Pick<Store, 'query'>,
  scope: Scope,
  packageIds: readonly string[],
): Promise<TrackingEvent[]> {
  if (packageIds.length === 0) return [];
  const rows = await store.query<Record<string, unknown>>(
    `SELECT id, seller_id, package_id, leg, carrier, tracking_number, code, description, location, at
     FROM tracking_events WHERE package_id = ANY($1::text[]) AND ($2::text IS NULL OR seller_id = $2)
     ORDER BY at, id`,
    [[...packageIds], scopedSellerId(scope) ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    sellerId: String(r.seller_id),
    packageId: String(r.package_id),
    leg: r.leg as TrackingLeg,
    carrier: String(r.carrier),
    trackingNumber: (r.tracking_number as string | null) ?? null,
    code: String(r.code),
    description: String(r.description),
    location: (r.location as string | null) ?? null,
    at: r.at as Date,
  }));
}
