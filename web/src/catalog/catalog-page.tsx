import { useI18n } from '../i18n/i18n';

export function CatalogPage() {
  const { t } = useI18n();
  return <h1>{t('nav.catalog')}</h1>;
}
