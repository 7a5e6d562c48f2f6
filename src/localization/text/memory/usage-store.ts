/** Cost accounting: characters (and requests, failures, retries) sent to each provider per day. */
import type { Store } from '../../../db/index.ts';

export interface UsageDelta {
  requests: number;
  characters: number;
  segments: number;
  failures: number;
  retries: number;
}

/** Adds to a provider's counters for a UTC day. */
export async function recordUsage(
  store: Store,
  provider: string,
  day: string,
  d: UsageDelta,
  now: Date,
): Promise<void> {
  if (d.requests === 0 && d.characters === 0 && d.failures === 0) return;
  await store.query(
    `INSERT INTO translation_usage (provider, day, requests, characters, segments, failures, retries, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (provider, day) DO UPDATE SET
       requests = translation_usage.requests + EXCLUDED.requests,
       characters = translation_usage.characters + EXCLUDED.characters,
       segments = translation_usage.segments + EXCLUDED.segments,
       failures = translation_usage.failures + EXCLUDED.failures,
       retries = translation_usage.retries + EXCLUDED.retries,
       updated_at = EXCLUDED.updated_at`,
    [provider, day, d.requests, d.characters, d.segments, d.failures, d.retries, now],
  );
}

export interface UsageRow extends UsageDelta {
  provider: string;
  day: string;
}

/** Usage per provider and day, newest first. */
export async function listUsage(store: Store, since?: string): Promise<UsageRow[]> {
  const rows = await store.query<{
    provider: string;
    day: string;
    requests: number;
    characters: string | number;
    segments: number;
    failures: number;
    retries: number;
  }>(
    `SELECT provider, day, requests, characters, segments, failures, retries FROM translation_usage
      WHERE ($1::text IS NULL OR day >= $1) ORDER BY day DESC, provider`,
    [since ?? null],
  );
  return rows.map((r) => ({ ...r, characters: Number(r.characters) }));
}
