import { hash as digestOf } from 'node:crypto';
import { newId } from '../../shared/index.ts';
import type { ProductRecord } from '../catalog-record.ts';

/**
 * COPY columns, in the order rows are encoded. A row's stored content comes first and its
 * identity last, so the content hash is taken over the bytes that are stored, as they are
 * written, without encoding anything twice.
 */
export const PRODUCT_COLUMNS = [
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
  'id',
  'seller_id',
  'content_hash',
] as const;
export const VARIANT_COLUMNS = [
  'seller_sku',
  'option_values',
  'price_delta_krw',
  'stock',
  'position',
  'id',
  'seller_id',
  'product_id',
] as const;

/**
 * A batch of screened products encoded as COPY rows (CSV, UTF-8) in the thread that screened
 * them, with the little the importer needs to decide what to write: keys, hashes and where each
 * product's rows are. The buffers move to the importer's thread without a copy.
 */
export interface EncodedBatch {
  sellerIds: string[];
  skus: string[];
  /** The worker's id for each product; a product already stored keeps its stored id. */
  ids: string[];
  hashes: string[];
  /** Variant SKUs of product i are variantSkus[variantStart[i] .. variantStart[i + 1]). */
  variantSkus: string[];
  variantStart: number[];
  /** Row and column of each variant's SKU, for errors found while writing. */
  variantSkuRows: number[];
  variantSkuColumns: string[];
  /** Product i's row is products[productEnd[i - 1] .. productEnd[i]) (from 0 for the first). */
  products: Uint8Array;
  productEnd: number[];
  /** Its variants' rows are variants[variantEnd[i - 1] .. variantEnd[i]). */
  variants: Uint8Array;
  variantEnd: number[];
}

function csvText(value: string): string {
  return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
}

function csvOptional(value: string | undefined): string {
  return value === undefined ? '' : csvText(value);
}

function csvNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * A JSON object with its keys in one order whatever the file's order was: the object rebuilt with
 * its keys inserted sorted (JavaScript still puts integer-like keys first, in numeric order).
 * Files mostly list keys sorted already; then the object is written as it is.
 */
function sortedJson(map: Record<string, string>): string {
  const keys = Object.keys(map);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1]! < keys[i]!;
  if (sorted) return JSON.stringify(map);
  const rebuilt: Record<string, string> = {};
  for (const k of keys.sort()) rebuilt[k] = map[k]!;
  return JSON.stringify(rebuilt);
}

/**
 * A copy of a short string that does not keep the parser's chunk it was sliced from alive while
 * the batch fills (the chunk would be promoted to the old generation with it).
 */
const detached = (text: string) => (' ' + text).slice(1);

const mm = (cm: number | undefined) => (cm === undefined ? undefined : Math.round(cm * 10));

/** A byte buffer that grows; strings are written as UTF-8 in place. */
class Bytes {
  buffer: Buffer;
  length = 0;
  constructor(size: number) {
    this.buffer = Buffer.allocUnsafeSlow(size);
  }
  #reserve(bytes: number): void {
    if (this.length + bytes > this.buffer.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + bytes));
      this.buffer.copy(next, 0, 0, this.length);
      this.buffer = next;
    }
  }
  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.#reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length);
  }
  writeBytes(bytes: Uint8Array): void {
    this.#reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
  /**
   * The written bytes in a buffer of their own, to be transferred to another thread: a spare one
   * when one is big enough (see `BatchEncoder.recycle`).
   */
  take(spares: ArrayBuffer[]): Uint8Array {
    // The smallest spare that fits; a new one has room for the next batches, which vary in size.
    let best = -1;
    spares.forEach((b, i) => {
      if (b.byteLength >= this.length && (best < 0 || b.byteLength < spares[best]!.byteLength)) best = i;
    });
    const space = best < 0 ? new ArrayBuffer(Math.ceil(this.length * 1.25)) : spares.splice(best, 1)[0]!;
    const out = new Uint8Array(space, 0, this.length);
    out.set(this.buffer.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}

/**
 * Encodes products into COPY rows and content hashes. The hash is SHA-1 over the stored content
 * of the product row and of each variant row (ids left out), so equal hashes mean a re-import
 * changes nothing; free-form maps are written with sorted keys.
 */
export class BatchEncoder {
  readonly #products = new Bytes(4 << 20);
  readonly #variants = new Bytes(1 << 20);
  /** What a product's hash is taken over, gathered in one buffer: one call instead of a Hash object. */
  readonly #hashed = new Bytes(64 << 10);
  #batch = BatchEncoder.#empty();
  /** Buffers of batches already written, given back to be filled again. */
  readonly #spares: ArrayBuffer[] = [];

  static #empty(): Omit<EncodedBatch, 'products' | 'variants'> {
    return {
      sellerIds: [],
      skus: [],
      ids: [],
      hashes: [],
      variantSkus: [],
      variantStart: [],
      variantSkuRows: [],
      variantSkuColumns: [],
      productEnd: [],
      variantEnd: [],
    };
  }

  get size(): number {
    return this.#batch.skus.length;
  }

  /** `descriptionCopy`: the description as COPY bytes, instead of `record.descriptionHtml`. */
  add(
    record: ProductRecord,
    sellerId: string,
    variantSkuAt: { row: number; column: string }[],
    descriptionCopy?: Uint8Array,
  ): void {
    const r = record;
    const b = this.#batch;
    const products = this.#products;
    const variants = this.#variants;
    const id = newId('product');
    const hashed = this.#hashed;
    hashed.length = 0;
    const start = products.length;
    if (descriptionCopy) {
      products.write(`${csvText(r.sku)},${csvText(r.title)},`);
      products.writeBytes(descriptionCopy);
    } else products.write(`${csvText(r.sku)},${csvText(r.title)},${csvText(r.descriptionHtml ?? '')}`);
    products.write(
      `,${csvOptional(r.brand)},` +
        `${csvOptional(r.manufacturer)},${csvOptional(r.origin)},${csvText(r.categoryPath)},` +
        `${csvText(sortedJson(r.attributes))},` +
        `${csvText(JSON.stringify(r.options.map((o) => ({ name: o.name, values: o.values }))))},` +
        `${csvText(JSON.stringify(r.images))},${r.priceKrw},${csvNumber(r.weightG)},` +
        `${csvNumber(mm(r.dimensionsCm?.length))},${csvNumber(mm(r.dimensionsCm?.width))},` +
        `${csvNumber(mm(r.dimensionsCm?.height))},${csvOptional(r.hsCode?.replace(/[.\s-]/g, ''))},`,
    );
    hashed.writeBytes(products.buffer.subarray(start, products.length));
    b.variantStart.push(b.variantSkus.length);
    const tail = `,${csvText(sellerId)},${csvText(id)}\n`;
    r.variants.forEach((v, position) => {
      const from = variants.length;
      variants.write(
        `${csvText(v.sku)},${csvText(sortedJson(v.options))},${v.extraPriceKrw},${v.stock},${position}`,
      );
      hashed.writeBytes(variants.buffer.subarray(from, variants.length));
      variants.write(`,${csvText(newId('variant'))}${tail}`);
      b.variantSkus.push(detached(v.sku));
      b.variantSkuRows.push(variantSkuAt[position]!.row);
      b.variantSkuColumns.push(variantSkuAt[position]!.column);
    });
    const digest = digestOf('sha1', hashed.buffer.subarray(0, hashed.length), 'base64url');
    products.write(`${csvText(id)},${csvText(sellerId)},${csvText(digest)}\n`);
    b.sellerIds.push(sellerId);
    b.skus.push(detached(r.sku));
    b.ids.push(id);
    b.hashes.push(digest);
    b.productEnd.push(products.length);
    b.variantEnd.push(variants.length);
  }

  /**
   * Takes back the buffers of a batch once it is written. Every batch in new buffers made each
   * thread run full collections over a small heap: V8 collects when memory outside its heap grows,
   * and 240 MB of batches went through.
   */
  recycle(buffers: ArrayBuffer[]): void {
    // A few batches are in flight at once; more spares than that would only hold memory.
    if (this.#spares.length < 8) this.#spares.push(...buffers);
  }

  /** The batch so far; the encoder starts a new one. */
  take(): EncodedBatch {
    const batch: EncodedBatch = {
      ...this.#batch,
      products: this.#products.take(this.#spares),
      variants: this.#variants.take(this.#spares),
    };
    batch.variantStart.push(batch.variantSkus.length);
    this.#batch = BatchEncoder.#empty();
    return batch;
  }
}
