/**
 * Text normalization for matching: NFKC (CJK compatibility units ㎖ → ml, full-width digits), one
 * space between words, and a lower-cased key for the memory and the term base.
 */

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
const HANGUL_GLOBAL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/g;

/** Whether the text has Hangul (syllables or jamo) in it. */
export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}

/** How many Hangul characters the text has. */
export function countHangul(text: string): number {
  return text.match(HANGUL_GLOBAL)?.length ?? 0;
}

/** NFKC plus collapsed whitespace; what every segment goes through before anything else. */
export function normalizeText(text: string): string {
  let t = text;
  // Most titles are plain ASCII and Hangul syllables already in NFKC; skip the work for them.
  if (/[^\u0020-\u007e\uac00-\ud7a3]/.test(t)) t = t.normalize('NFKC');
  return t.replace(/\s+/g, ' ').trim();
}

/** The matching key: normalized, lower-cased, spaces around punctuation removed. */
export function matchKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/\s*([/,+~()[\]·:])\s*/g, '$1');
}

/**
 * Words of a key for fuzzy matching (token overlap): placeholders, punctuation and one-character
 * words (주, x) left out, as they say too little about what a segment is.
 */
export function keyTokens(key: string): string[] {
  const out = new Set<string>();
  for (const t of key.split(/[\s/,+~()[\]·:]+/)) {
    if (t.length > 1 && !t.startsWith('⟦')) out.add(t);
  }
  return [...out];
}

/** The placeholder kinds of a key in order (`⟦brand⟧`, `⟦quantity⟧` …): a fuzzy match must have the same. */
export function placeholderSignature(key: string): string {
  return (key.match(/⟦[a-z]+⟧/g) ?? []).join('');
}

/** Dice coefficient of two token sets: 1 for the same words, 0 for none shared. */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const set = new Set(a);
  let shared = 0;
  for (const t of b) if (set.has(t)) shared++;
  return (2 * shared) / (a.length + b.length);
}

/** UTF-8 byte length (marketplace limits such as Lazada's 255-byte localized title). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
