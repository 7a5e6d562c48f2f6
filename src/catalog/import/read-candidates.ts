import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../../shared/index.ts';
import type { Candidate } from './candidate.ts';
import { CanonicalLayout } from './canonical-layout.ts';
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
  candidates: AsyncGenerator<Candidate>;
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
  rows: AsyncGenerator<TableRow>,
  setLayout: (l: 'canonical' | 'esm') => void,
): AsyncGenerator<Candidate> {
  let canonical: CanonicalLayout | undefined;
  let esm: EsmLayout | undefined;
  let esmFirstDataRow = 0;
  for await (const row of rows) {
    if (!canonical && !esm) {
      if (CanonicalLayout.matches(row.values)) {
        canonical = new CanonicalLayout(row.values);
        setLayout('canonical');
      } else if (EsmLayout.matches(row.values)) {
        esm = new EsmLayout(row.values);
        setLayout('esm');
        // The official template keeps three instruction rows under its header on row 4.
        esmFirstDataRow = row.row === 4 ? 8 : row.row + 1;
      } else if (row.row >= HEADER_SEARCH_ROWS) {
        break;
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
  if (!canonical && !esm) {
    throw new AppError(
      'invalid_input',
      'header: no header row found in the first rows; expected the canonical columns (product_sku, title, price_krw, ...) ' +
        'or the ESM+ layout (상품명, G 판매가, ...); see docs/catalog-format.md',
      { details: { column: 'header' } },
    );
  }
  const last = canonical?.flush();
  if (last) yield last;
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
  if (format === 'csv') {
    source.candidates = tableCandidates(csvRows(decodedStream(path, encoding, options.onBytes)), setLayout);
  } else if (format === 'xlsx') {
    source.candidates = tableCandidates(xlsxRows(path, options.onBytes), setLayout);
  } else if (format === 'ndjson') {
    source.candidates = ndjsonCandidates(path, options.onBytes);
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
    source.candidates = jsonCandidates(path, firstChar, options.onBytes);
  }
  return source;
}
