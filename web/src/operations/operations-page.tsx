import { api, ok, type Schemas } from '../api/client';
import { isOperator, useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { Badge, Loaded } from '../ui/feedback';
import { useLoad } from '../ui/use-load';

const REFRESH_MS = 10_000;

/** Job queue health, marketplace connections with token expiry, and the sandbox in the demo. */
export function OperationsPage() {
  const { t } = useI18n();
  const operator = isOperator(useSession());
  return (
    <>
      <h1>{t('ops.title')}</h1>
      {operator && <JobsCard />}
      <ConnectionsCard />
      {operator && <SandboxCard />}
    </>
  );
}

function JobsCard() {
  const { t, number, dateTime } = useI18n();
  const jobs = useLoad(() => ok(api.GET('/v1/operations/jobs')), [], REFRESH_MS);
  return (
    <section className="card" data-testid="jobs">
      <h2>{t('ops.jobs')}</h2>
      <Loaded state={jobs}>
        {(j) => (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t('ops.queue')}</th>
                    <th className="num">{t('ops.queued')}</th>
                    <th className="num">{t('ops.active')}</th>
                    <th className="num">{t('ops.retry')}</th>
                    <th className="num">{t('ops.failed')}</th>
                    <th className="num">{t('ops.completed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {j.queues.map((q: Schemas['QueueStats']) => (
                    <tr key={q.name}>
                      <td>
                        {q.name}
                        {q.oldestQueuedSeconds !== null && q.oldestQueuedSeconds > 60 && (
                          <div className="muted">
                            {t('ops.oldest', { min: Math.round(q.oldestQueuedSeconds / 60) })}
                          </div>
                        )}
                      </td>
                      <td className="num">{number(q.queued)}</td>
                      <td className="num">{number(q.active)}</td>
                      <td className="num">{number(q.retry)}</td>
                      <td className="num">
                        {q.failed > 0 ? <Badge value="failed" title={String(q.failed)} /> : 0}
                      </td>
                      <td className="num">{number(q.completed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {j.recentFailures.length > 0 && (
              <>
                <h2>{t('ops.recentFailures')}</h2>
                <ul>
                  {j.recentFailures.map((f) => (
                    <li key={f.jobId}>
                      {f.at && <span className="muted">{dateTime(f.at)} </span>}
                      <strong>{f.queue}</strong> <Badge value={f.state === 'failed' ? 'failed' : 'pending'} />{' '}
                      {f.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function ConnectionsCard() {
  const { t, dateTime } = useI18n();
  const connections = useLoad(() => ok(api.GET('/v1/operations/connections')), [], REFRESH_MS * 3);
  return (
    <section className="card" data-testid="connections">
      <h2>{t('ops.connections')}</h2>
      <Loaded state={connections}>
        {(c) =>
          c.data.length === 0 ? (
            <p className="muted">{t('common.none')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>{t('common.seller')}</th>
                    <th>{t('common.site')}</th>
                    <th>{t('common.status')}</th>
                    <th>{t('ops.expires')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.data.map((x, i) => (
                    <tr key={`${x.sellerId}-${x.site ?? x.platform}-${i}`}>
                      <td>{x.sellerId}</td>
                      <td>{x.site ?? x.platform}</td>
                      <td>
                        <Badge value={x.status} /> {x.channelStatus === 'paused' && <Badge value="paused" />}
                      </td>
                      <td>{x.token ? dateTime(x.token.refreshExpiresAt ?? x.token.accessExpiresAt) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}

function SandboxCard() {
  const { t } = useI18n();
  const sandbox = useLoad(() => ok(api.GET('/v1/operations/sandbox')), [], REFRESH_MS);
  return (
    <section className="card" data-testid="sandbox">
      <h2>{t('ops.sandbox')}</h2>
      <Loaded state={sandbox}>
        {(s) =>
          s.inUse ? (
            <p>
              <Badge value={s.healthy ? 'ok' : 'failed'} /> {s.url} · {s.latencyMs} ms{' '}
              {s.error && `· ${s.error}`}
            </p>
          ) : (
            <p className="muted">{t('ops.sandboxOff')}</p>
          )
        }
      </Loaded>
    </section>
  );
}
