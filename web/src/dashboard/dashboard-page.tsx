import { useI18n } from '../i18n/i18n';

export function DashboardPage() {
  const { t } = useI18n();
  return <h1>{t('nav.dashboard')}</h1>;
}
