import { Link } from 'react-router-dom'
import { triggersPath, type TriggerView } from '../../api/triggers'
import type { DefinitionSummary } from '../../api/types'
import ListStates from '../../components/ListStates'
import { usePageTitle } from '../../layout/usePageTitle'
import { useApiData } from '../instances/useApiData'
import LastEvent from './LastEvent'
import PauseResumeButton from './PauseResumeButton'
import { settingsSummary } from './settingsSummary'
import TriggerState from './TriggerState'
import { useListState } from './useListState'
import '../instances/console.css'
import './triggers.css'

/** Every trigger of a published workflow: what it listens on, whether it is paused, and what it last did. */
export default function TriggersPage() {
  usePageTitle('Triggers')
  const list = useApiData<TriggerView[]>(triggersPath())
  const definitions = useApiData<DefinitionSummary[]>('/api/workflow-definitions')
  const names = new Map(definitions.data?.map((d) => [d.id, d.name]))
  const rows = useListState(list.data)

  return (
    <section className="page triggers-page">
      <div className="heading-row">
        <h1>Triggers</h1>
        <button type="button" className="button secondary" onClick={list.reload} disabled={list.loading}>
          Refresh list
        </button>
      </div>
      <p className="page-intro">
        What starts workflows by itself: schedules, web hooks, mailboxes and folders. A paused trigger starts nothing until it is
        resumed. Open one to see everything it did.
      </p>
      <div role="status">{rows.message && <p className="alert success">{rows.message}</p>}</div>
      <ListStates
        data={rows.items}
        error={list.error}
        onRetry={list.reload}
        failed="The triggers could not be loaded"
        loading="Loading triggers…"
        empty={
          <p>
            No published workflow starts from a trigger. Add one (from the Triggers group of the palette) in place of Start in the{' '}
            <Link to="/workflows">designer</Link> and publish.
          </p>
        }
      >
        {(items) => (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Triggers</caption>
              <thead>
                <tr>
                  <th scope="col">Trigger</th>
                  <th scope="col">Workflow</th>
                  <th scope="col">Type</th>
                  <th scope="col">Listens on</th>
                  <th scope="col">State</th>
                  <th scope="col">Last event</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {items.map((t) => {
                  const workflow = names.get(t.definitionId) ?? t.definitionId
                  return (
                    <tr key={t.id}>
                      <th scope="row">
                        <Link to={`/triggers/${encodeURIComponent(t.id)}`} aria-label={`${t.activityId} of ${workflow}: details and events`}>
                          {t.activityId}
                        </Link>
                      </th>
                      <td>
                        <Link to={`/workflows/${encodeURIComponent(t.definitionId)}`}>{workflow}</Link> <span className="muted">v{t.version}</span>
                      </td>
                      <td>{t.type}</td>
                      <td className="event-message">
                        {t.key && (
                          <div>
                            <code>{t.key}</code>
                          </div>
                        )}
                        <span className="muted">{settingsSummary(t.settings) || 'no settings'}</span>
                      </td>
                      <td>
                        <TriggerState paused={t.paused} />
                      </td>
                      <td>
                        <LastEvent event={t.lastEvent} />
                      </td>
                      <td>
                        <PauseResumeButton
                          trigger={t}
                          name={`${t.activityId} of ${workflow}`}
                          onChanged={(next) => rows.replace(next, `${t.activityId} of ${workflow} is ${next.paused ? 'paused' : 'active again'}.`)}
                        />
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
      </ListStates>
    </section>
  )
}
