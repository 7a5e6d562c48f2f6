import { useState } from 'react';
import { api, ok, type Schemas } from '../api/client';
import { isOperator, useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Loaded } from '../ui/feedback';
import { useLoad } from '../ui/use-load';
import { Breakdown, DailyChart } from './charts';
import { TargetCard } from './target-card';

type Report = Schemas['GmvReport'];
const REFRESH_MS = 10_000;

function daysAgo(n: number): string {
  const d = new Date(Date.now() + 9 * 3600_000 - n * 86_400_000); // KST calendar day
  return d.toISOString().slice(0, 10);
}

/** GMV and orders in KRW by day, country, site and seller, against the previous period and the target. */
export function DashboardPage() {
  const { t } = useI18n();
  const session = useSession();
  const operator = isOperator(session);
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(daysAgo(0));
  const [sellerId, setSellerId] = useState('');
  const report = useLoad(
    () =>
      ok(api.GET('/v1/analytics/gmv', { params: { query: { from, to, ...(sellerId && { sellerId }) } } })),
    [from, to, sellerId],
    REFRESH_MS,
  );
  const sellers = useLoad(
    () =>
      operator ? ok(api.GET('/v1/sellers', { params: { query: { limit: 200 } } })) : Promise.resolve(null),
    [operator],
  );
  return (
    <>
      <div className="row spread">
        <h1>{t('dashboard.title')}</h1>
        <span className="muted">{t('dashboard.live', { s: REFRESH_MS / 1000 })}</span>
      </div>
      <div className="toolbar">
        <label>
          {t('dashboard.from')}
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('dashboard.to')}
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        {operator && sellers.data && (
          <label>
            {t('common.seller')}
            <select value={sellerId} onChange={(e) => setSellerId(e.target.value)}>
              <option value="">{t('common.all')}</option>
              {sellers.data.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <Loaded state={report}>{(r) => <ReportView report={r} operator={operator} />}</Loaded>
      <TargetCard />
    </>
  );
}

function ReportView(props: { report: Report; operator: boolean }) {
  const { t, krw, number, percent } = useI18n();
  const r = props.report;
  const aov = r.totals.orders ? Math.round(r.totals.gmvKrw / r.totals.orders) : 0;
  const growth = (g: number | null) =>
    g === null ? (
      <span className="muted">{t('dashboard.noPrevious')}</span>
    ) : (
      <span className={`delta ${g >= 0 ? 'up' : 'down'}`}>
        {t('dashboard.vsPrevious', { change: `${g >= 0 ? '+' : ''}${percent(g)}`, days: r.period.days })}
      </span>
    );
  return (
    <>
      <div className="grid">
        <section className="card kpi" data-testid="kpi-gmv">
          <h2>{t('dashboard.gmv')}</h2>
          <div className="value" data-testid="gmv-total" data-value={r.totals.gmvKrw}>
            {krw(r.totals.gmvKrw)}
          </div>
          {growth(r.growth.gmvKrw)}
        </section>
        <section className="card kpi">
          <h2>{t('dashboard.orders')}</h2>
          <div className="value" data-testid="orders-total" data-value={r.totals.orders}>
            {number(r.totals.orders)}
          </div>
          {growth(r.growth.orders)}
        </section>
        <section className="card kpi">
          <h2>{t('dashboard.aov')}</h2>
          <div className="value">{krw(aov)}</div>
        </section>
      </div>
      <section className="card">
        <h2>{t('dashboard.byDay')}</h2>
        <DailyChart series={r.series} />
      </section>
      <div className="grid two">
        <Breakdown
          title={t('dashboard.byCountry')}
          testId="by-country"
          rows={r.byCountry.map((c) => ({ key: c.country, label: c.country, ...c }))}
        />
        <Breakdown
          title={t('dashboard.bySite')}
          testId="by-site"
          rows={r.bySite.map((s) => ({ key: s.site, label: s.site, ...s }))}
        />
        {props.operator && (
          <Breakdown
            title={t('dashboard.bySeller')}
            testId="by-seller"
            rows={r.bySeller.map((s) => ({ key: s.sellerId, label: s.sellerName ?? s.sellerId, ...s }))}
          />
        )}
      </div>
    </>
  );
}
