import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CanonicalLayout } from './canonical-layout.ts';
import { CsvByteReader, fitsByteReader } from './csv-bytes.ts';
import { csvRows, type TableRow } from './table-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'kbridge-csv-bytes-'));

async function byteRows(content: Buffer, rawColumn = -1): Promise<TableRow[]> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, content);
  const reader = new CsvByteReader(path);
  reader.rawColumn = rawColumn;
  const out: TableRow[] = [];
  for await (const rows of reader.rows()) for (const row of rows) out.push(row);
  return out;
}

async function papaRows(text: string): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const row of csvRows(Readable.from([text.replace(/^\uFEFF/, '')]))) out.push(row);
  return out;
}

const CASES: Record<string, string> = {
  plain: 'a,b,c\n1,2,3\n4,5,6\n',
  'no final newline': 'a,b,c\n1,2,3',
  'quoted commas, doubled quotes, newlines': 'a,b\n"x, y","say ""hi"""\n"line1\nline2",z\n',
  'CRLF with a newline inside quotes': 'a,b\r\n"1\r\n2",3\r\n4,5\r\n',
  'blank lines are counted': 'a,b\n1,2\n\n3,4\n',
  'empty cells and trailing comma': 'a,b,c\n,,\n1,,\n',
  'spaces after a closing quote': 'a,b\n"x"  ,y\n',
  'BOM and Korean text': '\uFEFFa,b\n라운드랩,"독도 ""토너"""\n',
  'quote inside an unquoted cell': 'a,b\nx"y,z\n',
};

for (const [name, text] of Object.entries(CASES)) {
  test(`byte reader reads like papaparse: ${name}`, async () => {
    assert.deepEqual(await byteRows(Buffer.from(text, 'utf8')), await papaRows(text));
  });
}

test('byte reader: a long file across chunks reads like papaparse', async () => {
  const html = '<p style=""a"">'.padEnd(3000, '한글 ') + '</p>';
  const lines = ['sku,description,n'];
  for (let i = 0; i < 2000; i++) lines.push(`S${i},"${html}\n${i}",${i}`);
  const text = lines.join('\n');
  assert.deepEqual(await byteRows(Buffer.from(text, 'utf8')), await papaRows(text));
});

test('byte reader: a record longer than a read chunk', async () => {
  const cell = '<큰 셀 ""q""\n>'.repeat(200_000);
  const text = `a,b\nx,"${cell}"\ny,z\n`;
  assert.deepEqual(await byteRows(Buffer.from(text, 'utf8')), await papaRows(text));
  const raw = (await byteRows(Buffer.from(text, 'utf8'), 1))[1]!.raw!;
  assert.equal(Buffer.from(raw.copy).toString('utf8'), `"${cell}"`);
});

test('byte reader: the raw column comes as COPY bytes, or as text when it cannot', async () => {
  const bad = Buffer.concat([Buffer.from('S3,"broken '), Buffer.from([0xb1, 0xff]), Buffer.from('",3\n')]);
  const content = Buffer.concat([
    Buffer.from('sku,description,n\nS1,"<p a=""b"">\n</p>",1\nS2, <p>x</p> ,2\n', 'utf8'),
    bad,
    Buffer.from('S4,<b>unquoted</b>,4\nS5,,5\n'),
  ]);
  const rows = await byteRows(content, 1);
  assert.equal(Buffer.from(rows[1]!.raw!.copy).toString(), '"<p a=""b"">\n</p>"');
  assert.deepEqual([rows[1]!.values[1], rows[1]!.raw!.index], ['', 1]);
  assert.equal(rows[2]!.raw, undefined, 'spaces to trim: kept as text');
  assert.equal(rows[2]!.values[1], ' <p>x</p> ');
  assert.equal(rows[3]!.raw, undefined, 'broken bytes: kept as text, to be reported');
  assert.match(rows[3]!.values[1]!, /\uFFFD/);
  assert.equal(Buffer.from(rows[4]!.raw!.copy).toString(), '"<b>unquoted</b>"');
  assert.deepEqual([rows[5]!.raw, rows[5]!.values[1]], [undefined, '']);
});

test('byte reader takes only comma-separated files with a canonical header on the first line', () => {
  const fits = (text: string) => fitsByteReader(Buffer.from(text, 'utf8'), CanonicalLayout.matches);
  assert.equal(fits('\uFEFFproduct_sku,title\r\nA,B\r\n'), true);
  assert.equal(fits('product_sku\ttitle\nA\tB\n'), false);
  assert.equal(fits('안내\nproduct_sku,title\n'), false);
  assert.equal(fits('product_sku,title'), false);
});
