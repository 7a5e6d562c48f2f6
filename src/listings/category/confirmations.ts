/**
 * Operator confirmations: a Korean path confirmed to one site category wins over similarity from
 * then on (confidence 1). A row without seller_id holds for every seller on the site; a seller's
 * own row wins over it. Confirming the same (seller, site, path) again replaces the category.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, or } from 'drizzle-orm';
import { schema, type Store } from '../../db/index.ts';
import { scopedSellerId, type Clock, type Scope } from '../../shared/index.ts';
import { sourcePathKey } from './text.ts';

export type CategoryConfirmation = typeof schema.categoryMappings.$inferSelect;

export interface ConfirmInput {
  siteId: string;
  koreanPath: readonly string[];
  categoryId: string;
  /** The category's names on the site, for people reading the table. */
  categoryPath?: readonly string[];
  /** Operator only: the seller the confirmation is for; omitted means every seller. */
  sellerId?: string | null;
  confirmedBy: string;
}

function mappingId(sellerId: string | null, siteId: string, sourcePath: string): string {
  const h = createHash('sha256')
    .update([sellerId ?? '', siteId, sourcePath].join('\u0001'))
    .digest('base64url');
  return `cmap_${h.slice(0, 22)}`;
}

/** Stores (or replaces) a confirmation. A seller's scope always writes its own row. */
export async function confirmCategory(
  store: Store,
  scope: Scope,
  input: ConfirmInput,
  clock?: Clock,
): Promise<CategoryConfirmation> {
  const sellerId = scopedSellerId(scope) ?? input.sellerId ?? null;
  const sourcePath = sourcePathKey(input.koreanPath);
  const now = clock ? clock.now() : new Date();
  const row = {
    id: mappingId(sellerId, input.siteId, sourcePath),
    sellerId,
    siteId: input.siteId,
    sourcePath,
    categoryId: input.categoryId,
    categoryPath: input.categoryPath ? input.categoryPath.join(' > ') : null,
    confirmedBy: input.confirmedBy,
    confirmedAt: now,
  };
  const [saved] = await store.db
    .insert(schema.categoryMappings)
    .values(row)
    .onConflictDoUpdate({
      target: schema.categoryMappings.id,
      set: {
        categoryId: row.categoryId,
        categoryPath: row.categoryPath,
        confirmedBy: row.confirmedBy,
        confirmedAt: row.confirmedAt,
      },
    })
    .returning();
  return saved!;
}

/**
 * The confirmations that apply to a seller on a site, by source path: the seller's own rows over
 * the operator-wide ones. Load once per site and map many products against it.
 */
export async function confirmedMappings(
  store: Store,
  siteId: string,
  sellerId: string | null,
): Promise<Map<string, CategoryConfirmation>> {
  const t = schema.categoryMappings;
  const sellerCond = sellerId ? or(isNull(t.sellerId), eq(t.sellerId, sellerId)) : isNull(t.sellerId);
  const rows = await store.db
    .select()
    .from(t)
    .where(and(eq(t.siteId, siteId), sellerCond));
  const out = new Map<string, CategoryConfirmation>();
  for (const r of rows) {
    const prev = out.get(r.sourcePath);
    if (!prev || (prev.sellerId === null && r.sellerId !== null)) out.set(r.sourcePath, r);
  }
  return out;
}

/** The confirmation for one path, if any (seller's own first). */
export async function lookupConfirmation(
  store: Store,
  siteId: string,
  sellerId: string | null,
  koreanPath: readonly string[],
): Promise<CategoryConfirmation | undefined> {
  const t = schema.categoryMappings;
  const sourcePath = sourcePathKey(koreanPath);
  const sellerCond = sellerId ? or(isNull(t.sellerId), eq(t.sellerId, sellerId)) : isNull(t.sellerId);
  const rows = await store.db
    .select()
    .from(t)
    .where(and(eq(t.siteId, siteId), eq(t.sourcePath, sourcePath), sellerCond));
  return rows.find((r) => r.sellerId !== null) ?? rows[0];
}

/** Removes a confirmation; true when one was there. A seller may only remove its own. */
export async function removeConfirmation(
  store: Store,
  scope: Scope,
  input: { siteId: string; koreanPath: readonly string[]; sellerId?: string | null },
): Promise<boolean> {
  const sellerId = scopedSellerId(scope) ?? input.sellerId ?? null;
  const id = mappingId(sellerId, input.siteId, sourcePathKey(input.koreanPath));
  const rows = await store.db
    .delete(schema.categoryMappings)
    .where(eq(schema.categoryMappings.id, id))
    .returning({ id: schema.categoryMappings.id });
  return rows.length > 0;
}
