import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client';
import { isOperator, useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { ErrorBox, Loaded } from '../ui/feedback';
import { useLoad } from '../ui/use-load';

/** Year-to-date GMV against the annual target (₩1 trillion unless the operator sets one). */
export function TargetCard() {
  const { t, krw, krwShort, percent } = useI18n();
  const operator = isOperator(useSession());
  const target = useLoad(() => ok(api.GET('/v1/analytics/target')), [], 10_000);
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent, year: number) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await ok(api.PUT('/v1/analytics/target', { body: { year, amountKrw: Number(amount) } }));
      setAmount('');
      target.reload();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Loaded state={target}>
      {(p) => (
        <section className="card" data-testid="target">
          <h2>{t('dashboard.target', { year: p.year })}</h2>
          <div className="kpi">
            <div className="value">{krw(p.ytdGmvKrw)}</div>
          </div>
          {p.target && p.progress !== null && (
            <>
              <div className="progress" aria-label={percent(p.progress)}>
                <span style={{ width: `${Math.min(100, p.progress * 100)}%` }} />
                {p.pace && (
                  <i style={{ left: `${Math.min(100, (p.pace.elapsedDays / p.pace.daysInYear) * 100)}%` }} />
                )}
              </div>
              <p>
                {t('dashboard.targetProgress', {
                  share: percent(p.progress),
                  target: krwShort(p.target.amountKrw),
                })}
              </p>
              {p.pace && (
                <p className="muted">
                  {t('dashboard.pace', { share: percent(p.pace.elapsedDays / p.pace.daysInYear) })}
                </p>
              )}
            </>
          )}
          {operator && (
            <form className="row" onSubmit={(e) => save(e, p.year)}>
              <label>
                {t('dashboard.setTarget')}
                <input
                  inputMode="numeric"
                  pattern="[0-9]+"
                  value={amount}
                  placeholder={String(p.target?.amountKrw ?? '')}
                  onChange={(e) => setAmount(e.target.value.replace(/[^0-9]/g, ''))}
                />
              </label>
              <button type="submit" disabled={busy || !amount}>
                {busy ? t('common.working') : t('common.save')}
              </button>
            </form>
          )}
          {error && <ErrorBox error={error} />}
        </section>
      )}
    </Loaded>
  );
}
