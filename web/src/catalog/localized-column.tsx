import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Badge } from '../ui/feedback';
import { HtmlPreview } from '../ui/html-preview';

type Field = Schemas['LocalizedField'];

function FieldText(props: { field: Field; lang: string }) {
  const f = props.field;
  return (
    <span lang={props.lang}>
      {f.text ?? <em className="muted">{f.proposal ?? f.source}</em>}{' '}
      <Badge value={f.status} title={f.provider ?? undefined} />
    </span>
  );
}

/** What the site shows: localized title, description, options and attributes, with their status. */
export function LocalizedColumn(props: { site: Schemas['SiteOverview'] }) {
  const { t } = useI18n();
  const s = props.site;
  const l = s.localized;
  return (
    <section className="card" data-testid="localized">
      <h2>{t('product.localized', { site: s.site })}</h2>
      <p>
        <Badge value={s.state} /> {s.reason && <span className="muted">{s.reason}</span>}
      </p>
      {l ? (
        <>
          <p>
            <strong>
              <FieldText field={l.title} lang={l.language} />
            </strong>
          </p>
          {l.description && (
            <>
              <p className="muted">
                <Badge value={l.description.status} /> {l.description.translated}/{l.description.segments}
              </p>
              <HtmlPreview html={l.description.html} lang={l.language} />
            </>
          )}
          <h2>{t('product.attributes')}</h2>
          <dl>
            {l.options.map((o, i) => (
              <div key={`o${i}`} className="row">
                <dt>
                  <FieldText field={o.name} lang={l.language} />
                </dt>
                <dd>
                  {o.values.map((v, j) => (
                    <FieldText key={j} field={v} lang={l.language} />
                  ))}
                </dd>
              </div>
            ))}
            {l.attributes.map((a, i) => (
              <div key={`a${i}`} className="row">
                <dt>
                  <FieldText field={a.name} lang={l.language} />
                </dt>
                <dd>
                  <FieldText field={a.value} lang={l.language} />
                </dd>
              </div>
            ))}
          </dl>
          {l.facts.length > 0 && (
            <ul>
              {l.facts.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="muted">{t('common.none')}</p>
      )}
      {s.listing && s.listing.issues.length > 0 && (
        <>
          <h2>{t('product.issues')}</h2>
          <ul>
            {s.listing.issues.map((i, n) => (
              <li key={n}>
                <Badge value={i.severity === 'error' ? 'error' : 'pending'} /> {i.field}: {i.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {s.listing?.lastError && (
        <p className="error">
          {s.listing.lastError.code}: {s.listing.lastError.message}
        </p>
      )}
    </section>
  );
}
