import { randomFillSync } from 'node:crypto';

/** Entity id prefixes: one per entity, so an id says what it is (`prd_01J...`). */
export const ID_PREFIXES = {
  seller: 'sel',
  product: 'prd',
  variant: 'var',
  apiKey: 'key',
  importRun: 'imp',
  listing: 'lst',
  order: 'ord',
  orderLine: 'oli',
  package: 'pkg',
  orderReturn: 'ret',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random bytes drawn 4 KB at a time: a bulk import makes hundreds of thousands of ids, and one
// crypto call per id showed up in its profile.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
function nextRandomByte(): number {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  return pool[poolOffset++]!;
}

/**
 * A ULID-style id: 10 chars of millisecond time then 16 random chars (Crockford base32), so ids
 * sort by creation time and index well.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  if (now !== lastTime) {
    let time = '';
    let t = now;
    for (let i = 0; i < 10; i++) {
      time = CROCKFORD[t % 32] + time;
      t = Math.floor(t / 32);
    }
    lastTime = now;
    lastTimeText = time;
  }
  // The 16 characters written as bytes and read as one string (adding them one by one made 16).
  for (let i = 0; i < 16; i++) randomChars[i] = CROCKFORD_CODES[nextRandomByte() % 32]!;
  const random = randomChars.toString('latin1');
  return `${ID_PREFIXES[kind]}_${lastTimeText}${random}`;
}

const CROCKFORD_CODES = Uint8Array.from(CROCKFORD, (c) => c.charCodeAt(0));
const randomChars = Buffer.alloc(16);
/** The time part of the last id made: bulk work makes many ids in the same millisecond. */
let lastTime = Number.NaN;
let lastTimeText = '';

export function hasPrefix(id: string, kind: IdKind): boolean {
  return id.startsWith(`${ID_PREFIXES[kind]}_`);
}
