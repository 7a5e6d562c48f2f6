/**
 * A ProductRecord as rows of the canonical CSV/XLSX layout (docs/catalog-format.md): one row per
 * variant, product columns on the product's first row only (the importer reads them from there; the
 * other rows carry seller and product SKU so the rows group), then one `attr:<name>` column per
 * attribute name of a fixed list.
 */
import type { ProductRecord } from '../catalog-record.ts';
import {
  ATTRIBUTE_COLUMN_PREFIX,
  CANONICAL_COLUMNS,
  formatOptionsCell,
  formatOptionValuesCell,
} from '../catalog-record.ts';
import { AppError } from '../../shared/index.ts';
import { SAMPLE_ATTRIBUTE_NAMES } from '../sample/index.ts';

/** A cell: text, a whole number, or empty. */
export type Cell = string | number | undefined;

/** The default `attr:` columns: every attribute the sample generator writes, in a fixed order. */
export const DEFAULT_ATTRIBUTE_COLUMNS: readonly string[] = SAMPLE_ATTRIBUTE_NAMES;

export function canonicalHeader(attributeColumns: readonly string[] = DEFAULT_ATTRIBUTE_COLUMNS): string[] {
  return [...CANONICAL_COLUMNS, ...attributeColumns.map((a) => ATTRIBUTE_COLUMN_PREFIX + a)];
}

/**
 * The rows of one product. An attribute outside `attributeColumns` is an error rather than silently
 * dropped: a writer must not lose data.
 */
export function canonicalRows(
  p: ProductRecord,
  attributeColumns: readonly string[] = DEFAULT_ATTRIBUTE_COLUMNS,
): Cell[][] {
  for (const name of Object.keys(p.attributes)) {
    if (!attributeColumns.includes(name)) {
      throw new AppError('invalid_input', `product ${p.sku}: attribute "${name}" has no attr: column`, {
        details: { sku: p.sku, attribute: name, columns: attributeColumns },
      });
    }
  }
  const sellerCells: Cell[] = [p.seller?.bizNo, p.seller?.name, p.sku];
  const d = p.dimensionsCm;
  const productCells: Cell[] = [
    p.title,
    p.brand,
    p.manufacturer,
    p.origin,
    p.categoryPath,
    p.priceKrw,
    p.descriptionHtml,
    p.images.join('|'),
    p.weightG,
    d?.length,
    d?.width,
    d?.height,
    p.hsCode,
    formatOptionsCell(p.options),
  ];
  const blankProduct: Cell[] = productCells.map(() => undefined);
  const attributeCells: Cell[] = attributeColumns.map((a) => p.attributes[a]);
  const blankAttributes: Cell[] = attributeColumns.map(() => undefined);
  return p.variants.map((v, i) => [
    ...sellerCells,
    ...(i === 0 ? productCells : blankProduct),
    v.sku,
    formatOptionValuesCell(v.options),
    v.extraPriceKrw,
    v.stock,
    ...(i === 0 ? attributeCells : blankAttributes),
  ]);
}
