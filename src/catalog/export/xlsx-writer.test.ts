import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { CANONICAL_COLUMNS } from '../catalog-record.ts';
import { createSampleCatalog } from '../sample/index.ts';
import { writeCanonicalXlsx } from './xlsx-writer.ts';
import { failingSink, memorySink } from './test-sink.ts';

async function xlsxBytes(seed: string): Promise<Buffer> {
  const sink = memorySink();
  const summary = await writeCanonicalXlsx(
    createSampleCatalog({ sellers: 3, products: 150, seed }).products(),
    sink.stream,
  );
  const bytes = sink.bytes();
  assert.equal(summary.bytes, bytes.length);
  return bytes;
}

test('XLSX reads back with exceljs: header, one row per variant, typed cells', async () => {
  const products = [...createSampleCatalog({ sellers: 3, products: 150, seed: 'x' }).products()];
  const bytes = await xlsxBytes('x');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  assert.ok(sheet);
  assert.equal(sheet.name, '상품');
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header.slice(0, CANONICAL_COLUMNS.length), [...CANONICAL_COLUMNS]);
  assert.ok(header.includes('attr:용량'));
  const variants = products.reduce((n, p) => n + p.variants.length, 0);
  assert.equal(sheet.rowCount, 1 + variants);
  const col = (name: string) => header.indexOf(name) + 1;
  const first = products[0];
  assert.ok(first);
  const row = sheet.getRow(2);
  assert.equal(row.getCell(col('title')).value, first.title);
  assert.equal(row.getCell(col('price_krw')).value, first.priceKrw);
  assert.equal(row.getCell(col('seller_biz_no')).value, first.seller?.bizNo);
  assert.equal(row.getCell(col('description_html')).value, first.descriptionHtml);
  const withHs = products.findIndex((p) => p.hsCode?.startsWith('0'));
  if (withHs >= 0) {
    // Kept as text: 090210 must not become the number 90210.
    const rowNo = 2 + products.slice(0, withHs).reduce((n, p) => n + p.variants.length, 0);
    assert.equal(sheet.getRow(rowNo).getCell(col('hs_code')).value, products[withHs]?.hsCode);
  }
});

test('same seed gives byte-identical XLSX; another seed differs', async () => {
  const a = await xlsxBytes('same');
  const b = await xlsxBytes('same');
  assert.ok(a.equals(b));
  assert.ok(!a.equals(await xlsxBytes('different')));
});

test('a failing output stream rejects the XLSX write', async () => {
  const many = createSampleCatalog({ sellers: 2, products: 3000, seed: 'fail' }).products();
  await assert.rejects(writeCanonicalXlsx(many, failingSink(50_000)), /ENOSPC/);
});
