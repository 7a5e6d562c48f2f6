import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';
import type { TableRow } from './table-rows.ts';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const CHUNK = 1 << 20;
/** U+FFFD as UTF-8: a file that already holds it is reported as broken encoding, as when decoding. */
const REPLACEMENT = Buffer.from('\uFFFD', 'utf8');

/**
 * One column of a row kept as bytes: the cell written as a COPY CSV field (quoted, quotes
 * doubled), the same bytes `"${value.trim()}"` would encode to. Only given for a cell whose value
 * is non-empty valid UTF-8 with nothing for `trim()` to remove.
 */
export interface RawCell {
  index: number;
  copy: Uint8Array;
}

/**
 * Whether a UTF-8 CSV file can be read by `CsvByteReader` instead of decoding it and parsing with
 * papaparse: a comma-separated first line that ends in LF or CRLF and passes `header`.
 */
export function fitsByteReader(head: Uint8Array, header: (names: string[]) => boolean): boolean {
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const lf = head.indexOf(LF, start);
  if (lf < 0) return false;
  const end = lf > start && head[lf - 1] === CR ? lf - 1 : lf;
  const line = Buffer.from(head.buffer, head.byteOffset + start, end - start).toString('utf8');
  return !line.includes('"') && header(line.split(','));
}

/**
 * Streams the records of a UTF-8, comma-separated CSV file from its bytes, as papaparse would
 * read them from the decoded text (quoted cells may hold commas, doubled quotes and newlines;
 * rows are numbered by record, blank lines counted and skipped). Cells become strings, except the
 * column named by `rawColumn`, which is handed over as COPY bytes when it can be (`RawCell`): a
 * long HTML description then never becomes a JavaScript string.
 */
export class CsvByteReader {
  /** The column to keep as bytes (-1: none); may be set once the header is known. */
  rawColumn = -1;
  /**
   * The bytes read and not yet parsed live at the start of one buffer, reused for every read:
   * rows keep nothing of it (cells are copied out), so a 240 MB file makes no 240 MB of garbage.
   */
  #work: Buffer = Buffer.allocUnsafeSlow(2 * CHUNK);
  /** The valid part of #work. */
  #buf: Buffer = this.#work.subarray(0, 0);
  #pos = 0;
  #eof = false;
  #crlf = false;
  #row = 0;

  constructor(
    private readonly path: string,
    private readonly onBytes?: (n: number) => void,
  ) {}

  /**
   * The file's rows, a chunk at a time: each chunk's rows are read as they are iterated (so a
   * product's rows die young), and must all be taken before the next chunk is asked for.
   */
  async *rows(): AsyncGenerator<Iterable<TableRow>> {
    const handle = await open(this.path, 'r');
    try {
      let first = true;
      while (!this.#eof) {
        const rest = this.#buf.length - this.#pos;
        if (rest + CHUNK > this.#work.length) {
          // A record longer than a chunk: room for it and the next read.
          const grown = Buffer.allocUnsafeSlow(2 * (rest + CHUNK));
          this.#buf.copy(grown, 0, this.#pos);
          this.#work = grown;
        } else this.#work.copyWithin(0, this.#pos, this.#buf.length);
        const { bytesRead } = await handle.read(this.#work, rest, CHUNK, null);
        if (bytesRead === 0) this.#eof = true;
        else this.onBytes?.(bytesRead);
        this.#buf = this.#work.subarray(0, rest + bytesRead);
        this.#pos = 0;
        if (first && this.#buf.length >= 3) {
          first = false;
          if (this.#buf[0] === 0xef && this.#buf[1] === 0xbb && this.#buf[2] === 0xbf) this.#pos = 3;
          const lf = this.#buf.indexOf(LF, this.#pos);
          this.#crlf = lf > 0 && this.#buf[lf - 1] === CR;
        }
        yield this.#ready();
      }
    } finally {
      await handle.close();
    }
  }

  *#ready(): Generator<TableRow> {
    for (let row = this.#record(); row; row = this.#record()) if (row.values.length) yield row;
  }

  /** The next complete record (no values for a blank line), or undefined when more bytes are needed. */
  #record(): TableRow | undefined {
    const buf = this.#buf;
    const len = buf.length;
    const crlf = this.#crlf;
    let p = this.#pos;
    if (p >= len) return undefined;
    const values: string[] = [];
    let raw: RawCell | undefined;
    // A blank line.
    if (buf[p] === LF || (this.#crlf && buf[p] === CR && buf[p + 1] === LF)) {
      if (!this.#eof && p + 1 >= len) return undefined;
      this.#pos = p + (buf[p] === LF ? 1 : 2);
      this.#row += 1;
      return { row: this.#row, values };
    }
    for (;;) {
      const column = values.length;
      if (buf[p] === QUOTE) {
        const open = p;
        let q = p;
        let doubled = false;
        let stray = false;
        let close: number;
        let next: number;
        for (;;) {
          q = buf.indexOf(QUOTE, q + 1);
          if (q < 0) {
            if (!this.#eof) return undefined;
            // Unterminated quote: papaparse takes the rest of the file as the cell.
            close = len;
            next = len;
            break;
          }
          if (q === len - 1) {
            if (!this.#eof) return undefined;
            close = q;
            next = len;
            break;
          }
          if (buf[q + 1] === QUOTE) {
            doubled = true;
            q += 1;
            continue;
          }
          let after = q + 1;
          while (after < len && buf[after] === SPACE) after += 1;
          if (after + 1 >= len && !this.#eof) return undefined;
          if (after >= len || buf[after] === COMMA || this.#isNewline(buf, after)) {
            close = q;
            next = after;
            break;
          }
          stray = true;
        }
        const asRaw =
          column === this.rawColumn &&
          !stray &&
          close > open + 1 &&
          close < len &&
          this.#trimmed(open + 1, close);
        if (asRaw && this.#validUtf8(open + 1, close)) {
          raw = { index: column, copy: Buffer.from(buf.subarray(open, close + 1)) };
          values.push('');
        } else {
          const text = buf.toString('utf8', open + 1, close);
          values.push(doubled ? text.replace(/""/g, '"') : text);
        }
        p = next;
      } else {
        // The hottest loop of an import: one test per byte, the line ending chosen outside it.
        let e = p;
        if (crlf) {
          for (let c = buf[e]; e < len && c !== COMMA && !(c === CR && buf[e + 1] === LF); c = buf[++e]);
        } else {
          for (let c = buf[e]; e < len && c !== COMMA && c !== LF; c = buf[++e]);
        }
        if (e >= len && !this.#eof) return undefined;
        if (
          column === this.rawColumn &&
          e > p &&
          this.#trimmed(p, e) &&
          buf.subarray(p, e).indexOf(QUOTE) < 0
        ) {
          if (this.#validUtf8(p, e)) {
            const copy = Buffer.allocUnsafeSlow(e - p + 2);
            copy[0] = QUOTE;
            buf.copy(copy, 1, p, e);
            copy[copy.length - 1] = QUOTE;
            raw = { index: column, copy };
            values.push('');
          } else values.push(buf.toString('utf8', p, e));
        } else values.push(e > p ? buf.toString('utf8', p, e) : '');
        p = e;
      }
      // p is at a comma, a newline or the end of the file.
      if (p >= len) break;
      if (buf[p] === COMMA) {
        p += 1;
        if (p >= len) {
          if (!this.#eof) return undefined;
          values.push('');
          break;
        }
        continue;
      }
      if (this.#isNewline(buf, p)) {
        p += buf[p] === CR ? 2 : 1;
        break;
      }
    }
    this.#pos = p;
    this.#row += 1;
    const row: TableRow = { row: this.#row, values };
    if (raw) row.raw = raw;
    return row;
  }

  #isNewline(buf: Buffer, at: number): boolean {
    return this.#crlf ? buf[at] === CR && buf[at + 1] === LF : buf[at] === LF;
  }

  /** No byte `trim()` could remove at either end (non-ASCII bytes may start a Unicode space). */
  #trimmed(from: number, to: number): boolean {
    const a = this.#buf[from]!;
    const z = this.#buf[to - 1]!;
    return a > SPACE && a < 0x80 && z > SPACE && z < 0x80;
  }

  #validUtf8(from: number, to: number): boolean {
    const bytes = this.#buf.subarray(from, to);
    return isUtf8(bytes) && bytes.indexOf(REPLACEMENT) < 0;
  }
}
