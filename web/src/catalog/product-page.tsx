import { useState } from 'react';
import { Link } from 'wouter';
import { api, ok, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Badge, Loaded } from '../ui/feedback';
import { HtmlPreview } from '../ui/html-preview';
import { useLoad } from '../ui/use-load';
import { ImagesSection } from './images-section';
import { LocalizedColumn } from './localized-column';
import { Waterfall } from './waterfall';

type Overview = Schemas['ProductOverview'];

/** One product: the Korean source beside each site's localized content, prices, sync log, images. */
export function ProductPage(props: { id: string }) {
  const { t } = useI18n();
  const overview = useLoad(
    () => ok(api.GET('/v1/products/{id}/overview', { params: { path: { id: props.id } } })),
    [props.id],
  );
  return (
    <>
      <Link href="/catalog">← {t('common.back')}</Link>
      <Loaded state={overview}>{(o) => <ProductView overview={o} />}</Loaded>
    </>
  );
}

function ProductView(props: { overview: Overview }) {
  const { t, krw, dateTime } = useI18n();
  const { product, sites, syncLog } = props.overview;
  const [site, setSite] = useState(sites[0]?.site);
  const current = sites.find((s) => s.site === site);
  return (
    <>
      <h1 lang="ko">{product.titleKo}</h1>
      <p className="muted">
        {product.sellerSku} · {product.brand ?? '—'} · {krw(product.price.minor)} ·{' '}
        {product.sourceCategoryPath}
      </p>
      <div className="row" role="tablist" aria-label={t('common.site')}>
        {sites.map((s) => (
          <button
            key={s.site}
            type="button"
            role="tab"
            aria-selected={s.site === site}
            className={s.site === site ? '' : 'secondary'}
            onClick={() => setSite(s.site)}
          >
            {s.site} <Badge value={s.state} />
          </button>
        ))}
      </div>
      <div className="side-by-side" style={{ marginTop: '1rem' }}>
        <section className="card">
          <h2>{t('product.source')}</h2>
          <p lang="ko">
            <strong>{product.titleKo}</strong>
          </p>
          <HtmlPreview html={product.descriptionHtml} lang="ko" />
          <h2>{t('product.attributes')}</h2>
          <dl>
            {Object.entries(product.attributes).map(([k, v]) => (
              <div key={k} className="row">
                <dt className="muted">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
        {current ? (
          <LocalizedColumn site={current} />
        ) : (
          <section className="card">{t('common.none')}</section>
        )}
      </div>
      {current && (
        <section className="card">
          <h2>
            {t('product.waterfall')} · {current.site}
          </h2>
          <Waterfall site={current} />
        </section>
      )}
      <section className="card">
        <h2>{t('product.variants')}</h2>
        <div className="table-wrap">
          <table>
            <tbody>
              {product.variants.map((v) => (
                <tr key={v.id}>
                  <td>{v.sellerSku}</td>
                  <td>{Object.values(v.optionValues).join(' / ')}</td>
                  <td className="num">{krw(product.price.minor + v.priceDeltaKrw)}</td>
                  <td className="num">{v.stock}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <ImagesSection productId={product.id} />
      <section className="card" data-testid="sync-log">
        <h2>{t('product.syncLog')}</h2>
        {syncLog.length === 0 ? (
          <p className="muted">{t('common.none')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <tbody>
                {syncLog.map((e, i) => (
                  <tr key={i}>
                    <td>{dateTime(e.at)}</td>
                    <td>{e.site}</td>
                    <td>{e.kind}</td>
                    <td>
                      <Badge value={e.outcome === 'ok' ? 'ok' : 'failed'} />{' '}
                      {e.fromState && `${e.fromState} → `}
                      {e.toState}
                    </td>
                    <td>{[e.code, e.message].filter(Boolean).join(': ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
