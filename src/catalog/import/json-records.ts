import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamValues } from 'stream-json/streamers/stream-values.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import type { ProductRecord } from '../catalog-record.ts';
import type { Candidate } from './candidate.ts';

// Numbers may arrive as numbers or numeric strings ("25,000"): sellers' tools write both.
const wholeNumber = z.union([
  z.number(),
  z
    .string()
    .transform((s) => s.replace(/,/g, '').trim())
    .pipe(z.string().regex(/^-?\d+$/, 'must be a whole number'))
    .transform(Number),
]);
const decimal = z.union([
  z.number(),
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a number')
    .transform(Number),
]);
const text = z.string();

const productSchema = z.object({
  seller: z
    .object({
      bizNo: text,
      name: text,
      contactName: text.optional(),
      contactEmail: text.optional(),
      contactPhone: text.optional(),
    })
    .optional(),
  sku: text,
  title: text,
  brand: text.optional(),
  manufacturer: text.optional(),
  origin: text.optional(),
  categoryPath: text.default(''),
  priceKrw: wholeNumber,
  descriptionHtml: text.optional(),
  images: z.array(text).default([]),
  weightG: wholeNumber.optional(),
  dimensionsCm: z.object({ length: decimal, width: decimal, height: decimal }).optional(),
  hsCode: text.optional(),
  attributes: z.record(z.string(), z.union([text, z.number()]).transform(String)).default({}),
  options: z.array(z.object({ name: text, values: z.array(text) })).default([]),
  variants: z
    .array(
      z.object({
        sku: text,
        options: z.record(z.string(), text).default({}),
        extraPriceKrw: wholeNumber.default(0),
        stock: wholeNumber.default(0),
      }),
    )
    .optional(),
});

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** Turns one JSON product object into a candidate; `row` is its line (NDJSON) or position (JSON). */
export function jsonCandidate(value: unknown, row: number): Candidate {
  const locate = (path: string) => ({ row, column: path });
  const parsed = productSchema.safeParse(value);
  if (!parsed.success) {
    const sku =
      typeof (value as { sku?: unknown })?.sku === 'string' ? (value as { sku: string }).sku : undefined;
    const record = {
      sku: sku ?? '',
      title: '',
      categoryPath: '',
      priceKrw: 0,
      images: [],
      attributes: {},
      options: [],
      variants: [],
    };
    return {
      record,
      firstRow: row,
      locate,
      errors: parsed.error.issues.map((i) => ({
        row,
        column: pathOf(i.path) || '(record)',
        reason: i.message,
        sku,
      })),
    };
  }
  const p = parsed.data;
  // A product without options may omit variants: it is then its own single variant.
  const variants = p.variants ?? [{ sku: p.sku, options: {}, extraPriceKrw: 0, stock: 0 }];
  const record: ProductRecord = { ...p, variants };
  return { record, firstRow: row, locate, errors: [] };
}

/** Streams NDJSON: one product object per line; blank lines are skipped. */
export async function* ndjsonCandidates(
  path: string,
  onBytes?: (n: number) => void,
): AsyncGenerator<Candidate> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  if (onBytes) input.on('data', (chunk) => onBytes(Buffer.byteLength(chunk)));
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield {
        ...jsonCandidate(undefined, line),
        errors: [{ row: line, column: '(line)', reason: `not valid JSON: ${(e as Error).message}` }],
      };
      continue;
    }
    yield jsonCandidate(value, line);
  }
}

/**
 * Streams a JSON document: either an array of products or an object whose `products` array holds
 * them. Products are assembled one at a time; the document never sits whole in memory.
 */
export async function* jsonCandidates(
  path: string,
  firstChar: string,
  onBytes?: (n: number) => void,
): AsyncGenerator<Candidate> {
  const input = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (onBytes) input.on('data', (chunk) => onBytes(chunk.length));
  const stages =
    firstChar === '['
      ? [input, parser(), streamArray()]
      : [input, parser(), pick({ filter: /^products\.\d+$/ }), streamValues()];
  let position = 0;
  for await (const item of chain(stages as never) as AsyncIterable<{ value: unknown }>) {
    position += 1;
    yield jsonCandidate(item.value, position);
  }
}
