/**
 * The translation pipeline for a batch of segments: normalize, protect, group identical segments,
 * then for each group the memory (exact, scoped), the embedded engine (term base + glossaries),
 * external providers (Korean→English, English→the target language) and fuzzy matches; restore,
 * check every output, remember new translations, open review items for what failed.
 */
import type { Store } from '../../db/index.ts';
import type { Clock } from '../../shared/index.ts';
import { droppedFacts, stripDropTags, translateWithTermBase } from './engine/embedded-engine.ts';
import type { Lexicon } from './engine/lexicon.ts';
import type { SourceLanguage, Target } from './languages.ts';
import { appliedGlossary } from './memory/glossary.ts';
import type { MemoryKey, NewMemoryRow, TranslationMemory } from './memory/memory-store.ts';
import { recordReviewItems, reviewItemId, type NewReviewItem } from './memory/review-store.ts';
import { brandKey, scopeChain, type ScopeRef } from './memory/scopes.ts';
import { hasHangul, normalizeText } from './normalize.ts';
import {
  chooseMemory,
  glossaryScopeIn,
  groupUnits,
  isDomesticNotice,
  termsIn,
  writeScope,
  type Item,
  type Unit,
} from './pipeline-support.ts';
import { protect, restore } from './protect.ts';
import type { ProviderRunner } from './providers/runner.ts';
import type { ProviderSegment, TranslationProvider } from './providers/types.ts';
import { checkTranslation } from './quality.ts';
import type { SitePolicy } from './site-policy.ts';
import type { TermBase } from './termbase/termbase.ts';
import type { CheckFailure, Provenance, SegmentInput, SegmentResult } from './types.ts';

export interface TranslatorDeps {
  store?: Store | undefined;
  termBase: TermBase;
  memory: TranslationMemory;
  /** External providers in preference order (the embedded engine always runs first). */
  providers: readonly TranslationProvider[];
  runner: ProviderRunner;
  clock: Clock;
}

export interface TranslateOptions {
  to: Target;
  from?: SourceLanguage;
  /** Whose listing: memory and glossary scopes, review items' owner. */
  sellerId?: string | undefined;
  brand?: string | undefined;
  /** Product domain (beauty, food …) for contextual senses. */
  domain?: string | undefined;
  policy?: SitePolicy | undefined;
  /** Use and fill the translation memory (default true). */
  memory?: boolean;
  /** Which external providers may be used: all configured (default), none, or one by name. */
  providers?: 'all' | 'none' | string;
  /** Open review items for failures (default true when there is a store). */
  review?: boolean;
  /** Where each segment occurs (by segment id), recorded on review items. */
  occurrences?: ReadonlyMap<string, { productId: string; field: string }>;
  /** Look up fuzzy matches for segments nothing translated (default true with a store). */
  fuzzy?: boolean;
  /** Collect review items here instead of writing them (bulk runs write them in batches). */
  reviewSink?: (items: NewReviewItem[]) => void;
}

/** A result with the protected translation, for pivots. */
interface Internal extends SegmentResult {
  protectedOutput?: string;
}

const INTRINSIC = new Set(['placeholders', 'numbers', 'hangul', 'empty']);
const FUZZY_PER_CALL = 20;

export class Translator {
  readonly deps: TranslatorDeps;

  constructor(deps: TranslatorDeps) {
    this.deps = deps;
  }

  /** Translates segments for one target; results are in input order. */
  async translate(segments: readonly SegmentInput[], options: TranslateOptions): Promise<SegmentResult[]> {
    const results = await this.run(segments, options);
    return results.map(({ protectedOutput: _p, ...r }) => r);
  }

  private async run(segments: readonly SegmentInput[], options: TranslateOptions): Promise<Internal[]> {
    const { termBase, store } = this.deps;
    const lang = options.to.language;
    const from = options.from ?? 'ko';
    const brand = options.brand ? brandKey(options.brand, (n) => termBase.brand(n)?.latin) : null;
    const chain = scopeChain({ sellerId: options.sellerId }, brand);
    const glossary = await appliedGlossary(store, options.sellerId ?? null, brand, lang);
    const lex: Lexicon = {
      termBase,
      language: lang,
      domain: options.domain,
      glossary: glossary.terms,
      glossaryPhraseWords: glossary.maxPhraseWords,
    };
    const results: Internal[] = new Array(segments.length);
    const items: Item[] = [];
    segments.forEach((seg, index) => {
      const text = normalizeText(seg.text);
      const base = { id: seg.id, kind: seg.kind, source: seg.text, checks: [] as CheckFailure[] };
      if (!text) {
        results[index] = { ...base, translation: '', status: 'machine', provenance: 'source' };
      } else if ((seg.kind === 'html-text' || seg.kind === 'text') && isDomesticNotice(text)) {
        results[index] = {
          ...base,
          translation: '',
          status: 'machine',
          provenance: 'termbase',
          omitted: true,
        };
      } else {
        const tags = stripDropTags(text, lex);
        if (!tags.text) {
          // Nothing but Korean-market tags: nothing to publish.
          const checks = [
            { check: 'empty' as const, message: 'only Korean-market tags, nothing to translate' },
          ];
          results[index] = {
            ...base,
            translation: null,
            status: 'needs-review',
            provenance: 'termbase',
            checks,
            dropped: tags.facts,
          };
          return;
        }
        const prot = protect(tags.text, { locale: options.to.locale, brands: termBase, keep: glossary.keep });
        items.push({ index, seg, text: tags.text, prot, tagFacts: tags.facts });
      }
    });
    const units = groupUnits(items);
    if (glossary.terms.size > 0)
      for (const u of units) u.glossaryScope = glossaryScopeIn(u.key, glossary.terms);
    const versionOf = (u: Unit) =>
      u.glossaryScope ? `${termBase.version}:${glossary.hash}` : termBase.version;
    const keyOf = (u: Unit): MemoryKey => ({
      sourceLang: from,
      targetLang: lang,
      style: u.style,
      sourceKey: u.key,
    });
    const useMemory = options.memory !== false;

    if (useMemory) {
      const found = await this.deps.memory.lookupMany(units.map(keyOf), chain);
      units.forEach((u, i) => {
        const { use, proposal } = chooseMemory(found[i] ?? [], versionOf(u), u.glossaryScope);
        if (use) {
          u.out = {
            text: use.targetText,
            provenance: 'memory',
            status: use.status === 'approved' ? 'approved' : 'machine',
            memory: use,
          };
          u.dropped = droppedFacts(u.members[0]!.prot.text, lex);
        } else if (proposal) u.proposal = { text: proposal.targetText, provenance: proposal.provenance };
      });
    }
    const fresh: Unit[] = [];
    for (const u of units) {
      if (u.out) continue;
      const r = translateWithTermBase(u.members[0]!.prot.text, u.kind, lex);
      u.dropped = r.dropped;
      if (r.ok) {
        u.out = {
          text: r.text,
          provenance: hasHangul(u.members[0]!.text) ? 'termbase' : 'source',
          status: 'machine',
        };
        u.scopes = r.scopes;
        fresh.push(u);
      } else u.unknown = r.unknown;
    }
    const pending = units.filter((u) => !u.out);
    if (pending.length > 0 && options.providers !== 'none' && this.deps.providers.length > 0) {
      fresh.push(...(await this.viaProviders(pending, options, lex)));
    }
    if (store && options.fuzzy !== false && useMemory) {
      const todo = units
        .filter((u) => !u.out && !u.proposal && u.kind !== 'html-text')
        .slice(0, FUZZY_PER_CALL);
      for (const u of todo) {
        const [best] = await this.deps.memory.fuzzy(keyOf(u), chain, { limit: 1 });
        if (best) u.proposal = { text: best.row.targetText, provenance: 'memory', score: best.score };
      }
    }

    const memoryRows: NewMemoryRow[] = [];
    const reviews: NewReviewItem[] = [];
    for (const u of units) this.finish(u, options, chain, brand, versionOf(u), results, memoryRows, reviews);
    if (useMemory && memoryRows.length > 0) await this.deps.memory.upsert(memoryRows, this.deps.clock.now());
    if ((store || options.reviewSink) && options.review !== false && reviews.length > 0) {
      let ids: Map<string, string>;
      if (options.reviewSink) {
        options.reviewSink(reviews);
        ids = new Map(reviews.map((r) => [`${r.sourceKey}\u0001${r.style}`, reviewItemId(r)]));
      } else ids = await recordReviewItems(store!, reviews, this.deps.clock);
      for (const u of units) {
        const id = ids.get(`${u.key}\u0001${u.style}`);
        if (!id) continue;
        for (const m of u.members) {
          const r = results[m.index];
          if (r && (r.status === 'needs-review' || r.status === 'needs-translation')) r.reviewId = id;
        }
      }
    }
    return results;
  }

  /** Restores and checks each member of a unit; collects memory rows and review items. */
  private finish(
    u: Unit,
    options: TranslateOptions,
    chain: readonly ScopeRef[],
    brand: string | null,
    version: string,
    results: Internal[],
    memoryRows: NewMemoryRow[],
    reviews: NewReviewItem[],
  ): void {
    const lang = options.to.language;
    const first = u.members[0]!;
    let intrinsicFailure: CheckFailure[] = [];
    for (const m of u.members) {
      const base = { id: m.seg.id, kind: m.seg.kind, source: m.seg.text };
      const facts = [...m.tagFacts, ...u.dropped];
      const dropped = facts.length > 0 ? { dropped: facts } : {};
      if (u.out) {
        const restored = restore(u.out.text, m.prot.placeholders);
        const checks = checkTranslation({
          kind: m.seg.kind,
          language: lang,
          source: m.prot.text,
          placeholders: m.prot.placeholders,
          output: u.out.text,
          restored,
          policy: options.policy,
        });
        if (m === first) intrinsicFailure = checks.filter((c) => INTRINSIC.has(c.check));
        const memory = u.out.memory
          ? {
              memory: {
                provenance: u.out.memory.provenance,
                scope: u.out.memory.scope.kind,
                status: u.out.memory.status,
              },
            }
          : {};
        results[m.index] = checks.length
          ? {
              ...base,
              translation: null,
              status: 'needs-review',
              provenance: u.out.provenance as Provenance,
              proposal: restored,
              checks,
              ...memory,
              ...dropped,
            }
          : {
              ...base,
              translation: restored,
              status: u.out.status,
              provenance: u.out.provenance as Provenance,
              checks,
              ...memory,
              ...dropped,
              protectedOutput: u.out.text,
            };
      } else {
        const proposal = u.proposal ? { proposal: restore(u.proposal.text, m.prot.placeholders) } : {};
        const memory =
          u.proposal?.score !== undefined
            ? {
                memory: {
                  provenance: u.proposal.provenance as Provenance,
                  scope: 'global' as const,
                  status: 'machine' as const,
                  fuzzy: u.proposal.score,
                },
              }
            : {};
        results[m.index] = {
          ...base,
          translation: null,
          status: u.proposal ? 'needs-review' : 'needs-translation',
          provenance: null,
          checks: [],
          ...(u.error ? { error: u.error } : {}),
          ...(u.unknown.length ? { unknown: u.unknown } : {}),
          ...proposal,
          ...memory,
          ...dropped,
        };
      }
    }
    if (u.out && u.out.provenance !== 'memory' && u.out.provenance !== 'source') {
      memoryRows.push({
        sourceLang: options.from ?? 'ko',
        targetLang: lang,
        style: u.style,
        sourceKey: u.key,
        scope: writeScope(u.glossaryScope ? [...u.scopes, u.glossaryScope] : u.scopes, chain),
        sourceText: first.prot.text,
        targetText: u.out.text,
        provenance: u.out.provenance as Provenance,
        status: intrinsicFailure.length ? 'needs-review' : 'machine',
        checks: intrinsicFailure,
        termbaseVersion: u.out.provenance === 'termbase' ? version : null,
      });
    }
    const failed = u.members.filter((m) => {
      const s = results[m.index]?.status;
      return s === 'needs-review' || s === 'needs-translation';
    });
    if (failed.length === 0) return;
    const r0 = results[failed[0]!.index]!;
    reviews.push({
      sellerId: options.sellerId ?? null,
      brand,
      sourceLang: options.from ?? 'ko',
      targetLang: lang,
      style: u.style,
      sourceKey: u.key,
      sourceText: first.prot.text,
      sampleText: first.text,
      placeholders: first.prot.placeholders,
      reason: u.out ? 'needs-review' : r0.status === 'needs-review' ? 'needs-review' : 'needs-translation',
      proposal: u.out ? u.out.text : (u.proposal?.text ?? null),
      proposalProvenance: u.out ? u.out.provenance : (u.proposal?.provenance ?? null),
      checks: r0.checks,
      unknownWords: u.unknown,
      occurrences: failed.flatMap((m) => {
        const o = options.occurrences?.get(m.seg.id);
        return o ? [o] : [];
      }),
    });
  }

  /**
   * External providers for what the engine could not translate. Korean→English directly; other
   * languages through English (the pivot), translated first with this same pipeline.
   */
  private async viaProviders(pending: Unit[], options: TranslateOptions, lex: Lexicon): Promise<Unit[]> {
    const lang = options.to.language;
    const from = options.from ?? 'ko';
    let sources: Map<Unit, string>;
    let sourceLang: SourceLanguage = from;
    if (lang === 'en' || from === 'en') {
      sources = new Map(pending.map((u) => [u, u.members[0]!.prot.text]));
    } else {
      sourceLang = 'en';
      const english = await this.run(
        pending.map((u) => u.members[0]!.seg),
        { ...options, to: { language: 'en', locale: options.to.locale }, policy: undefined, review: false },
      );
      sources = new Map();
      pending.forEach((u, i) => {
        const r = english[i];
        if (r?.protectedOutput) sources.set(u, r.protectedOutput);
      });
    }
    const done: Unit[] = [];
    let todo = [...sources.keys()];
    const filter = options.providers && options.providers !== 'all' ? options.providers : undefined;
    for (const provider of this.deps.providers) {
      if (todo.length === 0) break;
      if (filter && provider.name !== filter) continue;
      if (!(await provider.supports(sourceLang, lang).catch(() => false))) continue;
      const segs: ProviderSegment[] = todo.map((u, i) => {
        const first = u.members[0]!;
        const terms = sourceLang === 'ko' ? termsIn(first.text, lex) : { pairs: [], scopes: [] };
        u.scopes = terms.scopes;
        return {
          id: String(i),
          text: sources.get(u)!,
          kind: u.kind,
          placeholders: first.prot.placeholders,
          terms: terms.pairs,
          memory: [],
        };
      });
      const glossary = [...(lex.glossary?.values() ?? [])].map((g) => ({
        source: g.key,
        target: g.target ?? g.key,
      }));
      const run = await this.deps.runner.run(provider, {
        sourceLang,
        targetLang: lang,
        segments: segs,
        glossary,
      });
      const left: Unit[] = [];
      todo.forEach((u, i) => {
        const text = run.outputs.get(String(i));
        if (text !== undefined) {
          u.out = { text, provenance: `provider:${provider.name}`, status: 'machine' };
          done.push(u);
        } else {
          u.error = run.errors.get(String(i));
          left.push(u);
        }
      });
      todo = left;
    }
    return done;
  }
}
