import { Link } from 'react-router-dom'
import type { BotMetrics } from '../../api/bots'
import { failureListPath } from '../queues/queueItemFilters'
import { failureKindShort, formatPerHour } from '../queues/queueWords'

/** What the bots did in a window: items per bot and queue, and failed attempts by queue, kind and code (each linked to the queue's items that last failed so). */
export default function BotMetricsTables({ metrics, windowText }: { metrics: BotMetrics; windowText: string }) {
  return (
    <>
      <h3>Items per bot</h3>
      {metrics.bots.length === 0 ? (
        <p className="card empty-state">No bot finished an item in the {windowText}.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Items per bot and queue, {windowText}</caption>
            <thead>
              <tr>
                <th scope="col">Bot</th>
                <th scope="col">Queue</th>
                <th scope="col" className="number">
                  Items per hour
                </th>
                <th scope="col" className="number">
                  Successful
                </th>
                <th scope="col" className="number">
                  Failed attempts
                </th>
              </tr>
            </thead>
            <tbody>
              {metrics.bots.map((b) => (
                <tr key={`${b.bot}|${b.queue}`}>
                  <th scope="row">{b.bot}</th>
                  <td>
                    <Link to={`/queues/${encodeURIComponent(b.queue)}`}>{b.queue}</Link>
                  </td>
                  <td className="number">{formatPerHour(b.itemsPerHour)}</td>
                  <td className="number">{b.successful}</td>
                  <td className="number">{b.failed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Failures by reason</h3>
      {metrics.failuresByReason.length === 0 ? (
        <p className="card empty-state">No item failed in the {windowText}.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Failures by queue, kind and code, {windowText}</caption>
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Kind</th>
                <th scope="col">Code</th>
                <th scope="col" className="number">
                  Failed attempts
                </th>
              </tr>
            </thead>
            <tbody>
              {metrics.failuresByReason.map((f) => (
                <tr key={`${f.queue}|${f.kind}|${f.code ?? ''}`}>
                  <td>
                    <Link
                      to={failureListPath(f.queue, f.kind, f.code)}
                      aria-label={`${f.queue}: the items that last failed with ${f.code ? `code ${f.code}` : `a ${(failureKindShort[f.kind] ?? f.kind).toLowerCase()} exception`}`}
                    >
                      {f.queue}
                    </Link>
                  </td>
                  <td>{failureKindShort[f.kind] ?? f.kind}</td>
                  <td>{f.code ? <code>{f.code}</code> : <span className="muted">none</span>}</td>
                  <td className="number">{f.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
