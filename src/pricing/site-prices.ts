import type { Store } from '../db/index.ts';
import type { PriceChange } from './requote.ts';

/**
 * Stores requoted prices in site_prices (one row per variant and site). An upsert, so publishing
 * the same changes twice leaves the same rows: the requote job stays idempotent.
 */
export async function saveSitePrices(store: Store, changes: readonly PriceChange[]): Promise<void> {
  if (changes.length === 0) return;
  await store.query(
    `INSERT INTO site_prices (variant_id, site, seller_id, status, currency, price_minor, failure, fx_snapshot_id, data_version, updated_at)
     SELECT u.variant_id, u.site, u.seller_id, u.status, u.currency, u.price_minor, u.failure::jsonb, u.fx, u.dv, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::text[], $8::text[], $9::text[])
       AS u(variant_id, site, seller_id, status, currency, price_minor, failure, fx, dv)
     ON CONFLICT (variant_id, site) DO UPDATE SET
       status = excluded.status, currency = excluded.currency, price_minor = excluded.price_minor,
       failure = excluded.failure, fx_snapshot_id = excluded.fx_snapshot_id, data_version = excluded.data_version,
       updated_at = now()`,
    [
      changes.map((c) => c.variantId),
      changes.map((c) => c.site),
      changes.map((c) => c.sellerId),
      changes.map((c) => (c.after ? 'ok' : 'rejected')),
      changes.map((c) => c.after?.currency ?? null),
      changes.map((c) => c.after?.minor ?? null),
      changes.map((c) => (c.failure ? JSON.stringify(c.failure) : null)),
      changes.map((c) => c.fxSnapshotId),
      changes.map((c) => c.dataVersion),
    ],
  );
}
