import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import currencyData from '../../../data/currencies.json';
import { en, type MessageKey } from './en';
import { ko } from './ko';

export type Lang = 'ko' | 'en';
const MESSAGES: Record<Lang, Record<MessageKey, string>> = { ko, en };
const STORAGE_KEY = 'kbridge.lang';
// The product's own currency table (data/currencies.json), bundled: reference data, not seller data.
const CURRENCIES = new Map(currencyData.currencies.map((c) => [c.code, c]));

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Whole won, grouped the way the reader expects (₩1,234,567). */
  krw(amount: number): string;
  /** Large won amounts shortened (₩1.2조 / ₩1.2T). */
  krwShort(amount: number): string;
  /** An amount in minor units of its currency (ISO 4217 exponent; digits shown as buyers see them). */
  money(m: { minor: number; currency: string } | null | undefined): string;
  number(n: number): string;
  percent(ratio: number): string;
  dateTime(iso: string): string;
}

/** The remembered choice, else Korean for sellers and the browser's language for operators. */
export function initialLang(role: 'operator' | 'seller' | undefined): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'ko' || saved === 'en') return saved;
  if (role === 'seller') return 'ko';
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

const Context = createContext<I18n | undefined>(undefined);

export function I18nProvider(props: { children: ReactNode; initial: Lang }) {
  const [lang, setLangState] = useState<Lang>(props.initial);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
    const won = new Intl.NumberFormat(locale, { style: 'currency', currency: 'KRW' });
    const wonShort = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'KRW',
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const num = new Intl.NumberFormat(locale);
    // One formatter per currency for this language: tables format many amounts per render.
    const moneyFormats = new Map<string, Intl.NumberFormat>();
    const moneyFormat = (currency: string, digits: number) => {
      let f = moneyFormats.get(currency);
      if (!f)
        moneyFormats.set(
          currency,
          (f = new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          })),
        );
      return f;
    };
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const dt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      lang,
      setLang(next) {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLangState(next);
      },
      t(key, vars) {
        let text = MESSAGES[lang][key];
        for (const [k, v] of Object.entries(vars ?? {})) text = text.replaceAll(`{${k}}`, String(v));
        return text;
      },
      krw: (amount) => won.format(amount),
      krwShort: (amount) => wonShort.format(amount),
      money(m) {
        if (!m) return '—';
        const c = CURRENCIES.get(m.currency);
        return moneyFormat(m.currency, c?.cldrDisplayDigits ?? 2).format(
          m.minor / 10 ** (c?.isoMinorUnits ?? 2),
        );
      },
      number: (n) => num.format(n),
      percent: (r) => pct.format(r),
      dateTime: (iso) => dt.format(new Date(iso)),
    };
  }, [lang]);
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(Context);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
