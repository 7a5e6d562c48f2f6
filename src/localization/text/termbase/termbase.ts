/**
 * The term base in memory: Korean words and phrases with English, the structured vocabulary in all
 * 13 languages, counters, patterns with number slots, and brands with their official Latin names.
 * Built once from data/termbase/ (load.ts) and shared; lookups are plain Map reads.
 */
import type { TargetLanguage } from '../languages.ts';
import { matchKey } from '../normalize.ts';

export type TermKind = 'term' | 'name' | 'drop' | 'dnt';

/** Product domains that select contextual senses (면: noodles in food, cotton elsewhere). */
export const DOMAINS = ['beauty', 'food', 'fashion', 'home', 'baby', 'pet', 'electronics'] as const;
export type Domain = (typeof DOMAINS)[number];

export interface TermEntry {
  ko: string;
  kind: TermKind;
  domain: string;
  /** Translations by language; `en` is always there (for `drop`, the fact the tag states). */
  tr: Partial<Record<TargetLanguage, string>>;
}

/** `{n}` templates per language; `one|other` for singular and plural. */
export interface CounterEntry {
  ko: string;
  tr: Partial<Record<TargetLanguage, string>>;
}

export interface PatternEntry {
  ko: string;
  re: RegExp;
  tr: Partial<Record<TargetLanguage, string>>;
  domain: string;
}

export interface Brand {
  ko: string;
  latin: string;
}

export interface TermBaseStats {
  entries: number;
  byDomain: Record<string, number>;
  brands: number;
  vocabulary: number;
  counters: number;
  patterns: number;
}

const NUM = '(\\d+(?:[.,]\\d+)?)';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `제조일로부터 {n}개월` → /(?<!\p{L})제조일로부터\s*(\d+)\s*개월(?!\p{L})/: spaces optional, as sellers
 * write both, and the pattern must start and end at word edges (so `{n}수` never eats 수분).
 */
export function compilePattern(ko: string): RegExp {
  const parts = ko.split('{n}').map((p) => p.split(/\s+/).filter(Boolean).map(escapeRe).join('\\s*'));
  const body = parts.join(`\\s*${NUM}\\s*`).replace(/^\\s\*|\\s\*$/g, '');
  const start = ko.startsWith('{n}') ? '(?<![\\d.,])' : '(?<!\\p{L})';
  const end = ko.endsWith('{n}') ? '(?![\\d.,])' : '(?!\\p{L})';
  return new RegExp(`${start}${body}${end}`, 'gu');
}

export class TermBase {
  readonly version: string;
  /** Single words (no spaces), by match key. */
  private readonly words = new Map<string, TermEntry>();
  /** Multi-word phrases, by match key (words joined by one space). */
  private readonly phrases = new Map<string, TermEntry>();
  /** Senses used only for one domain's products, by domain then key. */
  private readonly contextual = new Map<string, Map<string, TermEntry>>();
  private readonly counterMap = new Map<string, CounterEntry>();
  private readonly brandMap = new Map<string, Brand>();
  private readonly companyMap = new Map<string, string>();
  readonly patterns: PatternEntry[] = [];
  maxPhraseWords = 1;
  maxWordLength = 1;
  private counterReCache: RegExp | undefined;
  private brandIndex: Map<string, string[]> | undefined;
  private vocabularyCount = 0;

  constructor(version: string) {
    this.version = version;
  }

  /**
   * Adds an entry. Files load in a fixed order (brands, vocabulary, then domain terms) and the first
   * entry for a key wins; a later one only fills languages the first lacks.
   */
  add(entry: TermEntry): void {
    if (entry.ko.includes('{n}')) {
      this.patterns.push({ ko: entry.ko, re: compilePattern(entry.ko), tr: entry.tr, domain: entry.domain });
      return;
    }
    const key = matchKey(entry.ko);
    const isPhrase = key.includes(' ');
    const map = isPhrase ? this.phrases : this.words;
    const prev = map.get(key);
    map.set(key, prev ? { ...prev, tr: { ...entry.tr, ...prev.tr } } : entry);
    if (isPhrase) this.maxPhraseWords = Math.max(this.maxPhraseWords, key.split(' ').length);
    else this.maxWordLength = Math.max(this.maxWordLength, key.length);
  }

  /** A sense used only for products of `entry.domain` (words and phrases alike). */
  addContextual(entry: TermEntry): void {
    const map = this.contextual.get(entry.domain) ?? new Map<string, TermEntry>();
    const key = matchKey(entry.ko);
    map.set(key, entry);
    this.contextual.set(entry.domain, map);
    if (key.includes(' ')) this.maxPhraseWords = Math.max(this.maxPhraseWords, key.split(' ').length);
  }

  /** The contextual sense of a key for a domain, if any. */
  inContext(domain: string, key: string): TermEntry | undefined {
    return this.contextual.get(domain)?.get(key);
  }

  addVocabulary(entry: TermEntry): void {
    this.vocabularyCount++;
    this.add(entry);
  }

  addCounter(entry: CounterEntry): void {
    this.counterMap.set(entry.ko, entry);
    this.counterReCache = undefined;
  }

  addBrand(brand: Brand, aliases: readonly string[] = []): void {
    for (const name of [brand.ko, ...aliases]) {
      this.brandMap.set(matchKey(name), brand);
      this.add({ ko: name, kind: 'name', domain: 'brand', tr: { en: brand.latin } });
    }
    this.brandMap.set(matchKey(brand.latin), brand);
    this.brandIndex = undefined;
  }

  /** A single word (no spaces) by its text. */
  word(text: string): TermEntry | undefined {
    return this.words.get(matchKey(text));
  }

  /** A single word by its match key as is (lower-cased, normalized): the engine's hot path. */
  wordByKey(key: string): TermEntry | undefined {
    return this.words.get(key);
  }

  /** A phrase by its words joined with single spaces (already match keys). */
  phrase(key: string): TermEntry | undefined {
    return this.phrases.get(key);
  }

  counter(ko: string): CounterEntry | undefined {
    return this.counterMap.get(ko);
  }

  /** `^(number)(counter)$`, longest counters first so 개입 wins over 개. */
  get counterRe(): RegExp {
    if (!this.counterReCache) {
      const names = [...this.counterMap.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
      this.counterReCache = new RegExp(`^${NUM}(${names.join('|')})$`);
    }
    return this.counterReCache;
  }

  /** A company's English name, for manufacturer names such as (주)아모레퍼시픽. */
  addCompany(ko: string, en: string): void {
    this.companyMap.set(matchKey(ko), en);
  }

  company(name: string): string | undefined {
    return this.companyMap.get(matchKey(name));
  }

  /** The brand a Korean or Latin name belongs to. */
  brand(name: string): Brand | undefined {
    return this.brandMap.get(matchKey(name));
  }

  /** The Latin name of a brand spelling (a match key), for protection. */
  brandLatin(key: string): string | undefined {
    return this.brandMap.get(key)?.latin;
  }

  /** Brand spellings starting with a character, longest first (built once). */
  brandsStartingWith(char: string): readonly string[] | undefined {
    if (!this.brandIndex) {
      this.brandIndex = new Map();
      for (const key of this.brandMap.keys()) {
        const first = key[0] ?? '';
        this.brandIndex.set(first, [...(this.brandIndex.get(first) ?? []), key]);
      }
      for (const list of this.brandIndex.values()) list.sort((a, b) => b.length - a.length);
    }
    return this.brandIndex.get(char);
  }

  stats(): TermBaseStats {
    const byDomain: Record<string, number> = {};
    let entries = 0;
    const contextual = [...this.contextual.values()].flatMap((m) => [...m.values()]);
    for (const e of [...this.words.values(), ...this.phrases.values(), ...this.patterns, ...contextual]) {
      if (e.domain === 'brand') continue;
      entries++;
      byDomain[e.domain] = (byDomain[e.domain] ?? 0) + 1;
    }
    const latin = new Set([...this.brandMap.values()].map((b) => b.latin));
    return {
      entries,
      byDomain,
      brands: latin.size,
      vocabulary: this.vocabularyCount,
      counters: this.counterMap.size,
      patterns: this.patterns.length,
    };
  }

  /** Every entry (words, then phrases), for exports and tests. */
  *entries(): Generator<TermEntry> {
    yield* this.words.values();
    yield* this.phrases.values();
  }
}
