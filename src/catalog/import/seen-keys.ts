/**
 * The SKUs a file has shown so far, per seller, with the row each first appeared on: what the
 * in-file duplicate check keeps for the whole import. Packed into typed arrays (an open-addressing
 * table over the SKUs' UTF-16 code units) instead of a Map of strings: a 100,000-product file has
 * ~400,000 keys, and as strings they filled the worker's old generation, which every full
 * collection marked again, and each lookup built and hashed a key string.
 */
export class SeenKeys {
  /** Sellers by key, numbered from 0; there are few. */
  readonly #sellers = new Map<string, number>();
  /** Entry i's SKU is chars[start[i] .. start[i + 1]), its seller seller[i], its row row[i]. */
  #chars = new Uint16Array(1 << 16);
  #start = new Int32Array(1 << 12);
  #seller = new Int32Array(1 << 12);
  #row = new Int32Array(1 << 12);
  #hash = new Int32Array(1 << 12);
  /** Open addressing by hash: entry number + 1, 0 for an empty slot. Kept at most half full. */
  #slots = new Int32Array(1 << 13);
  #count = 0;

  get size(): number {
    return this.#count;
  }

  /** The row `sku` of `seller` was first seen on, or undefined. */
  get(seller: string, sku: string): number | undefined {
    const s = this.#sellers.get(seller);
    if (s === undefined) return undefined;
    const entry = this.#find(s, sku, hashOf(s, sku));
    return entry < 0 ? undefined : this.#row[entry];
  }

  /** Records `sku` of `seller` as seen on `row`, unless it was seen already. */
  add(seller: string, sku: string, row: number): void {
    let s = this.#sellers.get(seller);
    if (s === undefined) {
      s = this.#sellers.size;
      this.#sellers.set(seller, s);
    }
    const hash = hashOf(s, sku);
    if (this.#find(s, sku, hash) >= 0) return;
    const entry = this.#count;
    if (entry + 2 > this.#row.length) this.#growEntries();
    const from = this.#start[entry]!;
    if (from + sku.length > this.#chars.length) this.#chars = grown(this.#chars, from + sku.length);
    for (let i = 0; i < sku.length; i++) this.#chars[from + i] = sku.charCodeAt(i);
    this.#start[entry + 1] = from + sku.length;
    this.#seller[entry] = s;
    this.#row[entry] = row;
    this.#hash[entry] = hash;
    this.#count = entry + 1;
    if (this.#count * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#place(entry, hash);
  }

  /** The entry holding this key, or -1. */
  #find(seller: number, sku: string, hash: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = slots[i]!;
      if (slot === 0) return -1;
      const entry = slot - 1;
      if (this.#hash[entry] === hash && this.#seller[entry] === seller && this.#equals(entry, sku))
        return entry;
    }
  }

  #equals(entry: number, sku: string): boolean {
    const from = this.#start[entry]!;
    if (this.#start[entry + 1]! - from !== sku.length) return false;
    for (let i = 0; i < sku.length; i++) if (this.#chars[from + i] !== sku.charCodeAt(i)) return false;
    return true;
  }

  #place(entry: number, hash: number): void {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let i = hash & mask;
    while (slots[i] !== 0) i = (i + 1) & mask;
    slots[i] = entry + 1;
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size);
    for (let e = 0; e < this.#count; e++) this.#place(e, this.#hash[e]!);
  }

  #growEntries(): void {
    const size = this.#row.length * 2;
    this.#start = grown(this.#start, size);
    this.#seller = grown(this.#seller, size);
    this.#row = grown(this.#row, size);
    this.#hash = grown(this.#hash, size);
  }
}

function grown<T extends Uint16Array | Int32Array>(array: T, atLeast: number): T {
  let size = array.length * 2;
  while (size < atLeast) size *= 2;
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** FNV-1a over the seller's number and the SKU's code units, finished with a mix (murmur3's). */
function hashOf(seller: number, sku: string): number {
  let h = Math.imul(0x811c9dc5 ^ seller, 0x01000193);
  for (let i = 0; i < sku.length; i++) h = Math.imul(h ^ sku.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
