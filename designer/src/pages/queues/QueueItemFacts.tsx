import type { QueueItem } from '../../api/queues'
import When from '../triggers/When'
import QueueStatusLabel from './QueueStatusLabel'
import { priorityText } from './queueWords'

/** An item's facts: status, attempts (of the queue's maximum, when known), priority, holder and lease, deadline and times. */
export default function QueueItemFacts({ item, maxAttempts }: { item: QueueItem; maxAttempts?: number }) {
  return (
    <dl className="facts">
      <div>
        <dt>Status</dt>
        <dd>
          <QueueStatusLabel status={item.status} />
        </dd>
      </div>
      <div>
        <dt>Attempts</dt>
        <dd>
          {item.attempts}
          {maxAttempts !== undefined && ` of ${maxAttempts}`}
        </dd>
      </div>
      <div>
        <dt>Priority</dt>
        <dd>{priorityText[item.priority] ?? item.priority}</dd>
      </div>
      <div>
        <dt>{item.status === 'inProgress' ? 'Held by' : 'Last held by'}</dt>
        <dd>{item.heldBy ?? <span className="muted">no bot yet</span>}</dd>
      </div>
      {item.leaseUntil && (
        <div>
          <dt>Lease until</dt>
          <dd>
            <When value={item.leaseUntil} />
          </dd>
        </div>
      )}
      <div>
        <dt>Deadline</dt>
        <dd>{item.deadline ? <When value={item.deadline} /> : <span className="muted">none</span>}</dd>
      </div>
      {item.postponeUntil && (
        <div>
          <dt>Not before</dt>
          <dd>
            <When value={item.postponeUntil} />
          </dd>
        </div>
      )}
      <div>
        <dt>Added</dt>
        <dd>
          <When value={item.createdAt} />
        </dd>
      </div>
      <div>
        <dt>Last taken</dt>
        <dd>{item.startedAt ? <When value={item.startedAt} /> : <span className="muted">never</span>}</dd>
      </div>
      <div>
        <dt>Ended</dt>
        <dd>{item.completedAt ? <When value={item.completedAt} /> : <span className="muted">not yet</span>}</dd>
      </div>
      <div>
        <dt>Last change</dt>
        <dd>
          <When value={item.updatedAt} />
        </dd>
      </div>
      <div>
        <dt>Item id</dt>
        <dd>
          <code>{item.id}</code>
        </dd>
      </div>
    </dl>
  )
}
