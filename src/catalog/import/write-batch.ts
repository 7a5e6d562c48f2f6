import { createHash } from 'node:crypto';
import type { SqlTx, Store } from '../../db/index.ts';
import { newId } from '../../shared/index.ts';
import type { ProductRecord } from '../catalog-record.ts';
import type { RowError } from './candidate.ts';

/** A screened product with its seller resolved, ready to store. */
export interface ValidProduct {
  record: ProductRecord;
  sellerId: string;
  firstRow: number;
  /** contentHash(record), computed where the product was screened. */
  hash: string;
  /** Row and column of each variant's SKU, for errors found while writing. */
  variantSkuAt: { row: number; column: string }[];
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  rejected: RowError[];
}

const PRODUCT_COLUMNS = [
  'id',
  'seller_id',
  'seller_sku',
  'title_ko',
  'description_html',
  'brand',
  'manufacturer',
  'origin',
  'source_category_path',
  'attributes',
  'options',
  'images',
  'price_krw',
  'weight_g',
  'length_mm',
  'width_mm',
  'height_mm',
  'hs_code',
  'content_hash',
] as const;
const VARIANT_COLUMNS = [
  'id',
  'seller_id',
  'product_id',
  'seller_sku',
  'option_values',
  'price_delta_krw',
  'stock',
  'position',
] as const;

function sortedEntries(map: Record<string, string>): [string, string][] {
  return Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The stored content of a product; equal hashes mean a re-import changes nothing. Fields go in a
 * fixed order and free-form maps by sorted key, so the file format and key order do not matter.
 */
export function contentHash(r: ProductRecord): string {
  const content = [
    r.sku,
    r.title,
    r.brand ?? null,
    r.manufacturer ?? null,
    r.origin ?? null,
    r.categoryPath,
    r.priceKrw,
    r.descriptionHtml ?? '',
    r.images,
    r.weightG ?? null,
    r.dimensionsCm ? [r.dimensionsCm.length, r.dimensionsCm.width, r.dimensionsCm.height] : null,
    r.hsCode ?? null,
    sortedEntries(r.attributes),
    r.options.map((o) => [o.name, o.values]),
    r.variants.map((v) => [v.sku, sortedEntries(v.options), v.extraPriceKrw, v.stock]),
  ];
  return createHash('sha1').update(JSON.stringify(content)).digest('base64url');
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
}

const mm = (cm: number | undefined) => (cm === undefined ? null : Math.round(cm * 10));

function productRow(id: string, p: ValidProduct, hash: string): (string | number | null)[] {
  const r = p.record;
  return [
    id,
    p.sellerId,
    r.sku,
    r.title,
    r.descriptionHtml ?? '',
    r.brand ?? null,
    r.manufacturer ?? null,
    r.origin ?? null,
    r.categoryPath,
    JSON.stringify(r.attributes),
    JSON.stringify(r.options),
    JSON.stringify(r.images),
    r.priceKrw,
    r.weightG ?? null,
    mm(r.dimensionsCm?.length),
    mm(r.dimensionsCm?.width),
    mm(r.dimensionsCm?.height),
    r.hsCode ? r.hsCode.replace(/[.\s-]/g, '') : null,
    hash,
  ];
}

function variantRows(productId: string, p: ValidProduct): (string | number)[][] {
  return p.record.variants.map((v, position) => [
    newId('variant'),
    p.sellerId,
    productId,
    v.sku,
    JSON.stringify(v.options),
    v.extraPriceKrw,
    v.stock,
    position,
  ]);
}

function toCsv(rows: (string | number | null)[][]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i ? ',' : '') + csvField(row[i]);
    out += '\n';
  }
  return out;
}

/** Columns of `rows` as arrays, for `unnest($1::text[], ...)`. */
function columnsOf(rows: (string | number | null)[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c] ?? null));
}

async function updateProducts(tx: SqlTx, rows: (string | number | null)[][]): Promise<void> {
  const sets = PRODUCT_COLUMNS.filter((c) => c !== 'id' && c !== 'seller_id' && c !== 'seller_sku')
    .map((c) => `${c} = u.${c}${['attributes', 'options', 'images'].includes(c) ? '::jsonb' : ''}`)
    .join(', ');
  // Array types for unnest: whole-number columns as integers, everything else (json too) as text.
  const INTEGER_COLUMNS: Record<string, string> = {
    price_krw: 'int8',
    weight_g: 'int4',
    length_mm: 'int4',
    width_mm: 'int4',
    height_mm: 'int4',
  };
  const types = PRODUCT_COLUMNS.map((c) => INTEGER_COLUMNS[c] ?? 'text');
  const params = columnsOf(rows, PRODUCT_COLUMNS.length);
  await tx.query(
    `UPDATE products p SET ${sets}, status = 'active', updated_at = now()
     FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) AS u(${PRODUCT_COLUMNS.join(', ')})
     WHERE p.id = u.id`,
    params,
  );
}

async function upsertVariants(tx: SqlTx, rows: (string | number)[][], productIds: string[]): Promise<void> {
  const params = columnsOf(rows, VARIANT_COLUMNS.length);
  await tx.query(
    `INSERT INTO variants (${VARIANT_COLUMNS.join(', ')})
     SELECT id, seller_id, product_id, seller_sku, option_values::jsonb, price_delta_krw, stock, position
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::int4[], $8::int4[])
       AS u(${VARIANT_COLUMNS.join(', ')})
     ON CONFLICT (seller_id, seller_sku) DO UPDATE SET
       product_id = excluded.product_id, option_values = excluded.option_values,
       price_delta_krw = excluded.price_delta_krw, stock = excluded.stock, position = excluded.position,
       active = true, updated_at = now()`,
    params,
  );
  // Variants a product no longer lists are kept (orders and listings refer to them) but retired.
  await tx.query(
    `UPDATE variants v SET active = false, updated_at = now()
     WHERE v.product_id = ANY($1::text[]) AND v.active
       AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) k(pid, sku) WHERE k.pid = v.product_id AND k.sku = v.seller_sku)`,
    [productIds, params[2], params[3]],
  );
}

/**
 * Writes a batch of products in one transaction: each lands with all its variants or not at all.
 * New products go in by COPY (the bulk path); changed ones are updated in place, keeping their ids.
 */
export async function writeBatch(store: Store, batch: ValidProduct[]): Promise<BatchOutcome> {
  // Optimistic first: new products' variant SKUs are rarely taken, and the unique index says so
  // when they are; only then is the batch written again with every SKU looked up (one lookup
  // per variant was a tenth of an import's time).
  try {
    return await writeBatchOnce(store, batch, false);
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    return writeBatchOnce(store, batch, true);
  }
}

async function writeBatchOnce(
  store: Store,
  batch: ValidProduct[],
  checkNewVariants: boolean,
): Promise<BatchOutcome> {
  return store.transaction(async (tx) => {
    // Batches commit without waiting for the WAL flush; the import's closing write (its
    // import_runs row) commits synchronously, which flushes every batch before it. So a finished
    // import is durable, and a crash mid-import loses only batches a re-run writes again.
    await tx.query('SET LOCAL synchronous_commit = off');
    const existing = await tx.query<{
      id: string;
      seller_id: string;
      seller_sku: string;
      content_hash: string;
    }>(
      `SELECT p.id, p.seller_id, p.seller_sku, p.content_hash FROM products p
       JOIN unnest($1::text[], $2::text[]) AS k(seller_id, sku) ON p.seller_id = k.seller_id AND p.seller_sku = k.sku`,
      [batch.map((p) => p.sellerId), batch.map((p) => p.record.sku)],
    );
    const byKey = new Map(existing.map((e) => [`${e.seller_id}\u0000${e.seller_sku}`, e]));
    const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, rejected: [] };
    const toWrite: { p: ValidProduct; hash: string; id: string; isNew: boolean }[] = [];
    for (const p of batch) {
      const { hash } = p;
      const found = byKey.get(`${p.sellerId}\u0000${p.record.sku}`);
      if (found && found.content_hash === hash) outcome.unchanged += 1;
      else toWrite.push({ p, hash, id: found?.id ?? newId('product'), isNew: !found });
    }
    if (toWrite.length === 0) return outcome;

    // A variant SKU already used by another product of the same seller would be stolen silently.
    const checked = checkNewVariants ? toWrite : toWrite.filter((w) => !w.isNew);
    const owners = await tx.query<{
      seller_id: string;
      seller_sku: string;
      product_id: string;
      product_sku: string;
    }>(
      `SELECT v.seller_id, v.seller_sku, v.product_id, p.seller_sku AS product_sku FROM variants v
       JOIN products p ON p.id = v.product_id
       JOIN unnest($1::text[], $2::text[]) AS k(seller_id, sku) ON v.seller_id = k.seller_id AND v.seller_sku = k.sku`,
      [
        checked.flatMap(({ p }) => p.record.variants.map(() => p.sellerId)),
        checked.flatMap(({ p }) => p.record.variants.map((v) => v.sku)),
      ],
    );
    const ownerOf = new Map(owners.map((o) => [`${o.seller_id}\u0000${o.seller_sku}`, o]));
    const accepted = toWrite.filter(({ p, id }) => {
      const clash = p.record.variants.findIndex((v) => {
        const owner = ownerOf.get(`${p.sellerId}\u0000${v.sku}`);
        return owner && owner.product_id !== id;
      });
      if (clash < 0) return true;
      const sku = p.record.variants[clash]!.sku;
      const owner = ownerOf.get(`${p.sellerId}\u0000${sku}`)!;
      outcome.rejected.push({
        ...p.variantSkuAt[clash]!,
        reason: `variant SKU "${sku}" already belongs to product ${owner.product_sku}`,
        sku: p.record.sku,
      });
      return false;
    });

    const created = accepted.filter((w) => w.isNew);
    const changed = accepted.filter((w) => !w.isNew);
    if (created.length) {
      await tx.copyCsv('products', PRODUCT_COLUMNS, toCsv(created.map((w) => productRow(w.id, w.p, w.hash))));
      await tx.copyCsv('variants', VARIANT_COLUMNS, toCsv(created.flatMap((w) => variantRows(w.id, w.p))));
    }
    if (changed.length) {
      await updateProducts(
        tx,
        changed.map((w) => productRow(w.id, w.p, w.hash)),
      );
      await upsertVariants(
        tx,
        changed.flatMap((w) => variantRows(w.id, w.p)),
        changed.map((w) => w.id),
      );
    }
    outcome.created = created.length;
    outcome.updated = changed.length;
    return outcome;
  });
}
