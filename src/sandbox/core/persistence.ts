import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { appendFile, open, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AccessTokenRecord,
  AppRecord,
  AuthCodeRecord,
  GrantRecord,
  OrderRecord,
  PackageRecord,
  ProductRecord,
  PushRecord,
  SellerRecord,
} from './model.ts';
import type { JournalKind, SiteSeq, Store } from './store.ts';

interface Line {
  k: JournalKind;
  s: string;
  id: string;
  v?: unknown;
  del?: true;
}

export interface MetaState {
  clockOffsetMs: number;
  /** Pushes still queued when the sandbox last closed. */
  pendingPushes?: PushRecord[];
}

const SNAPSHOT = 'snapshot.jsonl';
const JOURNAL = 'journal.jsonl';

/**
 * State on disk as JSON lines, one record per line: `snapshot.jsonl` (everything, written to a
 * temp file then renamed) and `journal.jsonl` (records changed since, appended every flush).
 * Loading replays both; a torn last line from a crash is skipped. Per request nothing is
 * serialized: mutations only mark records dirty.
 */
export class Persistence {
  #chain: Promise<void> = Promise.resolve();
  #journalBytes = 0;
  #snapshotBytes = 0;

  constructor(
    private readonly dir: string,
    private readonly store: Store,
    private readonly meta: () => MetaState,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Replays the files into the store; returns the saved meta state, if any. */
  load(): MetaState | undefined {
    let meta: MetaState | undefined;
    for (const name of [SNAPSHOT, JOURNAL]) {
      const path = join(this.dir, name);
      if (!existsSync(path)) continue;
      const size = statSync(path).size;
      if (name === SNAPSHOT) this.#snapshotBytes = size;
      else this.#journalBytes = size;
      for (const text of readFileSync(path, 'utf8').split('\n')) {
        if (text.length === 0) continue;
        let line: Line;
        try {
          line = JSON.parse(text) as Line;
        } catch {
          continue; // a line torn by a crash mid-append
        }
        if (line.k === 'meta') meta = line.v as MetaState;
        else this.#apply(line);
      }
    }
    this.store.dirty.clear();
    return meta;
  }

  /** Appends every dirty record to the journal; compacts when the journal outgrows the snapshot. */
  flush(): Promise<void> {
    this.#chain = this.#chain.then(async () => {
      const text = this.#drainDirty();
      if (text.length > 0) {
        await appendFile(join(this.dir, JOURNAL), text);
        this.#journalBytes += Buffer.byteLength(text);
      }
      if (this.#journalBytes > 32 * 1024 * 1024 && this.#journalBytes > 2 * this.#snapshotBytes)
        await this.#compact();
    });
    return this.#chain;
  }

  /** Writes a full snapshot (temp file + rename) and empties the journal. */
  compact(): Promise<void> {
    this.#chain = this.#chain.then(() => this.#compact());
    return this.#chain;
  }

  async #compact(): Promise<void> {
    // Records changed while the snapshot is written stay dirty and go to the fresh journal.
    this.store.dirty.clear();
    const tmp = join(this.dir, `${SNAPSHOT}.tmp`);
    const handle = await open(tmp, 'w');
    let bytes = 0;
    try {
      let chunk: string[] = [];
      const write = async (): Promise<void> => {
        const text = chunk.join('');
        chunk = [];
        bytes += Buffer.byteLength(text);
        await handle.write(text);
      };
      for (const line of this.#allLines()) {
        chunk.push(`${JSON.stringify(line)}\n`);
        if (chunk.length >= 2000) await write();
      }
      await write();
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, join(this.dir, SNAPSHOT));
    await writeFile(join(this.dir, JOURNAL), '');
    this.#snapshotBytes = bytes;
    this.#journalBytes = 0;
  }

  *#allLines(): Generator<Line> {
    const st = this.store;
    yield { k: 'meta', s: '', id: 'meta', v: this.meta() };
    for (const v of st.apps.values()) yield { k: 'app', s: '', id: v.appKey, v };
    for (const v of st.sellers.values()) yield { k: 'seller', s: '', id: v.account, v };
    for (const v of st.codes.values()) yield { k: 'code', s: '', id: v.code, v };
    for (const v of st.grants.values()) yield { k: 'grant', s: '', id: v.id, v };
    for (const v of st.tokens.values()) yield { k: 'token', s: '', id: v.token, v };
    for (const [key, data] of st.sites) {
      yield { k: 'site', s: key, id: key, v: { seq: data.seq, orderCarry: data.orderCarry } };
      for (const v of data.products.values()) yield { k: 'product', s: key, id: String(v.itemId), v };
      for (const v of data.orders.values()) yield { k: 'order', s: key, id: String(v.orderId), v };
      for (const v of data.packages.values()) yield { k: 'package', s: key, id: v.packageId, v };
    }
  }

  #drainDirty(): string {
    const st = this.store;
    if (st.dirty.size === 0) return '';
    let text = `${JSON.stringify({ k: 'meta', s: '', id: 'meta', v: this.meta() })}\n`;
    for (const { kind, site, id } of st.dirty.values()) {
      const v = this.#current(kind, site, id);
      const line: Line = v === undefined ? { k: kind, s: site, id, del: true } : { k: kind, s: site, id, v };
      text += `${JSON.stringify(line)}\n`;
    }
    st.dirty.clear();
    return text;
  }

  #current(kind: JournalKind, site: string, id: string): unknown {
    const st = this.store;
    switch (kind) {
      case 'app':
        return st.apps.get(id);
      case 'seller':
        return st.sellers.get(id);
      case 'code':
        return st.codes.get(id);
      case 'grant':
        return st.grants.get(id);
      case 'token':
        return st.tokens.get(id);
      case 'product':
        return st.site(site).products.get(Number(id));
      case 'order':
        return st.site(site).orders.get(Number(id));
      case 'package':
        return st.site(site).packages.get(id);
      case 'site': {
        const data = st.site(site);
        return { seq: data.seq, orderCarry: data.orderCarry };
      }
      case 'meta':
        return this.meta();
    }
  }

  #apply(line: Line): void {
    const st = this.store;
    const del = line.del === true;
    switch (line.k) {
      case 'app':
        if (del) st.apps.delete(line.id);
        else st.apps.set(line.id, line.v as AppRecord);
        return;
      case 'seller':
        if (!del) st.indexSeller(line.v as SellerRecord);
        return;
      case 'code':
        if (del) st.codes.delete(line.id);
        else st.codes.set(line.id, line.v as AuthCodeRecord);
        return;
      case 'grant':
        if (del) st.grants.delete(line.id);
        else st.indexGrant(line.v as GrantRecord);
        return;
      case 'token':
        if (del) st.tokens.delete(line.id);
        else st.tokens.set(line.id, line.v as AccessTokenRecord);
        return;
      case 'product':
        if (!del) st.site(line.s).indexProduct(line.v as ProductRecord);
        return;
      case 'order':
        if (!del) st.site(line.s).indexOrder(line.v as OrderRecord);
        return;
      case 'package':
        if (del) st.site(line.s).dropPackage(line.id);
        else st.site(line.s).indexPackage(line.v as PackageRecord);
        return;
      case 'site': {
        const data = st.site(line.s);
        const v = line.v as { seq: SiteSeq; orderCarry: number };
        data.seq = v.seq;
        data.orderCarry = v.orderCarry;
        return;
      }
      case 'meta':
        return;
    }
  }
}
