import { Link } from 'react-router-dom'
import type { BotWorker } from '../../api/bots'
import When from '../triggers/When'
import BotState, { OnlineState } from './BotState'
import { shortId } from '../../api/shortId'

/** The bot workers: which bot on which queue, online or not, what each is doing and the item in its hands. */
export default function BotWorkersTable({ workers }: { workers: BotWorker[] }) {
  return (
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
          {workers.map((w) => (
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
                    {w.itemReference ?? <code>{shortId(w.itemId)}</code>}
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
  )
}
