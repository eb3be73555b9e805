import { Link } from 'react-router-dom'
import type { QueueStatistics } from '../../api/queues'
import { failureListPath } from './queueItemFilters'
import { countedStatuses, failureKindShort, formatPerHour, formatSeconds, queueStatusText } from './queueWords'
import SlaBreaches from './SlaBreaches'

/**
 * A queue's numbers as labelled figures: items per status now, then the window's finished, throughput, handling time and
 * SLA breaches, and its failures by reason, each linked to the queue's items that last failed so.
 */
export default function QueueStatisticsList({ stats }: { stats: QueueStatistics }) {
  return (
    <>
      <h3 className="stat-heading">Items now</h3>
      <dl className="stat-list">
        {countedStatuses.map((s) => (
          <div key={s}>
            <dt>{queueStatusText(s)}</dt>
            <dd>{stats.counts[s] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <h3 className="stat-heading">The last {stats.windowHours} hours</h3>
      <dl className="stat-list">
        <div>
          <dt>SLA breaches</dt>
          <dd>
            <SlaBreaches count={stats.slaBreaches} />
          </dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{stats.finished}</dd>
        </div>
        <div>
          <dt>Throughput</dt>
          <dd>{formatPerHour(stats.throughputPerHour)}</dd>
        </div>
        <div>
          <dt>Average handling time</dt>
          <dd>{stats.averageHandlingSeconds != null ? formatSeconds(stats.averageHandlingSeconds) : 'none yet'}</dd>
        </div>
      </dl>
      {stats.failuresByReason && (
        <>
          <h3 className="stat-heading">Failures by reason, the last {stats.windowHours} hours</h3>
          {stats.failuresByReason.length === 0 ? (
            <p className="muted">No attempt failed.</p>
          ) : (
            <div className="table-scroll reasons-table">
              <table>
                <caption className="visually-hidden">Failed attempts by kind and code, the last {stats.windowHours} hours</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Code</th>
                    <th scope="col" className="number">
                      Attempts
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {stats.failuresByReason.map((f) => (
                    <tr key={`${f.kind}|${f.code ?? ''}`}>
                      <td>{failureKindShort[f.kind] ?? f.kind}</td>
                      <td>
                        <Link
                          to={failureListPath(stats.queue, f.kind, f.code)}
                          aria-label={
                            f.code
                              ? `${f.code}: list the items that last failed with this code`
                              : `none: list the items whose last failure was a ${(failureKindShort[f.kind] ?? f.kind).toLowerCase()} exception`
                          }
                        >
                          {f.code ? <code>{f.code}</code> : 'none'}
                        </Link>
                      </td>
                      <td className="number">{f.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  )
}
