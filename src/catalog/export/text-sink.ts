/**
 * A buffered text writer over a byte stream: collects small strings into ~256 KB chunks, encodes
 * them (UTF-8 or CP949) and respects backpressure, so a writer producing 300,000 rows stays fast and
 * never holds more than a chunk or two in memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/index.ts';

export type TextEncoding = 'utf8' | 'cp949';

const CHUNK_CHARS = 256 * 1024;
const QUESTION_MARK = 0x3f;

export interface TextSink {
  write(text: string): Promise<void>;
  /** Flushes what is buffered and ends the stream, resolving once it has finished. */
  end(): Promise<void>;
  /** Bytes handed to the stream so far. */
  readonly bytes: number;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function countByte(buf: Buffer, byte: number): number {
  let n = 0;
  for (let i = buf.indexOf(byte); i !== -1; i = buf.indexOf(byte, i + 1)) n++;
  return n;
}

/**
 * CP949 has no BOM and cannot hold every character; iconv-lite silently writes '?' for those. In CP949
 * the byte 0x3F is only ever '?' itself (trail bytes start at 0x41), so more 0x3F bytes than '?' in
 * the text means a character was lost: we fail rather than write a quietly damaged file.
 */
function encodeCp949(text: string): Buffer {
  const buf = iconv.encode(text, 'cp949');
  if (countByte(buf, QUESTION_MARK) !== countChar(text, '?')) {
    const bad = [...text].find((ch) => ch !== '?' && iconv.decode(iconv.encode(ch, 'cp949'), 'cp949') !== ch);
    throw new AppError('invalid_input', `text has a character CP949 cannot encode: ${JSON.stringify(bad)}`, {
      details: { character: bad },
    });
  }
  return buf;
}

export function createTextSink(out: Writable, encoding: TextEncoding): TextSink {
  let buffered: string[] = [];
  let size = 0;
  let bytes = 0;
  const encode = encoding === 'cp949' ? encodeCp949 : (text: string) => Buffer.from(text, 'utf8');
  // A stream error (disk full, bad path) between our waits must fail the next write, not crash.
  let failure: Error | undefined;
  out.on('error', (e: Error) => (failure ??= e));
  const flush = async () => {
    if (failure) throw failure;
    if (size === 0) return;
    const chunk = encode(buffered.join(''));
    buffered = [];
    size = 0;
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  return {
    async write(text) {
      buffered.push(text);
      size += text.length;
      if (size >= CHUNK_CHARS) await flush();
    },
    async end() {
      await flush();
      out.end();
      if (!out.writableFinished) await once(out, 'finish');
      if (failure) throw failure;
    },
    get bytes() {
      return bytes;
    },
  };
}
