import type { HumanTask } from '../../api/operations'
import { formatDueDate } from '../instances/formatTime'

/** A task's due date; an overdue open task says "Overdue" in words and with a symbol, not only in colour. */
export default function DueDate({ task, now = Date.now() }: { task: HumanTask; now?: number }) {
  if (!task.dueAt) return <span className="muted">no due date</span>
  const overdue = (task.status === 'open' || task.status === 'claimed') && new Date(task.dueAt).getTime() < now
  return overdue ? (
    <span className="overdue">
      <span aria-hidden="true">⚠ </span>Overdue: {formatDueDate(task.dueAt)}
    </span>
  ) : (
    <span>{formatDueDate(task.dueAt)}</span>
  )
}
