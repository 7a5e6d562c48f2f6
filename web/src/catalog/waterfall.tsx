import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** From the seller's KRW price to the buyer's local price: every component, its rule, the margin. */
export function Waterfall(props: { site: Schemas['SiteOverview'] }) {
  const { t, money, percent } = useI18n();
  const w = props.site.pricing.waterfall;
  if (!w) return <p className="muted">{t('common.none')}</p>;
  if (w.status === 'rejected')
    return (
      <p className="error">
        {w.kind}: {w.message}
      </p>
    );
  return (
    <div className="table-wrap" data-testid="waterfall">
      <table>
        <tbody>
          {w.components.map((c) => (
            <tr key={c.code}>
              <td>{c.label}</td>
              <td className="num">{money(c.krw)}</td>
              <td className="num">{money(c.local)}</td>
              <td className="muted">{c.rule}</td>
            </tr>
          ))}
          <tr>
            <th>{t('orders.total')}</th>
            <th className="num">{money(w.priceKrw)}</th>
            <th className="num">{money(w.price)}</th>
            <th className="muted">
              {percent(w.margin.pct / 100)} (≥ {percent(w.margin.floorPct / 100)}) · FX{' '}
              {w.fxSnapshot.krwPerUnit} · {w.shipping.name}
            </th>
          </tr>
          {w.buyerPays.map((b) => (
            <tr key={b.code}>
              <td>{b.label}</td>
              <td />
              <td className="num">{money(b.amount)}</td>
              <td className="muted">{b.collection}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
