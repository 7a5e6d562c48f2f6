import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Logistics tables (owned by src/logistics): the tracking timeline of each package, merged from
 * the first-mile carrier in Korea, the marketplace and the postal service. One row per event;
 * the dedupe key makes re-reading a carrier's feed harmless.
 */
export const trackingEvents = pgTable(
  'tracking_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sellerId: text('seller_id').notNull(),
    packageId: text('package_id').notNull(),
    /** first-mile (CJ, Hanjin, Lotte, Korea Post domestic), marketplace, postal (EMS, K-Packet). */
    leg: text('leg', { enum: ['first-mile', 'marketplace', 'international'] }).notNull(),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number'),
    code: text('code').notNull(),
    description: text('description').notNull(),
    location: text('location'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('tracking_events_package_idx').on(t.packageId, t.at)],
);
