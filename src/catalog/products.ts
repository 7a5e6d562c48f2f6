import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { schema, type Database } from '../db/index.ts';
import { AppError, scopedSellerId, type Scope } from '../shared/index.ts';

export type Product = typeof schema.products.$inferSelect;
export type Variant = typeof schema.variants.$inferSelect;
export type ProductWithVariants = Product & { variants: Variant[] };

function scopeFilter(scope: Scope): SQL | undefined {
  const only = scopedSellerId(scope);
  return only ? eq(schema.products.sellerId, only) : undefined;
}

async function withVariants(db: Database, products: Product[]): Promise<ProductWithVariants[]> {
  if (products.length === 0) return [];
  const variants = await db
    .select()
    .from(schema.variants)
    .where(
      inArray(
        schema.variants.productId,
        products.map((p) => p.id),
      ),
    )
    .orderBy(asc(schema.variants.productId), asc(schema.variants.position));
  const byProduct = new Map<string, Variant[]>();
  for (const v of variants) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), v]);
  return products.map((p) => ({ ...p, variants: byProduct.get(p.id) ?? [] }));
}

export interface ProductPage {
  after?: string | undefined;
  limit?: number | undefined;
  /** Narrow the operator's view to one seller; a seller's scope is already narrowed. */
  sellerId?: string | undefined;
}

/** Products visible in the scope with their variants, keyset-paged by id. */
export async function listProducts(
  db: Database,
  scope: Scope,
  page: ProductPage = {},
): Promise<ProductWithVariants[]> {
  const filters = [
    scopeFilter(scope),
    page.sellerId ? eq(schema.products.sellerId, page.sellerId) : undefined,
    page.after ? gt(schema.products.id, page.after) : undefined,
  ];
  const rows = await db
    .select()
    .from(schema.products)
    .where(and(...filters))
    .orderBy(asc(schema.products.id))
    .limit(Math.min(page.limit ?? 50, 500));
  return withVariants(db, rows);
}

/** One product with its variants, if the scope may see it (else not found, so ids don't leak). */
export async function getProduct(db: Database, scope: Scope, id: string): Promise<ProductWithVariants> {
  const rows = await db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.id, id), scopeFilter(scope)));
  const [found] = await withVariants(db, rows);
  if (!found) throw new AppError('not_found', `product ${id} not found`, { details: { productId: id } });
  return found;
}
