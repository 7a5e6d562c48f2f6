import { AppError, scopedSellerId, type Scope } from '../shared/index.ts';
import { applyConfirmation, confirmCategory, confirmedMappings, sourcePathKey } from './category/index.ts';
import type { ListingsDeps } from './listing-deps.ts';

/**
 * The operator's (or seller's) view of category mapping: per seller, site and Korean category
 * path, the category the listings were built with, how sure the mapper was, and the alternatives;
 * and the command that confirms a category for a path. A confirmation wins over similarity from
 * then on, and the unpublished listings of that site are rebuilt by the next publish run.
 */
export interface CategoryReviewRow {
  sellerId: string;
  site: string;
  koreanPath: string;
  listings: number;
  categoryId: string | null;
  categoryPath: string | null;
  /** The mapper's confidence (1 when confirmed); the lowest among the path's listings. */
  confidence: number | null;
  confirmed: boolean;
  /** The next best leaves, when the site's tree is cached here. */
  alternatives: { id: string; path: string; confidence: number }[];
}

export async function categoryReview(
  deps: ListingsDeps,
  scope: Scope,
  options: { site?: string | undefined; sellerId?: string | undefined; limit?: number | undefined } = {},
): Promise<CategoryReviewRow[]> {
  const seller = scopedSellerId(scope) ?? options.sellerId ?? null;
  const groups = await deps.store.query<{
    seller_id: string;
    site: string;
    source_path: string;
    listings: number;
    category_id: string | null;
    category_path: string | null;
    confidence: number | null;
  }>(
    `SELECT l.seller_id, l.site, p.source_category_path AS source_path, count(*)::int AS listings,
            mode() WITHIN GROUP (ORDER BY l.category_id) AS category_id,
            mode() WITHIN GROUP (ORDER BY l.category_path) AS category_path,
            min(l.category_confidence)::float8 AS confidence
     FROM listings l JOIN products p ON p.id = l.product_id
     WHERE ($1::text IS NULL OR l.seller_id = $1) AND ($2::text IS NULL OR l.site = $2)
     GROUP BY l.seller_id, l.site, p.source_category_path
     ORDER BY min(l.category_confidence) ASC NULLS FIRST, count(*) DESC, l.site, p.source_category_path
     LIMIT $3`,
    [seller, options.site ?? null, options.limit ?? 200],
  );
  const out: CategoryReviewRow[] = [];
  // Rows share sites and sellers: each tree and each seller's confirmations are read once.
  const trees = new Map<string, ReturnType<ListingsDeps['categoryTree']>>();
  const confirmations = new Map<string, ReturnType<typeof confirmedMappings>>();
  const once = <T>(cache: Map<string, T>, key: string, load: () => T): T => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key)!;
  };
  for (const g of groups) {
    const koreanPath = g.source_path.split('>');
    const [tree, confirmed] = await Promise.all([
      once(trees, g.site, () => deps.categoryTree(g.site, g.seller_id).catch(() => undefined)),
      once(confirmations, `${g.site}\n${g.seller_id}`, () =>
        confirmedMappings(deps.store, g.site, g.seller_id),
      ),
    ]);
    const confirmation = confirmed.get(sourcePathKey(koreanPath));
    const ranked = tree ? applyConfirmation(tree.mapper, { koreanPath }, confirmation) : undefined;
    out.push({
      sellerId: g.seller_id,
      site: g.site,
      koreanPath: sourcePathKey(koreanPath),
      listings: g.listings,
      categoryId: confirmation?.categoryId ?? g.category_id,
      categoryPath: confirmation?.categoryPath ?? g.category_path,
      confidence: confirmation ? 1 : g.confidence,
      confirmed: !!confirmation,
      alternatives: (ranked?.alternatives ?? []).map((a) => ({
        id: a.id,
        path: a.path.join(' > '),
        confidence: a.confidence,
      })),
    });
  }
  return out;
}

export interface ConfirmCategoryRequest {
  site: string;
  /** The Korean category path as sellers write it: `뷰티 > 스킨케어 > 토너` (or `>` without spaces). */
  koreanPath: string;
  categoryId: string;
  /** Operator only: the seller it holds for; omitted, every seller on the site. */
  sellerId?: string | undefined;
  confirmedBy: string;
}

/**
 * Confirms a leaf category of the site for a Korean path. The category must be a leaf of the
 * site's tree (checked against the cached tree, fetched once when missing). Returns the stored
 * confirmation and how many unpublished listings the next publish run rebuilds with it.
 */
export async function confirmListingCategory(deps: ListingsDeps, scope: Scope, req: ConfirmCategoryRequest) {
  const own = scopedSellerId(scope);
  if (own && req.sellerId && req.sellerId !== own)
    throw new AppError('not_found', `seller ${req.sellerId} not found`);
  const sellerId = own ?? req.sellerId ?? null;
  const koreanPath = req.koreanPath.split('>').map((s) => s.trim());
  if (koreanPath.filter(Boolean).length === 0)
    throw new AppError(
      'invalid_input',
      'koreanPath: a Korean category path such as "뷰티 > 스킨케어 > 토너"',
    );
  const tree = await deps.categoryTree(req.site, sellerId);
  if (!tree)
    throw new AppError(
      'conflict',
      `site ${req.site}: its category tree is not here yet and no account on the site could fetch it; connect a seller's account there first`,
    );
  const node = tree.mapper.index.byId.get(req.categoryId);
  if (!node)
    throw new AppError('invalid_input', `categoryId: ${req.categoryId} is not a category of ${req.site}`, {
      details: { categoryId: req.categoryId },
    });
  if (!node.leaf)
    throw new AppError(
      'invalid_input',
      `categoryId: ${req.categoryId} (${node.path.join(' > ')}) is not a leaf category; listings need a leaf`,
      { details: { categoryId: req.categoryId } },
    );
  const saved = await confirmCategory(deps.store, scope, {
    siteId: req.site,
    koreanPath,
    categoryId: node.id,
    categoryPath: node.path,
    sellerId,
    confirmedBy: req.confirmedBy,
  });
  deps.forgetConfirmations();
  const unpublished = await deps.store.query<{ path: string }>(
    `SELECT p.source_category_path AS path FROM listings l JOIN products p ON p.id = l.product_id
     WHERE l.site = $1 AND ($2::text IS NULL OR l.seller_id = $2) AND l.state IN ('draft', 'rejected', 'error')`,
    [req.site, sellerId],
  );
  const rebuildsPending = unpublished.filter(
    (r) => sourcePathKey(r.path.split('>')) === saved.sourcePath,
  ).length;
  return { confirmation: saved, rebuildsPending };
}
