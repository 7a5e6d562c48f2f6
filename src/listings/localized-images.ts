import type { Store } from '../db/index.ts';
import { sitePolicy } from '../localization/index.ts';

/**
 * A product image's localized variant for a site: the newest variant, in the site's required
 * locale, of the bytes the URL held when the image job localized it (image_sources), made under
 * the global memory or the seller's (the cache keys its locale with the output format, `en-SG.png`).
 * Only a variant that changed something (lines translated or
 * converted) stands in for the original: one with every line flagged would be the Korean again.
 */
export interface LocalizedVariant {
  id: string;
  mime: string;
}

export async function localizedVariants(
  store: Pick<Store, 'query'>,
  site: string,
  sellerId: string,
  urls: readonly string[],
): Promise<Map<string, LocalizedVariant>> {
  const locale = sitePolicy(site).required[0]?.locale;
  if (!locale || urls.length === 0) return new Map();
  const rows = await store.query<{ url: string; id: string; mime: string }>(
    `SELECT DISTINCT ON (s.url) s.url, li.id, li.mime
     FROM image_sources s JOIN localized_images li ON li.source_hash = s.source_hash
     WHERE s.seller_id = $1 AND s.url = ANY($2::text[]) AND (li.locale = $3 OR li.locale LIKE $3 || '.%')
       AND li.scope_key IN ('global', 'seller:' || $1)
       AND coalesce((li.report->'summary'->>'translated')::int, 0)
         + coalesce((li.report->'summary'->>'converted')::int, 0) > 0
     ORDER BY s.url, li.created_at DESC`,
    [sellerId, urls, locale],
  );
  return new Map(rows.map((r) => [r.url, { id: r.id, mime: r.mime }]));
}

export async function variantBytes(store: Pick<Store, 'query'>, id: string): Promise<Uint8Array> {
  const [row] = await store.query<{ data: Uint8Array }>(`SELECT data FROM localized_images WHERE id = $1`, [
    id,
  ]);
  if (!row) throw new Error(`localized image ${id} is gone`);
  return row.data;
}
