/**
 * The canonical catalog record: what every import format (canonical CSV/XLSX/JSON, ESM+ layout)
 * is read into, and what the sample generator writes. Documented in docs/catalog-format.md.
 */
export interface SellerRecord {
  /** 사업자등록번호, 10 digits; dashes allowed on input. */
  bizNo: string;
  name: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
}

export interface VariantRecord {
  /** The seller's SKU for this variant; unique per seller. */
  sku: string;
  /** Value per option axis, e.g. { 색상: '블랙', 사이즈: 'M' }; empty for a product without options. */
  options: Record<string, string>;
  /** 추가금: price difference from the product's base price in KRW (may be negative). */
  extraPriceKrw: number;
  stock: number;
}

export interface ProductRecord {
  /** The seller who owns it; optional when the import names the seller (`--seller`). */
  seller?: SellerRecord;
  /** The seller's product SKU (상품코드); re-imports upsert by it. */
  sku: string;
  /** Korean title as listed at home, tags included, e.g. "[무료배송] 라운드랩 독도 토너 500ml". */
  title: string;
  brand?: string;
  manufacturer?: string;
  /** Country of origin as the seller writes it, e.g. 국내산, 대한민국, 중국. */
  origin?: string;
  /** The seller's category path, levels joined by " > ". */
  categoryPath: string;
  /** Base sale price in KRW (판매가). */
  priceKrw: number;
  descriptionHtml?: string;
  /** Image URLs in display order. */
  images: string[];
  weightG?: number;
  /** Box dimensions in centimetres. */
  dimensionsCm?: { length: number; width: number; height: number };
  hsCode?: string;
  /** Spec fields such as 용량, 중량, 사이즈, 원산지, 제조일자, 사용기한. */
  attributes: Record<string, string>;
  /** Option axes in order with their allowed values. */
  options: { name: string; values: string[] }[];
  /** At least one. A product without options has one variant with `options: {}`. */
  variants: VariantRecord[];
}

/**
 * Canonical CSV/XLSX columns: one row per variant, rows of one product consecutive; product
 * columns are read from the product's first row. Any extra column named `attr:<name>` is an
 * attribute (e.g. `attr:용량`).
 *
 * - `options`: axes with their values, `색상=블랙|화이트; 사이즈=S|M|L`
 * - `option_values`: this row's variant, `색상=블랙; 사이즈=M`
 * - `images`: URLs separated by `|`
 */
export const CANONICAL_COLUMNS = [
  'seller_biz_no',
  'seller_name',
  'product_sku',
  'title',
  'brand',
  'manufacturer',
  'origin',
  'category_path',
  'price_krw',
  'description_html',
  'images',
  'weight_g',
  'length_cm',
  'width_cm',
  'height_cm',
  'hs_code',
  'options',
  'variant_sku',
  'option_values',
  'extra_price_krw',
  'stock',
] as const;

export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

export const ATTRIBUTE_COLUMN_PREFIX = 'attr:';

/** `색상=블랙|화이트; 사이즈=S|M|L` */
export function formatOptionsCell(options: ProductRecord['options']): string {
  return options.map((o) => `${o.name}=${o.values.join('|')}`).join('; ');
}

/** `색상=블랙; 사이즈=M` */
export function formatOptionValuesCell(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}
