import type { SqlTx, Store } from '../../db/index.ts';
import type { RowError } from './candidate.ts';
import { PRODUCT_COLUMNS, VARIANT_COLUMNS, type EncodedBatch } from './copy-rows.ts';

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  rejected: RowError[];
}

/** The bytes of the chosen products' rows: the whole buffer when all are chosen. */
function rowsOf(bytes: Uint8Array, ends: number[], chosen: number[]): Uint8Array {
  if (chosen.length === ends.length) return bytes;
  const parts = chosen.map((i) => bytes.subarray(i === 0 ? 0 : ends[i - 1], ends[i]));
  return Buffer.concat(parts);
}

const STAGED_PRODUCT_COLUMNS = PRODUCT_COLUMNS.filter(
  (c) => c !== 'seller_id' && c !== 'seller_sku' && c !== 'id',
);

/**
 * Changed products: their rows go by COPY into temporary tables, then update the stored rows
 * found by (seller, SKU), which keep their ids; variants are upserted by (seller, SKU), and
 * those a product no longer lists are kept (orders and listings refer to them) but retired.
 */
async function updateProducts(
  tx: SqlTx,
  products: Uint8Array,
  variants: Uint8Array,
  ids: string[],
): Promise<void> {
  await tx.query(`CREATE TEMP TABLE IF NOT EXISTS import_products_stage
    (LIKE products INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
  await tx.query(`CREATE TEMP TABLE IF NOT EXISTS import_variants_stage
    (LIKE variants INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
  await tx.copyCsv('import_products_stage', PRODUCT_COLUMNS, products);
  await tx.copyCsv('import_variants_stage', VARIANT_COLUMNS, variants);
  await tx.query(
    `UPDATE products p SET ${STAGED_PRODUCT_COLUMNS.map((c) => `${c} = s.${c}`).join(', ')},
       status = 'active', updated_at = now()
     FROM import_products_stage s WHERE p.seller_id = s.seller_id AND p.seller_sku = s.seller_sku`,
  );
  await tx.query(
    `INSERT INTO variants (id, seller_id, product_id, seller_sku, option_values, price_delta_krw, stock, position)
     SELECT v.id, v.seller_id, p.id, v.seller_sku, v.option_values, v.price_delta_krw, v.stock, v.position
     FROM import_variants_stage v
       JOIN import_products_stage s ON s.id = v.product_id
       JOIN products p ON p.seller_id = s.seller_id AND p.seller_sku = s.seller_sku
     ON CONFLICT (seller_id, seller_sku) DO UPDATE SET
       product_id = excluded.product_id, option_values = excluded.option_values,
       price_delta_krw = excluded.price_delta_krw, stock = excluded.stock, position = excluded.position,
       active = true, updated_at = now()`,
  );
  await tx.query(
    `UPDATE variants v SET active = false, updated_at = now()
     WHERE v.product_id = ANY($1::text[]) AND v.active
       AND NOT EXISTS (SELECT 1 FROM import_variants_stage s WHERE s.seller_id = v.seller_id AND s.seller_sku = v.seller_sku)`,
    [ids],
  );
}

/**
 * Writes a batch of products in one transaction: each lands with all its variants or not at all.
 * New products go in by COPY (the bulk path); changed ones are updated in place, keeping their ids.
 */
export async function writeBatch(
  store: Store,
  batch: EncodedBatch,
  options: { allNew?: boolean } = {},
): Promise<BatchOutcome> {
  // Optimistic first: new products' variant SKUs are rarely taken, and the unique index says so
  // when they are; only then is the batch written again with every SKU looked up (one lookup
  // per variant was a tenth of an import's time). `allNew`: the caller knows no product of the
  // batch is stored yet, so they are not looked up either; if one was stored meanwhile, the
  // unique index says so too.
  try {
    return await writeBatchOnce(store, batch, false, options.allNew ?? false);
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    return writeBatchOnce(store, batch, true, false);
  }
}

async function writeBatchOnce(
  store: Store,
  batch: EncodedBatch,
  checkNewVariants: boolean,
  allNew: boolean,
): Promise<BatchOutcome> {
  return store.transaction(async (tx) => {
    // Batches commit without waiting for the WAL flush; the import's closing write (its
    // import_runs row) commits synchronously, which flushes every batch before it. So a finished
    // import is durable, and a crash mid-import loses only batches a re-run writes again.
    await tx.query('SET LOCAL synchronous_commit = off');
    const existing = allNew
      ? []
      : await tx.query<{
          id: string;
          seller_id: string;
          seller_sku: string;
          content_hash: string;
        }>(
          `SELECT p.id, p.seller_id, p.seller_sku, p.content_hash FROM products p
       JOIN unnest($1::text[], $2::text[]) AS k(seller_id, sku) ON p.seller_id = k.seller_id AND p.seller_sku = k.sku`,
          [batch.sellerIds, batch.skus],
        );
    const byKey = new Map(existing.map((e) => [`${e.seller_id}\u0000${e.seller_sku}`, e]));
    const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, rejected: [] };
    /** Stored id of each product, undefined for new ones; products to write. */
    const storedId: (string | undefined)[] = [];
    const toWrite: number[] = [];
    batch.skus.forEach((sku, i) => {
      const found = byKey.get(`${batch.sellerIds[i]}\u0000${sku}`);
      storedId[i] = found?.id;
      if (found && found.content_hash === batch.hashes[i]) outcome.unchanged += 1;
      else toWrite.push(i);
    });
    if (toWrite.length === 0) return outcome;
    const variantsOf = (i: number) => {
      const from = batch.variantStart[i]!;
      return Array.from({ length: batch.variantStart[i + 1]! - from }, (_, k) => from + k);
    };

    // A variant SKU already used by another product of the same seller would be stolen silently.
    const checked = checkNewVariants ? toWrite : toWrite.filter((i) => storedId[i]);
    const owners = checked.length
      ? await tx.query<{ seller_id: string; seller_sku: string; product_id: string; product_sku: string }>(
          `SELECT v.seller_id, v.seller_sku, v.product_id, p.seller_sku AS product_sku FROM variants v
           JOIN products p ON p.id = v.product_id
           JOIN unnest($1::text[], $2::text[]) AS k(seller_id, sku) ON v.seller_id = k.seller_id AND v.seller_sku = k.sku`,
          [
            checked.flatMap((i) => variantsOf(i).map(() => batch.sellerIds[i])),
            checked.flatMap((i) => variantsOf(i).map((v) => batch.variantSkus[v])),
          ],
        )
      : [];
    const ownerOf = new Map(owners.map((o) => [`${o.seller_id}\u0000${o.seller_sku}`, o]));
    const accepted = toWrite.filter((i) => {
      const clash = variantsOf(i).find((v) => {
        const owner = ownerOf.get(`${batch.sellerIds[i]}\u0000${batch.variantSkus[v]}`);
        return owner && owner.product_id !== storedId[i];
      });
      if (clash === undefined) return true;
      const sku = batch.variantSkus[clash]!;
      const owner = ownerOf.get(`${batch.sellerIds[i]}\u0000${sku}`)!;
      outcome.rejected.push({
        row: batch.variantSkuRows[clash]!,
        column: batch.variantSkuColumns[clash]!,
        reason: `variant SKU "${sku}" already belongs to product ${owner.product_sku}`,
        sku: batch.skus[i],
      });
      return false;
    });

    const created = accepted.filter((i) => !storedId[i]);
    const changed = accepted.filter((i) => storedId[i]);
    if (created.length) {
      await tx.copyCsv('products', PRODUCT_COLUMNS, rowsOf(batch.products, batch.productEnd, created));
      await tx.copyCsv('variants', VARIANT_COLUMNS, rowsOf(batch.variants, batch.variantEnd, created));
    }
    if (changed.length) {
      await updateProducts(
        tx,
        rowsOf(batch.products, batch.productEnd, changed),
        rowsOf(batch.variants, batch.variantEnd, changed),
        changed.map((i) => storedId[i]!),
      );
    }
    outcome.created = created.length;
    outcome.updated = changed.length;
    return outcome;
  });
}
