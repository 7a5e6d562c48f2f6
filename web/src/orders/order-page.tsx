import { useState } from 'react';
import { Link } from 'wouter';
import { api, blobUrl, ok, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Badge, ErrorBox, Loaded } from '../ui/feedback';
import { useLoad } from '../ui/use-load';

type Order = Schemas['OrderDetail'];
type Pkg = Schemas['OrderPackage'];

/** One order: its lines, packing, labels and customs papers per package, and the timeline. */
export function OrderPage(props: { id: string }) {
  const { t } = useI18n();
  const order = useLoad(
    () => ok(api.GET('/v1/orders/{id}', { params: { path: { id: props.id } } })),
    [props.id],
  );
  const timeline = useLoad(
    () => ok(api.GET('/v1/orders/{id}/timeline', { params: { path: { id: props.id } } })),
    [props.id],
  );
  const reload = () => {
    order.reload();
    timeline.reload();
  };
  return (
    <>
      <Link href="/orders">← {t('common.back')}</Link>
      <Loaded state={order}>{(o) => <OrderView order={o} onChange={reload} />}</Loaded>
      <section className="card">
        <h2>{t('orders.timeline')}</h2>
        <Loaded state={timeline}>
          {(page) => (
            <ol className="timeline" data-testid="timeline">
              {page.data.map((e, i) => (
                <TimelineItem key={i} entry={e} />
              ))}
            </ol>
          )}
        </Loaded>
      </section>
    </>
  );
}

function TimelineItem(props: { entry: Schemas['TimelineEntry'] }) {
  const { dateTime } = useI18n();
  const e = props.entry;
  return (
    <li>
      <span className="muted">{dateTime(e.at)}</span> <strong>{e.kind}</strong>{' '}
      {(e.from || e.to) && `${e.from ?? ''} → ${e.to ?? ''}`} <span className="muted">({e.source})</span>
    </li>
  );
}

function OrderView(props: { order: Order; onChange: () => void }) {
  const { t, krw, money, dateTime } = useI18n();
  const o = props.order;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const packable = o.lines.filter((l) => l.status === 'pending' && !l.packageId);

  async function pack() {
    setBusy(true);
    setError(undefined);
    try {
      await ok(api.POST('/v1/orders/{id}/pack', { params: { path: { id: o.id } }, body: {} }));
      props.onChange();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>
        {t('orders.order')} {o.orderNumber ?? o.externalOrderId}
      </h1>
      <p className="muted">
        {o.site} · {dateTime(o.placedAt)} · {o.buyerName ?? ''} {o.buyerCountry ?? ''} ·{' '}
        {o.paymentMethod ?? ''}
      </p>
      <p>
        {money({ minor: o.itemsTotalMinor, currency: o.currency })} · {krw(o.itemsTotalKrw)}
      </p>
      <section className="card">
        <h2>{t('orders.lines')}</h2>
        <div className="table-wrap">
          <table data-testid="order-lines">
            <tbody>
              {o.lines.map((l) => (
                <tr key={l.id}>
                  <td>{l.sellerSku ?? '?'}</td>
                  <td className="num">×{l.quantity}</td>
                  <td>
                    <Badge value={l.status} /> <span className="muted">{l.stockState}</span>
                  </td>
                  <td>{l.trackingNumber ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {packable.length > 0 && (
          <button type="button" onClick={pack} disabled={busy}>
            {busy ? t('common.working') : `${t('orders.pack')} (${packable.length})`}
          </button>
        )}
        {error && <ErrorBox error={error} />}
      </section>
      {o.packages.map((p) => (
        <PackageCard key={p.id} pkg={p} onChange={props.onChange} />
      ))}
    </>
  );
}

/** Documents open as PDFs from object URLs: fetched with the key, never put in an address. */
function PackageCard(props: { pkg: Pkg; onChange: () => void }) {
  const { t } = useI18n();
  const p = props.pkg;
  const [docs, setDocs] = useState<{ name: string; url: string }[]>([]);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<Error>();

  async function run(name: string, work: () => Promise<void>) {
    setBusy(name);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  }
  const open = (name: string, path: string) =>
    run(name, async () => {
      const url = await blobUrl(path);
      setDocs((d) => [...d.filter((x) => x.name !== name), { name, url }]);
      window.open(url, '_blank');
    });

  return (
    <section className="card" data-testid="package">
      <h2>
        {t('orders.packages')}: {p.externalPackageId} <Badge value={p.status} />
      </h2>
      <p className="muted">
        {[p.trackingNumber, p.firstMileCarrier, p.firstMileTracking].filter(Boolean).join(' · ')}
      </p>
      <div className="row">
        <button type="button" disabled={!!busy} onClick={() => open('label', `/v1/packages/${p.id}/label`)}>
          {busy === 'label' ? t('common.working') : t('orders.label')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!!busy}
          onClick={() => open('declaration', `/v1/packages/${p.id}/customs?doc=declaration`)}
        >
          {t('orders.customs')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!!busy}
          onClick={() => open('invoice', `/v1/packages/${p.id}/customs?doc=invoice`)}
        >
          {t('orders.invoice')}
        </button>
        {p.status === 'packed' && (
          <button
            type="button"
            className="secondary"
            disabled={!!busy}
            onClick={() =>
              run('rts', async () => {
                await ok(api.POST('/v1/packages/{id}/ready-to-ship', { params: { path: { id: p.id } } }));
                props.onChange();
              })
            }
          >
            {busy === 'rts' ? t('common.working') : t('orders.readyToShip')}
          </button>
        )}
      </div>
      {docs.length > 0 && (
        <p className="row" data-testid="documents">
          {docs.map((d) => (
            <a key={d.name} href={d.url} download={`${p.externalPackageId}-${d.name}.pdf`} data-doc={d.name}>
              {p.externalPackageId}-{d.name}.pdf
            </a>
          ))}
        </p>
      )}
      {error && <ErrorBox error={error} />}
    </section>
  );
}
