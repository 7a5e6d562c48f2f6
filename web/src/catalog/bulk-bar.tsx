import { useState } from 'react';
import { api, ok, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { ErrorBox } from '../ui/feedback';

type Action = Schemas['BulkListingRequest']['action'];
const ACTIONS: { action: Action; label: MessageKey }[] = [
  { action: 'publish', label: 'catalog.publish' },
  { action: 'pause', label: 'catalog.pause' },
  { action: 'resume', label: 'catalog.resume' },
  { action: 'retry', label: 'catalog.retry' },
];

/** Publish, pause, resume or retry the selected products (on one site, or every connected site). */
export function BulkBar(props: {
  productIds: string[];
  site: Schemas['SiteId'] | undefined;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<Action>();
  const [result, setResult] = useState<Schemas['BulkListingResult']>();
  const [error, setError] = useState<Error>();

  async function run(action: Action) {
    setBusy(action);
    setError(undefined);
    setResult(undefined);
    try {
      const r = await ok(
        api.POST('/v1/listings/actions', {
          body: { action, productIds: props.productIds, ...(props.site && { site: props.site }) },
        }),
      );
      setResult(r);
      props.onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  }

  const failures = result?.items.filter((i) => !i.ok) ?? [];
  return (
    <div className="card" data-testid="bulk-bar">
      <div className="row">
        <strong>{t('catalog.selected', { n: props.productIds.length })}</strong>
        {ACTIONS.map((a) => (
          <button
            key={a.action}
            type="button"
            className={a.action === 'publish' ? '' : 'secondary'}
            disabled={busy !== undefined || props.productIds.length === 0}
            onClick={() => run(a.action)}
          >
            {busy === a.action ? t('common.working') : t(a.label)}
          </button>
        ))}
        {busy && <span className="spinner" aria-busy="true" />}
      </div>
      {result && (
        <p className="notice" role="status" data-testid="bulk-result">
          {t('catalog.actionDone', {
            action: t(ACTIONS.find((a) => a.action === result.action)!.label),
            ok: result.counts.ok,
            failed: result.counts.failed + result.counts.notFound,
          })}
        </p>
      )}
      {failures.length > 0 && (
        <ul className="muted">
          {failures.slice(0, 20).map((f, i) => (
            <li key={i}>
              {f.site ?? ''} {f.productId ?? f.listingId ?? ''}: {f.result}
              {f.error ? ` — ${f.error.message}` : ''}
            </li>
          ))}
        </ul>
      )}
      {error && <ErrorBox error={error} />}
    </div>
  );
}
