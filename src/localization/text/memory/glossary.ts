/**
 * Seller and brand glossaries: word- or phrase-level translations (and do-not-translate entries)
 * that override the term base for one seller, one brand, or a seller's brand. The engine applies
 * them inside segments; external providers receive them as glossary or term lists.
 */
import { and, asc, eq, gt, inArray, isNull, type SQL } from 'drizzle-orm';
import { schema, type Store } from '../../../db/index.ts';
import { AppError, scopedSellerId, type Clock, type Scope } from '../../../shared/index.ts';
import type { GlossaryTerm } from '../engine/lexicon.ts';
import { matchKey } from '../normalize.ts';
import type { MemoryScopeKind } from '../types.ts';
import { defaultTermBase } from '../termbase/load.ts';
import { brandKey, contentId, scopeChain, scopeRef, type ScopeRef } from './scopes.ts';

export type GlossaryEntry = typeof schema.translationGlossary.$inferSelect;

export interface NewGlossaryEntry {
  /** Korean source word or phrase. */
  source: string;
  /** The translation; null or omitted with `doNotTranslate` keeps the source as written. */
  target?: string | null;
  /** Listing language (en, th …); do-not-translate entries hold in every language (`*`). */
  language?: string;
  doNotTranslate?: boolean;
  /** Operator only: the seller whose glossary it is. A seller key always writes its own. */
  sellerId?: string;
  /** A brand's glossary (brand key as normalized by the caller). */
  brand?: string;
  note?: string;
}

function ownerScope(
  scope: Scope,
  input: { sellerId?: string | undefined; brand?: string | undefined },
): ScopeRef {
  const seller = scopedSellerId(scope) ?? input.sellerId ?? null;
  const brand = input.brand ? brandKey(input.brand, (n) => defaultTermBase().brand(n)?.latin) : null;
  const kind: MemoryScopeKind = seller ? (brand ? 'seller-brand' : 'seller') : brand ? 'brand' : 'global';
  return scopeRef(kind, seller, brand);
}

/** Adds or replaces a glossary entry in the caller's scope. */
export async function addGlossaryEntry(
  store: Store,
  scope: Scope,
  input: NewGlossaryEntry,
  clock: Clock,
): Promise<GlossaryEntry> {
  const source = input.source.trim();
  if (!source)
    throw new AppError('invalid_input', 'source: a word or phrase is required', { details: { source } });
  const dnt = input.doNotTranslate === true || input.target === null;
  const target = dnt ? null : (input.target ?? '').trim();
  if (!dnt && !target) {
    throw new AppError('invalid_input', 'target: a translation is required (or mark it do-not-translate)');
  }
  const language = dnt ? '*' : (input.language ?? 'en');
  const owner = ownerScope(scope, input);
  const key = matchKey(source);
  const now = clock.now();
  const row = {
    id: contentId('tgl', owner.key, language, key),
    scopeKey: owner.key,
    sellerId: owner.sellerId,
    brand: owner.brand,
    targetLang: language,
    sourceText: source,
    sourceKey: key,
    targetText: target,
    note: input.note ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const [saved] = await store.db
    .insert(schema.translationGlossary)
    .values(row)
    .onConflictDoUpdate({
      target: [
        schema.translationGlossary.scopeKey,
        schema.translationGlossary.targetLang,
        schema.translationGlossary.sourceKey,
      ],
      set: { sourceText: row.sourceText, targetText: row.targetText, note: row.note, updatedAt: now },
    })
    .returning();
  glossaryVersion++;
  return saved!;
}

export interface GlossaryFilter {
  sellerId?: string | undefined;
  language?: string | undefined;
  after?: string | undefined;
  limit?: number | undefined;
}

/** Glossary entries the caller may see: a seller sees its own; the operator sees all (or one seller's). */
export async function listGlossary(
  store: Store,
  scope: Scope,
  filter: GlossaryFilter = {},
): Promise<GlossaryEntry[]> {
  const seller = scopedSellerId(scope) ?? filter.sellerId;
  const t = schema.translationGlossary;
  const where: (SQL | undefined)[] = [
    seller ? eq(t.sellerId, seller) : undefined,
    filter.language ? inArray(t.targetLang, [filter.language, '*']) : undefined,
    filter.after ? gt(t.id, filter.after) : undefined,
  ];
  return store.db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.id))
    .limit(Math.min(filter.limit ?? 100, 1000));
}

/** One entry the caller may see (not found otherwise). */
export async function getGlossaryEntry(store: Store, scope: Scope, id: string): Promise<GlossaryEntry> {
  const t = schema.translationGlossary;
  const seller = scopedSellerId(scope);
  const [row] = await store.db
    .select()
    .from(t)
    .where(and(eq(t.id, id), seller ? eq(t.sellerId, seller) : undefined));
  if (!row) throw new AppError('not_found', `glossary entry ${id} not found`, { details: { id } });
  return row;
}

/** Removes an entry the caller owns (not found otherwise, so ids don't leak). */
export async function removeGlossaryEntry(store: Store, scope: Scope, id: string): Promise<void> {
  const t = schema.translationGlossary;
  const seller = scopedSellerId(scope);
  const rows = await store.db
    .delete(t)
    .where(and(eq(t.id, id), seller ? eq(t.sellerId, seller) : undefined))
    .returning({ id: t.id });
  if (rows.length === 0)
    throw new AppError('not_found', `glossary entry ${id} not found`, { details: { id } });
  glossaryVersion++;
}

/** Glossary entries that apply to one owner and language, merged: the most specific scope wins. */
export interface AppliedGlossary {
  terms: Map<string, GlossaryTerm>;
  /** A short hash of the entries: memory rows made with another glossary are stale. */
  hash: string;
  /** Do-not-translate sources, for protection before external providers. */
  keep: string[];
  maxPhraseWords: number;
}

let glossaryVersion = 0;
const cache = new Map<string, { version: number; at: number; value: AppliedGlossary }>();
const EMPTY: AppliedGlossary = { terms: new Map(), hash: '', keep: [], maxPhraseWords: 1 };

/** Loads (and caches for a minute) the glossary for a seller/brand and language. */
export async function appliedGlossary(
  store: Store | undefined,
  sellerId: string | null,
  brand: string | null,
  language: string,
): Promise<AppliedGlossary> {
  if (!store) return EMPTY;
  const cacheKey = `${sellerId ?? ''}|${brand ?? ''}|${language}`;
  const hit = cache.get(cacheKey);
  if (hit && hit.version === glossaryVersion && Date.now() - hit.at < 60_000) return hit.value;
  const chain = scopeChain({ sellerId: sellerId ?? undefined }, brand);
  const t = schema.translationGlossary;
  const rows = await store.db
    .select()
    .from(t)
    .where(
      and(
        inArray(
          t.scopeKey,
          chain.map((s) => s.key),
        ),
        inArray(t.targetLang, [language, '*']),
      ),
    );
  // Least specific first, so more specific scopes overwrite.
  const rank = new Map(chain.map((s, i) => [s.key, chain.length - i]));
  rows.sort((a, b) => (rank.get(a.scopeKey) ?? 0) - (rank.get(b.scopeKey) ?? 0));
  const terms = new Map<string, GlossaryTerm>();
  const kinds = new Map(chain.map((s) => [s.key, s.kind]));
  for (const r of rows) {
    terms.set(r.sourceKey, {
      key: r.sourceKey,
      target: r.targetText,
      scope: kinds.get(r.scopeKey) ?? 'global',
    });
  }
  const value: AppliedGlossary = {
    terms,
    hash: contentId('g', ...[...terms.values()].map((t) => `${t.key}=${t.target ?? ''}@${t.scope}`)).slice(
      2,
      12,
    ),
    keep: rows.filter((r) => r.targetText === null).map((r) => r.sourceText),
    maxPhraseWords: Math.max(1, ...[...terms.keys()].map((k) => k.split(' ').length)),
  };
  cache.set(cacheKey, { version: glossaryVersion, at: Date.now(), value });
  return value;
}

/** Glossary rows with no seller (global and brand-wide), for operators' exports. */
export async function sharedGlossary(store: Store): Promise<GlossaryEntry[]> {
  return store.db
    .select()
    .from(schema.translationGlossary)
    .where(isNull(schema.translationGlossary.sellerId));
}
