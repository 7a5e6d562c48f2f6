/**
 * What each target script needs when drawn: a font stack from the Debian Noto packages
 * (fonts-noto-core, fonts-noto-cjk; @napi-rs/canvas finds them in the system font folders), the
 * locale's own digits where its marketplace uses them, and for right-to-left Urdu, left-to-right
 * runs (numbers, Latin units) wrapped in isolates: without them the bidi algorithm shows
 * "230–280" as "280–230" and "500 mL" as "mL 500".
 */

const FONT_STACKS: Record<string, string> = {
  ko: '"Noto Sans CJK JP"',
  th: '"Noto Sans Thai", "Noto Sans"',
  bn: '"Noto Sans Bengali", "Noto Sans"',
  si: '"Noto Sans Sinhala", "Noto Sans"',
  ne: '"Noto Sans Devanagari", "Noto Sans"',
  my: '"Noto Sans Myanmar", "Noto Sans"',
  // Nastaliq is the Urdu reader's script; its ink spans ~1.9 em, so the fitter may fall back to
  // the compact Naskh when a box is too low (see COMPACT_FONT_STACKS).
  ur: '"Noto Nastaliq Urdu", "Noto Sans"',
};
const COMPACT_FONT_STACKS: Record<string, string> = { ur: '"Noto Naskh Arabic", "Noto Sans"' };
const LATIN = '"Noto Sans", "Noto Sans CJK JP"';

export function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

/** The CSS font-family list for a locale's script. */
export function fontStack(locale: string, compact = false): string {
  const lang = languageOf(locale);
  return (compact ? COMPACT_FONT_STACKS[lang] : undefined) ?? FONT_STACKS[lang] ?? LATIN;
}

/** Whether a compact alternative exists for tight boxes. */
export function hasCompactStack(locale: string): boolean {
  return languageOf(locale) in COMPACT_FONT_STACKS;
}

export function isRtl(locale: string): boolean {
  return ['ur', 'ar', 'fa', 'he'].includes(languageOf(locale));
}

/** Scripts whose glyphs stack above and below the Latin em box: they may grow into free space. */
export function tallScript(locale: string): boolean {
  return ['ur', 'th', 'my', 'si', 'bn', 'ne'].includes(languageOf(locale));
}

/**
 * Locales whose marketplaces print numbers in their own digits: CLDR's default numbering system
 * for Bangla, Nepali and Burmese is native (bn → ০১২, ne → ०१२, my → ၀၁၂); Thai, Urdu and the
 * others default to ASCII digits and keep them.
 */
export function nativeDigits(locale: string): string[] | null {
  const nu = new Intl.NumberFormat(locale).resolvedOptions().numberingSystem;
  if (nu === 'latn') return null;
  const f = new Intl.NumberFormat(locale, { useGrouping: false });
  return Array.from({ length: 10 }, (_, d) => f.format(d));
}

/** Replaces ASCII digits with the locale's digits, except inside codes with Latin letters (SM-G991N). */
export function localizeDigits(text: string, locale: string): string {
  const digits = nativeDigits(locale);
  if (!digits) return text;
  return text.replace(/[A-Za-z0-9][A-Za-z0-9-]*/g, (run) =>
    /[A-Za-z]/.test(run) && /\d/.test(run) && /^[A-Za-z0-9-]+$/.test(run) && !/^\d+[A-Za-z]{1,3}$/.test(run)
      ? run
      : run.replace(/\d/g, (d) => digits[Number(d)]!),
  );
}

const LRI = '\u2066';
const PDI = '\u2069';

/**
 * Wraps each left-to-right run (digits, Latin letters and what joins them: . , % ° / × ~ – -, and
 * spaces between two such characters) in LRI…PDI. A run is only digits when the unit next to it is
 * written in the RTL script, so the unit stays on its side.
 */
export function isolateLtrRuns(text: string): string {
  return text.replace(
    /[0-9A-Za-z\u0660-\u0669\u06f0-\u06f9](?:[0-9A-Za-z.,%°/×~–+\-\u0660-\u0669\u06f0-\u06f9]|\s(?=[0-9A-Za-z]))*/g,
    (run) => `${LRI}${run}${PDI}`,
  );
}
