import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import {
  createSampleCatalog,
  createSeller,
  importCatalog,
  writeCanonicalCsv,
  writeCanonicalXlsx,
  writeCatalogNdjson,
} from '../../src/catalog/index.ts';
import { createWriteStream } from 'node:fs';
import type { Store } from '../../src/db/index.ts';
import { fixedClock } from '../../src/shared/index.ts';
import { testStore } from '../helpers/store.ts';

const clock = fixedClock('2026-11-25T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'kbridge-import-'));
const HEADER =
  'product_sku,title,brand,category_path,price_krw,images,weight_g,length_cm,width_cm,height_cm,options,variant_sku,option_values,extra_price_krw,stock,attr:용량';
const GOOD_ROWS = [
  'TONER-1,[무료배송] 라운드랩 독도 토너 500ml,라운드랩,뷰티 > 스킨케어 > 토너,25000,https://img.example.kr/a.jpg|https://img.example.kr/b.jpg,620,8,8,22,,,,,40,500ml',
  'TEE-1,"남성 오버핏 반팔 티셔츠, 면 100%",무신사,패션 > 남성의류 > 티셔츠,19900,https://img.example.kr/t.jpg,250,30,25,3,색상=블랙|화이트; 사이즈=M|L,TEE-1-BK-M,색상=블랙; 사이즈=M,0,10,',
  'TEE-1,,,,,,,,,,,TEE-1-BK-L,색상=블랙; 사이즈=L,1000,5,',
  'TEE-1,,,,,,,,,,,TEE-1-WH-M,색상=화이트; 사이즈=M,0,0,',
];

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

let store: Store;
let sellerId: string;

before(async () => {
  store = await testStore();
});
after(async () => {
  await store.close();
});
beforeEach(async () => {
  await store.query('TRUNCATE variants, products, import_runs, api_keys, sellers CASCADE');
  sellerId = (await createSeller(store.db, { name: '주식회사 테스트', bizNo: '220-81-62517' }, clock)).id;
});

async function productsOf(seller: string) {
  return store.query<{
    seller_sku: string;
    title_ko: string;
    price_krw: number;
    length_mm: number | null;
    attributes: Record<string, string>;
  }>(
    'SELECT seller_sku, title_ko, price_krw, length_mm, attributes FROM products WHERE seller_id = $1 ORDER BY seller_sku',
    [seller],
  );
}

describe('catalog import', () => {
  test('UTF-8 CSV: products with their variants, options, dimensions and attributes', async () => {
    const path = file('good.csv', [HEADER, ...GOOD_ROWS].join('\n'));
    const s = await importCatalog(store, path, clock, { sellerId });
    assert.equal(s.encoding, 'utf8');
    assert.equal(s.layout, 'canonical');
    assert.deepEqual([s.created, s.updated, s.unchanged, s.rejected], [2, 0, 0, 0]);
    const products = await productsOf(sellerId);
    assert.deepEqual(
      products.map((p) => p.seller_sku),
      ['TEE-1', 'TONER-1'],
    );
    assert.equal(products[0]!.title_ko, '남성 오버핏 반팔 티셔츠, 면 100%');
    assert.equal(products[1]!.length_mm, 80);
    assert.deepEqual(products[1]!.attributes, { 용량: '500ml' });
    const variants = await store.query<{
      seller_sku: string;
      option_values: Record<string, string>;
      price_delta_krw: number;
      stock: number;
    }>('SELECT seller_sku, option_values, price_delta_krw, stock FROM variants ORDER BY seller_sku');
    assert.deepEqual(
      variants.map((v) => [v.seller_sku, v.option_values, v.price_delta_krw, v.stock]),
      [
        ['TEE-1-BK-L', { 색상: '블랙', 사이즈: 'L' }, 1000, 5],
        ['TEE-1-BK-M', { 색상: '블랙', 사이즈: 'M' }, 0, 10],
        ['TEE-1-WH-M', { 색상: '화이트', 사이즈: 'M' }, 0, 0],
        ['TONER-1', {}, 0, 40],
      ],
    );
  });

  test('CP949 CSV (what Korean Excel saves) is detected and decoded', async () => {
    const path = file('cp949.csv', iconv.encode([HEADER, ...GOOD_ROWS].join('\r\n'), 'cp949'));
    const s = await importCatalog(store, path, clock, { sellerId });
    assert.equal(s.encoding, 'cp949');
    assert.equal(s.created, 2);
    const products = await productsOf(sellerId);
    assert.equal(products[1]!.title_ko, '[무료배송] 라운드랩 독도 토너 500ml');
  });

  test('XLSX with the canonical header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('catalog');
    ws.addRow([
      'product_sku',
      'title',
      'price_krw',
      'options',
      'variant_sku',
      'option_values',
      'extra_price_krw',
      'stock',
    ]);
    ws.addRow(['MASK-1', '메디힐 마스크팩 10매', 15000, '구성=10매|20매', 'MASK-1-10', '구성=10매', 0, 100]);
    ws.addRow(['MASK-1', '', '', '', 'MASK-1-20', '구성=20매', 12000, 50]);
    ws.addRow(['SOCK-1', '양말 5족 세트', 9900, '', '', '', '', 7]);
    const path = join(dir, 'catalog.xlsx');
    await wb.xlsx.writeFile(path);
    const s = await importCatalog(store, path, clock, { sellerId });
    assert.equal(s.format, 'xlsx');
    assert.deepEqual([s.created, s.rejected], [2, 0]);
    const [row] = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM variants');
    assert.equal(row!.n, 3);
  });

  test('JSON document and NDJSON, with sellers carried in the file', async () => {
    const seller = { bizNo: '1248100998', name: '삼성상회' };
    const product = (sku: string) => ({
      seller,
      sku,
      title: `[정품] 비비고 왕교자 1.05kg ${sku}`,
      categoryPath: '식품 > 냉동식품 > 만두',
      priceKrw: '12,900',
      images: ['https://img.example.kr/m.jpg'],
      attributes: { 중량: '1.05kg' },
      options: [{ name: '수량', values: ['1봉', '2봉'] }],
      variants: [
        { sku: `${sku}-1`, options: { 수량: '1봉' }, stock: 3 },
        { sku: `${sku}-2`, options: { 수량: '2봉' }, extraPriceKrw: 11000, stock: 2 },
      ],
    });
    const json = file(
      'catalog.json',
      JSON.stringify({ sellers: [seller], products: [product('MANDU-1'), product('MANDU-2')] }),
    );
    const s1 = await importCatalog(store, json, clock);
    assert.deepEqual([s1.created, s1.rejected, s1.sellersCreated], [2, 0, 1]);
    const nd = file(
      'catalog.ndjson',
      [product('MANDU-3'), product('MANDU-4')].map((p) => JSON.stringify(p)).join('\n'),
    );
    const s2 = await importCatalog(store, nd, clock);
    assert.deepEqual([s2.created, s2.rejected, s2.sellersCreated], [2, 0, 0]);
    const [row] = await store.query<{ n: number; price: number }>(
      `SELECT count(*)::int AS n, min(p.price_krw)::int AS price FROM products p JOIN sellers s ON s.id = p.seller_id WHERE s.biz_no = '1248100998'`,
    );
    assert.deepEqual(row, { n: 4, price: 12900 });
  });

  test('bad rows are reported by row and column and skipped; good rows land', async () => {
    const rows = [
      HEADER,
      GOOD_ROWS[0]!, // row 2: good
      'NOTITLE-1,,브랜드,뷰티,10000,,,,,,,,,,1,', // row 3: missing title
      'NEG-1,마이너스 가격 상품,,뷰티,-500,,,,,,,,,,1,', // row 4: negative price
      'OPT-1,옵션 오류 티셔츠,,패션,10000,,,,,,색상=블랙|화이트,OPT-1-R,색상=레드,0,1,', // row 5: unknown option value
      'OPT-1,,,,,,,,,,,OPT-1-B,색상=블랙,0,1,', // row 6: same product, fine on its own
      'TONER-1,중복 SKU 토너,,뷰티,9000,,,,,,,,,,1,', // row 7: duplicate product SKU
      ...GOOD_ROWS.slice(1), // rows 8-10: good
    ];
    const utf8 = Buffer.from(rows.join('\n'), 'utf8');
    // Row 11: a title with bytes that are not UTF-8 (a stray CP949 fragment).
    const broken = Buffer.concat([
      utf8,
      Buffer.from('\nBROKEN-1,깨진 '),
      Buffer.from([0xb1, 0xdb, 0xff]),
      Buffer.from(' 제목,,뷰티,1000,,,,,,,,,,1,\n'),
    ]);
    const s = await importCatalog(store, file('bad.csv', broken), clock, { sellerId });
    assert.equal(s.encoding, 'utf8');
    assert.deepEqual([s.created, s.rejected], [2, 5]);
    const byRow = new Map(s.errors.map((e) => [e.row, e]));
    assert.equal(byRow.get(3)?.column, 'title');
    assert.match(byRow.get(3)!.reason, /required/);
    assert.equal(byRow.get(4)?.column, 'price_krw');
    assert.match(byRow.get(4)!.reason, /negative/);
    assert.equal(byRow.get(5)?.column, 'option_values');
    assert.match(byRow.get(5)!.reason, /unknown value "레드" for option "색상"/);
    assert.equal(byRow.get(7)?.column, 'product_sku');
    assert.match(byRow.get(7)!.reason, /duplicate product SKU "TONER-1" \(first at row 2\)/);
    assert.equal(byRow.get(11)?.column, 'title');
    assert.match(byRow.get(11)!.reason, /encoding/);
    const skus = (await productsOf(sellerId)).map((p) => p.seller_sku);
    assert.deepEqual(skus, ['TEE-1', 'TONER-1']);
    const [toner] = await store.query<{ title_ko: string }>(
      `SELECT title_ko FROM products WHERE seller_sku = 'TONER-1'`,
    );
    assert.equal(
      toner!.title_ko,
      '[무료배송] 라운드랩 독도 토너 500ml',
      'the duplicate did not overwrite the first',
    );
  });

  test('duplicate variant SKU across products in one file is rejected', async () => {
    const rows = [HEADER, GOOD_ROWS[0]!, 'OTHER-1,다른 상품,,뷰티,5000,,,,,,,TONER-1,,0,1,'];
    const s = await importCatalog(store, file('dupvar.csv', rows.join('\n')), clock, { sellerId });
    assert.deepEqual([s.created, s.rejected], [1, 1]);
    assert.equal(s.errors[0]?.row, 3);
    assert.equal(s.errors[0]?.column, 'variant_sku');
  });

  test('a new product may not take a variant SKU another stored product owns', async () => {
    await importCatalog(store, file('owner.csv', [HEADER, GOOD_ROWS[0]!].join('\n')), clock, { sellerId });
    const rows = [
      HEADER,
      'NEW-1,새 상품,,뷰티,5000,,,,,,,TONER-1,,0,1,',
      'NEW-2,다른 새 상품,,뷰티,6000,,,,,,,,,,2,',
    ];
    const s = await importCatalog(store, file('thief.csv', rows.join('\n')), clock, { sellerId });
    assert.deepEqual([s.created, s.rejected], [1, 1]);
    assert.deepEqual([s.errors[0]?.row, s.errors[0]?.column], [2, 'variant_sku']);
    assert.match(s.errors[0]!.reason, /already belongs to product TONER-1/);
    const [owner] = await store.query<{ sku: string }>(
      `SELECT p.seller_sku AS sku FROM variants v JOIN products p ON p.id = v.product_id WHERE v.seller_sku = 'TONER-1'`,
    );
    assert.equal(owner!.sku, 'TONER-1');
  });

  test('re-import is idempotent: unchanged, then one update', async () => {
    const path = file('again.csv', [HEADER, ...GOOD_ROWS].join('\n'));
    await importCatalog(store, path, clock, { sellerId });
    const ids = await store.query<{ id: string }>('SELECT id FROM variants ORDER BY id');
    const again = await importCatalog(store, path, clock, { sellerId });
    assert.deepEqual([again.created, again.updated, again.unchanged, again.rejected], [0, 0, 2, 0]);
    const changedRows = [HEADER, GOOD_ROWS[0]!.replace(',25000,', ',23000,'), ...GOOD_ROWS.slice(1, 3)]; // drops TEE-1-WH-M
    const changed = await importCatalog(store, file('changed.csv', changedRows.join('\n')), clock, {
      sellerId,
    });
    assert.deepEqual([changed.created, changed.updated, changed.unchanged], [0, 2, 0]);
    assert.deepEqual(
      await store.query<{ id: string }>('SELECT id FROM variants ORDER BY id'),
      ids,
      'variant ids are stable',
    );
    const retired = await store.query<{ seller_sku: string }>(
      'SELECT seller_sku FROM variants WHERE NOT active',
    );
    assert.deepEqual(
      retired.map((r) => r.seller_sku),
      ['TEE-1-WH-M'],
    );
    const [toner] = await store.query<{ price_krw: number }>(
      `SELECT price_krw FROM products WHERE seller_sku = 'TONER-1'`,
    );
    assert.equal(toner!.price_krw, 23000);
  });

  test('a crash in the middle of a product leaves nothing half-written', async () => {
    // The database fails while writing TEE-1's second variant, after TEE-1 itself was written.
    await store.query(`CREATE FUNCTION fail_on_variant() RETURNS trigger AS $$
      BEGIN IF NEW.seller_sku = 'TEE-1-BK-L' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await store.query(
      'CREATE TRIGGER fail_on_variant BEFORE INSERT ON variants FOR EACH ROW EXECUTE FUNCTION fail_on_variant()',
    );
    try {
      const path = file('crash.csv', [HEADER, ...GOOD_ROWS].join('\n'));
      await assert.rejects(importCatalog(store, path, clock, { sellerId }), /disk on fire/);
      const [counts] = await store.query<{ p: number; v: number }>(
        'SELECT (SELECT count(*)::int FROM products) AS p, (SELECT count(*)::int FROM variants) AS v',
      );
      assert.deepEqual(counts, { p: 0, v: 0 });
      const [run] = await store.query<{ status: string }>('SELECT status FROM import_runs');
      assert.equal(run!.status, 'failed');
    } finally {
      await store.query('DROP TRIGGER fail_on_variant ON variants');
      await store.query('DROP FUNCTION fail_on_variant()');
    }
    const retry = await importCatalog(store, file('crash.csv', [HEADER, ...GOOD_ROWS].join('\n')), clock, {
      sellerId,
    });
    assert.equal(retry.created, 2);
  });

  test('ESM+ bulk layout: header on row 4, data from row 8, options as lines', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('NEW 일반상품');
    ws.addRow(['안내']);
    ws.addRow(['안내 2']);
    ws.addRow(['안내 3']);
    ws.addRow([
      '노출 사이트',
      '판매자 상품코드',
      '상품명',
      'G 판매가',
      '옵션 타입',
      '옵션명',
      '옵션 입력값',
      '기본이미지',
      '추가이미지',
      '원산지 지역타입',
    ]);
    ws.addRow(['설명', '설명', '설명']);
    ws.addRow(['예시', '예시', '예시']);
    ws.addRow(['필수', '필수', '필수']);
    ws.addRow([
      'G마켓',
      'ESM-1',
      '아동 내복 세트',
      '15900',
      '2개조합형',
      '색상,사이즈',
      '핑크,90,정상,노출,10,10\n핑크,100,정상,노출,5,5',
      'https://img.example.kr/1.jpg',
      'https://img.example.kr/2.jpg,https://img.example.kr/3.jpg',
      '국내산',
    ]);
    ws.addRow(['G마켓', 'ESM-2', '', '9000', '미사용', '', '', '', '', '']);
    const path = join(dir, 'esm.xlsx');
    await wb.xlsx.writeFile(path);
    const s = await importCatalog(store, path, clock, { sellerId });
    assert.equal(s.layout, 'esm');
    assert.deepEqual([s.created, s.rejected], [1, 1]);
    assert.deepEqual(
      s.errors.map((e) => [e.row, e.column]),
      [[9, '상품명']],
    );
    const variants = await store.query<{ seller_sku: string; stock: number }>(
      'SELECT seller_sku, stock FROM variants ORDER BY seller_sku',
    );
    assert.deepEqual(variants, [
      { seller_sku: 'ESM-1-핑크-100', stock: 5 },
      { seller_sku: 'ESM-1-핑크-90', stock: 10 },
    ]);
  });

  test('a file without a known header is refused as a whole, naming the header', async () => {
    await assert.rejects(
      importCatalog(store, file('nohead.csv', 'a,b,c\n1,2,3\n'), clock, { sellerId }),
      /header: no header row/,
    );
  });

  test('the sample catalog round-trips through CSV, XLSX and NDJSON: the same products, unchanged', async () => {
    const catalog = createSampleCatalog({ sellers: 3, products: 300, seed: 'roundtrip' });
    const csv = join(dir, 'sample.csv');
    const xlsx = join(dir, 'sample.xlsx');
    const ndjson = join(dir, 'sample.ndjson');
    await writeCanonicalCsv(catalog.products(), createWriteStream(csv));
    await writeCanonicalXlsx(catalog.products(), createWriteStream(xlsx));
    await writeCatalogNdjson(catalog.products(), createWriteStream(ndjson));
    const first = await importCatalog(store, csv, clock);
    assert.deepEqual([first.created, first.rejected, first.sellersCreated], [300, 0, 3]);
    // XLSX carries long Korean text across zip chunks and HTML with &amp; entities.
    for (const file of [xlsx, ndjson]) {
      const again = await importCatalog(store, file, clock);
      assert.deepEqual([again.created, again.updated, again.unchanged, again.rejected], [0, 0, 300, 0], file);
    }
  });
});
