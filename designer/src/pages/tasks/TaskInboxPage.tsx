import { Link, useLocation, useSearchParams } from 'react-router-dom'
import type { HumanTask } from '../../api/operations'
import type { DefinitionSummary, Page } from '../../api/types'
import ListStates from '../../components/ListStates'
import { usePageTitle } from '../../layout/usePageTitle'
import { formatDateTime } from '../instances/formatTime'
import Pager from '../instances/Pager'
import { useApiData } from '../instances/useApiData'
import { useCursorPages } from '../instances/useCursorPages'
import DueDate from './DueDate'
import { inboxViews, viewById } from './inboxViews'
import { taskAudience } from './taskRules'
import { taskStatusText } from './taskStatus'
import '../instances/console.css'
import './tasks.css'

/** The task inbox: tasks for me or my roles, all open tasks, or completed ones; newest first, a page at a time. */
export default function TaskInboxPage() {
  usePageTitle('Tasks')
  const [searchParams] = useSearchParams()
  const location = useLocation()
  const flash = (location.state as { message?: string } | null)?.message
  const view = viewById(searchParams.get('view'))
  const pages = useCursorPages(view.id)
  const list = useApiData<Page<HumanTask>>(`/api/tasks?${view.query}&pageSize=25${pages.cursor ? `&cursor=${encodeURIComponent(pages.cursor)}` : ''}`)
  const definitions = useApiData<DefinitionSummary[]>('/api/workflow-definitions')
  const names = new Map(definitions.data?.map((d) => [d.id, d.name]))

  return (
    <section className="page task-inbox">
      <h1>Tasks</h1>
      <p className="page-intro">Work that a workflow is waiting for a person to do. Open a task to claim it, fill in its form and complete it.</p>
      <div role="status">{flash && <p className="alert success">{flash}</p>}</div>
      <nav aria-label="Task views" className="view-links">
        <ul>
          {inboxViews.map((v) => (
            <li key={v.id}>
              <Link to={`/tasks?view=${v.id}`} aria-current={v.id === view.id ? 'page' : undefined}>
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="muted">{view.description}</p>
      <ListStates
        data={list.data}
        error={list.error}
        onRetry={list.reload}
        failed="The tasks could not be loaded"
        loading="Loading tasks…"
        isEmpty={(page) => page.items.length === 0}
        empty={view.id === 'mine' ? 'There is nothing waiting for you. Well done.' : 'There are no tasks here.'}
      >
        {(page) => (
          <>
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{view.label} tasks</caption>
                <thead>
                  <tr>
                    <th scope="col">Task</th>
                    <th scope="col">Workflow</th>
                    <th scope="col">For</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((t) => (
                    <tr key={t.id}>
                      <td>
                        <Link to={`/tasks/${t.id}`}>{t.title || 'Untitled task'}</Link>
                      </td>
                      <td>{names.get(t.definitionId) ?? t.definitionId}</td>
                      <td>{taskAudience(t)}</td>
                      <td>
                        <DueDate task={t} />
                      </td>
                      <td>
                        {taskStatusText[t.status]}
                        {t.status === 'claimed' && t.claimedBy && <div className="muted">by {t.claimedBy}</div>}
                      </td>
                      <td className="nowrap">{formatDateTime(t.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager label="Task pages" pageNumber={pages.pageNumber} nextCursor={page.nextCursor} onNext={pages.next} onPrevious={pages.previous} disabled={list.loading} />
          </>
        )}
      </ListStates>
    </section>
  )
}
