import { AppError, scopedSellerId, toAppError, type Scope } from '../shared/index.ts';
import { actOnListing } from './actions.ts';
import type { ListingsDeps } from './listing-deps.ts';
import { loadProduct, publishProduct, type PublishOutcome } from './publish.ts';

/**
 * One action over many listings (the console's bulk buttons), done synchronously, a few at a time.
 * Each target gets its own outcome: one failing never stops the others, and a listing or product
 * outside the caller's scope is reported `not_found` without being touched (the same answer as an
 * id that does not exist, so ids of other sellers cannot be probed).
 *
 * `publish` builds and sends the product (a listing is created when the product has none on the
 * site); `retry` is publish for listings a run left in error, rejected or ready, with the attempt
 * counter reset because a person asked; `pause` and `resume` are the single-listing actions.
 */
export const BULK_ACTIONS = ['publish', 'pause', 'resume', 'retry'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Ids per call: the work is done inside the request, so a call stays well under a minute. */
export const MAX_BULK_TARGETS = 200;
const CONCURRENCY = 4;
const RETRYABLE = new Set(['error', 'rejected', 'ready']);

export interface BulkRequest {
  action: BulkAction;
  listingIds?: readonly string[] | undefined;
  productIds?: readonly string[] | undefined;
  /** With productIds: only this site (default: every site the seller has an account on). */
  site?: string | undefined;
}

export interface BulkItem {
  listingId: string | null;
  productId: string | null;
  site: string | null;
  ok: boolean;
  /** The listing's state after the action (null when nothing was found). */
  state: string | null;
  /** What happened: the publish outcome (`created`, `blocked`, …) or the action done. */
  result: string;
  error?: { code: string; message: string } | undefined;
}

export interface BulkResult {
  action: BulkAction;
  items: BulkItem[];
  counts: { total: number; ok: number; failed: number; notFound: number };
}

interface Target {
  listingId: string | null;
  productId: string;
  sellerId: string;
  site: string;
  state: string | null;
}

async function resolveTargets(
  deps: ListingsDeps,
  scope: Scope,
  req: BulkRequest,
): Promise<{ targets: Target[]; missing: BulkItem[] }> {
  const seller = scopedSellerId(scope) ?? null;
  const listingIds = [...new Set(req.listingIds ?? [])];
  const productIds = [...new Set(req.productIds ?? [])];
  const listings = listingIds.length
    ? await deps.store.query<{
        id: string;
        product_id: string;
        seller_id: string;
        site: string;
        state: string;
      }>(
        `SELECT id, product_id, seller_id, site, state FROM listings
         WHERE id = ANY($1::text[]) AND ($2::text IS NULL OR seller_id = $2)`,
        [listingIds, seller],
      )
    : [];
  // A product on each site: its listing when it has one, else the site of one of its seller's accounts.
  const products = productIds.length
    ? await deps.store.query<{
        product_id: string;
        seller_id: string;
        site: string;
        id: string | null;
        state: string | null;
      }>(
        `SELECT p.id AS product_id, p.seller_id, s.site, l.id, l.state FROM products p
         CROSS JOIN LATERAL (SELECT c.site FROM order_channels c WHERE c.seller_id = p.seller_id AND c.status = 'active'
           UNION SELECT x.site FROM listings x WHERE x.product_id = p.id) s
         LEFT JOIN listings l ON l.product_id = p.id AND l.site = s.site
         WHERE p.id = ANY($1::text[]) AND ($2::text IS NULL OR p.seller_id = $2) AND ($3::text IS NULL OR s.site = $3)
         ORDER BY p.id, s.site`,
        [productIds, seller, req.site ?? null],
      )
    : [];
  const notFound = (listingId: string | null, productId: string | null, message: string): BulkItem => ({
    listingId,
    productId,
    site: null,
    ok: false,
    state: null,
    result: 'not_found',
    error: { code: 'not_found', message },
  });
  const foundListings = new Set(listings.map((l) => l.id));
  const foundProducts = new Set(products.map((p) => p.product_id));
  const missing = [
    ...listingIds
      .filter((id) => !foundListings.has(id))
      .map((id) => notFound(id, null, `listing ${id} not found`)),
    ...productIds
      .filter((id) => !foundProducts.has(id))
      .map((id) =>
        notFound(null, id, `product ${id} not found${req.site ? ` or not sold on ${req.site}` : ''}`),
      ),
  ];
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const t of [
    ...listings.map((l) => ({
      listingId: l.id,
      productId: l.product_id,
      sellerId: l.seller_id,
      site: l.site,
      state: l.state,
    })),
    ...products.map((p) => ({
      listingId: p.id,
      productId: p.product_id,
      sellerId: p.seller_id,
      site: p.site,
      state: p.state,
    })),
  ]) {
    const key = `${t.productId} ${t.site}`;
    if (!seen.has(key) && seen.add(key)) targets.push(t);
  }
  return { targets, missing };
}

function fromPublish(o: PublishOutcome): BulkItem {
  const ok = o.action === 'created' || o.action === 'updated' || o.action === 'unchanged';
  return {
    listingId: o.listingId,
    productId: o.productId,
    site: o.site,
    ok,
    state: o.state,
    result: o.action,
    ...(ok
      ? {}
      : {
          error: {
            code: o.code ?? o.action,
            message:
              o.message ??
              (o.action === 'blocked'
                ? `${o.issues} preflight issues hold it back: see the listing's issues`
                : o.action === 'skipped'
                  ? `a ${o.state} listing is not published now`
                  : o.action),
          },
        }),
  };
}

async function actOn(deps: ListingsDeps, scope: Scope, action: BulkAction, t: Target): Promise<BulkItem> {
  const base = { listingId: t.listingId, productId: t.productId, site: t.site };
  try {
    if (action === 'pause' || action === 'resume') {
      if (!t.listingId) throw new AppError('conflict', `the product is not listed on ${t.site}`);
      const after = await actOnListing(deps, scope, t.listingId, action);
      return { ...base, ok: true, state: after.state, result: action === 'pause' ? 'paused' : 'resumed' };
    }
    if (action === 'retry') {
      if (!t.listingId || !t.state || !RETRYABLE.has(t.state))
        throw new AppError('conflict', `a ${t.state ?? 'missing'} listing has nothing to retry`);
      await deps.store.query(`UPDATE listings SET attempts = 0 WHERE id = $1`, [t.listingId]);
    }
    const adapter = await deps.adapterFor(t.site, t.sellerId);
    if (!adapter) throw new AppError('conflict', `the seller has no active account on ${t.site}`);
    return fromPublish(await publishProduct(deps, adapter, await loadProduct(deps, t.productId)));
  } catch (e) {
    const error = toAppError(e);
    return {
      ...base,
      ok: false,
      state: t.state,
      result: 'refused',
      error: { code: error.code, message: error.message },
    };
  }
}

/** Applies one action to every listing named (directly, or through its product), in the caller's scope. */
export async function bulkListingAction(
  deps: ListingsDeps,
  scope: Scope,
  req: BulkRequest,
): Promise<BulkResult> {
  const named = (req.listingIds?.length ?? 0) + (req.productIds?.length ?? 0);
  if (named === 0) throw new AppError('invalid_input', 'listingIds: name at least one listing or product');
  if (named > MAX_BULK_TARGETS)
    throw new AppError(
      'invalid_input',
      `listingIds: at most ${MAX_BULK_TARGETS} ids per call (got ${named})`,
      {
        details: { parameter: 'listingIds', max: MAX_BULK_TARGETS },
      },
    );
  const { targets, missing } = await resolveTargets(deps, scope, req);
  // Products expand to one listing per site: the cap holds for what is actually done.
  if (targets.length > MAX_BULK_TARGETS)
    throw new AppError(
      'invalid_input',
      `productIds: ${targets.length} listings (products × sites) is over ${MAX_BULK_TARGETS} per call: name a site or fewer products`,
      { details: { parameter: 'productIds', max: MAX_BULK_TARGETS } },
    );
  const done: BulkItem[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      done[i] = await actOn(deps, scope, req.action, targets[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, targets.length) }, worker));
  const items = [...done, ...missing];
  const ok = items.filter((i) => i.ok).length;
  const notFound = missing.length;
  return {
    action: req.action,
    items,
    counts: { total: items.length, ok, failed: items.length - ok - notFound, notFound },
  };
}
