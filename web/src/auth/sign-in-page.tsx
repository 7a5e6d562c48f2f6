import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';

export function SignInPage(props: { onKey: (key: string) => Promise<void>; notice?: string | undefined }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await props.onKey(key.trim());
    } catch {
      setError(t('signIn.rejected'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="card" onSubmit={submit} aria-label={t('signIn.title')}>
        <div className="row spread">
          <h1>{t('signIn.title')}</h1>
          <LanguageSwitch />
        </div>
        {props.notice && <p className="error">{props.notice}</p>}
        <label>
          {t('signIn.key')}
          <input
            name="apiKey"
            type="password"
            autoComplete="current-password"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            required
          />
        </label>
        <p className="muted">{t('signIn.keyHelp')}</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !key.trim()}>
          {busy ? t('signIn.working') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
