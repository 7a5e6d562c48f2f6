/**
 * Protection: what must not change in translation becomes a numbered placeholder `⟦1⟧` before any
 * engine or provider sees the text, and is restored after it. Quantities come from the units engine
 * and are restored converted for the target market; brands are restored as their official Latin
 * name; URLs, e-mail addresses, model codes and do-not-translate terms come back as written.
 */
import { localizeText } from '../units/index.ts';
import { matchKey } from './normalize.ts';
import type { Placeholder } from './types.ts';

export interface BrandLookup {
  /** The brand's Latin name for a spelling found in text (Korean or Latin), if it is a brand. */
  brandLatin(key: string): string | undefined;
  /** Brand spellings (match keys) starting with this character, longest first. */
  brandsStartingWith(char: string): readonly string[] | undefined;
}

export interface ProtectOptions {
  /** Locale whose units quantities are converted to (en-SG, en-US, th-TH …). */
  locale: string;
  brands?: BrandLookup;
  /** Terms to keep exactly as written (do-not-translate glossary entries). */
  keep?: readonly string[];
  /** Protect quantities (default true). */
  quantities?: boolean;
}

export interface ProtectedText {
  /** The text with placeholders `⟦1⟧`, `⟦2⟧` … */
  text: string;
  /** Matching key: lower-cased, placeholders reduced to their kind `⟦quantity⟧`, so the same words
   * around different quantities or brands share one memory entry. */
  key: string;
  placeholders: Placeholder[];
}

interface Span {
  start: number;
  end: number;
  kind: Placeholder['kind'];
  restore: string;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'\u3131-\ud7a3]+[^\s<>"'.,)\]\u3131-\ud7a3]/gi;
const EMAIL_RE = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
// Model codes: letters and digits together, five characters or more, optionally joined by - _ . /
// (CW2288-111, SM-G991N, XU108156-6268). Short size words (2XL, 3XL) stay plain text.
const CODE_RE =
  /(?<![\w⟦])(?=[A-Za-z0-9._/-]*\d)(?=[A-Za-z0-9._/-]*[A-Za-z])[A-Za-z0-9]+(?:[-_./][A-Za-z0-9]+)*(?![\w])/g;
export const PLACEHOLDER_RE = /⟦(\d+)⟧/g;

const WORD_CHAR = /[\p{L}\p{N}]/u;

function brandSpans(text: string, brands: BrandLookup, spans: Span[]): void {
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    if (i > 0 && WORD_CHAR.test(lower[i - 1] ?? '')) continue;
    const candidates = brands.brandsStartingWith(lower[i] ?? '');
    if (!candidates) continue;
    for (const key of candidates) {
      if (!lower.startsWith(key, i)) continue;
      const end = i + key.length;
      if (end < lower.length && WORD_CHAR.test(lower[end] ?? '')) continue;
      const latin = brands.brandLatin(key);
      if (latin) spans.push({ start: i, end, kind: 'brand', restore: latin });
      i = end - 1;
      break;
    }
  }
}

function regexSpans(text: string, re: RegExp, kind: Placeholder['kind'], spans: Span[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    spans.push({ start: m.index, end: m.index + m[0].length, kind, restore: m[0] });
  }
}

function keepSpans(text: string, keep: readonly string[], spans: Span[]): void {
  for (const term of keep) {
    if (!term) continue;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
      spans.push({ start: at, end: at + term.length, kind: 'dnt', restore: term });
    }
  }
}

/** Replaces protected spans with placeholders. `text` should be normalized (normalize.ts) first. */
export function protect(text: string, options: ProtectOptions): ProtectedText {
  const spans: Span[] = [];
  regexSpans(text, URL_RE, 'url', spans);
  regexSpans(text, EMAIL_RE, 'email', spans);
  if (options.quantities !== false && /\d/.test(text)) {
    for (const r of localizeText(text, options.locale).replacements) {
      spans.push({ start: r.start, end: r.end, kind: 'quantity', restore: r.text });
    }
  }
  if (options.keep?.length) keepSpans(text, options.keep, spans);
  if (options.brands) brandSpans(text, options.brands, spans);
  if (/\d/.test(text)) regexSpans(text, CODE_RE, 'code', spans);
  if (spans.length === 0) return { text, key: matchKey(text), placeholders: [] };

  // Earlier kinds win where spans overlap (a URL's digits are not a quantity).
  const taken: Span[] = [];
  for (const s of spans) {
    if (taken.some((t) => s.start < t.end && t.start < s.end)) continue;
    taken.push(s);
  }
  taken.sort((a, b) => a.start - b.start);
  const placeholders: Placeholder[] = [];
  let out = '';
  let keyText = '';
  let at = 0;
  for (const s of taken) {
    const index = placeholders.length + 1;
    placeholders.push({ index, kind: s.kind, original: text.slice(s.start, s.end), restore: s.restore });
    out += `${text.slice(at, s.start)}⟦${index}⟧`;
    keyText += `${text.slice(at, s.start)}⟦${s.kind}⟧`;
    at = s.end;
  }
  out += text.slice(at);
  keyText += text.slice(at);
  return { text: out, key: matchKey(keyText), placeholders };
}

/** Puts the placeholders' target text back. Unknown placeholders are left as they are (QA flags them). */
export function restore(text: string, placeholders: readonly Placeholder[]): string {
  if (placeholders.length === 0) return text;
  return text.replace(PLACEHOLDER_RE, (m, n: string) => placeholders[Number(n) - 1]?.restore ?? m);
}

/** The placeholder numbers in a text, in order (with repeats). */
export function placeholderNumbers(text: string): number[] {
  return [...text.matchAll(PLACEHOLDER_RE)].map((m) => Number(m[1]));
}

/**
 * Turns a person's edit (written with the restored text: "ROUND LAB Toner 16.9 fl oz") back into
 * the protected form by finding each placeholder's target text. Returns undefined when one is missing.
 */
export function reprotect(edit: string, placeholders: readonly Placeholder[]): string | undefined {
  let out = edit;
  // Longest first, so "500 ml" is not found inside "1,500 ml".
  const order = [...placeholders].sort((a, b) => b.restore.length - a.restore.length);
  for (const p of order) {
    const token = `⟦${p.index}⟧`;
    if (out.includes(token)) continue;
    const at = out.indexOf(p.restore);
    if (at < 0) return undefined;
    out = `${out.slice(0, at)}${token}${out.slice(at + p.restore.length)}`;
  }
  return out;
}
