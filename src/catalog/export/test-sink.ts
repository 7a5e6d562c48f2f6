// Test helper: a Writable that keeps what it receives, for writers that end their stream.
import { Writable } from 'node:stream';

export function memorySink(): { stream: Writable; bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

/** A Writable that fails once it has received `limit` bytes, like a full disk. */
export function failingSink(limit: number): Writable {
  let received = 0;
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      received += chunk.length;
      cb(received > limit ? new Error('ENOSPC: no space left on device') : null);
    },
  });
}
