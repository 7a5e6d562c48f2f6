/**
 * Korean → English for category names. A category name is short and keyword-like, so instead of a
 * sentence we want every plausible English word with a weight: "반려동물 용품" → pet 1, supply 1.
 *
 * Sources, in order of trust: whole names seen in a parallel ko/en category list (a taxonomy's two
 * editions paired by id), the term base's hand-written words and phrases, and word translations
 * learned from the parallel names with IBM Model 1 (EM over co-occurrence; it finds that 용품 is
 * "supply" because the two keep appearing together). Unknown compounds (새장용) are split into
 * known words. What the lexicon may learn from is the caller's choice: the evaluation trains it on
 * the other taxonomy only, so no answer it is graded on was seen (see evaluation.ts).
 */
import { englishTokens, koreanTokens } from './text.ts';

/** English stems with weights in (0, 1]. */
export type Bag = Map<string, number>;

/** A Korean name and its English, e.g. from a taxonomy's two editions or the term base. */
export type ParallelPair = readonly [ko: string, en: string];

/** Korean words that carry no category meaning of their own (and, other, for, kinds). */
const KO_STOP = new Set(['및', '기타', '등', '용', '류', '관련', '기타용품', '외']);

const MIN_PROB = 0.12;
const MAX_SENSES = 3;

export interface LexiconStats {
  phrases: number;
  words: number;
  pairs: number;
}

export class CategoryLexicon {
  /** Korean words joined by one space → English stems (whole names and term-base phrases). */
  private readonly phrases = new Map<string, string[]>();
  /** Korean word → English stems with probabilities. */
  private readonly words = new Map<string, { stem: string; p: number }[]>();
  private maxPhraseWords = 1;
  private readonly cache = new Map<string, Bag>();
  readonly stats: LexiconStats;

  /**
   * @param pairs parallel names (whole names become phrases; all of them train the word model)
   * @param terms dictionary entries (term base): phrases and words taken as they are
   */
  constructor(pairs: readonly ParallelPair[], terms: readonly ParallelPair[] = []) {
    for (const [ko, en] of [...terms, ...pairs]) this.addPhrase(ko, en);
    const dictWords = new Set<string>();
    for (const [ko, en] of terms) {
      const k = koreanTokens(ko);
      const e = englishTokens(en);
      if (k.length === 1 && e.length > 0 && !this.words.has(k[0]!)) {
        this.words.set(
          k[0]!,
          e.map((stem) => ({ stem, p: 1 })),
        );
        dictWords.add(k[0]!);
      }
    }
    const learned = trainModel1([...pairs, ...terms]);
    for (const [ko, senses] of learned) if (!dictWords.has(ko)) this.words.set(ko, senses);
    this.stats = { phrases: this.phrases.size, words: this.words.size, pairs: pairs.length };
  }

  private addPhrase(ko: string, en: string): void {
    const k = koreanTokens(ko);
    const e = englishTokens(en);
    if (k.length === 0 || e.length === 0) return;
    const key = k.join(' ');
    if (this.phrases.has(key)) return;
    this.phrases.set(key, e);
    this.maxPhraseWords = Math.max(this.maxPhraseWords, k.length);
  }

  /** Whether a Korean word is known (as a word or a one-word phrase). */
  knows(word: string): boolean {
    return this.words.has(word) || this.phrases.has(word);
  }

  /** English stems with weights for one Korean category name (or title); memoized unless `memo` is false. */
  translate(name: string, memo = true): Bag {
    const hit = memo ? this.cache.get(name) : undefined;
    if (hit) return hit;
    const bag: Bag = new Map();
    const tokens = koreanTokens(name).filter((t) => !KO_STOP.has(t));
    for (let i = 0; i < tokens.length;) {
      const used = this.phraseAt(tokens, i, bag);
      if (used > 0) {
        i += used;
        continue;
      }
      this.word(tokens[i]!, bag);
      i++;
    }
    if (memo) this.cache.set(name, bag);
    return bag;
  }

  private phraseAt(tokens: string[], i: number, bag: Bag): number {
    for (let n = Math.min(this.maxPhraseWords, tokens.length - i); n >= 1; n--) {
      const stems = this.phrases.get(tokens.slice(i, i + n).join(' '));
      if (!stems) continue;
      for (const s of stems) add(bag, s, 1);
      return n;
    }
    return 0;
  }

  private word(token: string, bag: Bag): void {
    if (/^[a-z0-9'-]+$/.test(token)) {
      add(bag, token, 1);
      return;
    }
    const senses = this.words.get(token);
    if (senses) {
      for (const s of senses) add(bag, s.stem, s.p);
      return;
    }
    for (const piece of this.splitCompound(token)) {
      const stems = this.phrases.get(piece);
      if (stems) for (const s of stems) add(bag, s, 0.9);
      else for (const s of this.words.get(piece) ?? []) add(bag, s.stem, s.p * 0.9);
    }
  }

  /**
   * 새장용 → 새장 (용 is dropped): the split into known words covering the most characters, then
   * the fewest pieces. Unknown characters are skipped.
   */
  splitCompound(token: string): string[] {
    const n = token.length;
    // best[i]: [uncovered chars, pieces, split] for token.slice(0, i)
    const best: [number, number, string[]][] = [[0, 0, []]];
    for (let i = 1; i <= n; i++) {
      const prev = best[i - 1]!;
      let cur: [number, number, string[]] = [prev[0] + 1, prev[1], prev[2]];
      for (let j = Math.max(0, i - 8); j < i; j++) {
        const piece = token.slice(j, i);
        if (!this.knows(piece) || (piece.length === 1 && i - j === n)) continue;
        const b = best[j]!;
        const cand: [number, number, string[]] = [b[0], b[1] + 1, [...b[2], piece]];
        if (cand[0] < cur[0] || (cand[0] === cur[0] && cand[1] < cur[1])) cur = cand;
      }
      best.push(cur);
    }
    const [uncovered, , split] = best[n]!;
    // A split that explains less than half the word is a guess: better to know nothing.
    return uncovered * 2 > n ? [] : split.filter((p) => !KO_STOP.has(p));
  }
}

function add(bag: Bag, stem: string, w: number): void {
  if (w > (bag.get(stem) ?? 0)) bag.set(stem, w);
}

/**
 * IBM Model 1, t(english stem | korean word), with a NULL word that absorbs English words no
 * Korean word stands for. Returns each Korean word's likeliest stems (p ≥ MIN_PROB, at most 3).
 */
export function trainModel1(
  pairs: readonly ParallelPair[],
  iterations = 8,
): Map<string, { stem: string; p: number }[]> {
  const NULL = '\u0000';
  const corpus: [string[], string[]][] = [];
  const seen = new Set<string>();
  for (const [ko, en] of pairs) {
    const k = koreanTokens(ko).filter((t) => !KO_STOP.has(t));
    const e = englishTokens(en);
    const key = `${k.join(' ')}|${e.join(' ')}`;
    if (k.length === 0 || e.length === 0 || seen.has(key)) continue;
    seen.add(key);
    corpus.push([[NULL, ...k], e]);
  }
  // t as nested maps: t.get(f).get(e); uniform start over co-occurring pairs.
  let t = new Map<string, Map<string, number>>();
  for (const [fs, es] of corpus)
    for (const f of fs) {
      const row = t.get(f) ?? new Map<string, number>();
      for (const e of es) row.set(e, 1);
      t.set(f, row);
    }
  for (let it = 0; it < iterations; it++) {
    const counts = new Map<string, Map<string, number>>();
    for (const [fs, es] of corpus) {
      for (const e of es) {
        let z = 0;
        for (const f of fs) z += t.get(f)!.get(e)!;
        for (const f of fs) {
          const c = t.get(f)!.get(e)! / z;
          const row = counts.get(f) ?? new Map<string, number>();
          row.set(e, (row.get(e) ?? 0) + c);
          counts.set(f, row);
        }
      }
    }
    const next = new Map<string, Map<string, number>>();
    for (const [f, row] of counts) {
      let total = 0;
      for (const v of row.values()) total += v;
      const norm = new Map<string, number>();
      for (const [e, v] of row) norm.set(e, v / total);
      next.set(f, norm);
    }
    t = next;
  }
  const out = new Map<string, { stem: string; p: number }[]>();
  for (const [f, row] of t) {
    if (f === NULL) continue;
    const senses = [...row]
      .filter(([, p]) => p >= MIN_PROB)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_SENSES);
    const top = senses[0]?.[1] ?? 0;
    // Weights relative to the best sense: the likeliest translation counts fully.
    if (senses.length > 0)
      out.set(
        f,
        senses.map(([stem, p]) => ({ stem, p: p / top })),
      );
  }
  return out;
}
