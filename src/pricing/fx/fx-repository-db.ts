import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { fxSnapshots } from '../../db/schema-pricing.ts';
import { createFxSnapshot, type FxSnapshot } from './fx-snapshot.ts';
import type { FxRepository } from './fx-repository.ts';

/**
 * FX snapshots in the fx_snapshots table (src/db/schema-pricing.ts). Usable once the lead has
 * wired that table into the schema and its migration; until then the CLI uses the JSON file.
 */
export class DbFxRepository implements FxRepository {
  constructor(private readonly db: Database) {}

  async save(snapshot: FxSnapshot): Promise<void> {
    await this.db
      .insert(fxSnapshots)
      .values({
        id: snapshot.id,
        source: snapshot.source,
        takenAt: new Date(snapshot.takenAt),
        base: snapshot.base,
        rates: { ...snapshot.rates },
      })
      .onConflictDoNothing({ target: fxSnapshots.id });
  }

  async get(id: string): Promise<FxSnapshot | undefined> {
    const rows = await this.db.select().from(fxSnapshots).where(eq(fxSnapshots.id, id)).limit(1);
    return rows[0] ? toSnapshot(rows[0]) : undefined;
  }

  async latest(): Promise<FxSnapshot | undefined> {
    return (await this.list(1))[0];
  }

  async list(limit = 50): Promise<FxSnapshot[]> {
    const rows = await this.db
      .select()
      .from(fxSnapshots)
      .orderBy(desc(fxSnapshots.takenAt), desc(fxSnapshots.createdAt))
      .limit(limit);
    return rows.map(toSnapshot);
  }
}

function toSnapshot(row: typeof fxSnapshots.$inferSelect): FxSnapshot {
  const snapshot = createFxSnapshot({ source: row.source, takenAt: row.takenAt, rates: row.rates });
  // The id is a content hash; a mismatch would mean the row was edited by hand.
  return snapshot.id === row.id ? snapshot : { ...snapshot, id: row.id };
}
