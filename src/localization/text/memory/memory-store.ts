/**
 * The translation memory: exact matches by normalized key, scoped (seller+brand, seller, brand,
 * global), with an in-process cache in front of the database so a catalog's identical segments
 * cost one lookup; fuzzy matches by token overlap for reviewers and providers. Works without a
 * store (in-process only) for offline one-off translations.
 */
import { retryUniqueRace, type Store } from '../../../db/index.ts';
import { keyTokens, placeholderSignature, tokenSimilarity } from '../normalize.ts';
import type { CheckFailure, MemoryScopeKind, Provenance, SegmentStatus } from '../types.ts';
import { contentId, type ScopeRef } from './scopes.ts';

export type MemoryStatus = Exclude<SegmentStatus, 'needs-translation'>;

export interface MemoryKey {
  sourceLang: string;
  targetLang: string;
  /** `title` or `text`: the same words are cased differently in titles and in values. */
  style: string;
  sourceKey: string;
}

export interface MemoryRow extends MemoryKey {
  id: string;
  scope: ScopeRef;
  sourceText: string;
  targetText: string;
  provenance: Provenance;
  status: MemoryStatus;
  checks: CheckFailure[];
  termbaseVersion: string | null;
}

export interface NewMemoryRow extends MemoryKey {
  scope: ScopeRef;
  sourceText: string;
  targetText: string;
  provenance: Provenance;
  status: MemoryStatus;
  checks?: CheckFailure[];
  termbaseVersion?: string | null;
  approvedBy?: string | null;
}

export interface MemoryOptions {
  /** How long a cached entry (or a known miss) is trusted: other processes may write meanwhile. */
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Cached {
  row: MemoryRow | null;
  expires: number;
}

interface DbRow {
  id: string;
  scope_key: string;
  seller_id: string | null;
  brand: string | null;
  source_lang: string;
  target_lang: string;
  style: string;
  source_key: string;
  source_text: string;
  target_text: string;
  provenance: string;
  status: string;
  checks: CheckFailure[] | string;
  termbase_version: string | null;
}

const SEP = '\u0001';

function cacheKey(scopeKey: string, k: MemoryKey): string {
  return `${scopeKey}${SEP}${k.sourceLang}${SEP}${k.targetLang}${SEP}${k.style}${SEP}${k.sourceKey}`;
}

function scopeKindOf(scopeKey: string): MemoryScopeKind {
  if (scopeKey === 'global') return 'global';
  if (scopeKey.startsWith('brand:')) return 'brand';
  return scopeKey.includes('|brand:') ? 'seller-brand' : 'seller';
}

function fromDb(r: DbRow): MemoryRow {
  return {
    id: r.id,
    scope: { kind: scopeKindOf(r.scope_key), key: r.scope_key, sellerId: r.seller_id, brand: r.brand },
    sourceLang: r.source_lang,
    targetLang: r.target_lang,
    style: r.style,
    sourceKey: r.source_key,
    sourceText: r.source_text,
    targetText: r.target_text,
    provenance: r.provenance as Provenance,
    status: r.status as MemoryStatus,
    checks: typeof r.checks === 'string' ? (JSON.parse(r.checks) as CheckFailure[]) : r.checks,
    termbaseVersion: r.termbase_version,
  };
}

/** Statistics since the memory was created. */
export interface MemoryStats {
  lookups: number;
  cacheHits: number;
  dbQueries: number;
  writes: number;
}

export class TranslationMemory {
  readonly store: Store | undefined;
  private readonly cache = new Map<string, Cached>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  readonly stats: MemoryStats = { lookups: 0, cacheHits: 0, dbQueries: 0, writes: 0 };

  constructor(store: Store | undefined, options: MemoryOptions = {}) {
    this.store = store;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 500_000;
    this.now = options.now ?? Date.now;
  }

  private remember(key: string, row: MemoryRow | null): void {
    if (this.cache.size >= this.maxEntries) {
      // Oldest first: Map keeps insertion order.
      const first = this.cache.keys().next();
      if (!first.done) this.cache.delete(first.value);
    }
    this.cache.set(key, { row, expires: this.store ? this.now() + this.ttlMs : Infinity });
  }

  /**
   * Exact matches for many keys, each over its scope chain (most specific first). Returns, per
   * input index, the rows found in chain order (several scopes may hold one).
   */
  async lookupMany(keys: readonly MemoryKey[], chain: readonly ScopeRef[]): Promise<MemoryRow[][]> {
    const now = this.now();
    const out: MemoryRow[][] = keys.map(() => []);
    const missing: MemoryKey[] = [];
    keys.forEach((k) => {
      this.stats.lookups++;
      let complete = true;
      for (const scope of chain) {
        const hit = this.cache.get(cacheKey(scope.key, k));
        if (!hit || hit.expires < now) complete = false;
      }
      if (complete) this.stats.cacheHits++;
      else missing.push(k);
    });
    if (missing.length > 0 && this.store) {
      this.stats.dbQueries++;
      const byLang = new Map<string, MemoryKey[]>();
      for (const k of missing) {
        const lk = `${k.sourceLang}${SEP}${k.targetLang}`;
        byLang.set(lk, [...(byLang.get(lk) ?? []), k]);
      }
      for (const group of byLang.values()) {
        const first = group[0]!;
        const rows = await this.store.query<DbRow>(
          `SELECT id, scope_key, seller_id, brand, source_lang, target_lang, style, source_key, source_text,
                  target_text, provenance, status, checks, termbase_version
             FROM translation_memory
            WHERE source_lang = $1 AND target_lang = $2 AND source_key = ANY($3::text[]) AND scope_key = ANY($4::text[])`,
          [
            first.sourceLang,
            first.targetLang,
            [...new Set(group.map((k) => k.sourceKey))],
            chain.map((s) => s.key),
          ],
        );
        const found = new Map<string, MemoryRow>();
        for (const r of rows) {
          const row = fromDb(r);
          found.set(cacheKey(row.scope.key, row), row);
        }
        for (const k of group)
          for (const s of chain) this.remember(cacheKey(s.key, k), found.get(cacheKey(s.key, k)) ?? null);
      }
    } else if (missing.length > 0) {
      for (const k of missing)
        for (const s of chain)
          if (!this.cache.has(cacheKey(s.key, k))) this.remember(cacheKey(s.key, k), null);
    }
    keys.forEach((k, i) => {
      for (const s of chain) {
        const row = this.cache.get(cacheKey(s.key, k))?.row;
        if (row) out[i]!.push(row);
      }
    });
    return out;
  }

  /**
   * Fuzzy matches: rows in the chain's scopes sharing words with the key, scored by token overlap
   * (Dice); only `approved` and `machine` rows, best first.
   */
  async fuzzy(
    k: MemoryKey,
    chain: readonly ScopeRef[],
    options: { threshold?: number; limit?: number } = {},
  ): Promise<{ row: MemoryRow; score: number }[]> {
    const tokens = keyTokens(k.sourceKey);
    if (tokens.length === 0) return [];
    const threshold = options.threshold ?? 0.6;
    let candidates: MemoryRow[];
    if (this.store) {
      this.stats.dbQueries++;
      const rows = await this.store.query<DbRow>(
        `SELECT id, scope_key, seller_id, brand, source_lang, target_lang, style, source_key, source_text,
                target_text, provenance, status, checks, termbase_version
           FROM translation_memory
          WHERE source_lang = $1 AND target_lang = $2 AND style = $3 AND scope_key = ANY($4::text[])
            AND status IN ('approved', 'machine') AND tokens && $5::text[] AND source_key <> $6
          LIMIT 200`,
        [k.sourceLang, k.targetLang, k.style, chain.map((s) => s.key), tokens, k.sourceKey],
      );
      candidates = rows.map(fromDb);
    } else {
      const scopes = new Set(chain.map((s) => s.key));
      candidates = [...this.cache.values()]
        .map((c) => c.row)
        .filter(
          (r): r is MemoryRow =>
            !!r &&
            scopes.has(r.scope.key) &&
            r.sourceLang === k.sourceLang &&
            r.targetLang === k.targetLang &&
            r.style === k.style &&
            r.sourceKey !== k.sourceKey &&
            (r.status === 'approved' || r.status === 'machine'),
        );
    }
    // A match must have the same placeholders (its translation refers to them) and share at
    // least two words, or be as short as the key itself.
    const signature = placeholderSignature(k.sourceKey);
    const minShared = Math.min(2, tokens.length);
    return candidates
      .filter((row) => placeholderSignature(row.sourceKey) === signature)
      .map((row) => {
        const other = keyTokens(row.sourceKey);
        const shared = other.filter((t) => tokens.includes(t)).length;
        return { row, score: shared >= minShared ? tokenSimilarity(tokens, other) : 0 };
      })
      .filter((m) => m.score >= threshold)
      .sort((a, b) => b.score - a.score)
      .slice(0, options.limit ?? 5);
  }

  /**
   * Writes rows (insert or update). A person's approval is never overwritten by a machine: rows
   * whose stored provenance is `human` only change through another human write.
   */
  async upsert(input: readonly NewMemoryRow[], clockNow: Date = new Date(this.now())): Promise<void> {
    if (input.length === 0) return;
    // One statement cannot touch a row twice: the last write for a key wins.
    const byKey = new Map<string, NewMemoryRow>();
    for (const r of input) byKey.set(cacheKey(r.scope.key, r), r);
    // Rows go in key order: two sessions upserting overlapping sets then lock them in the same
    // order and wait for each other instead of deadlocking (seen on PostgreSQL with 13 sites
    // localizing the same products at once).
    const rows = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
    this.stats.writes += rows.length;
    const made: MemoryRow[] = rows.map((r) => ({
      id: contentId('tm', r.scope.key, r.sourceLang, r.targetLang, r.style, r.sourceKey),
      scope: r.scope,
      sourceLang: r.sourceLang,
      targetLang: r.targetLang,
      style: r.style,
      sourceKey: r.sourceKey,
      sourceText: r.sourceText,
      targetText: r.targetText,
      provenance: r.provenance,
      status: r.status,
      checks: r.checks ?? [],
      termbaseVersion: r.termbaseVersion ?? null,
    }));
    if (this.store) {
      for (let at = 0; at < rows.length; at += 400) {
        const chunk = rows.slice(at, at + 400);
        const params: unknown[] = [];
        const values = chunk.map((r, i) => {
          const m = made[at + i]!;
          const base = params.length;
          params.push(
            m.id,
            r.scope.key,
            r.scope.sellerId,
            r.scope.brand,
            r.sourceLang,
            r.targetLang,
            r.style,
            r.sourceKey,
            r.sourceText,
            r.targetText,
            keyTokens(r.sourceKey),
            r.provenance,
            r.status,
            JSON.stringify(r.checks ?? []),
            r.termbaseVersion ?? null,
            r.approvedBy ?? null,
            clockNow,
          );
          const p = (n: number) => `$${base + n}`;
          return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}::text[], ${p(12)}, ${p(13)}, ${p(14)}::jsonb, ${p(15)}, ${p(16)}, ${p(17)}, ${p(17)})`;
        });
        // Two workers localizing products that share a segment write the same new row at once.
        await retryUniqueRace(() =>
          this.store!.query(
            `INSERT INTO translation_memory (id, scope_key, seller_id, brand, source_lang, target_lang, style, source_key,
             source_text, target_text, tokens, provenance, status, checks, termbase_version, approved_by, created_at, updated_at)
           VALUES ${values.join(', ')}
           ON CONFLICT (scope_key, source_lang, target_lang, style, source_key) DO UPDATE SET
             source_text = EXCLUDED.source_text, target_text = EXCLUDED.target_text, provenance = EXCLUDED.provenance,
             status = EXCLUDED.status, checks = EXCLUDED.checks, termbase_version = EXCLUDED.termbase_version,
             approved_by = EXCLUDED.approved_by, updated_at = EXCLUDED.updated_at
           WHERE translation_memory.provenance <> 'human' OR EXCLUDED.provenance = 'human'`,
            params,
          ),
        );
      }
    }
    for (const m of made) {
      const key = cacheKey(m.scope.key, m);
      const prev = this.cache.get(key)?.row;
      if (prev?.provenance === 'human' && m.provenance !== 'human') continue;
      this.cache.delete(key);
      this.remember(key, m);
    }
  }

  /** Forgets cached entries for a key (all scopes), e.g. after an approval in another code path. */
  forget(k: MemoryKey): void {
    const suffix = `${SEP}${k.sourceLang}${SEP}${k.targetLang}${SEP}${k.style}${SEP}${k.sourceKey}`;
    for (const key of this.cache.keys()) if (key.endsWith(suffix)) this.cache.delete(key);
  }

  /** Drops the whole in-process cache. */
  clear(): void {
    this.cache.clear();
  }
}
