import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  connectMarketplace,
  DbTokenStore,
  isMarketplaceError,
  TokenCipher,
  type TokenStore,
} from '../../src/marketplaces/index.ts';
import { openStore, type Store } from '../../src/db/index.ts';
import { testStore } from '../helpers/store.ts';
import { sandboxAvailable, startSandboxForTest, type SandboxHandle } from './sandbox-harness.ts';

let store: Store & { databaseUrl?: string };
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
  const db = new DbTokenStore(store);
  await db.put(cipher.seal('lazada:sel_A', tokens, Date.now()));
  const raw = await store.query<Record<string, unknown>>('SELECT * FROM marketplace_tokens');
  assert.equal(raw.length, 1);
  assert.equal(raw[0]!.seller_id, 'sel_A');
  assert.equal(raw[0]!.platform, 'lazada');
  assert.ok(!JSON.stringify(raw).includes('SECRET'), 'no plaintext token in the row');

  // A fresh store object (another process) reads the same token back.
  const opened = cipher.open((await new DbTokenStore(store).get('lazada:sel_A'))!);
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

const noSandbox = sandboxAvailable() ? false : 'src/sandbox is not in this tree';
const KEY = 'lazada:sel_lock';
const REFRESH_CALLS = 'calls./auth/token/refresh';

/** A second connection to the same database: another process's Store on PostgreSQL. */
async function secondStore(): Promise<Store> {
  if (store.engine !== 'postgres' || !store.databaseUrl) return store; // one PGlite per process
  return openStore({ engine: 'postgres', url: store.databaseUrl, poolSize: 3 });
}

function manager(sb: SandboxHandle, tokenStore: TokenStore) {
  return connectMarketplace({
    platform: 'lazada',
    venture: 'SG',
    appKey: sb.appKey,
    appSecret: sb.appSecret,
    sandboxOrigin: sb.url,
    tokenStore,
    tokenEncryptionKey: 'kbridge-test-key-0123456789abcdef',
    sleep: async () => {},
  }).tokens;
}

/** Authorizes `key` with an access token already inside the refresh margin (10 of 30 minutes). */
async function staleToken(sb: SandboxHandle, tokens: ReturnType<typeof manager>, key: string): Promise<void> {
  sb.admin.setOptions({ tokenTtlSec: 600 });
  const res = await fetch(tokens.authorizeUrl('https://kbridge.example/cb'), { redirect: 'manual' });
  await tokens.exchangeCode(key, new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '');
  sb.admin.setOptions({ tokenTtlSec: 7 * 86_400 });
}

test(
  `two token managers on separate Store connections (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}) refresh one key exactly once`,
  { skip: noSandbox },
  async () => {
    const sb = await startSandboxForTest({});
    const other = await secondStore();
    try {
      // Separate DbTokenStore objects: no in-process single-flight is shared, only the lock.
      const a = manager(sb, new DbTokenStore(store));
      const b = manager(sb, new DbTokenStore(other));
      await staleToken(sb, a, KEY);
      const before = (await a.describe(KEY))!.accessExpiresAt;
      const got = await Promise.all([
        a.accessToken(KEY),
        b.accessToken(KEY),
        b.accessToken(KEY),
        a.accessToken(KEY),
      ]);
      assert.equal(new Set(got).size, 1, 'every caller gets the one refreshed token');
      assert.equal(sb.admin.counters()[REFRESH_CALLS], 1, 'exactly one refresh');
      assert.notEqual((await b.describe(KEY))!.accessExpiresAt, before);
      assert.equal(await b.accessToken(KEY), got[0], 'the refreshed token is fresh for both');
    } finally {
      if (other !== store) await other.close();
      await sb.close();
    }
  },
);

test(
  'without the lock, two processes reading before either refreshes both spend the refresh token',
  { skip: noSandbox },
  async () => {
    const sb = await startSandboxForTest({});
    try {
      // Both managers read the stale record before either refreshes, as two processes can: each
      // manager's second read (the refresh's re-read) waits until the other's has happened too.
      let arrived = 0;
      let open!: () => void;
      const barrier = new Promise<void>((resolve) => (open = resolve));
      const unlocked = (inner: DbTokenStore): TokenStore => {
        let reads = 0;
        return {
          get: async (key) => {
            const record = await inner.get(key);
            if (++reads === 2) {
              if (++arrived === 2) open();
              await barrier;
            }
            return record;
          },
          put: (r) => inner.put(r),
          delete: (k) => inner.delete(k),
        };
      };
      const a = manager(sb, unlocked(new DbTokenStore(store)));
      const b = manager(sb, unlocked(new DbTokenStore(store)));
      await staleToken(sb, manager(sb, new DbTokenStore(store)), 'lazada:sel_nolock');
      const outcomes = await Promise.allSettled([
        a.accessToken('lazada:sel_nolock'),
        b.accessToken('lazada:sel_nolock'),
      ]);
      assert.equal(sb.admin.counters()[REFRESH_CALLS], 2, 'two refreshes');
      const failed = outcomes.find((o) => o.status === 'rejected');
      assert.ok(failed && isMarketplaceError(failed.reason), JSON.stringify(outcomes.map((o) => o.status)));
      assert.equal(failed.reason.platformCode, 'IllegalRefreshToken');
    } finally {
      await sb.close();
    }
  },
);
