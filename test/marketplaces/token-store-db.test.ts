import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DbTokenStore, TokenCipher } from '../../src/marketplaces/index.ts';
import type { Store } from '../../src/db/index.ts';
import { testStore } from '../helpers/store.ts';

let store: Store;
before(async () => {
  store = await testStore();
});
after(() => store.close());

const tokens = {
  accessToken: 'access-SECRET-1',
  refreshToken: 'refresh-SECRET-1',
  accessExpiresAt: Date.parse('2026-12-01T00:00:00Z'),
  refreshExpiresAt: Date.parse('2027-05-01T00:00:00Z'),
  country: 'cb',
  sellers: [{ country: 'sg', sellerId: '1001' }],
  obtainedAt: Date.parse('2026-11-25T00:00:00Z'),
};

test('tokens persist in the database as ciphertext only, per seller, and rotate in place', async () => {
  const cipher = new TokenCipher('a-test-secret-key-0123456789');
  const db = new DbTokenStore(store.db);
  await db.put(cipher.seal('lazada:sel_A', tokens, Date.now()));
  const raw = await store.query<Record<string, unknown>>('SELECT * FROM marketplace_tokens');
  assert.equal(raw.length, 1);
  assert.equal(raw[0]!.seller_id, 'sel_A');
  assert.equal(raw[0]!.platform, 'lazada');
  assert.ok(!JSON.stringify(raw).includes('SECRET'), 'no plaintext token in the row');

  // A fresh store object (another process) reads the same token back.
  const opened = cipher.open((await new DbTokenStore(store.db).get('lazada:sel_A'))!);
  assert.equal(opened.refreshToken, 'refresh-SECRET-1');

  await db.put(cipher.seal('lazada:sel_A', { ...tokens, refreshToken: 'refresh-SECRET-2' }, Date.now()));
  assert.equal(cipher.open((await db.get('lazada:sel_A'))!).refreshToken, 'refresh-SECRET-2');
  assert.equal((await store.query('SELECT key FROM marketplace_tokens')).length, 1);

  // Another key cannot open this seller's blob.
  const moved = { ...(await db.get('lazada:sel_A'))!, key: 'lazada:sel_B' };
  assert.throws(() => cipher.open(moved));

  await db.delete('lazada:sel_A');
  assert.equal(await db.get('lazada:sel_A'), undefined);
  await assert.rejects(db.put({ ...moved, key: 'no-seller-here' }), /must be <platform>:<sellerId>/);
});
