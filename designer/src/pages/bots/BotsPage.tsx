import { useState } from 'react'
import { Link } from 'react-router-dom'
import { botMetricsPath, botsPath, type BotMetrics, type BotWorker } from '../../api/bots'
import { describeError } from '../../api/client'
import { usePageTitle } from '../../layout/usePageTitle'
import { useApiData } from '../instances/useApiData'
import { failureKindShort, formatPerHour } from '../queues/queueWords'
import When from '../triggers/When'
import BotState, { OnlineState } from './BotState'
import '../instances/console.css'
import '../triggers/triggers.css'
import '../queues/queues.css'

const windows = [
  { hours: 1, text: 'Last hour' },
  { hours: 24, text: 'Last 24 hours' },
  { hours: 24 * 7, text: 'Last 7 days' },
]

/** The digital workforce: every bot worker, whether it is online and what it holds, and what the bots did in a window. */
export default function BotsPage() {
  usePageTitle('Bots')
  const [hours, setHours] = useState(24)
  const workers = useApiData<BotWorker[]>(botsPath)
  const metrics = useApiData<BotMetrics>(botMetricsPath(hours))
  const windowText = windows.find((w) => w.hours === hours)?.text.toLowerCase() ?? `last ${hours} hours`

  return (
    <section className="page bots-page">
      <div className="heading-row">
        <h1>Bots</h1>
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            workers.reload()
            metrics.reload()
          }}
          disabled={workers.loading || metrics.loading}
        >
          Refresh
        </button>
      </div>
      <p className="page-intro">
        The bot workers that take items from the queues: whether each is online (heard from within three heartbeats), what it is
        doing and the item in its hands. Below, how many items each bot got through and why items failed.
      </p>

      <h2>Workers</h2>
      {workers.error !== undefined ? (
        <div className="alert error" role="alert">
          <p>The bot workers could not be loaded: {describeError(workers.error)}</p>
          <button type="button" className="button secondary" onClick={workers.reload}>
            Try again
          </button>
        </div>
      ) : !workers.data ? (
        <p role="status">Loading bot workers…</p>
      ) : workers.data.length === 0 ? (
        <div className="card empty-state" role="status">
          <p>No bot worker has started. Bot pools are configured on the server (Automation:Bots:Pools).</p>
        </div>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Bot workers</caption>
            <thead>
              <tr>
                <th scope="col">Worker</th>
                <th scope="col">Bot and queue</th>
                <th scope="col">Online</th>
                <th scope="col">Status</th>
                <th scope="col">Item in hand</th>
                <th scope="col">Last heartbeat</th>
                <th scope="col" className="number">
                  Handled
                </th>
                <th scope="col" className="number">
                  Failed
                </th>
              </tr>
            </thead>
            <tbody>
              {workers.data.map((w) => (
                <tr key={w.id}>
                  <th scope="row" className="event-message">
                    <code>{w.id}</code>
                    {(w.pool || w.node) && (
                      <div className="muted">
                        {w.pool && <>pool {w.pool}</>}
                        {w.pool && w.node && ', '}
                        {w.node && <>on {w.node}</>}
                      </div>
                    )}
                  </th>
                  <td>
                    {w.bot}
                    <div>
                      <Link to={`/queues/${encodeURIComponent(w.queue)}`} aria-label={`Queue ${w.queue}`}>
                        {w.queue}
                      </Link>
                    </div>
                  </td>
                  <td>
                    <OnlineState online={w.online} />
                  </td>
                  <td>
                    <BotState status={w.status} />
                    {w.error && <div className="failure-line">{w.error}</div>}
                    {w.startedAt && (
                      <div className="muted">
                        started <When value={w.startedAt} />
                      </div>
                    )}
                  </td>
                  <td>
                    {w.itemId ? (
                      <Link to={`/queue-items/${encodeURIComponent(w.itemId)}`} aria-label={`Item in hand of ${w.id}: ${w.itemReference ?? w.itemId}`}>
                        {w.itemReference ?? <code>{w.itemId.slice(0, 8)}</code>}
                      </Link>
                    ) : (
                      <span className="muted">none</span>
                    )}
                  </td>
                  <td>{w.lastHeartbeat ? <When value={w.lastHeartbeat} /> : <span className="muted">never</span>}</td>
                  <td className="number">{w.itemsHandled}</td>
                  <td className="number">{w.itemsFailed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="heading-row">
        <h2>What the bots did</h2>
        <form className="view-filter" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="bot-metrics-window">Period</label>
            <select id="bot-metrics-window" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
              {windows.map((w) => (
                <option key={w.hours} value={w.hours}>
                  {w.text}
                </option>
              ))}
            </select>
          </div>
        </form>
      </div>
      {metrics.error !== undefined ? (
        <div className="alert error" role="alert">
          <p>The bot metrics could not be loaded: {describeError(metrics.error)}</p>
          <button type="button" className="button secondary" onClick={metrics.reload}>
            Try again
          </button>
        </div>
      ) : !metrics.data ? (
        <p role="status">Loading bot metrics…</p>
      ) : (
        <>
          <h3>Items per bot</h3>
          {metrics.data.bots.length === 0 ? (
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
                  {metrics.data.bots.map((b) => (
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
          {metrics.data.failuresByReason.length === 0 ? (
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
                  {metrics.data.failuresByReason.map((f) => (
                    <tr key={`${f.queue}|${f.kind}|${f.code ?? ''}`}>
                      <td>
                        <Link to={`/queues/${encodeURIComponent(f.queue)}?status=failed`} aria-label={`Failed items of ${f.queue}`}>
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
      )}
    </section>
  )
}
