import { useState } from 'react';
import { api, ok, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorBox, Loaded } from '../ui/feedback';
import { useLoad } from '../ui/use-load';

type Item = Schemas['TranslationReviewItem'];
type Reason = 'needs-review' | 'needs-translation';

/** The review queue: source and proposal side by side; approving teaches the memory. */
export function TranslationsPage() {
  const { t } = useI18n();
  const [reason, setReason] = useState<Reason | ''>('');
  const [language, setLanguage] = useState('');
  const queue = useLoad(
    () =>
      ok(
        api.GET('/v1/translations/review', {
          params: {
            query: { status: 'open', limit: 50, ...(reason && { reason }), ...(language && { language }) },
          },
        }),
      ),
    [reason, language],
  );
  return (
    <>
      <h1>{t('translations.title')}</h1>
      <div className="toolbar">
        <label>
          {t('translations.reason')}
          <select value={reason} onChange={(e) => setReason(e.target.value as Reason | '')}>
            <option value="">{t('common.all')}</option>
            <option value="needs-review">needs-review</option>
            <option value="needs-translation">needs-translation</option>
          </select>
        </label>
        <label>
          {t('translations.locale')}
          <input value={language} placeholder="en-SG" onChange={(e) => setLanguage(e.target.value)} />
        </label>
      </div>
      <p className="muted">{t('translations.placeholders')}</p>
      <Loaded state={queue}>
        {(page) =>
          page.data.length === 0 ? (
            <p>{t('translations.empty')}</p>
          ) : (
            page.data.map((item) => <ReviewCard key={item.id} item={item} onDone={queue.reload} />)
          )
        }
      </Loaded>
    </>
  );
}

function ReviewCard(props: { item: Item; onDone: () => void }) {
  const { t } = useI18n();
  const { item } = props;
  const [text, setText] = useState(item.proposal ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<string>();

  async function act(kind: 'approve' | 'dismiss') {
    setBusy(true);
    setError(undefined);
    try {
      if (kind === 'approve') {
        const r = await ok(
          api.POST('/v1/translations/review/{id}/approve', {
            params: { path: { id: item.id } },
            body: { text },
          }),
        );
        setResult(t('translations.approved', { uses: r.item.occurrenceCount, closed: r.closed }));
      } else {
        await ok(
          api.POST('/v1/translations/review/{id}/dismiss', { params: { path: { id: item.id } }, body: {} }),
        );
        setResult(t('common.done'));
      }
      setTimeout(props.onDone, 1500);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="review-item" aria-label={item.sourceText}>
      <div className="row spread">
        <span className="row">
          <Badge value={item.reason} /> <strong>{item.targetLang}</strong>
          {item.brand && <span className="muted">{item.brand}</span>}
        </span>
        <span className="muted">{t('translations.uses', { n: item.occurrenceCount })}</span>
      </div>
      <div className="side-by-side">
        <div>
          <h2>{t('translations.source')}</h2>
          <p lang="ko">{item.sourceText}</p>
          {item.sampleText !== item.sourceText && <p className="muted">{item.sampleText}</p>}
        </div>
        <label>
          {t('translations.proposal')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} lang={item.targetLang} />
          {item.checks.map((c) => (
            <span key={c.check} className="muted">
              ⚠ {c.message}
            </span>
          ))}
          {item.unknownWords.length > 0 && <span className="muted">? {item.unknownWords.join(', ')}</span>}
        </label>
      </div>
      {error && <ErrorBox error={error} />}
      {result ? (
        <p className="notice" role="status">
          {result}
        </p>
      ) : (
        <div className="row">
          <button type="button" disabled={busy || !text.trim()} onClick={() => act('approve')}>
            {busy ? t('common.working') : t('translations.approve')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={() => act('dismiss')}>
            {t('translations.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
