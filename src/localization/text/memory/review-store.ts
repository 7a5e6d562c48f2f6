/**
 * The review queue: one item per seller and segment (identical segments across a seller's catalog
 * are one item with their occurrences), opened when a segment needs translation or failed a check.
 */
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { retryUniqueRace, schema, type Store } from '../../../db/index.ts';
import { AppError, scopedSellerId, type Clock, type Scope } from '../../../shared/index.ts';
import type { CheckFailure, Placeholder } from '../types.ts';
import { contentId } from './scopes.ts';

export type ReviewItem = typeof schema.translationReviewItems.$inferSelect;
export type ReviewStatus = ReviewItem['status'];

export interface NewReviewItem {
  sellerId: string | null;
  brand: string | null;
  sourceLang: string;
  targetLang: string;
  style: string;
  sourceKey: string;
  sourceText: string;
  sampleText: string;
  placeholders: Placeholder[];
  reason: 'needs-review' | 'needs-translation';
  proposal: string | null;
  proposalProvenance: string | null;
  checks: CheckFailure[];
  unknownWords: string[];
  occurrences: { productId: string; field: string }[];
}

const MAX_OCCURRENCES = 20;

/** The id an item has for its owner and segment. */
export function reviewItemId(
  item: Pick<NewReviewItem, 'sellerId' | 'sourceLang' | 'targetLang' | 'style' | 'sourceKey'>,
): string {
  return contentId(
    'trv',
    item.sellerId ?? 'operator',
    item.sourceLang,
    item.targetLang,
    item.style,
    item.sourceKey,
  );
}

/**
 * Opens items or adds occurrences to open ones. Approved or dismissed items stay closed: the memory
 * (or the reviewer's decision) already covers them.
 */
export async function recordReviewItems(
  store: Store,
  items: readonly NewReviewItem[],
  clock: Clock,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (items.length === 0) return ids;
  const merged = new Map<string, NewReviewItem>();
  for (const item of items) {
    const id = reviewItemId(item);
    const prev = merged.get(id);
    if (prev) prev.occurrences.push(...item.occurrences);
    else merged.set(id, { ...item, occurrences: [...item.occurrences] });
    ids.set(`${item.sourceKey}\u0001${item.style}`, id);
  }
  const now = clock.now();
  const t = schema.translationReviewItems;
  for (const [id, item] of merged) {
    const occurrences = dedupe(item.occurrences).slice(0, MAX_OCCURRENCES);
    await retryUniqueRace(() =>
      store.db
        .insert(t)
        .values({
          id,
          sellerId: item.sellerId,
          brand: item.brand,
          sourceLang: item.sourceLang,
          targetLang: item.targetLang,
          style: item.style,
          sourceKey: item.sourceKey,
          sourceText: item.sourceText,
          sampleText: item.sampleText,
          placeholders: item.placeholders,
          reason: item.reason,
          proposal: item.proposal,
          proposalProvenance: item.proposalProvenance,
          checks: item.checks,
          unknownWords: item.unknownWords,
          occurrences,
          occurrenceCount: dedupe(item.occurrences).length,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: t.id,
          set: {
            reason: sql`excluded.reason`,
            proposal: sql`excluded.proposal`,
            proposalProvenance: sql`excluded.proposal_provenance`,
            checks: sql`excluded.checks`,
            unknownWords: sql`excluded.unknown_words`,
            // Occurrences already recorded are not counted twice (re-running a product is idempotent).
            occurrences: sql`(SELECT COALESCE(jsonb_agg(o), '[]'::jsonb) FROM (SELECT DISTINCT o FROM jsonb_array_elements(${t.occurrences} || excluded.occurrences) o LIMIT ${MAX_OCCURRENCES}) s)`,
            occurrenceCount: sql`${t.occurrenceCount} + (SELECT count(*) FROM jsonb_array_elements(excluded.occurrences) e WHERE NOT ${t.occurrences} @> jsonb_build_array(e))::int`,
            updatedAt: now,
          },
          setWhere: eq(t.status, 'open'),
        }),
    );
  }
  return ids;
}

function dedupe(
  list: readonly { productId: string; field: string }[],
): { productId: string; field: string }[] {
  const seen = new Set<string>();
  return list.filter((o) => {
    const k = `${o.productId}\u0001${o.field}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface ReviewFilter {
  status?: ReviewStatus | undefined;
  reason?: 'needs-review' | 'needs-translation' | undefined;
  language?: string | undefined;
  /** Operator only: one seller's items. */
  sellerId?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}

function scopeFilter(scope: Scope): SQL | undefined {
  const seller = scopedSellerId(scope);
  return seller ? eq(schema.translationReviewItems.sellerId, seller) : undefined;
}

/** Review items the caller may see, most recent keys last (keyset-paged by id). */
export async function listReviewItems(
  store: Store,
  scope: Scope,
  filter: ReviewFilter = {},
): Promise<ReviewItem[]> {
  const t = schema.translationReviewItems;
  const where = [
    scopeFilter(scope),
    filter.sellerId ? eq(t.sellerId, filter.sellerId) : undefined,
    eq(t.status, filter.status ?? 'open'),
    filter.reason ? eq(t.reason, filter.reason) : undefined,
    filter.language ? eq(t.targetLang, filter.language) : undefined,
    filter.after ? gt(t.id, filter.after) : undefined,
  ];
  return store.db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.id))
    .limit(Math.min(filter.limit ?? 50, 500));
}

/** One item, if the caller may see it. */
export async function getReviewItem(store: Store, scope: Scope, id: string): Promise<ReviewItem> {
  const t = schema.translationReviewItems;
  const [row] = await store.db
    .select()
    .from(t)
    .where(and(eq(t.id, id), scopeFilter(scope)));
  if (!row) throw new AppError('not_found', `review item ${id} not found`, { details: { id } });
  return row;
}

/**
 * Closes open items for a segment: one seller's (a seller-scoped approval), or everyone's when the
 * translation was approved for all (global or brand scope). Returns how many were closed.
 */
export async function closeReviewItems(
  store: Store,
  segment: { sourceLang: string; targetLang: string; style: string; sourceKey: string },
  sellers: { all: true } | { sellerId: string | null },
  resolution: { status: 'approved' | 'dismissed'; text: string | null; by: string },
  clock: Clock,
): Promise<{ closed: number; productIds: string[] }> {
  const t = schema.translationReviewItems;
  const who =
    'all' in sellers
      ? undefined
      : sellers.sellerId === null
        ? isNull(t.sellerId)
        : or(eq(t.sellerId, sellers.sellerId));
  const rows = await store.db
    .update(t)
    .set({
      status: resolution.status,
      resolution: resolution.text,
      resolvedBy: resolution.by,
      resolvedAt: clock.now(),
      updatedAt: clock.now(),
    })
    .where(
      and(
        eq(t.status, 'open'),
        eq(t.sourceLang, segment.sourceLang),
        eq(t.targetLang, segment.targetLang),
        eq(t.style, segment.style),
        eq(t.sourceKey, segment.sourceKey),
        who,
      ),
    )
    .returning({ id: t.id, occurrences: t.occurrences });
  const productIds = new Set(rows.flatMap((r) => r.occurrences.map((o) => o.productId)));
  return { closed: rows.length, productIds: [...productIds] };
}

/** Counts of open items by reason for the caller (the report's "went to review"). */
export async function reviewCounts(store: Store, scope: Scope): Promise<Record<string, number>> {
  const t = schema.translationReviewItems;
  const rows = await store.db
    .select({ reason: t.reason, n: sql<number>`count(*)::int` })
    .from(t)
    .where(and(scopeFilter(scope), inArray(t.status, ['open'])))
    .groupBy(t.reason);
  return Object.fromEntries(rows.map((r) => [r.reason, Number(r.n)]));
}
