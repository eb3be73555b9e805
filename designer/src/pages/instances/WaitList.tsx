import { Link } from 'react-router-dom'
import type { BookmarkView, HumanTask, InstanceSummary } from '../../api/operations'
import { formatDateTime } from './formatTime'
import { shortId } from '../../api/shortId'

interface WaitListProps {
  bookmarks: BookmarkView[]
  activityNames: Map<string, string>
  /** The instance's tasks, to link a human-task wait to its task. */
  tasks: HumanTask[]
  /** The instances it started, to name the workflow a child-workflow wait is for. */
  childInstances: InstanceSummary[]
  /** Workflow names by definition id. */
  workflowNames: Map<string, string>
}

/** What the instance is waiting for, one line per open wait, in words. */
export default function WaitList({ bookmarks, activityNames, tasks, childInstances, workflowNames }: WaitListProps) {
  if (bookmarks.length === 0) return <p className="muted">The instance is not waiting for anything.</p>
  return (
    <ul className="wait-list">
      {bookmarks.map((b) => (
        <li key={b.id}>
          <strong>{activityNames.get(b.activityId) ?? b.activityId}</strong>: {describe(b, tasks, childInstances, workflowNames)}
        </li>
      ))}
    </ul>
  )
}

function describe(b: BookmarkView, tasks: HumanTask[], childInstances: InstanceSummary[], workflowNames: Map<string, string>) {
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
    case 'ChildWorkflow': {
      // Run workflow names its wait after the child instance's id (the bookmark's own id is the same).
      const childId = b.name ?? b.id
      const child = childInstances.find((c) => c.id === childId)
      const workflow = child ? (workflowNames.get(child.definitionId) ?? child.definitionId) : null
      return (
        <>
          waiting for {workflow ? `the workflow “${workflow}”` : 'the workflow'} it started (
          <Link to={`/instances/${encodeURIComponent(childId)}`}>instance {shortId(childId)}</Link>) to end.
        </>
      )
    }
    default:
      return `waiting (${b.kind}).`
  }
}
