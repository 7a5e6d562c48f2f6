/**
 * Helpers of the translation pipeline: grouping identical segments, choosing memory rows, building
 * provider segments with the terms that apply, and spotting domestic notices that do not travel.
 */
import type { Lexicon } from './engine/lexicon.ts';
import type { MemoryRow } from './memory/memory-store.ts';
import type { ScopeRef } from './memory/scopes.ts';
import { scopeRef } from './memory/scopes.ts';
import { matchKey } from './normalize.ts';
import type { ProtectedText } from './protect.ts';
import type { TermPair } from './providers/types.ts';
import type { FieldKind, MemoryScopeKind, SegmentInput } from './types.ts';
import { usesTitleCase } from './engine/casing.ts';

/** `title` fields are Title Cased, `text` fields are not: the memory keeps them apart. */
export function styleOf(kind: FieldKind): 'title' | 'text' {
  return usesTitleCase(kind) ? 'title' : 'text';
}

/** One input segment, normalized and protected. */
export interface Item {
  index: number;
  seg: SegmentInput;
  /** Normalized text without its Korean-market bracket tags. */
  text: string;
  prot: ProtectedText;
  /** Facts of the bracket tags removed from it. */
  tagFacts: string[];
}

/** Identical segments (same style and key): translated once. */
export interface Unit {
  style: 'title' | 'text';
  key: string;
  kind: FieldKind;
  members: Item[];
  out?: { text: string; provenance: string; status: 'machine' | 'approved'; memory?: MemoryRow };
  proposal?: { text: string; provenance: string; score?: number };
  unknown: string[];
  dropped: string[];
  scopes: MemoryScopeKind[];
  /** The most specific glossary scope with an entry in this segment. */
  glossaryScope?: MemoryScopeKind | undefined;
  error?: string;
}

export function groupUnits(items: readonly Item[]): Unit[] {
  const units = new Map<string, Unit>();
  for (const item of items) {
    const style = styleOf(item.seg.kind);
    const id = `${style}\u0001${item.prot.key}`;
    const unit = units.get(id);
    if (unit) unit.members.push(item);
    else
      units.set(id, {
        style,
        key: item.prot.key,
        kind: item.seg.kind,
        members: [item],
        unknown: [],
        dropped: [],
        scopes: [],
      });
  }
  return [...units.values()];
}

const SPECIFICITY: Readonly<Record<MemoryScopeKind, number>> = {
  global: 0,
  brand: 1,
  seller: 2,
  'seller-brand': 3,
};

/** The most specific scope of the glossary entries whose Korean occurs in a text, if any. */
export function glossaryScopeIn(
  key: string,
  glossary: ReadonlyMap<string, { scope: MemoryScopeKind }>,
): MemoryScopeKind | undefined {
  let best: MemoryScopeKind | undefined;
  for (const [k, g] of glossary) {
    if (!key.includes(k)) continue;
    if (best === undefined || SPECIFICITY[g.scope] > SPECIFICITY[best]) best = g.scope;
  }
  return best;
}

/**
 * The usable memory row among those found (in scope order): the most specific `approved` or
 * `machine` row; term-base rows from an older term base are stale. Returns the best `needs-review`
 * row as a proposal when nothing is usable.
 */
export function chooseMemory(
  rows: readonly MemoryRow[],
  termbaseVersion: string,
  minScope: MemoryScopeKind = 'global',
): { use?: MemoryRow; proposal?: MemoryRow } {
  let proposal: MemoryRow | undefined;
  for (const r of rows) {
    // A glossary entry of the seller or brand applies to this segment: less specific memory
    // (made without it) must not shadow it.
    if (SPECIFICITY[r.scope.kind] < SPECIFICITY[minScope]) continue;
    if (r.status === 'needs-review') {
      proposal ??= r;
      continue;
    }
    if (r.provenance === 'termbase' && r.termbaseVersion !== termbaseVersion) continue;
    return { use: r };
  }
  return proposal ? { proposal } : {};
}

/** The scope to remember a translation in: the most specific glossary scope it used, else global. */
export function writeScope(used: readonly MemoryScopeKind[], chain: readonly ScopeRef[]): ScopeRef {
  const kind = used.reduce<MemoryScopeKind>(
    (best, k) => (SPECIFICITY[k] > SPECIFICITY[best] ? k : best),
    'global',
  );
  return chain.find((s) => s.kind === kind) ?? scopeRef('global', null, null);
}

/**
 * Term base and glossary entries whose Korean occurs in a segment, for providers that take terms
 * (Qwen-MT `terms`, chat prompts). Longest first, at most `max`.
 */
export function termsIn(
  text: string,
  lex: Lexicon,
  max = 30,
): { pairs: TermPair[]; scopes: MemoryScopeKind[] } {
  const words = matchKey(text)
    .split(/[\s/,+~()[\]·:]+/)
    .filter((w) => /[\uac00-\ud7a3]/.test(w));
  const pairs: TermPair[] = [];
  const scopes = new Set<MemoryScopeKind>();
  const seen = new Set<string>();
  const add = (key: string, phrase: boolean) => {
    if (seen.has(key)) return;
    const g = lex.glossary?.get(key);
    if (g) {
      seen.add(key);
      pairs.push({ source: key, target: g.target ?? key });
      if (g.scope !== 'global') scopes.add(g.scope);
      return;
    }
    const e = phrase ? lex.termBase.phrase(key) : lex.termBase.wordByKey(key);
    const t = e && e.kind !== 'drop' ? e.tr[lex.language] : undefined;
    if (e && t) {
      seen.add(key);
      pairs.push({ source: e.ko, target: t });
    }
  };
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(4, words.length - i); n >= 2; n--) add(words.slice(i, i + n).join(' '), true);
    add(words[i]!, false);
  }
  return { pairs: pairs.slice(0, max), scopes: [...scopes] };
}

/**
 * Korean domestic shipping and returns notices (왕복 배송비, 도서산간, 당일 출고 …): they describe the
 * seller's home-market service and are left out of export listings rather than translated.
 */
const DOMESTIC_NOTICE =
  /도서\s*산간|왕복\s*배송비|반품\s*배송비|교환\s*\/\s*반품|교환\s*및\s*반품|택배사|당일\s*출고|오후\s*\d+\s*시\s*이전|주말\s*[,·및]?\s*공휴일|단순\s*변심|고객\s*부담|배송비\s*\d|무료\s*배송\s*기준/;

export function isDomesticNotice(text: string): boolean {
  return DOMESTIC_NOTICE.test(text);
}
