import type { ProductRecord } from '../catalog-record.ts';

/** A rejected input, named by the row and column (or JSON field) a person can find and fix. */
export interface RowError {
  row: number;
  column: string;
  reason: string;
  /** The product SKU the row belongs to, when known. */
  sku?: string;
}

/** A product read from a file, not yet validated, with a way to name the origin of each field. */
export interface Candidate {
  record: ProductRecord;
  firstRow: number;
  /** Maps a field path of the record (e.g. `variants[2].stock`) to the row and column it came from. */
  locate(path: string): { row: number; column: string };
  /** Problems found while reading cells (not a number, bad option syntax, ...). */
  errors: RowError[];
  /**
   * The description as COPY bytes, when the reader kept it as bytes (`record.descriptionHtml` is
   * then undefined): valid UTF-8, already checked.
   */
  descriptionCopy?: Uint8Array;
}

const PLAIN_WHOLE = /^-?\d+$/;

/** Reads a whole-number cell: "25,000", "25000원" and " 3 " are fine; "abc" and "1.5" are not. */
export function parseWholeNumber(text: string): number | { error: string } {
  // Most cells are plain digits already.
  if (PLAIN_WHOLE.test(text) && text.length < 16) return Number(text);
  const cleaned = text.trim().replace(/,/g, '').replace(/원$/, '').trim();
  if (!/^-?\d+$/.test(cleaned)) return { error: `"${text}" is not a whole number` };
  const value = Number(cleaned);
  if (!Number.isSafeInteger(value)) return { error: `"${text}" is too large` };
  return value;
}

/** Reads a decimal cell ("12.5", "1,200"). */
export function parseDecimal(text: string): number | { error: string } {
  const cleaned = text.trim().replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { error: `"${text}" is not a number` };
  return Number(cleaned);
}
