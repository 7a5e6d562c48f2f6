// One measurement profile per target locale: which unit system buyers read, their currency, the
// shoe and apparel size conventions, and the writing direction. Adding a locale is one row here
// (see docs/units.md); unknown but valid locales get a profile derived from their region.
import { AppError } from '../../shared/index.ts';

export type MeasurementSystem = 'metric' | 'us';
export type ShoeSystem = 'US' | 'UK' | 'EU';
export type ApparelSystem = 'US' | 'UK' | 'EU' | 'letter';

export interface LocaleProfile {
  /** The locale as given (with any -u- extension, e.g. `bn-BD-u-nu-latn`). */
  locale: string;
  system: MeasurementSystem;
  /** ISO 4217 currency of the market, for KRW amounts converted with a rate. */
  currency: string | undefined;
  rtl: boolean;
  shoe: ShoeSystem[];
  apparel: ApparelSystem;
}

type Row = Omit<LocaleProfile, 'locale' | 'rtl'>;

// Shoe and apparel conventions: the US and the Philippines use US sizes; Spain and Portugal EU;
// South Asia UK (Bata, Service); Malaysia and Singapore show UK and EU; mainland SE Asia EU for
// shoes and letter sizes for clothes, which follow the Asian (Korean-like) letter scale.
const ROWS: Record<string, Row> = {
  'en-US': { system: 'us', currency: 'USD', shoe: ['US'], apparel: 'US' },
  'en-SG': { system: 'metric', currency: 'SGD', shoe: ['UK', 'EU'], apparel: 'UK' },
  'en-MY': { system: 'metric', currency: 'MYR', shoe: ['UK', 'EU'], apparel: 'UK' },
  'ms-MY': { system: 'metric', currency: 'MYR', shoe: ['UK', 'EU'], apparel: 'UK' },
  'en-PH': { system: 'metric', currency: 'PHP', shoe: ['US'], apparel: 'US' },
  'fil-PH': { system: 'metric', currency: 'PHP', shoe: ['US'], apparel: 'US' },
  'th-TH': { system: 'metric', currency: 'THB', shoe: ['EU'], apparel: 'letter' },
  'vi-VN': { system: 'metric', currency: 'VND', shoe: ['EU'], apparel: 'letter' },
  'id-ID': { system: 'metric', currency: 'IDR', shoe: ['EU'], apparel: 'letter' },
  'my-MM': { system: 'metric', currency: 'MMK', shoe: ['EU'], apparel: 'letter' },
  'ur-PK': { system: 'metric', currency: 'PKR', shoe: ['UK'], apparel: 'UK' },
  'bn-BD': { system: 'metric', currency: 'BDT', shoe: ['UK'], apparel: 'UK' },
  'si-LK': { system: 'metric', currency: 'LKR', shoe: ['UK'], apparel: 'UK' },
  'ne-NP': { system: 'metric', currency: 'NPR', shoe: ['UK'], apparel: 'UK' },
  'es-ES': { system: 'metric', currency: 'EUR', shoe: ['EU'], apparel: 'EU' },
  'pt-PT': { system: 'metric', currency: 'EUR', shoe: ['EU'], apparel: 'EU' },
};

/** The locales the engine is built and tested for. */
export const TARGET_LOCALES: readonly string[] = Object.keys(ROWS);

const RTL_LANGUAGES = new Set(['ar', 'ur', 'fa', 'he', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);
/** Whether a language subtag is written right to left. */
export function isRtlLanguage(language: string): boolean {
  return RTL_LANGUAGES.has(language);
}

const REGION_CURRENCY: Record<string, string> = { US: 'USD', GB: 'GBP', KR: 'KRW', JP: 'JPY', CN: 'CNY' };
const cache = new Map<string, LocaleProfile>();

/** The profile for a BCP 47 locale; throws `invalid_input` for a malformed tag. */
export function localeProfile(locale: string): LocaleProfile {
  const hit = cache.get(locale);
  if (hit) return hit;
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(locale)[0] ?? '';
  } catch {
    canonical = '';
  }
  if (!canonical) {
    throw new AppError('invalid_input', `"${locale}" is not a locale tag (e.g. en-US, th-TH)`, {
      details: { locale },
    });
  }
  const loc = new Intl.Locale(canonical);
  const base = `${loc.language}${loc.region ? `-${loc.region}` : ''}`;
  const row: Row = ROWS[base] ?? {
    system: loc.region === 'US' || loc.region === 'LR' ? 'us' : 'metric',
    currency: loc.region ? REGION_CURRENCY[loc.region] : undefined,
    shoe: loc.region === 'US' ? ['US'] : ['EU'],
    apparel: loc.region === 'US' ? 'US' : 'EU',
  };
  const profile: LocaleProfile = { locale: canonical, ...row, rtl: isRtlLanguage(loc.language) };
  cache.set(locale, profile);
  return profile;
}
