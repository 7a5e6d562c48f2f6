import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';

/** One row of a sheet or CSV file, numbered as a spreadsheet shows it (the first row is 1). */
export interface TableRow {
  row: number;
  values: string[];
}

/** Streams CSV records from decoded text. Quoted cells may hold commas, quotes and newlines. */
export async function* csvRows(text: Readable): AsyncGenerator<TableRow> {
  const parser = text.pipe(parse({ relax_column_count: true, skip_empty_lines: false, bom: true }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    if (record.length === 1 && record[0] === '') continue; // blank line
    yield { row, values: record };
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // formula
    if ('error' in value) return '';
  }
  return String(value);
}

/** Streams the rows of the first worksheet of an XLSX file without loading the workbook. */
export async function* xlsxRows(path: string, onBytes?: (n: number) => void): AsyncGenerator<TableRow> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values: string[] = [];
      // row.values is 1-based with a hole at 0.
      const cells = row.values as ExcelJS.CellValue[];
      for (let i = 1; i < cells.length; i++) values.push(cellText(cells[i]));
      if (values.every((v) => v === '')) continue;
      yield { row: row.number, values };
    }
    break; // only the first worksheet holds the catalog
  }
}
