import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../shared/index.ts';
import type { TableRow } from './table-rows.ts';

/**
 * Streams the first worksheet of an XLSX file. Our own small reader (zip + SAX) rather than
 * exceljs's streaming reader, which breaks Hangul split across chunk boundaries and decodes XML
 * entities twice (`&amp;` became `&` in HTML descriptions). Shared strings are read first (they
 * must be in memory to resolve cells); the sheet itself streams row by row.
 */
async function entriesOf(zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', resolve);
    zip.once('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** Feeds a zip entry through a streaming UTF-8 decoder into a SAX parser, chunk by chunk. */
async function* saxChunks(stream: Readable, parser: SaxesParser): AsyncGenerator<void> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) {
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    yield;
  }
  parser.write(decoder.decode());
  parser.close();
  yield;
}

async function readWhole(
  zip: ZipFile,
  entry: Entry | undefined,
  onTag: (parser: SaxesParser) => void,
): Promise<void> {
  if (!entry) return;
  const parser = new SaxesParser();
  onTag(parser);
  for await (const _ of saxChunks(await zip.openReadStreamPromise(entry), parser));
}

async function sharedStrings(zip: ZipFile, entries: Map<string, Entry>): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false; // <rPh> holds furigana-style readings, not cell text
  await readWhole(zip, entries.get('xl/sharedStrings.xml'), (p) => {
    p.on('opentag', (t) => {
      if (t.name === 'si') current = '';
      else if (t.name === 'rPh') inPhonetic = true;
      else if (t.name === 't' && !inPhonetic) inText = true;
    });
    p.on('text', (text) => {
      if (inText) current += text;
    });
    p.on('closetag', (t) => {
      if (t.name === 't') inText = false;
      else if (t.name === 'rPh') inPhonetic = false;
      else if (t.name === 'si') strings.push(current);
    });
  });
  return strings;
}

async function firstSheetPath(zip: ZipFile, entries: Map<string, Entry>): Promise<string> {
  let firstRid: string | undefined;
  await readWhole(zip, entries.get('xl/workbook.xml'), (p) => {
    p.on('opentag', (t) => {
      if (t.name === 'sheet' && !firstRid) firstRid = String(t.attributes['r:id'] ?? '');
    });
  });
  let target: string | undefined;
  await readWhole(zip, entries.get('xl/_rels/workbook.xml.rels'), (p) => {
    p.on('opentag', (t) => {
      if (t.name === 'Relationship' && t.attributes.Id === firstRid) target = String(t.attributes.Target);
    });
  });
  const path = target
    ? target.startsWith('/')
      ? target.slice(1)
      : `xl/${target}`
    : 'xl/worksheets/sheet1.xml';
  if (!entries.has(path))
    throw new AppError('invalid_input', 'file: the XLSX file has no worksheet', {
      details: { parameter: 'file' },
    });
  return path;
}

/** "BC12" → 54 (1-based column number). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

export async function* xlsxRows(path: string, onBytes?: (n: number) => void): AsyncGenerator<TableRow> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (e) {
    throw new AppError('invalid_input', `file: not a readable XLSX file (${(e as Error).message})`, {
      details: { parameter: 'file' },
    });
  }
  try {
    const entries = await entriesOf(zip);
    const strings = await sharedStrings(zip, entries);
    const sheet = entries.get(await firstSheetPath(zip, entries))!;
    const stream = await zip.openReadStreamPromise(sheet);
    if (onBytes) stream.on('data', (chunk: Buffer) => onBytes(chunk.length));

    const parser = new SaxesParser();
    const done: TableRow[] = [];
    let row: TableRow | undefined;
    let cell: { column: number; type: string } | undefined;
    let value = '';
    let capture = false;
    parser.on('opentag', (t: SaxesTagPlain) => {
      if (t.name === 'row') row = { row: Number(t.attributes.r ?? (row ? row.row + 1 : 1)), values: [] };
      else if (t.name === 'c' && row) {
        const ref = String(t.attributes.r ?? '');
        cell = { column: ref ? columnOf(ref) : row.values.length + 1, type: String(t.attributes.t ?? 'n') };
        value = '';
      } else if ((t.name === 'v' || t.name === 't') && cell) capture = true;
    });
    parser.on('text', (text) => {
      if (capture) value += text;
    });
    parser.on('closetag', (t) => {
      if (t.name === 'v' || t.name === 't') capture = false;
      else if (t.name === 'c' && cell && row) {
        const text =
          cell.type === 's'
            ? (strings[Number(value)] ?? '')
            : cell.type === 'b'
              ? value === '1'
                ? 'TRUE'
                : 'FALSE'
              : value;
        while (row.values.length < cell.column - 1) row.values.push('');
        row.values[cell.column - 1] = text;
        cell = undefined;
      } else if (t.name === 'row' && row) {
        if (row.values.some((v) => v !== '')) done.push(row);
        row = undefined;
      }
    });
    for await (const _ of saxChunks(stream, parser)) {
      while (done.length) yield done.shift()!;
    }
  } finally {
    zip.close();
  }
}
