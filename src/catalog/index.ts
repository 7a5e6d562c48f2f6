export type { ProductRecord, VariantRecord, SellerRecord, CanonicalColumn } from './catalog-record.ts';
export {
  CANONICAL_COLUMNS,
  ATTRIBUTE_COLUMN_PREFIX,
  formatOptionsCell,
  formatOptionValuesCell,
} from './catalog-record.ts';
export { isValidBizNo, bizNoCheckDigit, normalizeBizNo, formatBizNo } from './biz-no.ts';
export {
  createSeller,
  listSellers,
  getSeller,
  findSellerByBizNo,
  validateNewSeller,
  type Seller,
  type NewSeller,
} from './sellers.ts';
export { importCatalog, type ImportOptions, type ImportSummary } from './import/import-catalog.ts';
export type { RowError } from './import/candidate.ts';
export { detectEncoding, type TextEncoding } from './import/decode.ts';
export {
  listProducts,
  getProduct,
  type Product,
  type Variant,
  type ProductWithVariants,
  type ProductPage,
} from './products.ts';
export {
  createRng,
  createSampleCatalog,
  type Rng,
  type SampleCatalog,
  type SampleCatalogOptions,
} from './sample/index.ts';
export {
  writeCanonicalCsv,
  writeCanonicalXlsx,
  writeCatalogJson,
  writeCatalogNdjson,
  type WriteSummary,
} from './export/index.ts';
export { activeVariants, type VariantFacts } from './variant-feed.ts';
