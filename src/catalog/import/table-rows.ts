import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

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
