import { Link, useNavigate, useParams } from 'react-router-dom'
import { ApiError, describeError } from '../../api/client'
import type { TaskDetail } from '../../api/operations'
import type { DefinitionVersion } from '../../api/types'
import { useSession } from '../../auth/session'
import { usePageTitle } from '../../layout/usePageTitle'
import { formatDateTime } from '../instances/formatTime'
import { useApiData } from '../instances/useApiData'
import JsonValue from '../instances/JsonValue'
import DueDate from './DueDate'
import TaskAssignment from './TaskAssignment'
import TaskCompleteForm from './TaskCompleteForm'
import { cannotWorkReason, claimedByOther, isActive, taskAudience } from './taskRules'
import { taskStatusText } from './taskStatus'
import '../instances/console.css'
import './tasks.css'
import { shortId } from '../../api/shortId'

/** One task: what to do, where it comes from, who holds it, and its form to complete it. */
export default function TaskPage() {
  const { taskId = '' } = useParams()
  const navigate = useNavigate()
  const user = useSession()
  const task = useApiData<TaskDetail>(`/api/tasks/${encodeURIComponent(taskId)}`)
  const definition = useApiData<DefinitionVersion>(task.data ? `/api/workflow-definitions/${encodeURIComponent(task.data.definitionId)}` : null)
  usePageTitle(task.data ? `Task: ${task.data.title}` : 'Task')

  if (task.error !== undefined)
    return (
      <section className="page">
        <h1>Task</h1>
        <div className="alert error" role="alert">
          {task.error instanceof ApiError && task.error.status === 404
            ? 'There is no task with this id. It may have been typed wrongly.'
            : `The task could not be loaded: ${describeError(task.error)}`}
        </div>
        <p>
          <Link to="/tasks">Back to the task inbox</Link>
        </p>
      </section>
    )
  if (!task.data)
    return (
      <section className="page">
        <h1>Task</h1>
        <p role="status">Loading the task…</p>
      </section>
    )

  const t = task.data
  const blocked = cannotWorkReason(user, t) ?? (claimedByOther(user, t) ? `${t.claimedBy} has claimed this task; only they can complete it.` : null)
  const workflowName = definition.data?.definition.name ?? t.definitionId
  return (
    <section className="page task-page">
      <p className="breadcrumb">
        <Link to="/tasks">Task inbox</Link>
      </p>
      <h1>{t.title || 'Untitled task'}</h1>
      {t.description && <p className="task-description">{t.description}</p>}
      <div className="card">
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>{taskStatusText[t.status]}</dd>
          </div>
          <div>
            <dt>For</dt>
            <dd>{taskAudience(t)}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>
              <DueDate task={t} />
            </dd>
          </div>
          <div>
            <dt>Workflow</dt>
            <dd>{workflowName}</dd>
          </div>
          <div>
            <dt>Instance</dt>
            <dd>
              <Link to={`/instances/${t.instanceId}`}>Instance {shortId(t.instanceId)}</Link>
            </dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>{formatDateTime(t.createdAt)}</dd>
          </div>
        </dl>
      </div>
      {isActive(t) ? (
        <div className="task-layout">
          <div className="card">
            <TaskCompleteForm
              key={t.id}
              task={t}
              blockedReason={blocked}
              onCompleted={() => navigate('/tasks', { state: { message: `The task “${t.title}” was completed.` } })}
            />
          </div>
          <TaskAssignment task={t} onChanged={task.reload} />
        </div>
      ) : (
        <div className="card">
          <h2>{t.status === 'completed' ? 'Completed' : 'Cancelled'}</h2>
          {t.status === 'completed' ? (
            <>
              <p>
                Completed by {t.completedBy ?? 'someone'} on {formatDateTime(t.completedAt)}
                {t.result?.outcome ? <> with the choice <strong>{t.result.outcome}</strong></> : null}.
              </p>
              {t.result?.data && Object.keys(t.result.data).length > 0 && (
                <>
                  <h3>Form data</h3>
                  <JsonValue value={t.result.data} />
                </>
              )}
            </>
          ) : (
            <p>The task was cancelled on {formatDateTime(t.completedAt)}, because its instance ended. There is nothing left to do.</p>
          )}
        </div>
      )}
    </section>
  )
}
