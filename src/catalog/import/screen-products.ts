import { normalizeBizNo } from '../biz-no.ts';
import type { ProductRecord } from '../catalog-record.ts';
import type { Candidate, RowError } from './candidate.ts';
import { SeenKeys } from './seen-keys.ts';
import { validateProduct } from './validate-product.ts';

/** A product that passed every check the file alone allows, ready for the database. */
export interface ScreenedProduct {
  record: ProductRecord;
  /** The owner's 사업자등록번호 (digits), when the file names it. */
  sellerBizNo: string | undefined;
  firstRow: number;
  /** Row and column of each variant's SKU, for errors the database finds later. */
  variantSkuAt: { row: number; column: string }[];
  /** The description as COPY bytes, when the reader kept it as bytes. */
  descriptionCopy?: Uint8Array;
}

export type Screened = { ok: true; product: ScreenedProduct } | { ok: false; errors: RowError[] };

/**
 * Checks each product read from a file: field rules, the seller, and duplicate product or
 * variant SKUs within the file (the first occurrence wins). Keeps only the SKU keys it has seen.
 */
export class ProductScreen {
  // Packed: the keys are copied out of the parser's strings, so no file chunk is kept alive.
  readonly #seenProducts = new SeenKeys();
  readonly #seenVariants = new SeenKeys();

  constructor(private readonly forcedSeller: { id: string; bizNo: string } | undefined) {}

  screen(candidate: Candidate): Screened {
    const forcedSeller = this.forcedSeller;
    const seenProducts = this.#seenProducts;
    const seenVariants = this.#seenVariants;
    const { record } = candidate;
    const errors = [...candidate.errors];
    const fail = (path: string, reason: string) =>
      errors.push({ ...candidate.locate(path), reason, sku: record.sku });
    for (const issue of validateProduct(record)) fail(issue.path, issue.reason);
    if (forcedSeller && record.seller && normalizeBizNo(record.seller.bizNo) !== forcedSeller.bizNo) {
      fail('seller.bizNo', `belongs to another seller than --seller ${forcedSeller.id}`);
    }
    if (!forcedSeller && !record.seller) fail('seller.bizNo', 'is required when no --seller is given');
    const sellerKey = forcedSeller?.bizNo ?? normalizeBizNo(record.seller?.bizNo ?? '');
    if (!errors.length) {
      const first = seenProducts.get(sellerKey, record.sku);
      if (first !== undefined) fail('sku', `duplicate product SKU "${record.sku}" (first at row ${first})`);
      else {
        record.variants.forEach((v, i) => {
          const firstVariant = seenVariants.get(sellerKey, v.sku);
          if (firstVariant !== undefined)
            fail(`variants[${i}].sku`, `duplicate variant SKU "${v.sku}" (first at row ${firstVariant})`);
        });
      }
    }
    if (errors.length) return { ok: false, errors };
    seenProducts.add(sellerKey, record.sku, candidate.firstRow);
    const variantSkuAt = record.variants.map((v, i) => {
      const at = candidate.locate(`variants[${i}].sku`);
      seenVariants.add(sellerKey, v.sku, at.row);
      return at;
    });
    const product: ScreenedProduct = {
      record,
      sellerBizNo: record.seller
        ? forcedSeller
          ? normalizeBizNo(record.seller.bizNo)
          : sellerKey
        : undefined,
      firstRow: candidate.firstRow,
      variantSkuAt,
    };
    if (candidate.descriptionCopy) product.descriptionCopy = candidate.descriptionCopy;
    return { ok: true, product };
  }
}
