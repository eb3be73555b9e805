import { Link } from 'react-router-dom'
import type { BookmarkView, HumanTask } from '../../api/operations'
import { formatDateTime } from './formatTime'

interface WaitListProps {
  bookmarks: BookmarkView[]
  activityNames: Map<string, string>
  /** The instance's tasks, to link a human-task wait to its task. */
  tasks: HumanTask[]
}

/** What the instance is waiting for, one line per open wait, in words. */
export default function WaitList({ bookmarks, activityNames, tasks }: WaitListProps) {
  if (bookmarks.length === 0) return <p className="muted">The instance is not waiting for anything.</p>
  return (
    <ul className="wait-list">
      {bookmarks.map((b) => (
        <li key={b.id}>
          <strong>{activityNames.get(b.activityId) ?? b.activityId}</strong>: {describe(b, tasks)}
        </li>
      ))}
    </ul>
  )
}

function describe(b: BookmarkView, tasks: HumanTask[]) {
  switch (b.kind) {
    case 'HumanTask': {
      const task = tasks.find((t) => t.bookmarkId === b.id)
      return task ? (
        <>
          waiting for a person to complete the task <Link to={`/tasks/${task.id}`}>{task.title}</Link>
          {task.claimedBy ? ` (claimed by ${task.claimedBy})` : task.assignee ? ` (assigned to ${task.assignee})` : task.role ? ` (for the ${task.role} role)` : ''}.
        </>
      ) : (
        'waiting for a person to complete a task.'
      )
    }
    case 'Timer':
      return `waiting until ${formatDateTime(b.dueAt)}.`
    case 'Retry':
      return `waiting to try again at ${formatDateTime(b.dueAt)}.`
    case 'Signal':
      return `waiting for the signal “${b.name ?? ''}”${b.correlationId ? ` for ${b.correlationId}` : ''}.`
    case 'ChildWorkflow':
      return 'waiting for the workflow it started to end.'
    default:
      return `waiting (${b.kind}).`
  }
}
