import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

const KNOWN: Record<string, MessageKey> = {
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  not_found: 'error.not_found',
};

/** What went wrong in the reader's language, with the server's own words (they name the field). */
export function ErrorBox(props: { error: Error; retry?: () => void }) {
  const { t } = useI18n();
  const e = props.error;
  const known = e instanceof ApiError ? KNOWN[e.code] : undefined;
  const summary = e instanceof ApiError ? (known ? t(known) : e.message) : t('error.network');
  return (
    <div className="error-box" role="alert">
      <strong>{t('error.title')}</strong>
      <p>{summary}</p>
      {e instanceof ApiError && known && <p className="muted">{e.message}</p>}
      {props.retry && (
        <button type="button" onClick={props.retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" aria-busy="true">
      <span className="spinner" /> {t('common.loading')}
    </p>
  );
}

/** Renders a loaded screen: progress while loading the first time, the error with a retry, or the body. */
export function Loaded<T>(props: {
  state: { data: T | undefined; error: Error | undefined; loading: boolean; reload: () => void };
  children: (data: T) => ReactNode;
}) {
  const { data, error, reload } = props.state;
  if (error) return <ErrorBox error={error} retry={reload} />;
  if (data === undefined) return <Loading />;
  return <>{props.children(data)}</>;
}

const TONE: Record<string, string> = {
  live: 'good',
  delivered: 'good',
  shipped: 'good',
  ok: 'good',
  approved: 'good',
  pending: 'wait',
  pending_qc: 'wait',
  publishing: 'wait',
  ready: 'wait',
  queued: 'wait',
  packed: 'wait',
  ready_to_ship: 'wait',
  expiring: 'wait',
  paused: 'muted',
  draft: 'muted',
  delisted: 'muted',
  rejected: 'bad',
  error: 'bad',
  failed: 'bad',
  expired: 'bad',
  canceled: 'bad',
  'needs-translation': 'warn',
  'preflight-failed': 'warn',
};

/** A state as a coloured pill: `value` picks the colour, `label` (default: the value) is shown. */
export function Badge(props: { value: string; label?: string | undefined; title?: string | undefined }) {
  return (
    <span className={`badge ${TONE[props.value] ?? 'muted'}`} title={props.title} data-value={props.value}>
      {props.label ?? props.value}
    </span>
  );
}
