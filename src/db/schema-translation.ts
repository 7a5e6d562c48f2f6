import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sellers } from './schema.ts';

/**
 * Translation tables (owned by localization/text). Memory rows, glossary entries and review items
 * made on a seller's behalf carry seller_id; global and brand-wide rows have none. Ids are content
 * hashes of the unique key, so writing the same thing twice is an upsert.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** A failed quality check, as stored. */
export type StoredCheck = { check: string; message: string };
/** Where a segment under review occurs. */
export type SegmentOccurrence = { productId: string; field: string };
/** A placeholder of a segment's sample, so a reviewer's edit can be turned back into the memory form. */
export type StoredPlaceholder = { index: number; kind: string; original: string; restore: string };

export const translationMemory = pgTable(
  'translation_memory',
  {
    /** `tm_` + hash of (scope_key, source_lang, target_lang, style, source_key). */
    id: text('id').primaryKey(),
    /** `global`, `brand:<brand>`, `seller:<id>` or `seller:<id>|brand:<brand>`. */
    scopeKey: text('scope_key').notNull(),
    sellerId: text('seller_id').references(() => sellers.id),
    /** The brand's match key for brand scopes. */
    brand: text('brand'),
    sourceLang: text('source_lang').notNull(),
    targetLang: text('target_lang').notNull(),
    /** `title` (Title Case fields) or `text` (values, sentences): the same words are cased differently. */
    style: text('style').notNull(),
    /** Lower-cased source with placeholders reduced to their kind: `⟦brand⟧ 토너 ⟦quantity⟧`. */
    sourceKey: text('source_key').notNull(),
    /** The source with numbered placeholders, as first seen. */
    sourceText: text('source_text').notNull(),
    /** The translation with the same numbered placeholders. */
    targetText: text('target_text').notNull(),
    /** Words of the key, for fuzzy matches by token overlap (no pg_trgm on PGlite). */
    tokens: text('tokens')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** `termbase`, `provider:<name>` or `human`. */
    provenance: text('provenance').notNull(),
    status: text('status', { enum: ['machine', 'approved', 'needs-review'] }).notNull(),
    checks: jsonb('checks').$type<StoredCheck[]>().notNull().default([]),
    /** For term-base rows: the term base version they were made with (older ones are recomputed). */
    termbaseVersion: text('termbase_version'),
    /** Who approved it: `operator` or a seller id. */
    approvedBy: text('approved_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('translation_memory_uq').on(t.scopeKey, t.sourceLang, t.targetLang, t.style, t.sourceKey),
    index('translation_memory_seller_idx').on(t.sellerId),
    index('translation_memory_tokens_idx').using('gin', t.tokens),
  ],
);

export const translationGlossary = pgTable(
  'translation_glossary',
  {
    /** `tgl_` + hash of (scope_key, target_lang, source_key). */
    id: text('id').primaryKey(),
    scopeKey: text('scope_key').notNull(),
    sellerId: text('seller_id').references(() => sellers.id),
    brand: text('brand'),
    /** A listing language, or `*` for a do-not-translate entry that holds in every language. */
    targetLang: text('target_lang').notNull(),
    sourceText: text('source_text').notNull(),
    sourceKey: text('source_key').notNull(),
    /** Null: do not translate (keep the source as written). */
    targetText: text('target_text'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('translation_glossary_uq').on(t.scopeKey, t.targetLang, t.sourceKey),
    index('translation_glossary_seller_idx').on(t.sellerId),
  ],
);

export const translationReviewItems = pgTable(
  'translation_review_items',
  {
    /** `trv_` + hash of (owner, source_lang, target_lang, style, source_key). */
    id: text('id').primaryKey(),
    /** The seller whose listings need it; null for operator-only items (ad-hoc translations). */
    sellerId: text('seller_id').references(() => sellers.id),
    brand: text('brand'),
    sourceLang: text('source_lang').notNull(),
    targetLang: text('target_lang').notNull(),
    style: text('style').notNull(),
    sourceKey: text('source_key').notNull(),
    /** Protected source (placeholders numbered) and one original occurrence for people to read. */
    sourceText: text('source_text').notNull(),
    sampleText: text('sample_text').notNull(),
    placeholders: jsonb('placeholders').$type<StoredPlaceholder[]>().notNull().default([]),
    reason: text('reason', { enum: ['needs-review', 'needs-translation'] }).notNull(),
    status: text('status', { enum: ['open', 'approved', 'dismissed'] })
      .notNull()
      .default('open'),
    /** The rejected or fuzzy output (protected form) a reviewer can start from. */
    proposal: text('proposal'),
    proposalProvenance: text('proposal_provenance'),
    checks: jsonb('checks').$type<StoredCheck[]>().notNull().default([]),
    unknownWords: jsonb('unknown_words').$type<string[]>().notNull().default([]),
    occurrences: jsonb('occurrences').$type<SegmentOccurrence[]>().notNull().default([]),
    occurrenceCount: integer('occurrence_count').notNull().default(0),
    /** The approved translation (protected form) and who gave it. */
    resolution: text('resolution'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('translation_review_seller_status_idx').on(t.sellerId, t.status),
    index('translation_review_key_idx').on(t.targetLang, t.sourceKey),
  ],
);

/** Characters sent to each external provider per day: what translation costs. */
export const translationUsage = pgTable(
  'translation_usage',
  {
    provider: text('provider').notNull(),
    /** UTC date, YYYY-MM-DD. */
    day: text('day').notNull(),
    requests: integer('requests').notNull().default(0),
    characters: bigint('characters', { mode: 'number' }).notNull().default(0),
    segments: integer('segments').notNull().default(0),
    failures: integer('failures').notNull().default(0),
    retries: integer('retries').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.day] })],
);
