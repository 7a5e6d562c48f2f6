/**
 * Runs an idempotent upsert again when it lost a race on a unique index. On PostgreSQL,
 * `INSERT … ON CONFLICT` arbitrates on one unique index; a row written at the same moment by
 * another session can still raise 23505 on a second unique index of the table (a content-hash id
 * beside the natural key). Run again, the statement finds the row and updates it.
 */
export async function retryUniqueRace<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (e) {
      if (i >= attempts || (e as { code?: string }).code !== '23505') throw e;
    }
  }
}
