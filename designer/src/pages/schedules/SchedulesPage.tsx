import { useEffect, useState } from 'react'
import { Link } from 'react-router-dom'
import { listTriggers, type TriggerView } from '../../api/triggers'
import type { ActivityDescriptor, DefinitionSummary, Json } from '../../api/types'
import ListStates from '../../components/ListStates'
import { usePageTitle } from '../../layout/usePageTitle'
import { describeCron } from '../../schedules/describeCron'
import { describeDuration } from '../designer/editors/duration'
import { useApiData } from '../instances/useApiData'
import LastEvent from '../triggers/LastEvent'
import PauseResumeButton from '../triggers/PauseResumeButton'
import TriggerState from '../triggers/TriggerState'
import { useListState } from '../triggers/useListState'
import NextFireTimes, { FireTimeList } from './NextFireTimes'
import { schedulesPath, type ScheduleSummary } from '../../api/schedules'
import RunNowButton from './RunNowButton'
import { cronInputOf, scheduleTypes } from './scheduleTypes'
import '../instances/console.css'
import '../triggers/triggers.css'

const text = (v: Json | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null)

/** Loads the schedule triggers: those of every type scheduleTypes finds among the server's activities. */
function useSchedules(descriptors: ActivityDescriptor[] | undefined, generation: number) {
  const [state, setState] = useState<{ items?: TriggerView[]; error?: unknown }>({})
  useEffect(() => {
    if (!descriptors) return
    let current = true
    setState({})
    Promise.all(scheduleTypes(descriptors).map((t) => listTriggers(t))).then(
      (lists) => current && setState({ items: lists.flat().sort((a, b) => a.id.localeCompare(b.id)) }),
      (error) => current && setState({ error }),
    )
    return () => {
      current = false
    }
  }, [descriptors, generation])
  return state
}

/** Schedule triggers: when each runs in words, its next three runs in its own time zone, pause/resume and run now. */
export default function SchedulesPage() {
  usePageTitle('Schedules')
  const activities = useApiData<ActivityDescriptor[]>('/api/activities')
  const definitions = useApiData<DefinitionSummary[]>('/api/workflow-definitions')
  const [generation, setGeneration] = useState(0)
  const loaded = useSchedules(activities.data, generation)
  // An interval's next runs count from when the server started it, so only the server can say them.
  const serverTimes = useApiData<ScheduleSummary[]>(schedulesPath)
  const intervalTimes = (triggerId: string) =>
    serverTimes.data ? (serverTimes.data.find((v) => v.triggerId === triggerId)?.nextFireTimes.map((t) => t.utc) ?? []) : null
  const rows = useListState(loaded.items)
  const names = new Map(definitions.data?.map((d) => [d.id, d.name]))
  const byType = new Map(activities.data?.map((d) => [d.type, d]))
  const error = activities.error ?? loaded.error
  const refresh = () => {
    setGeneration((g) => g + 1)
    serverTimes.reload()
    if (activities.error !== undefined) activities.reload()
  }

  return (
    <section className="page schedules-page">
      <div className="heading-row">
        <h1>Schedules</h1>
        <button type="button" className="button secondary" onClick={refresh} disabled={!rows.items && !error}>
          Refresh list
        </button>
      </div>
      <p className="page-intro">
        Workflows that start on a timetable. Times are shown in each schedule&apos;s own time zone (UK time unless it says
        otherwise), as the server works them out across the clock changes.
      </p>
      <div role="status">{rows.message && <p className="alert success">{rows.message}</p>}</div>
      <ListStates
        data={rows.items}
        error={error}
        onRetry={refresh}
        failed="The schedules could not be loaded"
        loading="Loading schedules…"
        empty={
          <p>
            No published workflow starts on a schedule. Put a Schedule trigger in place of Start in the <Link to="/workflows">designer</Link>{' '}
            and publish.
          </p>
        }
      >
        {(items) => (
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Schedules</caption>
              <thead>
                <tr>
                  <th scope="col">Workflow</th>
                  <th scope="col">Runs</th>
                  <th scope="col">Next runs</th>
                  <th scope="col">State</th>
                  <th scope="col">Last event</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => {
                  const workflow = names.get(s.definitionId) ?? s.definitionId
                  const cron = text(s.settings[cronInputOf(byType.get(s.type))])
                  const interval = text(s.settings.interval)
                  const timeZone = text(s.settings.timeZone) ?? 'Europe/London'
                  const name = `the schedule of ${workflow}`
                  return (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={`/workflows/${encodeURIComponent(s.definitionId)}`}>{workflow}</Link>
                        <div className="muted">
                          <Link to={`/triggers/${encodeURIComponent(s.id)}`} aria-label={`Events of ${name}`}>
                            {s.activityId}
                          </Link>
                        </div>
                      </th>
                      <td className="event-message">
                        {cron ? (
                          <>
                            <div>{describeCron(cron) ?? 'A cron schedule'}</div>
                            <code>{cron}</code>
                          </>
                        ) : interval ? (
                          <div>Every {describeDuration(interval) ?? interval}</div>
                        ) : (
                          <span className="muted">No timetable set</span>
                        )}
                        <div className="muted">Time zone: {timeZone}</div>
                      </td>
                      <td>
                        {s.paused ? (
                          <span className="muted">None while paused</span>
                        ) : cron ? (
                          <NextFireTimes cron={cron} timeZone={timeZone} />
                        ) : interval ? (
                          <FireTimeList times={intervalTimes(s.id)} timeZone={timeZone} />
                        ) : (
                          <span className="muted">No timetable set</span>
                        )}
                      </td>
                      <td>
                        <TriggerState paused={s.paused} />
                      </td>
                      <td>
                        <LastEvent event={s.lastEvent} />
                      </td>
                      <td>
                        <div className="row-actions">
                          <PauseResumeButton
                            trigger={s}
                            name={name}
                            onChanged={(next) => {
                              rows.replace(next, `The schedule of ${workflow} is ${next.paused ? 'paused' : 'active again'}.`)
                              serverTimes.reload()
                            }}
                          />
                          <RunNowButton triggerId={s.id} name={name} paused={s.paused} />
                        </div>
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
