import { Link } from 'react-router-dom'
import { describeError } from '../../api/client'
import { queueStatisticsPath, queuesPath, type QueueStatistics, type WorkQueueView } from '../../api/queues'
import ListStates from '../../components/ListStates'
import { usePageTitle } from '../../layout/usePageTitle'
import { useApiData } from '../instances/useApiData'
import { countedStatuses, formatPerHour, formatSeconds, queueStatusText } from './queueWords'
import SlaBreaches from './SlaBreaches'
import '../instances/console.css'
import './queues.css'

/** Every work queue with how it is doing over the last 24 hours: items per status, SLA breaches, throughput, handling time. */
export default function QueuesPage() {
  usePageTitle('Queues')
  const list = useApiData<WorkQueueView[]>(queuesPath)

  return (
    <section className="page queues-page">
      <div className="heading-row">
        <h1>Queues</h1>
        <button type="button" className="button secondary" onClick={list.reload} disabled={list.loading}>
          Refresh list
        </button>
      </div>
      <p className="page-intro">
        Work waiting for bots: supplier invoices to key, starters to set up. Each queue shows its items by status and, over the last
        24 hours, how many finished, how long a bot took on average, and how many missed their deadline. Open a queue to see its
        items.
      </p>
      <ListStates
        data={list.data}
        error={list.error}
        onRetry={list.reload}
        failed="The queues could not be loaded"
        loading="Loading queues…"
        empty="There are no work queues yet. An administrator or operator creates one through the API (PUT /api/queues/{name})."
      >
        {(queues) => (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Work queues, with items by status and the last 24 hours</caption>
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  {countedStatuses.map((s) => (
                    <th key={s} scope="col" className="number">
                      {queueStatusText(s)}
                    </th>
                  ))}
                  <th scope="col" className="number">
                    SLA breaches
                  </th>
                  <th scope="col" className="number">
                    Finished (24 h)
                  </th>
                  <th scope="col" className="number">
                    Throughput
                  </th>
                  <th scope="col" className="number">
                    Average handling time
                  </th>
                </tr>
              </thead>
              <tbody>
                {queues.map((q) => (
                  <QueueRow key={q.name} queue={q} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListStates>
    </section>
  )
}

function QueueRow({ queue }: { queue: WorkQueueView }) {
  const stats = useApiData<QueueStatistics>(queueStatisticsPath(queue.name))
  const s = stats.data
  const columns = countedStatuses.length + 4
  return (
    <tr>
      <th scope="row">
        <Link to={`/queues/${encodeURIComponent(queue.name)}`}>{queue.name}</Link>
        {queue.description && <div className="muted">{queue.description}</div>}
      </th>
      {stats.error !== undefined ? (
        <td colSpan={columns} className="event-message is-error">
          <span aria-hidden="true">⚠ </span>The statistics could not be loaded: {describeError(stats.error)}
        </td>
      ) : !s ? (
        <td colSpan={columns} className="muted">
          Loading…
        </td>
      ) : (
        <>
          {countedStatuses.map((status) => (
            <td key={status} className="number" data-status={status}>
              {s.counts[status] ?? 0}
            </td>
          ))}
          <td className="number">
            <SlaBreaches count={s.slaBreaches} />
          </td>
          <td className="number">{s.finished}</td>
          <td className="number">{formatPerHour(s.throughputPerHour)}</td>
          <td className="number">{s.averageHandlingSeconds != null ? formatSeconds(s.averageHandlingSeconds) : <span className="muted">none yet</span>}</td>
        </>
      )}
    </tr>
  )
}
