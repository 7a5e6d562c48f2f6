/**
 * Canonical XLSX, streamed with exceljs's WorkbookWriter: rows are committed as they are made, so a
 * 300,000-row sheet never sits in memory. One worksheet, header in row 1 (the importer reads the first
 * sheet). Inline strings rather than a shared-string table, which would grow with the file.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ProductRecord } from '../catalog-record.ts';
import { canonicalHeader, canonicalRows, DEFAULT_ATTRIBUTE_COLUMNS } from './canonical-rows.ts';
import type { WriteSummary } from './csv-writer.ts';

export interface XlsxWriteOptions {
  attributeColumns?: readonly string[];
  /** Worksheet name; default 상품. */
  sheetName?: string;
}

/** A fixed timestamp for the document properties and zip entries: same input, same bytes. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

/** Rows between checks on how much XML waits for compression. */
const CHECK_EVERY_ROWS = 500;
/** XML allowed to wait for the compressor before we pause (exceljs itself ignores backpressure). */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

interface ZipLike {
  append(source: unknown, data: Record<string, unknown>): unknown;
  /** Bytes archiver has written. */
  pointer(): number;
}

/**
 * exceljs adds its theme and package relationships from the constructor, before we can give the zip a
 * fixed date; deferring them by a microtask lets the patch below apply to every entry.
 */
class ReproducibleWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    return Promise.resolve().then(() => super.addThemes());
  }
  override addOfficeRels(): Promise<void> {
    return Promise.resolve().then(() => super.addOfficeRels());
  }
}

/** Bytes waiting in a stream's write buffer; archiver uses readable-stream 2, which lacks writableLength. */
function pending(stream: Writable | undefined): number {
  if (!stream) return 0;
  const state = (stream as unknown as { _writableState?: { length?: number } })._writableState;
  return state?.length ?? stream.writableLength ?? 0;
}

/** Writes products as a canonical XLSX workbook to `out`, resolving once it is complete. */
export async function writeCanonicalXlsx(
  products: Iterable<ProductRecord> | AsyncIterable<ProductRecord>,
  out: Writable,
  options: XlsxWriteOptions = {},
): Promise<WriteSummary> {
  const columns = options.attributeColumns ?? DEFAULT_ATTRIBUTE_COLUMNS;
  let failure: Error | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', (e: Error) => {
      failure ??= e;
      reject(e);
    });
  });
  // Awaited at the end; until then an early stream error only stops the loop below.
  finished.catch(() => undefined);
  const workbook = new ReproducibleWorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.creator = 'kbridge';
  workbook.lastModifiedBy = 'kbridge';
  // archiver stamps every zip entry with the current time; a fixed date keeps the output reproducible.
  const zip = (workbook as unknown as { zip: ZipLike }).zip;
  const append = zip.append.bind(zip);
  // exceljs writes the sheet XML into a PassThrough that archiver compresses, ignoring write()'s return
  // value; we keep hold of it to wait for 'drain' ourselves, or a big sheet would pile up in memory.
  let sheetPipe: Writable | undefined;
  zip.append = (source, data) => {
    const result = append(source, { ...data, date: FIXED_DATE });
    const pipes = (source as { pipes?: unknown }).pipes;
    if (String(data['name']).includes('worksheets/sheet') && Array.isArray(pipes)) {
      sheetPipe = pipes[pipes.length - 1] as Writable;
    }
    return result;
  };
  await (workbook as unknown as { promise: Promise<unknown> }).promise;

  const sheet = workbook.addWorksheet(options.sheetName ?? '상품');
  sheet.addRow(canonicalHeader(columns)).commit();
  let count = 0;
  let rows = 0;
  for await (const product of products) {
    if (failure) throw failure;
    for (const row of canonicalRows(product, columns)) {
      sheet.addRow(row.map((c) => (c === undefined ? null : c))).commit();
      if (++rows % CHECK_EVERY_ROWS === 0) {
        if (sheetPipe && pending(sheetPipe) > MAX_PENDING_BYTES)
          await Promise.race([once(sheetPipe, 'drain'), finished]);
        else await new Promise((r) => setImmediate(r));
      }
    }
    count++;
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return { products: count, rows, bytes: zip.pointer() };
}
