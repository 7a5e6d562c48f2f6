/**
 * Casing of engine output: listing titles, option and attribute names in Title Case ("Men's Fleece
 * Jogger Pants"); values and sentences with a capital first letter per list item. Names and codes
 * keep the case they were written in (iPhone, ROUND LAB, SPF50+).
 */
import type { FieldKind } from '../types.ts';

const SMALL = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'per',
]);

const TITLE_KINDS: ReadonlySet<FieldKind> = new Set([
  'title',
  'brand',
  'option-name',
  'option-value',
  'attribute-name',
  'spec-label',
]);

export function usesTitleCase(kind: FieldKind): boolean {
  return TITLE_KINDS.has(kind);
}

function capitalize(word: string): string {
  const first = word[0];
  return first === undefined ? word : first.toUpperCase() + word.slice(1);
}

/** Title-cases the lower-case words of a term ("fleece-lined" → "Fleece-Lined"). */
export function titleCaseTerm(text: string, first: boolean): string {
  return text
    .split(' ')
    .map((w, i) => {
      // Lower-case words, also after a number: "6-year-grown" → "6-Year-Grown"; "iPhone", "SPF50+" stay.
      if (!/^[\da-z][\da-z'’/-]*$/.test(w) || !/[a-z]/.test(w)) return w;
      if (SMALL.has(w) && !(first && i === 0)) return w;
      return w
        .split('/')
        .map((part) =>
          part
            .split('-')
            .map((x) => (/^[a-z]/.test(x) ? capitalize(x) : x))
            .join('-'),
        )
        .join('/');
    })
    .join(' ');
}

/** Capitalizes the first letter of a text (the first item of a value list). */
export function capitalizeFirst(text: string): string {
  const m = /\p{Ll}/u.exec(text);
  if (!m || /[\p{L}\p{N}]/u.test(text.slice(0, m.index))) return text;
  return text.slice(0, m.index) + (m[0] ?? '').toUpperCase() + text.slice(m.index + 1);
}
