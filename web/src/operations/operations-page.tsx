import { useI18n } from '../i18n/i18n';

export function OperationsPage() {
  const { t } = useI18n();
  return <h1>{t('nav.operations')}</h1>;
}
