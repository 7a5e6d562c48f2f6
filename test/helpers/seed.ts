import type { Store } from '../../src/db/index.ts';
import { newId } from '../../src/shared/index.ts';

export interface SeededVariant {
  variantId: string;
  productId: string;
  sellerSku: string;
}

/**
 * A seller with one product per SKU (one variant each), written straight to the tables: enough
 * catalog for inventory and order tests without running an import.
 */
export async function seedSeller(
  store: Pick<Store, 'query'>,
  input: {
    name?: string;
    skus: readonly string[];
    stock?: number;
    weightG?: number;
    hsCode?: string | null;
    priceKrw?: number;
  },
): Promise<{ sellerId: string; variants: SeededVariant[] }> {
  const sellerId = newId('seller');
  // Any ten digits do for a seed: the check digit is validated only by createSeller.
  const bizNo = String(Math.floor(1e9 + Math.random() * 9e9));
  await store.query(`INSERT INTO sellers (id, name, biz_no) VALUES ($1, $2, $3)`, [
    sellerId,
    input.name ?? `셀러 ${sellerId.slice(-4)}`,
    bizNo,
  ]);
  const variants: SeededVariant[] = [];
  for (const sku of input.skus) {
    const productId = newId('product');
    const variantId = newId('variant');
    await store.query(
      `INSERT INTO products (id, seller_id, seller_sku, title_ko, price_krw, content_hash, weight_g, length_mm,
         width_mm, height_mm, hs_code, origin, source_category_path)
       VALUES ($1,$2,$3,$4,$5,'seed',$6,200,150,80,$7,'KR','뷰티 > 스킨케어 > 에센스/세럼')`,
      [
        productId,
        sellerId,
        sku,
        `테스트 상품 ${sku}`,
        input.priceKrw ?? 25000,
        input.weightG ?? 350,
        input.hsCode === undefined ? '330499' : input.hsCode,
      ],
    );
    await store.query(
      `INSERT INTO variants (id, seller_id, product_id, seller_sku, stock) VALUES ($1,$2,$3,$4,$5)`,
      [variantId, sellerId, productId, sku, input.stock ?? 0],
    );
    variants.push({ variantId, productId, sellerSku: sku });
  }
  return { sellerId, variants };
}
