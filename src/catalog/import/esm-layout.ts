import { createHash } from 'node:crypto';
import type { ProductRecord, VariantRecord } from '../catalog-record.ts';
import { parseWholeNumber, type Candidate, type RowError } from './candidate.ts';
import type { TableRow } from './table-rows.ts';

/**
 * The ESM+ (Gmarket/Auction) "NEW 일반상품" bulk-upload layout: one product per row, options as
 * lines of `값[,값2],상태,노출,G재고,A재고`, no 추가금 column (data/esm_bulk_upload_template.json).
 * Header names are matched after removing spaces, so "G 판매가" and "G판매가" both work.
 */
const HEADERS = {
  title: ['상품명'],
  sku: ['판매자상품코드', '판매자관리코드', '상품코드', '판매자코드'],
  priceG: ['G판매가'],
  priceA: ['A판매가'],
  price: ['판매가'],
  optionType: ['옵션타입'],
  optionNames: ['옵션명'],
  optionLines: ['옵션입력값'],
  mainImage: ['기본이미지'],
  extraImages: ['추가이미지'],
  description: ['상품상세설명'],
  category: ['카테고리코드'],
  originType: ['원산지지역타입'],
  originCode: ['원산지지역코드'],
  stockG: ['G재고'],
  stockA: ['A재고'],
  brand: ['브랜드'],
  manufacturer: ['제조사'],
} as const;

type Field = keyof typeof HEADERS;

const squash = (s: string) => s.replace(/\s+/g, '');

export class EsmLayout {
  readonly #columns = new Map<Field, { index: number; name: string }>();

  constructor(header: string[]) {
    const byName = new Map(header.map((h, i) => [squash(h), { index: i, name: h.trim() }]));
    for (const [field, names] of Object.entries(HEADERS) as [Field, readonly string[]][]) {
      const found = names.map((n) => byName.get(n)).find(Boolean);
      if (found) this.#columns.set(field, found);
    }
  }

  static matches(header: string[]): boolean {
    const names = new Set(header.map(squash));
    return names.has('상품명') && (names.has('G판매가') || names.has('A판매가') || names.has('판매가'));
  }

  #cell(row: TableRow, field: Field): string {
    const c = this.#columns.get(field);
    return c ? (row.values[c.index] ?? '').trim() : '';
  }

  #column(field: Field): string {
    return this.#columns.get(field)?.name ?? HEADERS[field][0];
  }

  /** One ESM row is one product. */
  candidate(row: TableRow): Candidate {
    const errors: RowError[] = [];
    const title = this.#cell(row, 'title');
    // ESM rows may carry no seller code; then a hash of the title keeps re-imports idempotent.
    const sku =
      this.#cell(row, 'sku') || `ESM-${createHash('sha1').update(title).digest('hex').slice(0, 12)}`;
    const fail = (field: Field, reason: string) =>
      errors.push({ row: row.row, column: this.#column(field), reason, sku });

    const priceField: Field = this.#cell(row, 'priceG')
      ? 'priceG'
      : this.#cell(row, 'priceA')
        ? 'priceA'
        : 'price';
    const priceText = this.#cell(row, priceField);
    const price = parseWholeNumber(priceText || 'missing');
    if (typeof price !== 'number') fail(priceField, priceText ? price.error : 'is required');

    const stockText = this.#cell(row, 'stockG') || this.#cell(row, 'stockA') || '0';
    const stock = parseWholeNumber(stockText);
    if (typeof stock !== 'number') fail('stockG', stock.error);

    const optionNames = this.#cell(row, 'optionNames')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const usesOptions = optionNames.length > 0 && this.#cell(row, 'optionType') !== '미사용';
    const options: ProductRecord['options'] = usesOptions
      ? optionNames.map((name) => ({ name, values: [] }))
      : [];
    const variants: VariantRecord[] = [];
    if (usesOptions) {
      for (const line of this.#cell(row, 'optionLines')
        .split(/\r?\n/)
        .filter((l) => l.trim())) {
        const parts = line.split(',').map((p) => p.trim());
        const values = parts.slice(0, optionNames.length);
        const lineStock = parseWholeNumber(parts[optionNames.length + 2] ?? '0');
        if (values.length < optionNames.length || typeof lineStock !== 'number') {
          fail(
            'optionLines',
            `option line "${line}" must be 값${optionNames.length > 1 ? ',값2' : ''},상태,노출,G재고,A재고`,
          );
          continue;
        }
        const selected: Record<string, string> = {};
        values.forEach((v, i) => {
          const axis = options[i]!;
          if (!axis.values.includes(v)) axis.values.push(v);
          selected[axis.name] = v;
        });
        variants.push({
          sku: `${sku}-${values.join('-')}`,
          options: selected,
          extraPriceKrw: 0,
          stock: lineStock,
        });
      }
      if (variants.length === 0)
        fail('optionLines', `옵션명 is "${optionNames.join(',')}" but no option lines were given`);
    } else {
      variants.push({
        sku,
        options: {},
        extraPriceKrw: 0,
        stock: typeof stock === 'number' ? stock : Number.NaN,
      });
    }

    const originType = this.#cell(row, 'originType');
    const originCode = this.#cell(row, 'originCode');
    const category = this.#cell(row, 'category');
    const record: ProductRecord = {
      sku,
      title,
      brand: this.#cell(row, 'brand') || undefined,
      manufacturer: this.#cell(row, 'manufacturer') || undefined,
      origin: originType ? (originCode ? `${originType} (${originCode})` : originType) : undefined,
      categoryPath: category ? `ESM ${category}` : '',
      priceKrw: typeof price === 'number' ? price : Number.NaN,
      descriptionHtml: this.#cell(row, 'description') || undefined,
      images: [this.#cell(row, 'mainImage'), ...this.#cell(row, 'extraImages').split(',')]
        .map((u) => u.trim())
        .filter(Boolean),
      attributes: category ? { 'ESM 카테고리 코드': category } : {},
      options,
      variants,
    };
    const FIELD_TO_ESM: Record<string, Field> = {
      sku: 'sku',
      title: 'title',
      priceKrw: priceField,
      images: 'mainImage',
      descriptionHtml: 'description',
      options: 'optionNames',
      categoryPath: 'category',
      origin: 'originType',
      brand: 'brand',
      manufacturer: 'manufacturer',
    };
    const locate = (path: string) => {
      const top = path.split(/[.[]/)[0] ?? path;
      const field = top === 'variants' ? (usesOptions ? 'optionLines' : 'stockG') : FIELD_TO_ESM[top];
      return { row: row.row, column: field ? this.#column(field) : path };
    };
    return { record, firstRow: row.row, locate, errors };
  }
}
