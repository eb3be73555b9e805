import { useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { ApiError, describeError } from '../../api/client'
import { triggerEventsPath, triggerPath, type TriggerEvent, type TriggerView } from '../../api/triggers'
import type { DefinitionSummary } from '../../api/types'
import { usePageTitle } from '../../layout/usePageTitle'
import { useApiData } from '../instances/useApiData'
import EventKindLabel from './EventKindLabel'
import PauseResumeButton from './PauseResumeButton'
import { settingsEntries } from './settingsSummary'
import TriggerState from './TriggerState'
import When, { formatUkTime } from './When'
import '../instances/console.css'
import './triggers.css'
import { shortId } from '../../api/shortId'

/** One trigger: its workflow, settings and state, and its recent events with the instances they started. */
export default function TriggerPage() {
  const { triggerId = '' } = useParams()
  usePageTitle(`Trigger ${triggerId}`)
  const loaded = useApiData<TriggerView>(triggerPath(triggerId))
  const events = useApiData<TriggerEvent[]>(triggerEventsPath(triggerId))
  const definitions = useApiData<DefinitionSummary[]>('/api/workflow-definitions')
  const [changed, setChanged] = useState<TriggerView | null>(null)
  const trigger = changed && changed.id === loaded.data?.id ? changed : loaded.data
  const workflow = trigger ? (definitions.data?.find((d) => d.id === trigger.definitionId)?.name ?? trigger.definitionId) : ''

  if (loaded.error !== undefined)
    return (
      <section className="page">
        <p className="breadcrumb">
          <Link to="/triggers">Triggers</Link>
        </p>
        <h1>Trigger {triggerId}</h1>
        <div className="alert error" role="alert">
          <p>
            {loaded.error instanceof ApiError && loaded.error.status === 404
              ? 'There is no such trigger: its workflow may have been deleted or published without it.'
              : `The trigger could not be loaded: ${describeError(loaded.error)}`}
          </p>
        </div>
      </section>
    )
  if (!trigger) return <p role="status">Loading the trigger…</p>

  const settings = settingsEntries(trigger.settings)
  return (
    <section className="page trigger-page">
      <p className="breadcrumb">
        <Link to="/triggers">Triggers</Link>
      </p>
      <div className="heading-row">
        <h1>
          {trigger.activityId} <span className="muted">of {workflow}</span>
        </h1>
        <PauseResumeButton trigger={trigger} name={`${trigger.activityId} of ${workflow}`} onChanged={setChanged} />
      </div>
      <dl className="facts">
        <div>
          <dt>Workflow</dt>
          <dd>
            <Link to={`/workflows/${encodeURIComponent(trigger.definitionId)}`}>{workflow}</Link> (published version {trigger.version})
          </dd>
        </div>
        <div>
          <dt>Type</dt>
          <dd>{trigger.type}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>
            <TriggerState paused={trigger.paused} />
          </dd>
        </div>
        {trigger.key && (
          <div>
            <dt>Listens on</dt>
            <dd>
              <code>{trigger.key}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>Settings</dt>
          <dd>
            {settings.length === 0 ? (
              <span className="muted">none</span>
            ) : (
              <ul className="settings-list">
                {settings.map(([k, v]) => (
                  <li key={k}>
                    {k}: <code>{v}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>

      <div className="heading-row">
        <h2>Events</h2>
        <button type="button" className="button secondary small" onClick={events.reload} disabled={events.loading}>
          Refresh events
        </button>
      </div>
      {events.error !== undefined ? (
        <p className="alert error" role="alert">
          The events could not be loaded: {describeError(events.error)}
        </p>
      ) : !events.data ? (
        <p role="status">Loading events…</p>
      ) : events.data.length === 0 ? (
        <p className="card empty-state">This trigger has not done anything yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Events of {trigger.activityId}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">When</th>
                <th scope="col">Details</th>
                <th scope="col">Instance</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((e) => (
                <tr key={e.id}>
                  <td>
                    <EventKindLabel kind={e.kind} />
                  </td>
                  <td>
                    <When value={e.at} />
                  </td>
                  <td className={e.kind === 'error' || e.kind === 'quarantined' ? 'event-message is-error' : 'event-message'}>{e.message}</td>
                  <td>
                    {e.instanceId ? (
                      <Link to={`/instances/${encodeURIComponent(e.instanceId)}`} aria-label={`Instance ${shortId(e.instanceId)}, from ${formatUkTime(e.at)}`}>
                        <code>{shortId(e.instanceId)}</code>
                      </Link>
                    ) : (
                      <span className="muted">none</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
