/**
 * The read side of localized images for people: a product's images with their localized variants
 * and each variant's per-line report, and one variant's bytes. A variant belongs to a seller when
 * one of the seller's image URLs held its source bytes (image_sources) and it was made under the
 * global memory or the seller's own: another seller's memory never shows through.
 */
import { getProduct } from '../../catalog/index.ts';
import type { Store } from '../../db/index.ts';
import { AppError, type Scope } from '../../shared/index.ts';
import type { ImageReport, ReportLine } from './image-report.ts';

export interface ImageVariantView {
  id: string;
  /** The target locale (the cache key's format suffix split off). */
  locale: string;
  /** Output format and options from the cache key, e.g. `png`. */
  format: string;
  mime: string;
  width: number;
  height: number;
  scope: 'global' | 'seller';
  /** `complete` when every line that should change did; `flagged` when some kept their Korean. */
  status: 'complete' | 'flagged';
  translatedLines: number;
  summary: ImageReport['summary'];
  residualHangul: number | null;
  lines: ReportLine[];
  createdAt: Date;
}

export interface ProductImageView {
  position: number;
  url: string;
  /** SHA-256 of the bytes when the image job fetched it; null before the image was localized. */
  sourceHash: string | null;
  fetchedAt: Date | null;
  width: number | null;
  height: number | null;
  variants: ImageVariantView[];
}

type VariantRow = {
  url: string;
  id: string;
  locale: string;
  mime: string;
  width: number;
  height: number;
  scope_key: string;
  report: ImageReport;
  created_at: Date;
};

function variantView(r: VariantRow): ImageVariantView {
  const dot = r.locale.indexOf('.');
  const s = r.report.summary;
  return {
    id: r.id,
    locale: dot < 0 ? r.locale : r.locale.slice(0, dot),
    format: dot < 0 ? '' : r.locale.slice(dot + 1),
    mime: r.mime,
    width: r.width,
    height: r.height,
    scope: r.scope_key === 'global' ? 'global' : 'seller',
    status: s.complete ? 'complete' : 'flagged',
    translatedLines: s.translated + s.converted,
    summary: s,
    residualHangul: r.report.residual?.hangul ?? null,
    lines: r.report.lines,
    createdAt: r.created_at,
  };
}

/** A product's images in order, each with the newest variant per locale and format. */
export async function productImageViews(
  store: Store,
  scope: Scope,
  productId: string,
): Promise<ProductImageView[]> {
  const product = await getProduct(store.db, scope, productId);
  if (product.images.length === 0) return [];
  const [sources, variants] = await Promise.all([
    store.query<{ url: string; source_hash: string; fetched_at: Date }>(
      `SELECT url, source_hash, fetched_at FROM image_sources WHERE seller_id = $1 AND url = ANY($2::text[])`,
      [product.sellerId, product.images],
    ),
    store.query<VariantRow>(
      `SELECT DISTINCT ON (s.url, li.locale) s.url, li.id, li.locale, li.mime, li.width, li.height, li.scope_key,
         li.report, li.created_at
       FROM image_sources s JOIN localized_images li ON li.source_hash = s.source_hash
       WHERE s.seller_id = $1 AND s.url = ANY($2::text[]) AND li.scope_key IN ('global', 'seller:' || $1)
       ORDER BY s.url, li.locale, li.created_at DESC, li.id`,
      [product.sellerId, product.images],
    ),
  ]);
  const sourceOf = new Map(sources.map((s) => [s.url, s]));
  return product.images.map((url, position) => {
    const mine = variants.filter((v) => v.url === url).map(variantView);
    const src = sourceOf.get(url);
    // The report's size is the source's: localizing never resizes.
    const first = variants.find((v) => v.url === url)?.report;
    return {
      position,
      url,
      sourceHash: src?.source_hash ?? null,
      fetchedAt: src?.fetched_at ?? null,
      width: first?.width ?? null,
      height: first?.height ?? null,
      variants: mine,
    };
  });
}

/** One variant's bytes, if the scope may see it (a seller: one of its own images' variants). */
export async function imageVariantContent(
  store: Pick<Store, 'query'>,
  scope: Scope,
  variantId: string,
): Promise<{ bytes: Uint8Array; mime: string }> {
  const seller = scope.kind === 'seller' ? scope.sellerId : null;
  const [row] = await store.query<{ data: Uint8Array; mime: string }>(
    `SELECT li.data, li.mime FROM localized_images li
     WHERE li.id = $1 AND ($2::text IS NULL OR (li.scope_key IN ('global', 'seller:' || $2)
       AND EXISTS (SELECT 1 FROM image_sources s WHERE s.seller_id = $2 AND s.source_hash = li.source_hash)))`,
    [variantId, seller],
  );
  if (!row) throw new AppError('not_found', `image variant ${variantId} not found`);
  return { bytes: row.data, mime: row.mime };
}
