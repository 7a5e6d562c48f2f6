/**
 * Splits a Korean compound the term base does not list as a whole (남성운동화 → 남성 + 운동화,
 * 차량용거치대 → 차량 + 용 + 거치대) into known pieces, fewest pieces first. Single-syllable
 * pieces cost more, so 기모바지 is 기모 + 바지 rather than 기 + 모 + 바지. Returns undefined when some
 * part is unknown: the engine never guesses.
 */
import { lookup, plural, type Lexicon } from './lexicon.ts';
import type { MemoryScopeKind } from '../types.ts';

export interface Piece {
  type: 'text' | 'drop' | 'keep' | 'pass';
  text: string;
  /** A term's text (title-cased in titles) versus a name or code kept as written. */
  term: boolean;
  fact?: string;
  scope?: MemoryScopeKind;
}

/** Endings that only modify what comes before: X용 (for X), X형 (X type), X식 (X style). */
const SUFFIXES: Readonly<Record<string, string>> = { 용: '', 형: 'type', 식: 'style' };
const MAX_COMPOUND = 32;

/** A number with a counter from the vocabulary (30포 → "30 sachets"), in the lexicon's language. */
export function counterPiece(key: string, lex: Lexicon): Piece | undefined {
  const m = lex.termBase.counterRe.exec(key);
  if (!m) return undefined;
  const counter = lex.termBase.counter(m[2] ?? '');
  const template = counter?.tr[lex.language];
  if (!template) return undefined;
  const n = Number((m[1] ?? '').replace(',', '.'));
  // 2024년 is a year, not "2024 years".
  if (m[2] === '년' && n >= 1900 && n <= 2100) return { type: 'pass', text: m[1] ?? '', term: false };
  return { type: 'text', text: plural(template, n).replace('{n}', m[1] ?? ''), term: true };
}

function piece(sub: string, lex: Lexicon, atStart: boolean): [Piece, number] | undefined {
  const found = lookup(lex, sub, false);
  if (found) {
    const cost = sub.length === 1 ? 1.6 : 1;
    if (found.kind === 'drop') return [{ type: 'drop', text: '', term: false, fact: found.fact }, cost];
    if (found.kind === 'keep') return [{ type: 'keep', text: sub, term: false, scope: found.scope }, cost];
    return [{ type: 'text', text: found.text, term: true, scope: found.scope }, cost];
  }
  if (/^\d/.test(sub)) {
    const c = counterPiece(sub, lex);
    if (c) return [c, 1];
    if (/^\d+(?:[.,]\d+)?$/.test(sub)) return [{ type: 'pass', text: sub, term: false }, 0.6];
  }
  if (/^[a-z][a-z0-9.-]*$/.test(sub)) return [{ type: 'pass', text: sub, term: false }, 0.6];
  if (!atStart && sub in SUFFIXES) return [{ type: 'text', text: SUFFIXES[sub] ?? '', term: true }, 0.9];
  return undefined;
}

/**
 * Segments `key` (the lower-cased `original`) into known pieces, or undefined if any part is
 * unknown. Pieces kept as written (codes, numbers) take their text from `original`.
 */
export function segmentCompound(key: string, original: string, lex: Lexicon): Piece[] | undefined {
  const n = key.length;
  const source = original.length === n ? original : key;
  if (n === 0 || n > MAX_COMPOUND) return undefined;
  const maxLen = Math.max(lex.termBase.maxWordLength, 8);
  const cost = new Float64Array(n + 1).fill(Infinity);
  const back: ([number, Piece] | undefined)[] = new Array(n + 1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    const here = cost[i] ?? Infinity;
    if (here === Infinity) continue;
    for (let j = Math.min(n, i + maxLen); j > i; j--) {
      const found = piece(key.slice(i, j), lex, i === 0);
      if (!found) continue;
      const total = here + found[1];
      if (total < (cost[j] ?? Infinity)) {
        cost[j] = total;
        back[j] = [i, found[0]];
      }
    }
  }
  if (cost[n] === Infinity) return undefined;
  const pieces: Piece[] = [];
  for (let at = n; at > 0;) {
    const step = back[at];
    if (!step) return undefined;
    const p = step[1];
    pieces.push(p.type === 'pass' || p.type === 'keep' ? { ...p, text: source.slice(step[0], at) } : p);
    at = step[0];
  }
  return pieces.reverse();
}
