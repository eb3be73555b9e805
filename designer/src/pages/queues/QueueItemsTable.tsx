import { Link } from 'react-router-dom'
import type { QueueItem } from '../../api/queues'
import When from '../triggers/When'
import QueueItemActions from './QueueItemActions'
import QueueStatusLabel from './QueueStatusLabel'
import { failureKindShort, itemName, priorityText } from './queueWords'

interface Props {
  items: QueueItem[]
  caption: string
  refusal: string | null
  onChanged: (item: QueueItem, message: string) => void
  onError: (message: string) => void
}

/** A page of a queue's items: reference (to the item's page), status with the last failure, priority, attempts, holder, times, actions. */
export default function QueueItemsTable({ items, caption, refusal, onChanged, onError }: Props) {
  return (
    <div className="table-scroll">
      <table className="queue-items">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col" className="number">
              Attempts
            </th>
            <th scope="col">Held by</th>
            <th scope="col">Added</th>
            <th scope="col">Last change</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = itemName(item)
            return (
              <tr key={item.id}>
                <th scope="row">
                  <Link to={`/queue-items/${encodeURIComponent(item.id)}`} aria-label={`${name}: details and history`}>
                    {name}
                  </Link>
                </th>
                <td>
                  <QueueStatusLabel status={item.status} />
                  {item.failureReason && (
                    <div className="failure-line">
                      {item.failureKind && <strong>{failureKindShort[item.failureKind] ?? item.failureKind}: </strong>}
                      {item.failureReason}
                      {item.failureCode && (
                        <>
                          {' '}
                          <span className="muted">
                            (code <code>{item.failureCode}</code>)
                          </span>
                        </>
                      )}
                    </div>
                  )}
                </td>
                <td>{priorityText[item.priority] ?? item.priority}</td>
                <td className="number">{item.attempts}</td>
                <td>{item.heldBy ?? <span className="muted">nobody</span>}</td>
                <td>
                  <When value={item.createdAt} />
                </td>
                <td>
                  <When value={item.updatedAt} />
                </td>
                <td>
                  <QueueItemActions item={item} name={name} refusal={refusal} refusalId="item-action-refusal" onChanged={onChanged} onError={onError} small />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
