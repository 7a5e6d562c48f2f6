/**
 * Writers for the canonical catalog formats (docs/catalog-format.md): CSV (UTF-8 with BOM or CP949),
 * XLSX, JSON and NDJSON. All stream: products are written as they are produced.
 */
export {
  writeCanonicalCsv,
  csvField,
  csvLine,
  type CsvWriteOptions,
  type WriteSummary,
} from './csv-writer.ts';
export { writeCanonicalXlsx, type XlsxWriteOptions } from './xlsx-writer.ts';
export { writeCatalogJson, writeCatalogNdjson } from './json-writer.ts';
export { canonicalHeader, canonicalRows, DEFAULT_ATTRIBUTE_COLUMNS, type Cell } from './canonical-rows.ts';
export type { TextEncoding } from './text-sink.ts';
