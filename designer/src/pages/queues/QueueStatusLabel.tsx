import type { QueueItemStatus } from '../../api/queues'
import { queueStatuses } from './queueWords'
import '../instances/StatusLabel.css'
import './queues.css'

/** A queue item's status as a symbol and a word ("✖ Failed"); the symbol is hidden from screen readers. */
export default function QueueStatusLabel({ status }: { status: QueueItemStatus }) {
  const s = queueStatuses[status] ?? { text: status, icon: '•' }
  return (
    <span className={`status-label queue-status-${status}`}>
      <span aria-hidden="true" className="status-icon">
        {s.icon}
      </span>
      {s.text}
    </span>
  )
}
