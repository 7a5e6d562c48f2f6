/**
 * The 13 listing languages and how each is named by locales, Qwen-MT and DeepL. The pipeline
 * translates Korean to English first and English (or Korean, for vocabulary) to the others.
 */
import { AppError } from '../../shared/index.ts';

export const TARGET_LANGUAGES = [
  'en',
  'th',
  'vi',
  'id',
  'ms',
  'fil',
  'ur',
  'bn',
  'si',
  'ne',
  'my',
  'es',
  'pt',
] as const;
export type TargetLanguage = (typeof TARGET_LANGUAGES)[number];
export type SourceLanguage = 'ko' | 'en';

interface LanguageInfo {
  /** English name, as Qwen-MT's translation_options and chat prompts want it. */
  name: string;
  /** The locale used for units when only the language is known. */
  defaultLocale: string;
  /** Written in a script with upper and lower case. */
  cased: boolean;
}

export const LANGUAGE_INFO: Readonly<Record<TargetLanguage | 'ko', LanguageInfo>> = {
  ko: { name: 'Korean', defaultLocale: 'ko-KR', cased: false },
  en: { name: 'English', defaultLocale: 'en-US', cased: true },
  th: { name: 'Thai', defaultLocale: 'th-TH', cased: false },
  vi: { name: 'Vietnamese', defaultLocale: 'vi-VN', cased: true },
  id: { name: 'Indonesian', defaultLocale: 'id-ID', cased: true },
  ms: { name: 'Malay', defaultLocale: 'ms-MY', cased: true },
  fil: { name: 'Filipino', defaultLocale: 'fil-PH', cased: true },
  ur: { name: 'Urdu', defaultLocale: 'ur-PK', cased: false },
  bn: { name: 'Bengali', defaultLocale: 'bn-BD', cased: false },
  si: { name: 'Sinhala', defaultLocale: 'si-LK', cased: false },
  ne: { name: 'Nepali', defaultLocale: 'ne-NP', cased: false },
  my: { name: 'Burmese', defaultLocale: 'my-MM', cased: false },
  es: { name: 'Spanish', defaultLocale: 'es-ES', cased: true },
  pt: { name: 'Portuguese', defaultLocale: 'pt-PT', cased: true },
};

export function isTargetLanguage(language: string): language is TargetLanguage {
  return (TARGET_LANGUAGES as readonly string[]).includes(language);
}

/** A target: the language to write and the locale whose units and number formats to use. */
export interface Target {
  language: TargetLanguage;
  locale: string;
}

/**
 * Reads `en-US`, `en_SG`, `th`, `pt-PT`, `tl` (→ fil): the language must be one of the 13; the locale
 * defaults to the language's market.
 */
export function parseTarget(tag: string): Target {
  const cleaned = tag.trim().replace(/_/g, '-');
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(cleaned);
  } catch {
    throw new AppError('invalid_input', `"${tag}" is not a language tag (e.g. en-US, th-TH, es-ES)`, {
      details: { to: tag },
    });
  }
  const lang = locale.language === 'tl' ? 'fil' : locale.language;
  if (!isTargetLanguage(lang)) {
    throw new AppError(
      'invalid_input',
      `no listing language "${tag}"; one of ${TARGET_LANGUAGES.join(', ')}`,
      {
        details: { to: tag, languages: TARGET_LANGUAGES },
      },
    );
  }
  const info = LANGUAGE_INFO[lang];
  return { language: lang, locale: locale.region ? `${lang}-${locale.region}` : info.defaultLocale };
}
