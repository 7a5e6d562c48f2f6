/**
 * What the embedded engine looks words up in: the term base, with a seller's or brand's glossary
 * laid over it. A glossary entry wins over the term base; which scope supplied a word is reported,
 * so a translation that used a seller's glossary is remembered in that seller's scope only.
 */
import type { TargetLanguage } from '../languages.ts';
import type { TermBase, TermEntry } from '../termbase/termbase.ts';
import type { MemoryScopeKind } from '../types.ts';

export interface GlossaryTerm {
  /** Korean source as a match key (lower-cased, single spaces). */
  key: string;
  /** The translation; null for do-not-translate (keep the source as written). */
  target: string | null;
  scope: MemoryScopeKind;
}

export interface Lexicon {
  termBase: TermBase;
  language: TargetLanguage;
  /** The product's domain (beauty, food …): selects contextual senses. */
  domain?: string;
  /** Glossary entries by key (words and phrases). */
  glossary?: ReadonlyMap<string, GlossaryTerm>;
  /** Longest glossary phrase in words. */
  glossaryPhraseWords?: number;
}

export type Lookup =
  | { kind: 'text'; text: string; scope?: MemoryScopeKind }
  | { kind: 'drop'; fact: string }
  | { kind: 'keep'; scope?: MemoryScopeKind };

/** One word or phrase (a match key) in the target language, if the lexicon knows it. */
export function lookup(lex: Lexicon, key: string, phrase: boolean): Lookup | undefined {
  const g = lex.glossary?.get(key);
  if (g)
    return g.target === null
      ? { kind: 'keep', scope: g.scope }
      : { kind: 'text', text: g.target, scope: g.scope };
  const entry =
    (lex.domain ? lex.termBase.inContext(lex.domain, key) : undefined) ??
    (phrase ? lex.termBase.phrase(key) : lex.termBase.wordByKey(key));
  return entry ? fromEntry(entry, lex.language) : undefined;
}

function fromEntry(entry: TermEntry, language: TargetLanguage): Lookup | undefined {
  switch (entry.kind) {
    case 'drop':
      return { kind: 'drop', fact: entry.tr.en ?? entry.ko };
    case 'dnt':
      return { kind: 'keep' };
    case 'name':
      return entry.tr.en === undefined
        ? undefined
        : { kind: 'text', text: entry.tr[language] ?? entry.tr.en };
    default: {
      const text = entry.tr[language];
      return text === undefined ? undefined : { kind: 'text', text };
    }
  }
}

/** Picks the singular or plural side of `one|other` for a count. */
export function plural(template: string, n: number): string {
  const bar = template.indexOf('|');
  if (bar < 0) return template;
  return n === 1 ? template.slice(0, bar) : template.slice(bar + 1);
}
