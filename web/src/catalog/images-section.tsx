import { useEffect, useState } from 'react';
import { api, blobUrl, ok, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Badge, Loaded } from '../ui/feedback';
import { useLoad } from '../ui/use-load';

type Variant = Schemas['ImageVariant'];

/** The image bytes through the API (with the caller's key), shown from an object URL. */
function ApiImage(props: { path: string; alt: string }) {
  const [src, setSrc] = useState<string>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | undefined;
    blobUrl(props.path).then(
      (u) => setSrc((url = u)),
      () => setFailed(true),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [props.path]);
  if (failed) return <span className="muted">—</span>;
  return src ? <img src={src} alt={props.alt} loading="lazy" /> : <span className="spinner" />;
}

/** Each product image beside its localized variants, with the report of every text line. */
export function ImagesSection(props: { productId: string }) {
  const { t } = useI18n();
  const images = useLoad(
    () => ok(api.GET('/v1/products/{id}/images', { params: { path: { id: props.productId } } })),
    [props.productId],
  );
  return (
    <section className="card" data-testid="images">
      <h2>{t('product.images')}</h2>
      <Loaded state={images}>
        {(r) =>
          r.data.length === 0 ? (
            <p className="muted">{t('common.none')}</p>
          ) : (
            r.data.map((img) => (
              <div key={img.position} className="card" data-testid="product-image">
                <div className="side-by-side">
                  <figure>
                    <figcaption>
                      {t('images.original')} #{img.position + 1}
                    </figcaption>
                    {/* Originals stay at the seller's image host (kbridge stores only what it made). */}
                    <img src={img.url} alt={img.url} referrerPolicy="no-referrer" loading="lazy" />
                  </figure>
                  <div>
                    {img.variants.length === 0 && <p className="muted">{t('images.notLocalized')}</p>}
                    {img.variants.map((v) => (
                      <figure key={v.id}>
                        <figcaption>
                          {t('images.variant', { locale: v.locale })}{' '}
                          <Badge value={v.status === 'complete' ? 'ok' : 'pending'} />
                        </figcaption>
                        <ApiImage path={v.contentUrl} alt={v.locale} />
                      </figure>
                    ))}
                  </div>
                </div>
                {img.variants.map((v) => (
                  <LineReport key={v.id} variant={v} />
                ))}
              </div>
            ))
          )
        }
      </Loaded>
    </section>
  );
}

function LineReport(props: { variant: Variant }) {
  const { t, percent } = useI18n();
  return (
    <details open>
      <summary>
        {t('images.lines')}: {props.variant.summary.lines} ·{' '}
        {t('images.summary', {
          translated: props.variant.summary.translated,
          converted: props.variant.summary.converted,
          kept: props.variant.summary.kept,
        })}
      </summary>
      <div className="table-wrap">
        <table data-testid="image-lines">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('images.read')}</th>
              <th>{t('images.written')}</th>
              <th>{t('images.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {props.variant.lines.map((l) => (
              <tr key={l.index}>
                <td>{l.index + 1}</td>
                <td lang="ko">{l.source}</td>
                <td>
                  {l.translation ?? '—'}
                  {l.unitConversion && <div className="muted">{l.unitConversion}</div>}
                </td>
                <td>
                  <Badge value={l.status} />{' '}
                  <span className="muted">{percent(l.confidence / (l.confidence > 1 ? 100 : 1))}</span>
                  {l.keep && <div className="muted">{l.keep}</div>}
                  {l.note && <div className="muted">{l.note}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
