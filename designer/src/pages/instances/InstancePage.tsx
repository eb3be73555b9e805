import { useEffect, useMemo, useRef, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { ApiError, describeError } from '../../api/client'
import type { HumanTask, InstanceSummary } from '../../api/operations'
import type { ActivityDescriptor, DefinitionSummary, DefinitionVersion, Page } from '../../api/types'
import FlowchartView from '../../flowchart/FlowchartView'
import { usePageTitle } from '../../layout/usePageTitle'
import IncidentList from './IncidentList'
import InstanceActions from './InstanceActions'
import InstanceHeader from './InstanceHeader'
import { runPath } from '../../flowchart/runPath'
import InstanceTable from './InstanceTable'
import JournalTimeline from './JournalTimeline'
import { useApiData } from './useApiData'
import { useInstance } from './useInstance'
import { useJournal } from './useJournal'
import ValuesTable from './ValuesTable'
import WaitList from './WaitList'
import './console.css'
import './InstancePage.css'

/** One instance: its facts, actions, what it waits for, incidents, the path it took, its journal and its data. */
export default function InstancePage() {
  const { instanceId = '' } = useParams()
  const { detail, error, replace } = useInstance(instanceId)
  const version = useApiData<DefinitionVersion>(
    detail ? `/api/workflow-definitions/${encodeURIComponent(detail.definitionId)}?version=${detail.definitionVersion}` : null,
  )
  const descriptors = useApiData<ActivityDescriptor[]>('/api/activities')
  const journal = useJournal(instanceId, detail?.updatedAt)
  const waitsForPeople = !!detail?.bookmarks.some((b) => b.kind === 'HumanTask')
  const tasks = useApiData<Page<HumanTask>>(waitsForPeople ? `/api/tasks?instanceId=${encodeURIComponent(instanceId)}&pageSize=100` : null)
  const { reload: reloadTasks } = tasks
  useEffect(() => reloadTasks(), [detail?.updatedAt, reloadTasks])
  // Children change status on their own pages; a change of this instance (a child ending resumes it) fetches them again.
  const children = useApiData<InstanceSummary[]>(detail ? `/api/workflow-instances/${encodeURIComponent(instanceId)}/children` : null)
  const { reload: reloadChildren } = children
  useEffect(() => reloadChildren(), [detail?.updatedAt, reloadChildren])
  const childList = children.data ?? []
  // Names for the children's workflows: only fetched when there are children to name.
  const definitions = useApiData<DefinitionSummary[]>(childList.length > 0 ? '/api/workflow-definitions' : null)
  const workflowNames = useMemo(() => new Map(definitions.data?.map((d) => [d.id, d.name])), [definitions.data])

  const definition = version.data?.definition
  const workflowName = definition?.name ?? detail?.definitionId ?? ''
  usePageTitle(detail ? `Instance of ${workflowName}` : 'Instance')
  const activityNames = useMemo(() => {
    const typeNames = new Map(descriptors.data?.map((d) => [d.type, d.displayName]))
    return new Map(definition?.activities.map((a) => [a.id, a.displayName || typeNames.get(a.type) || a.id]))
  }, [definition, descriptors.data])
  const [selectedStep, setSelectedStep] = useState<string | null>(null)
  const journalHeading = useRef<HTMLHeadingElement>(null)
  function selectStep(activityId: string) {
    setSelectedStep(activityId)
    // Take the user to what they asked for: the step's journal entries, below the chart.
    journalHeading.current?.focus()
  }
  const path = useMemo(() => runPath(journal.entries, detail ?? null, definition?.connections ?? []), [journal.entries, detail, definition])

  if (error !== undefined && !detail)
    return (
      <section className="page">
        <h1>Instance</h1>
        <div className="alert error" role="alert">
          <p>
            {error instanceof ApiError && error.status === 404
              ? 'There is no instance with this id. It may have been typed wrongly.'
              : `The instance could not be loaded: ${describeError(error)}`}
          </p>
        </div>
        <p>
          <Link to="/instances">Back to all instances</Link>
        </p>
      </section>
    )
  if (!detail)
    return (
      <section className="page">
        <h1>Instance</h1>
        <p role="status">Loading the instance…</p>
      </section>
    )

  const live = detail.status === 'running' || detail.status === 'suspended'
  return (
    <section className="page instance-page">
      <p className="breadcrumb">
        <Link to="/instances">All instances</Link>
      </p>
      <h1>Instance of {workflowName}</h1>
      {live && <p className="muted">This page follows the instance and updates by itself while it runs or waits.</p>}
      {error !== undefined && (
        <p className="alert warning">The latest state could not be fetched: {describeError(error)} The page shows the state last seen.</p>
      )}
      {detail.status === 'faulted' && detail.faultMessage && (
        <div className="alert error">
          <strong>Why it stopped:</strong> {detail.faultMessage}
        </div>
      )}
      <div className="card">
        <InstanceHeader detail={detail} workflowName={workflowName} />
        <InstanceActions detail={detail} onChanged={replace} />
      </div>

      <h2>Waiting for</h2>
      <WaitList
        bookmarks={detail.bookmarks}
        activityNames={activityNames}
        tasks={tasks.data?.items ?? []}
        childInstances={childList}
        workflowNames={workflowNames}
      />

      {childList.length > 0 && (
        <>
          <h2>Instances it started</h2>
          <InstanceTable instances={childList} workflowNames={workflowNames} caption="Instances this instance started, oldest first" />
        </>
      )}

      <h2>Incidents</h2>
      <IncidentList incidents={detail.incidents} activityNames={activityNames} />

      <h2>Path taken</h2>
      <p className="muted">Choose a step to see only its entries in the journal.</p>
      {version.error !== undefined ? (
        <p className="alert warning">The workflow version could not be loaded, so the chart cannot be drawn: {describeError(version.error)}</p>
      ) : definition && descriptors.data ? (
        <div className="card flowchart-card">
          <FlowchartView
            definition={definition}
            descriptors={descriptors.data}
            steps={path.steps}
            takenConnections={path.taken}
            onSelectStep={selectStep}
            height={420}
          />
        </div>
      ) : (
        <p role="status">Loading the chart…</p>
      )}

      <h2 ref={journalHeading} tabIndex={-1}>
        Journal
      </h2>
      {journal.error !== undefined && (
        <p className="alert error" role="alert">
          The journal could not be loaded: {describeError(journal.error)}
        </p>
      )}
      <JournalTimeline
        key={selectedStep ?? 'all'}
        entries={journal.entries}
        activityNames={activityNames}
        truncated={journal.truncated}
        activityId={selectedStep}
        onShowAll={() => setSelectedStep(null)}
      />

      <div className="data-columns">
        <div>
          <h2>Variables</h2>
          <ValuesTable caption="Variables" values={detail.variables} empty="This workflow has no variables." />
        </div>
        <div>
          <h2>Input</h2>
          <ValuesTable caption="Input" values={detail.input} empty="It was started without input." />
          <h2>Output</h2>
          <ValuesTable
            caption="Output"
            values={detail.output}
            empty={detail.status === 'finished' ? 'It finished without output.' : 'The output is set when the instance finishes.'}
          />
        </div>
      </div>
    </section>
  )
}
