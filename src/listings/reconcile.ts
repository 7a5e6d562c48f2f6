import type { PriceQuantityUpdate } from '../marketplaces/index.ts';
import type { ListingsDeps } from './listing-deps.ts';
import { moveListing, recordEvents } from './listing-store.ts';
import { groupBy } from '../marketplaces/index.ts';
import { readBySellerSku, remoteState } from './remote-status.ts';

/**
 * Reconcile: reads every listed SKU of a site back and compares it with what we pushed. Price or
 * stock that drifted (an edit in Seller Center, a lost update) is pushed again; a QC decision we
 * missed is applied; a product that vanished from the platform is marked so the next publish
 * creates it again. Returns what it found and fixed.
 */
export interface ReconcileSummary {
  site: string;
  checked: number;
  quantityDrift: number;
  priceDrift: number;
  statusChanged: number;
  missing: number;
  repaired: number;
}

interface Row {
  listing_id: string;
  seller_id: string;
  state: string;
  seller_sku: string;
  item_id: string | null;
  sku_id: string | null;
  pushed_currency: string | null;
  pushed_price_minor: number | null;
  pushed_quantity: number | null;
}

export async function reconcileSite(
  deps: ListingsDeps,
  site: string,
  sellerId?: string,
): Promise<ReconcileSummary> {
  const rows = await deps.store.query<Row>(
    `SELECT k.listing_id, k.seller_id, l.state, k.seller_sku, k.item_id, k.sku_id, k.pushed_currency,
            k.pushed_price_minor, k.pushed_quantity
     FROM listing_skus k JOIN listings l ON l.id = k.listing_id
     WHERE k.site = $1 AND l.state IN ('pending_qc', 'live', 'paused') AND ($2::text IS NULL OR k.seller_id = $2)
     ORDER BY k.listing_id`,
    [site, sellerId ?? null],
  );
  const s: ReconcileSummary = {
    site,
    checked: rows.length,
    quantityDrift: 0,
    priceDrift: 0,
    statusChanged: 0,
    missing: 0,
    repaired: 0,
  };
  for (const [seller, skus] of groupBy(rows, (r) => r.seller_id)) {
    const adapter = await deps.adapterFor(site, seller);
    if (!adapter) continue;
    const remote = await readBySellerSku(
      adapter,
      skus.map((r) => r.seller_sku),
    );
    const repairs: (PriceQuantityUpdate & { listingId: string; what: string[] })[] = [];
    for (const [listingId, list] of groupBy(skus, (r) => r.listing_id)) {
      const listing = { id: listingId, sellerId: seller };
      const products = list.map((r) => remote.get(r.seller_sku));
      if (products.some((p) => !p || remoteState(p) === 'deleted')) {
        s.missing++;
        await deps.store.query(
          `UPDATE listing_skus SET item_id = NULL, sku_id = NULL WHERE listing_id = $1`,
          [listingId],
        );
        await moveListing(
          deps.store,
          listing,
          'error',
          {
            itemId: null,
            lastErrorCode: 'REMOTE_MISSING',
            lastErrorMessage: 'the product is no longer on the platform; the next publish creates it again',
          },
          { code: 'REMOTE_MISSING' },
        );
        continue;
      }
      const states = products.map((p) => remoteState(p!));
      const state = list[0]!.state;
      if (state === 'pending_qc' && states.every((x) => x === 'live')) {
        s.statusChanged += (await moveListing(
          deps.store,
          listing,
          'live',
          { qcReason: null },
          { message: 'QC approved (found by reconcile)' },
        ))
          ? 1
          : 0;
      } else if (state !== 'paused' && states.includes('rejected')) {
        const reason = products.flatMap((p) => p!.rejectReasons).join('; ') || 'rejected by QC';
        s.statusChanged += (await moveListing(
          deps.store,
          listing,
          'rejected',
          { qcReason: reason },
          { code: 'QC_REJECTED', message: reason },
        ))
          ? 1
          : 0;
      }
      for (const r of list) {
        const sku = remote.get(r.seller_sku)!.skus.find((x) => x.sellerSku === r.seller_sku);
        if (!sku) continue;
        const what: string[] = [];
        const fix: PriceQuantityUpdate = {
          sellerSku: r.seller_sku,
          itemId: r.item_id ?? undefined,
          skuId: r.sku_id ?? undefined,
        };
        if (r.pushed_quantity !== null && sku.quantity !== undefined && sku.quantity !== r.pushed_quantity) {
          s.quantityDrift++;
          what.push(`quantity ${sku.quantity} → ${r.pushed_quantity}`);
          fix.quantity = r.pushed_quantity;
        }
        const price = sku.price;
        if (
          r.pushed_price_minor !== null &&
          r.pushed_currency &&
          price &&
          (price.minor !== Number(r.pushed_price_minor) || price.currency !== r.pushed_currency)
        ) {
          s.priceDrift++;
          what.push(`price ${price.minor} → ${r.pushed_price_minor} ${r.pushed_currency} (minor units)`);
          fix.price = { currency: r.pushed_currency, minor: Number(r.pushed_price_minor) };
        }
        if (what.length) repairs.push({ ...fix, listingId, what });
      }
    }
    if (repairs.length === 0) continue;
    const outcome = await adapter.updatePriceQuantity(repairs.map(({ listingId: _l, what: _w, ...u }) => u));
    const ok = new Set(outcome.succeeded);
    const fixed = repairs.filter((r) => ok.has(r.sellerSku));
    s.repaired += fixed.length;
    await recordEvents(
      deps.store,
      fixed.map((r) => ({
        listingId: r.listingId,
        sellerId: seller,
        kind: 'repair' as const,
        message: `${r.sellerSku}: ${r.what.join(', ')}`,
      })),
    );
  }
  return s;
}
