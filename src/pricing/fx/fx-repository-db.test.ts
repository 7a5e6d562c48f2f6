import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from '../../db/index.ts';
import { DbFxRepository } from './fx-repository-db.ts';
import { repositoryContract } from './repository-contract.ts';

/**
 * The DB repository against in-memory PGlite. Until the lead wires src/db/schema-pricing.ts into
 * the migrations, the table is created here by hand with the same definition.
 */
const CREATE_FX_SNAPSHOTS = `
  CREATE TABLE IF NOT EXISTS fx_snapshots (
    id text PRIMARY KEY,
    source text NOT NULL,
    taken_at timestamptz NOT NULL,
    base text NOT NULL DEFAULT 'KRW',
    rates jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS fx_snapshots_taken_idx ON fx_snapshots (taken_at);`;

describe('DbFxRepository (PGlite, table created by the test)', () => {
  let store: Store;
  before(async () => {
    store = await openStore({ engine: 'pglite', dataDir: null });
    const exists = await store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'fx_snapshots'`,
    );
    if (!exists[0]?.n) await store.pglite!.exec(CREATE_FX_SNAPSHOTS);
  });
  after(() => store.close());
  it('passes the repository contract', () => repositoryContract(new DbFxRepository(store.db)));
});
