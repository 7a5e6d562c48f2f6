import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { ProductRecord } from './model.ts';
import { Persistence } from './persistence.ts';
import { Store } from './store.ts';

function product(itemId: number, name: string): ProductRecord {
  return {
    itemId,
    site: 'lazada-ph',
    sellerId: '1000000001',
    primaryCategory: 7665,
    attributes: { name },
    images: [],
    status: 'Active',
    qc: 'approved',
    skus: [],
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('Persistence journal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kbridge-journal-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('appends only changed records, replays them, and skips a torn last line', async () => {
    const store = new Store();
    const p = new Persistence(dir, store, () => ({ clockOffsetMs: 42 }));
    const site = store.site('lazada-ph');
    site.indexProduct(product(1, 'first'));
    store.touch('product', 'lazada-ph', 1);
    store.touch('product', 'lazada-ph', 1);
    await p.flush();
    const lines = readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 2, 'one meta line and the product once');
    site.products.get(1)!.attributes.name = 'renamed';
    store.touch('product', 'lazada-ph', 1);
    await p.flush();
    await p.flush(); // nothing dirty: nothing written
    assert.equal(readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n').length, 4);
    appendFileSync(join(dir, 'journal.jsonl'), '{"k":"product","s":"lazada-ph","id":"2","v":{"itemId":2');

    const fresh = new Store();
    const meta = new Persistence(dir, fresh, () => ({ clockOffsetMs: 0 })).load();
    assert.equal(meta?.clockOffsetMs, 42);
    assert.equal(fresh.site('lazada-ph').products.get(1)?.attributes.name, 'renamed');
    assert.equal(fresh.site('lazada-ph').products.size, 1);
  });

  it('compacts into a snapshot written by rename and empties the journal', async () => {
    const store = new Store();
    const p = new Persistence(dir, store, () => ({ clockOffsetMs: 0 }));
    p.load();
    await p.compact();
    assert.equal(readFileSync(join(dir, 'journal.jsonl'), 'utf8'), '');
    assert.match(readFileSync(join(dir, 'snapshot.jsonl'), 'utf8'), /"renamed"/);
  });
});
