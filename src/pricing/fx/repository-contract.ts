import assert from 'node:assert/strict';
import type { FxRepository } from './fx-repository.ts';
import { createFxSnapshot } from './fx-snapshot.ts';

/** The contract every FxRepository passes (in memory, JSON file, database); used by tests. */
export async function repositoryContract(repo: FxRepository): Promise<void> {
  assert.equal(await repo.latest(), undefined);
  const a = createFxSnapshot({ source: 'manual', takenAt: '2026-11-01T00:00:00Z', rates: { THB: '46' } });
  const b = createFxSnapshot({ source: 'manual', takenAt: '2026-11-02T00:00:00Z', rates: { THB: '47' } });
  await repo.save(b);
  await repo.save(a);
  await repo.save(a); // idempotent
  assert.equal((await repo.latest())?.id, b.id);
  assert.deepEqual(
    (await repo.list()).map((s) => s.id),
    [b.id, a.id],
  );
  assert.deepEqual(await repo.get(a.id), a);
  assert.equal(await repo.get('fx_missing'), undefined);
}
