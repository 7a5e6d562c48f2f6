import { useI18n, type Lang } from '../i18n/i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <select
      aria-label={t('lang.label')}
      value={lang}
      onChange={(e) => setLang(e.target.value as Lang)}
      className="lang"
    >
      <option value="ko">한국어</option>
      <option value="en">English</option>
    </select>
  );
}
