import type { QueueItemEvent } from '../../api/queues'
import When from '../triggers/When'
import QueueStatusLabel from './QueueStatusLabel'
import { failureKindShort, historyActionText } from './queueWords'

/** Every step of an item's life, oldest first: when, what, the status it left, who, and any message. */
export default function QueueItemHistory({ history, name }: { history: QueueItemEvent[]; name: string }) {
  const ordered = [...history].sort((a, b) => a.sequence - b.sequence)
  return (
    <div className="table-scroll">
      <table className="queue-history">
        <caption className="visually-hidden">History of {name}, oldest first</caption>
        <thead>
          <tr>
            <th scope="col" className="number">
              Step
            </th>
            <th scope="col">When</th>
            <th scope="col">What happened</th>
            <th scope="col">Status after</th>
            <th scope="col">By</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((e) => (
            <tr key={e.sequence}>
              <td className="number">{e.sequence}</td>
              <td>
                <When value={e.at} />
              </td>
              <td>{historyActionText(e.action)}</td>
              <td>
                <QueueStatusLabel status={e.status} />
              </td>
              <td>{e.actor ?? <span className="muted">the system</span>}</td>
              <td className="event-message">
                {e.message ?? <span className="muted">none</span>}
                {e.failureCode && (
                  <div className="muted">
                    {e.failureKind && `${failureKindShort[e.failureKind] ?? e.failureKind} exception, `}code <code>{e.failureCode}</code>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
