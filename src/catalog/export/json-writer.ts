/**
 * JSON and NDJSON, streamed: each product is serialised on its own and written at once. JSON is
 * `{"sellers":[...],"products":[...]}` with one record per line, so it is also readable by people
 * and by line-oriented tools.
 */
import type { Writable } from 'node:stream';
import type { ProductRecord, SellerRecord } from '../catalog-record.ts';
import type { WriteSummary } from './csv-writer.ts';
import { createTextSink } from './text-sink.ts';

type Products = Iterable<ProductRecord> | AsyncIterable<ProductRecord>;

/** Writes `{"sellers": [...], "products": [...]}` to `out` (which it ends). */
export async function writeCatalogJson(
  catalog: { sellers: readonly SellerRecord[]; products: Products },
  out: Writable,
): Promise<WriteSummary> {
  const sink = createTextSink(out, 'utf8');
  await sink.write('{"sellers":[');
  for (let i = 0; i < catalog.sellers.length; i++) {
    await sink.write(`${i === 0 ? '\n' : ',\n'}${JSON.stringify(catalog.sellers[i])}`);
  }
  await sink.write('\n],"products":[');
  let count = 0;
  let rows = 0;
  for await (const product of catalog.products) {
    await sink.write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(product)}`);
    count++;
    rows += product.variants.length;
  }
  await sink.write('\n]}\n');
  await sink.end();
  return { products: count, rows, bytes: sink.bytes };
}

/** Writes one product record per line to `out` (which it ends). */
export async function writeCatalogNdjson(products: Products, out: Writable): Promise<WriteSummary> {
  const sink = createTextSink(out, 'utf8');
  let count = 0;
  let rows = 0;
  for await (const product of products) {
    await sink.write(`${JSON.stringify(product)}\n`);
    count++;
    rows += product.variants.length;
  }
  await sink.end();
  return { products: count, rows, bytes: sink.bytes };
}
