import type { Duplex, Readable } from 'node:stream';
import Papa from 'papaparse';
import type { RawCell } from './csv-bytes.ts';

/** One row of a sheet or CSV file, numbered as a spreadsheet shows it (the first row is 1). */
export interface TableRow {
  row: number;
  values: string[];
  /** A cell kept as COPY bytes (its entry in `values` is then empty). */
  raw?: RawCell;
}

/**
 * Streams CSV records from decoded text. Quoted cells may hold commas, quotes and newlines.
 * papaparse, not csv-parse: it scans quoted cells with indexOf and parsed our sample catalog
 * (long HTML descriptions) three times faster.
 */
export async function* csvRows(text: Readable): AsyncGenerator<TableRow> {
  // Papaparse's Node stream takes input as fast as it comes, so we feed it one chunk at a time
  // and hand out that chunk's rows before reading on: the file never piles up in memory.
  const papa = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false }) as unknown as Duplex;
  let row = 0;
  function* ready(): Generator<TableRow> {
    for (
      let record = papa.read() as string[] | null;
      record !== null;
      record = papa.read() as string[] | null
    ) {
      row += 1;
      if (record.length === 1 && record[0] === '') continue; // blank line
      yield { row, values: record };
    }
  }
  for await (const chunk of text) {
    papa.write(chunk);
    yield* ready();
  }
  papa.end();
  for await (const record of papa as AsyncIterable<string[]>) {
    row += 1;
    if (!(record.length === 1 && record[0] === '')) yield { row, values: record };
  }
}
