/**
 * Quality checks on every output before it may reach a listing: placeholders intact, numbers
 * consistent with the source, no Hangul left, the site's length limits, forbidden characters and
 * prohibited words. A failing segment goes to review instead of to a listing.
 */
import { countHangul, utf8Length } from './normalize.ts';
import { PLACEHOLDER_RE } from './protect.ts';
import type { SitePolicy } from './site-policy.ts';
import type { TargetLanguage } from './languages.ts';
import type { CheckFailure, FieldKind, Placeholder } from './types.ts';

export interface QualityInput {
  kind: FieldKind;
  language: TargetLanguage;
  /** The protected source (with placeholders). */
  source: string;
  placeholders: readonly Placeholder[];
  /** The protected output. */
  output: string;
  /** The output with placeholders restored: what would be published. */
  restored: string;
  policy?: SitePolicy | undefined;
}

const NUMBER_RE = /\d+(?:[.,]\d+)*/g;

/** Numbers of a text outside placeholders and outside bracket tags ([1+1] is a promotion, not a fact). */
function numbers(text: string): Set<string> {
  const bare = text.replace(PLACEHOLDER_RE, ' ').replace(/\[[^\]]*\]/g, ' ');
  return new Set((bare.match(NUMBER_RE) ?? []).map((n) => n.replace(/,(?=\d{3}\b)/g, '')));
}

function placeholderCheck(input: QualityInput): CheckFailure | undefined {
  const found = [...input.output.matchAll(PLACEHOLDER_RE)].map((m) => Number(m[1]));
  const expected = input.placeholders.map((p) => p.index);
  const missing = expected.filter((i) => !found.includes(i));
  const extra = found.filter((i) => !expected.includes(i));
  const repeated = found.filter((i, at) => found.indexOf(i) !== at);
  if (missing.length + extra.length + repeated.length === 0) return undefined;
  const parts = [
    missing.length
      ? `missing ${missing.map((i) => `⟦${i}⟧ (${input.placeholders[i - 1]?.original ?? '?'})`).join(', ')}`
      : '',
    extra.length ? `unknown ${extra.map((i) => `⟦${i}⟧`).join(', ')}` : '',
    repeated.length ? `repeated ${repeated.map((i) => `⟦${i}⟧`).join(', ')}` : '',
  ].filter(Boolean);
  return { check: 'placeholders', message: parts.join('; ') };
}

function wordPresent(haystack: string, word: string): boolean {
  const at = haystack.indexOf(word);
  if (at < 0) return false;
  const before = haystack[at - 1];
  const after = haystack[at + word.length];
  const letter = /[\p{L}\p{N}]/u;
  return !(before && letter.test(before)) && !(after && letter.test(after));
}

/** Runs every check; an empty list means the output may be published. */
export function checkTranslation(input: QualityInput): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const restored = input.restored.trim();
  if (!restored) {
    failures.push({ check: 'empty', message: 'the translation is empty' });
    return failures;
  }
  const ph = placeholderCheck(input);
  if (ph) failures.push(ph);

  const want = numbers(input.source);
  const got = numbers(input.output);
  const lost = [...want].filter((n) => !got.has(n));
  if (lost.length > 0)
    failures.push({ check: 'numbers', message: `numbers not in the translation: ${lost.join(', ')}` });

  const hangul = countHangul(restored);
  if (hangul > 0) failures.push({ check: 'hangul', message: `${hangul} Hangul characters left` });

  const policy = input.policy;
  if (policy) {
    if (input.kind === 'title') {
      const { maxBytes, maxChars } = policy.title;
      const bytes = utf8Length(restored);
      const chars = [...restored].length;
      if (maxBytes !== undefined && bytes > maxBytes) {
        failures.push({ check: 'length', message: `${bytes} bytes; ${policy.siteId} allows ${maxBytes}` });
      } else if (maxChars !== undefined && chars > maxChars) {
        failures.push({
          check: 'length',
          message: `${chars} characters; ${policy.siteId} allows ${maxChars}`,
        });
      }
    }
    if (input.kind !== 'html-text') {
      const bad = [...new Set([...restored].filter((c) => policy.forbiddenCharacters.includes(c)))];
      if (bad.length > 0) {
        failures.push({
          check: 'forbidden-characters',
          message: `${bad.map((c) => `"${c}"`).join(' ')} not allowed on ${policy.siteId}`,
        });
      }
    }
    const lower = restored.toLowerCase();
    const words = [
      ...(policy.prohibitedWords[input.language] ?? []),
      ...(input.language === 'en' ? [] : (policy.prohibitedWords.en ?? [])),
    ];
    const hits = [...new Set(words.filter((w) => wordPresent(lower, w)))];
    if (hits.length > 0) {
      failures.push({
        check: 'prohibited-words',
        message: `prohibited on ${policy.siteId}: ${hits.join(', ')}`,
      });
    }
  }
  return failures;
}
