import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { ProductRecord } from '../catalog-record.ts';
import { CANONICAL_COLUMNS, formatOptionValuesCell } from '../catalog-record.ts';
import { createSampleCatalog, SAMPLE_ATTRIBUTE_NAMES } from '../sample/index.ts';
import { canonicalHeader } from './canonical-rows.ts';
import { csvField, writeCanonicalCsv } from './csv-writer.ts';
import { failingSink, memorySink } from './test-sink.ts';

const catalog = createSampleCatalog({ sellers: 5, products: 300, seed: 'csv' });
const products = [...catalog.products()];

async function csvBytes(
  records: Iterable<ProductRecord>,
  encoding: 'utf8' | 'cp949' = 'utf8',
): Promise<Buffer> {
  const sink = memorySink();
  await writeCanonicalCsv(records, sink.stream, { encoding });
  return sink.bytes();
}

test('csvField quotes commas, quotes and newlines only', () => {
  assert.equal(csvField('plain 텍스트'), 'plain 텍스트');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('line1\nline2'), '"line1\nline2"');
  assert.equal(csvField(12900), '12900');
  assert.equal(csvField(undefined), '');
});

test('UTF-8 CSV: BOM, canonical header plus attr: columns, one row per variant, round-trips', async () => {
  const bytes = await csvBytes(products);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows: string[][] = parse(bytes, { bom: true, relax_column_count: false });
  const header = rows[0] ?? [];
  assert.deepEqual(header, [...CANONICAL_COLUMNS, ...SAMPLE_ATTRIBUTE_NAMES.map((a) => `attr:${a}`)]);
  assert.deepEqual(header, canonicalHeader());
  const body = rows.slice(1);
  assert.equal(
    body.length,
    products.reduce((n, p) => n + p.variants.length, 0),
  );
  const col = (name: string) => header.indexOf(name);
  let r = 0;
  for (const p of products) {
    p.variants.forEach((v, i) => {
      const row = body[r++] ?? [];
      assert.equal(row.length, header.length);
      assert.equal(row[col('seller_biz_no')], p.seller?.bizNo);
      assert.equal(row[col('product_sku')], p.sku);
      assert.equal(row[col('variant_sku')], v.sku);
      assert.equal(row[col('option_values')], formatOptionValuesCell(v.options));
      assert.equal(Number(row[col('extra_price_krw')]), v.extraPriceKrw);
      assert.equal(Number(row[col('stock')]), v.stock);
      if (i === 0) {
        assert.equal(row[col('title')], p.title);
        assert.equal(Number(row[col('price_krw')]), p.priceKrw);
        assert.equal(row[col('description_html')], p.descriptionHtml);
        assert.deepEqual(row[col('images')]?.split('|'), p.images);
        assert.equal(row[col('hs_code')], p.hsCode ?? '');
        for (const [name, value] of Object.entries(p.attributes))
          assert.equal(row[col(`attr:${name}`)], value);
      } else {
        // Product columns only on the first row of a product.
        assert.equal(row[col('title')], '');
        assert.equal(row[col('description_html')], '');
      }
    });
  }
  assert.ok(bytes.includes('\r\n'), 'CRLF line ends');
});

test('same seed gives byte-identical CSV; another seed differs', async () => {
  const again = await csvBytes(createSampleCatalog({ sellers: 5, products: 300, seed: 'csv' }).products());
  assert.ok((await csvBytes(products)).equals(again));
  const other = await csvBytes(createSampleCatalog({ sellers: 5, products: 300, seed: 'csv2' }).products());
  assert.ok(!other.equals(again));
});

test('CP949 CSV has no BOM and decodes to the same text as the UTF-8 file', async () => {
  const utf8 = (await csvBytes(products)).toString('utf8').replace(/^\uFEFF/, '');
  const cp949 = await csvBytes(products, 'cp949');
  assert.notEqual(cp949[0], 0xef);
  assert.ok(cp949.length < Buffer.byteLength(utf8), 'Hangul takes 2 bytes in CP949, 3 in UTF-8');
  assert.equal(iconv.decode(cp949, 'cp949'), utf8);
});

test('CP949 refuses text it cannot encode instead of writing "?"', async () => {
  const first = products[0];
  assert.ok(first);
  const emoji = { ...first, title: `${first.title} 🎁 선물?` };
  await assert.rejects(csvBytes([emoji], 'cp949'), { code: 'invalid_input' });
  const question = { ...first, title: `${first.title} 정말?` };
  await csvBytes([question], 'cp949');
});

test('an attribute without an attr: column is an error, not silently dropped', async () => {
  const first = products[0];
  assert.ok(first);
  const odd = { ...first, attributes: { ...first.attributes, 전압: '220V' } };
  await assert.rejects(csvBytes([odd]), { code: 'invalid_input', message: /전압/ });
});

test('a failing output stream rejects the write instead of crashing', async () => {
  const many = createSampleCatalog({ sellers: 2, products: 2000, seed: 'fail' }).products();
  await assert.rejects(writeCanonicalCsv(many, failingSink(300_000)), /ENOSPC/);
});
