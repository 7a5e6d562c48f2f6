import { useState } from 'react';
import { Link } from 'wouter';
import { api, ok, type Schemas } from '../api/client';
import { isOperator, useSession } from '../auth/session';
import { lineStatusValues as LINE_STATUSES, siteIdValues as SITE_IDS } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { Badge, Loaded } from '../ui/feedback';
import { ChoiceFilter } from '../ui/choice-filter';
import { useLoad } from '../ui/use-load';

type Status = Schemas['LineStatus'];

/** Sellers start on their to-do list; operators on every order, with filters. */
export function OrdersPage() {
  const { t } = useI18n();
  const operator = isOperator(useSession());
  const [tab, setTab] = useState<'todo' | 'all'>(operator ? 'all' : 'todo');
  return (
    <>
      <h1>{t('orders.title')}</h1>
      <div className="row" role="tablist">
        {(['todo', 'all'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? '' : 'secondary'}
            onClick={() => setTab(k)}
          >
            {t(k === 'todo' ? 'orders.todo' : 'orders.all')}
          </button>
        ))}
      </div>
      <div style={{ marginTop: '1rem' }}>
        {tab === 'todo' ? <TodoList /> : <AllOrders operator={operator} />}
      </div>
    </>
  );
}

function TodoList() {
  const { t, dateTime } = useI18n();
  const todo = useLoad(() => ok(api.GET('/v1/orders/todo')), [], 15_000);
  return (
    <Loaded state={todo}>
      {(page) =>
        page.data.length === 0 ? (
          <p>{t('common.none')}</p>
        ) : (
          <div className="table-wrap">
            <table data-testid="todo">
              <tbody>
                {page.data.map((item, i) => (
                  <tr key={`${item.orderId}-${item.action}-${i}`}>
                    <td>
                      <Badge value={item.action} title={t(`todo.${item.action}`)} />
                      <div>{t(`todo.${item.action}`)}</div>
                    </td>
                    <td>
                      <Link href={`/orders/${item.orderId}`}>{item.externalOrderId}</Link>
                      <div className="muted">{item.site}</div>
                    </td>
                    <td>{item.lines.map((l) => `${l.sellerSku ?? '?'} ×${l.quantity}`).join(', ')}</td>
                    <td className="muted">{dateTime(item.placedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </Loaded>
  );
}

function AllOrders(props: { operator: boolean }) {
  const { t, krw, money, dateTime } = useI18n();
  const [status, setStatus] = useState<Status | ''>('');
  const [site, setSite] = useState<Schemas['SiteId'] | ''>('');
  const [q, setQ] = useState('');
  const [from, setFrom] = useState('');
  const [sellerId, setSellerId] = useState('');
  const orders = useLoad(
    () =>
      ok(
        api.GET('/v1/orders', {
          params: {
            query: {
              limit: 100,
              ...(status && { status }),
              ...(site && { site }),
              ...(q && { q }),
              ...(from && { from }),
              ...(sellerId && { sellerId }),
            },
          },
        }),
      ),
    [status, site, q, from, sellerId],
    15_000,
  );
  return (
    <>
      <div className="toolbar">
        <label>
          {t('common.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <ChoiceFilter
          label={t('common.status')}
          value={status}
          options={LINE_STATUSES}
          onChange={setStatus}
        />
        <ChoiceFilter label={t('common.site')} value={site} options={SITE_IDS} onChange={setSite} />
        <label>
          {t('dashboard.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        {props.operator && (
          <label>
            {t('common.seller')}
            <input value={sellerId} onChange={(e) => setSellerId(e.target.value)} placeholder="sel_…" />
          </label>
        )}
      </div>
      <Loaded state={orders}>
        {(page) =>
          page.data.length === 0 ? (
            <p>{t('common.none')}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="orders">
                <thead>
                  <tr>
                    <th>{t('orders.order')}</th>
                    <th>{t('orders.placed')}</th>
                    <th>{t('common.status')}</th>
                    <th className="num">{t('orders.total')}</th>
                    <th className="num">KRW</th>
                    {props.operator && <th>{t('common.seller')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((o) => (
                    <tr key={o.id} data-order={o.id}>
                      <td>
                        <Link href={`/orders/${o.id}`}>{o.orderNumber ?? o.externalOrderId}</Link>
                        <div className="muted">
                          {o.site} · {o.buyerCountry ?? ''}
                        </div>
                      </td>
                      <td>{dateTime(o.placedAt)}</td>
                      <td>
                        {o.statuses.map((s) => (
                          <Badge key={s} value={s} />
                        ))}
                      </td>
                      <td className="num">{money({ minor: o.itemsTotalMinor, currency: o.currency })}</td>
                      <td className="num">{krw(o.itemsTotalKrw)}</td>
                      {props.operator && <td>{o.sellerId}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </>
  );
}
