/**
 * Canonical CSV, streamed. RFC 4180 quoting (fields with a comma, quote, CR or LF are quoted, quotes
 * doubled; the HTML descriptions need it) and CRLF line ends, as Excel writes them.
 *
 * Encoding: UTF-8 **with a BOM** by default. Korean Excel opens a BOM-less UTF-8 CSV as CP949 and
 * shows mojibake; with the BOM it reads UTF-8 correctly. `cp949` writes what Korean Excel itself
 * saves as "CSV" (no BOM exists for it). The importer detects either.
 */
import type { Writable } from 'node:stream';
import type { ProductRecord } from '../catalog-record.ts';
import type { Cell } from './canonical-rows.ts';
import { canonicalHeader, canonicalRows, DEFAULT_ATTRIBUTE_COLUMNS } from './canonical-rows.ts';
import type { TextEncoding } from './text-sink.ts';
import { createTextSink } from './text-sink.ts';

export interface CsvWriteOptions {
  encoding?: TextEncoding;
  /** UTF-8 only: write the byte-order mark (default true, for Excel). */
  bom?: boolean;
  attributeColumns?: readonly string[];
}

/** What a writer wrote. */
export interface WriteSummary {
  products: number;
  rows: number;
  bytes: number;
}

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(cell: Cell): string {
  if (cell === undefined) return '';
  const text = typeof cell === 'number' ? String(cell) : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/** Writes products as canonical CSV to `out` (which it ends), as they come. */
export async function writeCanonicalCsv(
  products: Iterable<ProductRecord> | AsyncIterable<ProductRecord>,
  out: Writable,
  options: CsvWriteOptions = {},
): Promise<WriteSummary> {
  const encoding = options.encoding ?? 'utf8';
  const columns = options.attributeColumns ?? DEFAULT_ATTRIBUTE_COLUMNS;
  const sink = createTextSink(out, encoding);
  if (encoding === 'utf8' && options.bom !== false) await sink.write('\uFEFF');
  await sink.write(csvLine(canonicalHeader(columns)));
  let count = 0;
  let rows = 0;
  for await (const product of products) {
    const lines = canonicalRows(product, columns);
    let text = '';
    for (const row of lines) text += csvLine(row);
    await sink.write(text);
    count++;
    rows += lines.length;
  }
  await sink.end();
  return { products: count, rows, bytes: sink.bytes };
}
