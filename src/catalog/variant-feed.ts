import type { Store } from '../db/index.ts';

/** What other capabilities (pricing, listings) need of an active variant. */
export interface VariantFacts {
  variantId: string;
  productId: string;
  sellerId: string;
  /** Base price plus 추가금, in KRW. */
  priceKrw: number;
  weightG: number | null;
  dimsMm: { lengthMm: number; widthMm: number; heightMm: number } | null;
  categoryPath: string;
  hsCode: string | null;
}

/** Streams every active variant (optionally one seller's), a page at a time by id. */
export async function* activeVariants(
  store: Store,
  filter: { sellerId?: string } = {},
  pageSize = 1000,
): AsyncGenerator<VariantFacts> {
  let after = '';
  for (;;) {
    const list = await store.query<{
      variant_id: string;
      product_id: string;
      seller_id: string;
      price_krw: number;
      weight_g: number | null;
      length_mm: number | null;
      width_mm: number | null;
      height_mm: number | null;
      source_category_path: string;
      hs_code: string | null;
    }>(
      `SELECT v.id AS variant_id, p.id AS product_id, v.seller_id, p.price_krw + v.price_delta_krw AS price_krw,
              p.weight_g, p.length_mm, p.width_mm, p.height_mm, p.source_category_path, p.hs_code
       FROM variants v JOIN products p ON p.id = v.product_id
       WHERE v.active AND p.status = 'active' AND v.id > $1 AND ($2::text IS NULL OR v.seller_id = $2)
       ORDER BY v.id LIMIT $3`,
      [after, filter.sellerId ?? null, pageSize],
    );
    for (const r of list) {
      yield {
        variantId: r.variant_id,
        productId: r.product_id,
        sellerId: r.seller_id,
        priceKrw: Number(r.price_krw),
        weightG: r.weight_g,
        dimsMm:
          r.length_mm && r.width_mm && r.height_mm
            ? { lengthMm: r.length_mm, widthMm: r.width_mm, heightMm: r.height_mm }
            : null,
        categoryPath: r.source_category_path,
        hsCode: r.hs_code,
      };
    }
    if (list.length < pageSize) return;
    after = list[list.length - 1]!.variant_id;
  }
}
