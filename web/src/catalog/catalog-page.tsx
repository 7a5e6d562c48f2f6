import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api, ok, type Schemas } from '../api/client';
import { isOperator, useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Badge, Loaded } from '../ui/feedback';
import { ChoiceFilter } from '../ui/choice-filter';
import { useLoad } from '../ui/use-load';
import { BulkBar } from './bulk-bar';
import { gridStateValues as GRID_STATES, siteIdValues as SITE_IDS } from '../api/schema';

type Site = Schemas['SiteId'];
type State = Schemas['GridState'];

/** Every product with its state on every site, filters, and bulk actions on the selection. */
export function CatalogPage() {
  const { t } = useI18n();
  const operator = isOperator(useSession());
  const [q, setQ] = useState('');
  const [site, setSite] = useState<Site | ''>('');
  const [state, setState] = useState<State | ''>('');
  const [sellerId, setSellerId] = useState('');
  const [pages, setPages] = useState<string[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const query = {
    limit: 50,
    ...(q && { q }),
    ...(site && { site }),
    ...(state && { state }),
    ...(sellerId && { sellerId }),
  };
  const grid = useLoad(async () => {
    const first = await ok(api.GET('/v1/catalog/grid', { params: { query } }));
    const rows = [...first.data];
    let next = first.next;
    for (const after of pages) {
      if (!next) break;
      const more = await ok(api.GET('/v1/catalog/grid', { params: { query: { ...query, after } } }));
      rows.push(...more.data);
      next = more.next;
    }
    return { rows, next };
  }, [q, site, state, sellerId, pages.length]);
  const sites = useMemo(() => {
    const seen = new Set<Site>();
    for (const r of grid.data?.rows ?? []) for (const c of r.sites) seen.add(c.site);
    return SITE_IDS.filter((s) => seen.has(s));
  }, [grid.data]);
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <>
      <h1>{t('catalog.title')}</h1>
      <div className="toolbar">
        <label>
          {t('common.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="SKU, 상품명" />
        </label>
        <ChoiceFilter label={t('common.site')} value={site} options={SITE_IDS} onChange={setSite} />
        <ChoiceFilter label={t('catalog.state')} value={state} options={GRID_STATES} onChange={setState} />
        {operator && (
          <label>
            {t('common.seller')}
            <input value={sellerId} onChange={(e) => setSellerId(e.target.value)} placeholder="sel_…" />
          </label>
        )}
      </div>
      <BulkBar productIds={[...selected]} site={site || undefined} onDone={grid.reload} />
      <Loaded state={grid}>
        {({ rows, next }) => (
          <>
            <div className="table-wrap">
              <table data-testid="catalog-grid">
                <thead>
                  <tr>
                    <th>
                      <input
                        type="checkbox"
                        aria-label={t('common.all')}
                        checked={rows.length > 0 && rows.every((r) => selected.has(r.productId))}
                        onChange={(e) =>
                          setSelected(new Set(e.target.checked ? rows.map((r) => r.productId) : []))
                        }
                      />
                    </th>
                    <th>{t('catalog.product')}</th>
                    {sites.map((s) => (
                      <th key={s}>{s}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr
                      key={r.productId}
                      className={selected.has(r.productId) ? 'selected' : ''}
                      data-product={r.productId}
                    >
                      <td>
                        <input
                          type="checkbox"
                          aria-label={r.sellerSku}
                          checked={selected.has(r.productId)}
                          onChange={() => toggle(r.productId)}
                        />
                      </td>
                      <td>
                        <Link href={`/catalog/${r.productId}`}>{r.title}</Link>
                        <div className="muted">
                          {r.sellerSku} · {t('catalog.variants', { n: r.variantCount })}
                          {operator && ` · ${r.sellerId}`}
                        </div>
                      </td>
                      {sites.map((s) => {
                        const cell = r.sites.find((c) => c.site === s);
                        return (
                          <td key={s} data-site={s}>
                            {cell ? (
                              <Badge
                                value={cell.state}
                                label={t(`state.${cell.state}`)}
                                title={cell.reason ?? undefined}
                              />
                            ) : (
                              '—'
                            )}
                            {cell?.reason && <div className="muted">{cell.reason}</div>}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {rows.length === 0 && <p>{t('common.none')}</p>}
            {next && (
              <button type="button" className="secondary" onClick={() => setPages([...pages, next])}>
                {t('common.more')}
              </button>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
