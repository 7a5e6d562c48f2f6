import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'cp949';

const SNIFF_BYTES = 64 * 1024;

/**
 * Decides between UTF-8 and CP949 (EUC-KR's superset; what Korean Excel writes for "CSV") from the
 * file's head: a UTF-8 BOM, or text that decodes as strict UTF-8, is UTF-8; anything else is CP949.
 */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  // Decoded as UTF-8, CP949 Hangul yields almost only replacement characters, while a UTF-8 file
  // with a few broken bytes still yields mostly valid multi-byte characters: compare the two counts,
  // so one bad row does not turn a whole UTF-8 file into mojibake.
  const text = new TextDecoder('utf-8').decode(head);
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) invalid += 1;
    else if (code > 0x7f) valid += 1;
  }
  return invalid === 0 || valid >= invalid * 10 ? 'utf8' : 'cp949';
}

export async function sniffFile(path: string, bytes = SNIFF_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Streams a text file as decoded strings. Invalid bytes become U+FFFD, which validation reports
 * as broken encoding on the row and column where they occur.
 */
export function decodedStream(path: string, encoding: TextEncoding, onBytes?: (n: number) => void): Readable {
  const raw = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
  return raw.pipe(
    iconv.decodeStream(encoding === 'utf8' ? 'utf8' : 'cp949', { stripBOM: true }),
  ) as unknown as Readable;
}

/** U+FFFD marks bytes that were not valid in the file's encoding. */
export function hasBrokenEncoding(text: string): boolean {
  return text.includes('\uFFFD');
}
