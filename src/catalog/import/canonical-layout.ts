import {
  ATTRIBUTE_COLUMN_PREFIX,
  type CanonicalColumn,
  type ProductRecord,
  type VariantRecord,
} from '../catalog-record.ts';
import { parseDecimal, parseWholeNumber, type Candidate, type RowError } from './candidate.ts';
import type { TableRow } from './table-rows.ts';

/** Canonical column for each record field, to name the column in errors. */
const FIELD_COLUMNS: Record<string, CanonicalColumn> = {
  'seller.bizNo': 'seller_biz_no',
  'seller.name': 'seller_name',
  sku: 'product_sku',
  title: 'title',
  brand: 'brand',
  manufacturer: 'manufacturer',
  origin: 'origin',
  categoryPath: 'category_path',
  priceKrw: 'price_krw',
  descriptionHtml: 'description_html',
  images: 'images',
  weightG: 'weight_g',
  'dimensionsCm.length': 'length_cm',
  'dimensionsCm.width': 'width_cm',
  'dimensionsCm.height': 'height_cm',
  hsCode: 'hs_code',
  options: 'options',
};
const VARIANT_COLUMNS: Record<string, CanonicalColumn> = {
  sku: 'variant_sku',
  options: 'option_values',
  extraPriceKrw: 'extra_price_krw',
  stock: 'stock',
};

/** `색상=블랙|화이트; 사이즈=S|M|L` → axes; an error names what is malformed. */
export function parseOptionsCell(text: string): ProductRecord['options'] | { error: string } {
  const options: ProductRecord['options'] = [];
  if (text === '') return options;
  for (const part of text.split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq < 0) return { error: `option "${part.trim()}" must be written name=value|value` };
    const name = part.slice(0, eq).trim();
    const values = part
      .slice(eq + 1)
      .split('|')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    options.push({ name, values });
  }
  return options;
}

/** `색상=블랙; 사이즈=M` → { 색상: '블랙', 사이즈: 'M' }. */
export function parseOptionValuesCell(text: string): Record<string, string> | { error: string } {
  const values: Record<string, string> = {};
  if (text === '') return values;
  for (const part of text.split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq < 0) return { error: `option value "${part.trim()}" must be written name=value` };
    values[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return values;
}

/**
 * Groups canonical rows (one per variant, a product's rows consecutive) into product candidates.
 * Holds only the current product's rows, so files of any size stream through.
 */
export class CanonicalLayout {
  readonly #index: Map<string, number>;
  readonly #attributeColumns: { name: string; index: number }[];
  #rows: TableRow[] = [];
  #sku: string | undefined;

  constructor(header: string[]) {
    this.#index = new Map(header.map((h, i) => [h.trim(), i]));
    this.#attributeColumns = header
      .map((h, index) => ({ h: h.trim(), index }))
      .filter(({ h }) => h.startsWith(ATTRIBUTE_COLUMN_PREFIX) && h.length > ATTRIBUTE_COLUMN_PREFIX.length)
      .map(({ h, index }) => ({ name: h.slice(ATTRIBUTE_COLUMN_PREFIX.length), index }));
  }

  static matches(header: string[]): boolean {
    const names = new Set(header.map((h) => h.trim()));
    return names.has('product_sku') && names.has('title');
  }

  /** The position of a column in the header. */
  indexOf(column: CanonicalColumn): number | undefined {
    return this.#index.get(column);
  }

  /** Takes the next data row; returns the previous product when this row starts a new one. */
  push(row: TableRow): Candidate | undefined {
    const sku = this.#cell(row, 'product_sku').trim();
    let done: Candidate | undefined;
    if (this.#rows.length > 0 && sku !== this.#sku) done = this.flush();
    this.#sku = sku;
    this.#rows.push(row);
    return done;
  }

  /** Returns the product being collected, if any. */
  flush(): Candidate | undefined {
    if (this.#rows.length === 0) return undefined;
    const rows = this.#rows;
    this.#rows = [];
    return this.#build(rows);
  }

  #cell(row: TableRow, column: CanonicalColumn): string {
    const i = this.#index.get(column);
    return i === undefined ? '' : (row.values[i] ?? '');
  }

  #build(rows: TableRow[]): Candidate {
    return new CanonicalCandidate(rows, this.#index, this.#attributeColumns).candidate();
  }
}

/** Where each field of a product built from canonical rows came from. */
function locateIn(rows: TableRow[], path: string): { row: number; column: string } {
  const first = rows[0]!;
  // Read by hand, not by a regular expression: every stored variant's SKU is located once.
  const close = path.startsWith('variants[') ? path.indexOf(']', 9) : -1;
  if (close > 9 && /^\d+$/.test(path.slice(9, close))) {
    const row = rows[Number(path.slice(9, close))] ?? first;
    const field = path.slice(path[close + 1] === '.' ? close + 2 : close + 1);
    return { row: row.row, column: VARIANT_COLUMNS[field] ?? 'variant_sku' };
  }
  if (path.startsWith('attributes.')) return { row: first.row, column: `attr:${path.slice(11)}` };
  return {
    row: first.row,
    column: FIELD_COLUMNS[path] ?? FIELD_COLUMNS[path.split(/[.[]/)[0] ?? ''] ?? path,
  };
}

/** One product's rows made into a candidate: cells read by column, problems collected. */
class CanonicalCandidate {
  readonly errors: RowError[] = [];
  readonly first: TableRow;
  readonly sku: string;

  constructor(
    readonly rows: TableRow[],
    readonly index: Map<string, number>,
    readonly attributeColumns: { name: string; index: number }[],
  ) {
    this.first = rows[0]!;
    this.sku = this.cell(this.first, 'product_sku').trim();
  }

  cell(row: TableRow, column: CanonicalColumn): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (row.values[i] ?? '');
  }

  fail(row: number, column: string, reason: string): void {
    this.errors.push({ row, column, reason, sku: this.sku });
  }

  text(column: CanonicalColumn): string | undefined {
    const v = this.cell(this.first, column).trim();
    return v === '' ? undefined : v;
  }

  whole(row: TableRow, column: CanonicalColumn, fallback?: number): number {
    const raw = this.cell(row, column);
    if (raw.trim() === '') {
      if (fallback !== undefined) return fallback;
      this.fail(row.row, column, 'is required');
      return Number.NaN;
    }
    const parsed = parseWholeNumber(raw);
    if (typeof parsed === 'number') return parsed;
    this.fail(row.row, column, parsed.error);
    return Number.NaN;
  }

  decimal(column: CanonicalColumn): number | undefined {
    const raw = this.cell(this.first, column);
    if (raw.trim() === '') return undefined;
    const parsed = parseDecimal(raw);
    if (typeof parsed === 'number') return parsed;
    this.fail(this.first.row, column, parsed.error);
    return Number.NaN;
  }

  candidate(): Candidate {
    const { rows, first, sku, errors } = this;
    const bizNo = this.text('seller_biz_no');
    const raw = first.raw;
    const descriptionCopy = raw && raw.index === this.index.get('description_html') ? raw.copy : undefined;
    const optionsCell = parseOptionsCell(this.cell(first, 'options'));
    if ('error' in optionsCell) this.fail(first.row, 'options', optionsCell.error);
    const length = this.decimal('length_cm');
    const width = this.decimal('width_cm');
    const height = this.decimal('height_cm');
    const attributes: Record<string, string> = {};
    for (const { name, index } of this.attributeColumns) {
      const v = (first.values[index] ?? '').trim();
      if (v !== '') attributes[name] = v;
    }
    const weight = this.cell(first, 'weight_g').trim() === '' ? undefined : this.whole(first, 'weight_g');

    const variants: VariantRecord[] = rows.map((row) => {
      const values = parseOptionValuesCell(this.cell(row, 'option_values'));
      if ('error' in values) this.fail(row.row, 'option_values', values.error);
      return {
        sku: this.cell(row, 'variant_sku').trim() || (rows.length === 1 ? sku : ''),
        options: 'error' in values ? {} : values,
        extraPriceKrw: this.whole(row, 'extra_price_krw', 0),
        stock: this.whole(row, 'stock', 0),
      };
    });

    // One object literal with no spread in it: a spread made V8 add every property one by one
    // (about a third of the import worker's CPU went to building these records).
    const record: ProductRecord = {
      sku,
      title: this.cell(first, 'title').trim(),
      brand: this.text('brand'),
      manufacturer: this.text('manufacturer'),
      origin: this.text('origin'),
      categoryPath: this.text('category_path') ?? '',
      priceKrw: this.whole(first, 'price_krw'),
      descriptionHtml: descriptionCopy ? undefined : this.text('description_html'),
      images: (this.text('images') ?? '')
        .split('|')
        .map((u) => u.trim())
        .filter((u) => u !== ''),
      weightG: weight,
      dimensionsCm:
        length === undefined && width === undefined && height === undefined
          ? undefined
          : { length: length ?? Number.NaN, width: width ?? Number.NaN, height: height ?? Number.NaN },
      hsCode: this.text('hs_code'),
      attributes,
      options: 'error' in optionsCell ? [] : optionsCell,
      variants,
    };
    if (bizNo) record.seller = { bizNo, name: this.text('seller_name') ?? '' };

    const locate = (path: string) => locateIn(rows, path);
    const candidate: Candidate = { record, firstRow: first.row, locate, errors };
    if (descriptionCopy) candidate.descriptionCopy = descriptionCopy;
    return candidate;
  }
}
