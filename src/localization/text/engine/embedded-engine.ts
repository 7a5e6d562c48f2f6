/**
 * The embedded engine: translates the keyword-style parts of a listing (titles, options,
 * attributes, spec rows) word by word from the term base, offline. It drops Korean-market tags
 * ([무료배송], [1+1]), applies number patterns (제조일로부터 24개월), matches phrases before words,
 * splits compounds (남성운동화) and counts (30포). When any Korean word is left unknown the result is
 * not ok: the caller marks the segment `needs-translation` rather than publishing a guess.
 */
import type { FieldKind, MemoryScopeKind } from '../types.ts';
import { hasHangul } from '../normalize.ts';
import { LANGUAGE_INFO } from '../languages.ts';
import { capitalizeFirst, titleCaseTerm, usesTitleCase } from './casing.ts';
import { counterPiece, segmentCompound, type Piece } from './compound.ts';
import { lookup, plural, type Lexicon } from './lexicon.ts';
import { stripDecorations, tokenize, type Token } from './tokenize.ts';

export interface EngineResult {
  ok: boolean;
  /** The translation with the input's placeholders; meaningful only when ok. */
  text: string;
  /** Korean words with no entry. */
  unknown: string[];
  /** Facts stated by dropped tags ("free shipping", "1+1 bundle"). */
  dropped: string[];
  /** Glossary scopes that supplied words (memory must then be scoped the same way). */
  scopes: MemoryScopeKind[];
}

interface OutPiece extends Piece {
  spaceBefore: boolean;
  punct?: boolean;
  /** First piece of a list item (after a comma): capitalized in value lists. */
  itemStart?: boolean;
}

const BUNDLE_RE = /^\d+\s*\+\s*\d+$/;

/** A bracket tag's content is dropped when it holds only tag words, bundles and discounts. */
function tagFacts(inner: string, lex: Lexicon): string[] | undefined {
  const facts: string[] = [];
  const parts = inner
    .trim()
    .split(/[\s/,]+/)
    .filter(Boolean);
  if (parts.length === 0) return [];
  for (const part of parts) {
    if (BUNDLE_RE.test(part)) {
      facts.push(`${part.replace(/\s/g, '')} bundle`);
      continue;
    }
    const pieces = segmentCompound(part.toLowerCase(), part, lex);
    if (!pieces || pieces.some((p) => p.type !== 'drop' && !(p.type === 'pass' && /^\d+%?$/.test(p.text)))) {
      return undefined;
    }
    for (const p of pieces) if (p.type === 'drop' && p.fact) facts.push(p.fact);
  }
  return facts;
}

/** Pattern matches become opaque chunks `⟦c0⟧` the tokenizer keeps whole. */
function applyPatterns(text: string, lex: Lexicon, chunks: string[]): string {
  let out = text;
  for (const p of lex.termBase.patterns) {
    const template = p.tr[lex.language];
    if (!template) continue;
    p.re.lastIndex = 0;
    if (!p.re.test(out)) continue;
    p.re.lastIndex = 0;
    out = out.replace(p.re, (_m, n: string) => {
      chunks.push(plural(template, Number(n.replace(',', '.'))).replace('{n}', n));
      return ` ⟦c${chunks.length - 1}⟧ `;
    });
  }
  return out;
}

function wordPieces(token: Token, lex: Lexicon): Piece[] | undefined {
  const found = lookup(lex, token.key, false);
  if (found) {
    if (found.kind === 'drop') return [{ type: 'drop', text: '', term: false, fact: found.fact }];
    if (found.kind === 'keep') return [{ type: 'keep', text: token.text, term: false, scope: found.scope }];
    return [{ type: 'text', text: found.text, term: true, scope: found.scope }];
  }
  if (!hasHangul(token.text)) return [{ type: 'pass', text: token.text, term: false }];
  const counted = counterPiece(token.key, lex);
  if (counted) return [counted];
  return segmentCompound(token.key, token.text, lex);
}

function phraseAt(tokens: Token[], i: number, lex: Lexicon): [Piece, number] | undefined {
  const max = Math.max(lex.termBase.maxPhraseWords, lex.glossaryPhraseWords ?? 1);
  for (let n = Math.min(max, tokens.length - i); n >= 2; n--) {
    let key = '';
    let words = true;
    for (let k = 0; k < n; k++) {
      const t = tokens[i + k];
      if (!t || t.type !== 'word' || (k > 0 && !t.spaceBefore)) {
        words = false;
        break;
      }
      key += k === 0 ? t.key : ` ${t.key}`;
    }
    if (!words) continue;
    const found = lookup(lex, key, true);
    if (!found) continue;
    if (found.kind === 'drop') return [{ type: 'drop', text: '', term: false, fact: found.fact }, n];
    if (found.kind === 'keep') {
      const text = tokens
        .slice(i, i + n)
        .map((t) => t.text)
        .join(' ');
      return [{ type: 'keep', text, term: false, scope: found.scope }, n];
    }
    return [{ type: 'text', text: found.text, term: true, scope: found.scope }, n];
  }
  return undefined;
}

function assemble(pieces: OutPiece[], kind: FieldKind, lex: Lexicon): string {
  const cased = LANGUAGE_INFO[lex.language].cased;
  const title = cased && lex.language === 'en' && usesTitleCase(kind);
  let out = '';
  let first = true;
  for (const p of pieces) {
    if (p.type === 'drop' || p.text === '') continue;
    let text = p.text;
    if (title && p.term) text = titleCaseTerm(text, first);
    else if (cased && (p.itemStart || first) && (p.term || p.type === 'text')) text = capitalizeFirst(text);
    if (p.punct) {
      if (p.text === ',' || p.text === ';') out += `${text} `;
      else if (p.text === '(') out += `${out && !out.endsWith(' ') ? ' ' : ''}${text}`;
      else if (p.text === '&') out += ` ${text} `;
      else out += p.spaceBefore && !out.endsWith(' ') ? ` ${text}` : text;
    } else {
      // A word keeps the source's spacing after joiners (블랙/화이트, SPF50+ PA++++); pieces of one
      // compound are always spaced.
      const glue =
        out === '' || out.endsWith(' ') || out.endsWith('(') || (!p.spaceBefore && /[/+–×*·]$/.test(out))
          ? ''
          : ' ';
      out += glue + text;
    }
    first = false;
  }
  const spaced = out
    .replace(/\s+/g, ' ')
    .replace(/\s+([,)])/g, '$1')
    .trim();
  // Korean stacks near-synonyms (패딩 점퍼 → "Puffer Jacket" + "Jacket"): say a repeated word once.
  return cased ? spaced.replace(/\b(\p{L}+)(?: \1\b)+/giu, '$1') : spaced;
}

const PUNCT_OUT: Readonly<Record<string, string>> = { '~': '–', '·': '·', '×': '×', '*': '×' };

/** (주)오리온, 오리온(주), 주식회사 오리온, (유)…: a company's name and its legal form. */
const COMPANY_RE =
  /^(?:\(\s*(주|유)\s*\)|(주식회사|유한회사))\s*(.+)$|^(.+?)\s*(?:\(\s*(주|유)\s*\)|(주식회사|유한회사))$/;

/** A manufacturer's name as English: the company list, else the name translated as a brand would be. */
function companyName(text: string, lex: Lexicon): EngineResult | undefined {
  const m = COMPANY_RE.exec(text.trim());
  if (!m) return undefined;
  const name = (m[3] ?? m[4] ?? '').trim();
  const form = m[1] ?? m[2] ?? m[5] ?? m[6] ?? '';
  const suffix = form === '유' || form === '유한회사' ? 'Ltd.' : 'Co., Ltd.';
  const known = lex.termBase.company(name);
  // A name that already says its form (Korea Ginseng Corp.) gets no second one.
  if (known) {
    const text = /\b(?:corp\.?|corporation|co\.?|company|inc\.?|ltd\.?)$/i.test(known)
      ? known
      : `${known} ${suffix}`;
    return { ok: true, text, unknown: [], dropped: [], scopes: [] };
  }
  const r = translateWithTermBase(name, 'brand', lex);
  return r.ok ? { ...r, text: `${r.text} ${suffix}` } : r;
}

/** Translates one protected segment with the term base (and glossary) into `lex.language`. */
export function translateWithTermBase(text: string, kind: FieldKind, lex: Lexicon): EngineResult {
  if ((kind === 'spec-value' || kind === 'attribute-value' || kind === 'brand') && /주|유/.test(text)) {
    const company = companyName(text, lex);
    if (company) return company;
  }
  const unknown: string[] = [];
  const dropped: string[] = [];
  const scopes = new Set<MemoryScopeKind>();
  let work = stripDecorations(text).replace(/\[([^\]]*)\]/g, (_m, inner: string) => {
    const facts = tagFacts(inner, lex);
    if (facts === undefined) return ` ${inner} `;
    dropped.push(...facts);
    return ' ';
  });
  const chunks: string[] = [];
  if (/\d/.test(work)) work = applyPatterns(work, lex, chunks);
  const tokens = tokenize(work);
  const pieces: OutPiece[] = [];
  let itemStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'punct') {
      const text = PUNCT_OUT[t.text] ?? t.text;
      pieces.push({ type: 'pass', text, term: false, spaceBefore: t.spaceBefore, punct: true });
      if (t.text === ',' || t.text === ';') itemStart = true;
      continue;
    }
    if (t.type === 'placeholder') {
      const chunk = /^⟦c(\d+)⟧$/.exec(t.text);
      const text = chunk ? (chunks[Number(chunk[1])] ?? '') : t.text;
      pieces.push({
        type: chunk ? 'text' : 'pass',
        text,
        term: !!chunk,
        spaceBefore: t.spaceBefore,
        itemStart,
      });
      itemStart = false;
      continue;
    }
    const phrase = phraseAt(tokens, i, lex);
    const found = phrase ? [phrase[0]] : wordPieces(t, lex);
    if (phrase) i += phrase[1] - 1;
    if (!found) {
      unknown.push(t.text);
      continue;
    }
    if (BUNDLE_RE.test(t.text)) {
      dropped.push(`${t.text} bundle`);
      continue;
    }
    found.forEach((p, k) => {
      if (p.type === 'drop' && p.fact) dropped.push(p.fact);
      if (p.scope && p.scope !== 'global') scopes.add(p.scope);
      pieces.push({ ...p, spaceBefore: k === 0 ? t.spaceBefore : true, itemStart: itemStart && k === 0 });
    });
    if (found.some((p) => p.type !== 'drop')) itemStart = false;
  }
  const ok = unknown.length === 0;
  return { ok, text: ok ? assemble(pieces, kind, lex) : '', unknown, dropped, scopes: [...scopes] };
}

/** The facts a segment's dropped tags state, without translating it (for memory hits). */
export function droppedFacts(text: string, lex: Lexicon): string[] {
  const facts: string[] = [];
  const rest = stripDecorations(text).replace(/\[([^\]]*)\]/g, (_m, inner: string) => {
    facts.push(...(tagFacts(inner, lex) ?? []));
    return ' ';
  });
  for (const t of tokenize(rest)) {
    if (t.type !== 'word') continue;
    const found = lookup(lex, t.key, false);
    if (found?.kind === 'drop') facts.push(found.fact);
  }
  return facts;
}

/**
 * Removes the bracket tags that hold only Korean-market words ([무료배송], [1+1]) and returns the
 * facts they state: the rest is what gets translated and remembered, so titles that differ only in
 * their tags share one memory entry.
 */
export function stripDropTags(text: string, lex: Lexicon): { text: string; facts: string[] } {
  if (!text.includes('[') && !text.includes('【')) return { text, facts: [] };
  const facts: string[] = [];
  const rest = text.replace(/[[【]([^\]】]*)[\]】]/g, (m, inner: string) => {
    const f = tagFacts(inner, lex);
    if (f === undefined) return m;
    facts.push(...f);
    return ' ';
  });
  return { text: rest.replace(/\s+/g, ' ').trim(), facts };
}
