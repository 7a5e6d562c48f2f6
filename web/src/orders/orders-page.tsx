import { useI18n } from '../i18n/i18n';

export function OrdersPage() {
  const { t } = useI18n();
  return <h1>{t('nav.orders')}</h1>;
}
