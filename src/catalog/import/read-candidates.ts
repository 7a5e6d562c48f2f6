import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../../shared/index.ts';
import type { Candidate } from './candidate.ts';
import { CanonicalLayout } from './canonical-layout.ts';
import { CsvByteReader, fitsByteReader } from './csv-bytes.ts';
import { decodedStream, detectEncoding, sniffFile, type TextEncoding } from './decode.ts';
import { EsmLayout } from './esm-layout.ts';
import { jsonCandidates, ndjsonCandidates } from './json-records.ts';
import { csvRows, type TableRow } from './table-rows.ts';
import { xlsxRows } from './xlsx-rows.ts';

export type ImportFormat = 'csv' | 'xlsx' | 'json' | 'ndjson';

export interface CandidateSource {
  format: ImportFormat;
  encoding: TextEncoding;
  layout: 'canonical' | 'esm' | 'json';
  bytes: number;
  /**
   * Products in the file's order, a few at a time; each group is read as it is iterated and must
   * be taken whole before the next is asked for.
   */
  candidates: AsyncGenerator<Iterable<Candidate>>;
}

const HEADER_SEARCH_ROWS = 10;

/** The file's size; a missing file is an error naming the parameter. */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    throw new AppError('not_found', `file: ${path} does not exist`, { details: { parameter: 'file' } });
  }
}

export function formatOf(path: string, explicit?: string): ImportFormat {
  const ext = (explicit ?? extname(path).slice(1)).toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  throw new AppError(
    'invalid_input',
    `file: cannot tell the format of "${path}"; use .csv, .xlsx, .json or .ndjson (or --format)`,
    {
      details: { parameter: 'file' },
    },
  );
}

/**
 * Finds the header among the first rows (the ESM template has instruction rows above it) and
 * turns the remaining rows into product candidates.
 */
async function* tableCandidates(
  rowBatches: AsyncIterable<Iterable<TableRow>>,
  setLayout: (l: 'canonical' | 'esm') => void,
  keepRaw?: (column: number) => void,
): AsyncGenerator<Iterable<Candidate>> {
  let canonical: CanonicalLayout | undefined;
  let esm: EsmLayout | undefined;
  let esmFirstDataRow = 0;
  let noHeader = false;
  // Rows become candidates as the consumer iterates, so a product's rows die young.
  function* candidatesOf(rows: Iterable<TableRow>): Generator<Candidate> {
    for (const row of rows) {
      if (!canonical && !esm) {
        if (CanonicalLayout.matches(row.values)) {
          canonical = new CanonicalLayout(row.values);
          setLayout('canonical');
          const description = canonical.indexOf('description_html');
          if (description !== undefined) keepRaw?.(description);
        } else if (EsmLayout.matches(row.values)) {
          esm = new EsmLayout(row.values);
          setLayout('esm');
          // The official template keeps three instruction rows under its header on row 4.
          esmFirstDataRow = row.row === 4 ? 8 : row.row + 1;
        } else if (row.row >= HEADER_SEARCH_ROWS) {
          noHeader = true;
          return;
        }
        continue;
      }
      if (canonical) {
        const done = canonical.push(row);
        if (done) yield done;
      } else if (esm && row.row >= esmFirstDataRow) {
        yield esm.candidate(row);
      }
    }
  }
  for await (const rows of rowBatches) {
    yield candidatesOf(rows);
    if (noHeader) break;
  }
  if (!canonical && !esm) {
    throw new AppError(
      'invalid_input',
      'header: no header row found in the first rows; expected the canonical columns (product_sku, title, price_krw, ...) ' +
        'or the ESM+ layout (상품명, G 판매가, ...); see docs/catalog-format.md',
      { details: { column: 'header' } },
    );
  }
  const last = canonical?.flush();
  if (last) yield [last];
}

/** Rows one at a time, as batches of one. */
async function* single<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const item of items) yield [item];
}

/** Opens a catalog file and streams its products, detecting format, encoding and layout. */
export async function readCandidates(
  path: string,
  options: { format?: string; onBytes?: (n: number) => void } = {},
): Promise<CandidateSource> {
  const bytes = fileSize(path);
  const format = formatOf(path, options.format);
  const head = await sniffFile(path);
  const encoding = format === 'csv' ? detectEncoding(head) : 'utf8';
  const source: CandidateSource = { format, encoding, layout: 'json', bytes, candidates: undefined as never };
  const setLayout = (l: 'canonical' | 'esm') => {
    source.layout = l;
  };
  if (format === 'csv' && encoding === 'utf8' && fitsByteReader(head, CanonicalLayout.matches)) {
    // The common case, read from bytes: the description never becomes a string.
    const reader = new CsvByteReader(path, options.onBytes);
    source.candidates = tableCandidates(reader.rows(), setLayout, (column) => (reader.rawColumn = column));
  } else if (format === 'csv') {
    source.candidates = tableCandidates(
      single(csvRows(decodedStream(path, encoding, options.onBytes))),
      setLayout,
    );
  } else if (format === 'xlsx') {
    source.candidates = tableCandidates(single(xlsxRows(path, options.onBytes)), setLayout);
  } else if (format === 'ndjson') {
    source.candidates = single(ndjsonCandidates(path, options.onBytes));
  } else {
    const firstChar =
      new TextDecoder()
        .decode(head)
        .replace(/^\uFEFF/, '')
        .trimStart()[0] ?? '';
    if (firstChar !== '[' && firstChar !== '{') {
      throw new AppError(
        'invalid_input',
        'file: a .json catalog must be an array of products or an object with a "products" array',
        {
          details: { parameter: 'file' },
        },
      );
    }
    source.candidates = single(jsonCandidates(path, firstChar, options.onBytes));
  }
  return source;
}
