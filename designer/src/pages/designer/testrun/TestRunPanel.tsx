// Test runs from the designer: a start form generated from the workflow's inputs, the run's progress (the canvas
// lights up the path), each step's journal, and inline completion of a waiting human task or signal.

import { useState } from 'react'
import { Link } from 'react-router-dom'
import { api, ApiError, describeError } from '../../../api/client'
import type { InstanceDetail, JournalEntry } from '../../../api/designer'
import type { Json, WorkflowDefinition } from '../../../api/types'
import SchemaForm from '../../../forms/SchemaForm'
import { stepStateLabels } from '../../../flowchart/stepState'
import { inputDefaults, inputsSchema } from './inputsSchema'
import { isEnded, statusText, type RunPath } from './runState'
import SignalInline from './SignalInline'
import StepDetails from './StepDetails'
import TaskInline from './TaskInline'
import type { useTestRun } from './useTestRun'
import { shortId } from '../../../api/shortId'

interface Props {
  definition: WorkflowDefinition
  publishedVersion: number | null
  hasUnpublishedChanges: boolean
  run: ReturnType<typeof useTestRun>
  path: RunPath
  selectedStep: string | null
  onSelectStep: (id: string) => void
}

function outcomesFor(definition: WorkflowDefinition, activityId: string): string[] {
  const value = definition.activities.find((a) => a.id === activityId)?.inputs.outcomes as Json | undefined
  return Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length > 0 ? (value as string[]) : ['Done']
}

export default function TestRunPanel({ definition, publishedVersion, hasUnpublishedChanges, run, path, selectedStep, onSelectStep }: Props) {
  const [input, setInput] = useState<Record<string, unknown>>(() => inputDefaults(definition.inputs))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [startError, setStartError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const { instance } = run

  const start = async () => {
    setStarting(true)
    try {
      const started = await api<InstanceDetail>(`/api/workflow-definitions/${encodeURIComponent(definition.id)}/instances`, { method: 'POST', body: { input } })
      setErrors({})
      setStartError(null)
      run.track(started)
    } catch (e) {
      setStartError(describeError(e))
      if (e instanceof ApiError && e.problem.errors)
        setErrors(Object.fromEntries(e.problem.errors.filter((x) => x.field).map((x) => [x.field!.replace(/^input\./, ''), x.message])))
    } finally {
      setStarting(false)
    }
  }

  const cancel = async () => {
    if (!instance) return
    try {
      await api(`/api/workflow-instances/${instance.id}/cancel`, { method: 'POST' })
      await run.refresh()
    } catch (e) {
      setStartError(describeError(e))
    }
  }

  const entriesFor = (id: string): JournalEntry[] => run.journal.filter((e) => e.activityId === id)
  return (
    <div className="test-run">
      <h2>Test run</h2>
      {publishedVersion === null ? (
        <p className="alert warning">
          This workflow has not been published yet. A test run starts the published version, so publish it first (the <strong>Publish</strong> button above).
        </p>
      ) : (
        hasUnpublishedChanges && (
          <p className="alert warning">A test run uses published version {publishedVersion}; your changes since then are not in it until you publish them.</p>
        )
      )}
      {!instance && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void start()
          }}
        >
          {definition.inputs.length === 0 ? (
            <p className="hint">This workflow takes no inputs.</p>
          ) : (
            <fieldset>
              <legend>Inputs for the run</legend>
              <SchemaForm schema={inputsSchema(definition.inputs)} value={input} onChange={setInput} idPrefix="run-input" errors={errors} disabled={starting} />
            </fieldset>
          )}
          {startError && (
            <div className="alert error" role="alert">
              {startError}
            </div>
          )}
          <button type="submit" className="button primary" disabled={publishedVersion === null || starting}>
            {starting ? 'Starting…' : 'Start test run'}
          </button>
        </form>
      )}
      {instance && (
        <>
          <p className="run-status" role="status">
            Run <Link to={`/instances/${encodeURIComponent(instance.id)}`} aria-label={`Run ${shortId(instance.id)}: open its instance page`}><code>{shortId(instance.id)}</code></Link> (version {instance.definitionVersion}): <strong>{statusText[instance.status] ?? instance.status}</strong>
            {instance.faultMessage ? `: ${instance.faultMessage}` : ''}
          </p>
          {run.error && <p className="alert error">{run.error}</p>}
          {run.tasks.map((t) => (
            <TaskInline key={t.id} task={t} outcomes={outcomesFor(definition, t.activityId)} onDone={() => void run.refresh()} />
          ))}
          {instance.bookmarks
            .filter((b) => b.kind === 'Signal')
            .map((b) => (
              <SignalInline key={b.id} bookmark={b} onDone={() => void run.refresh()} />
            ))}
          <h3>Steps taken</h3>
          <ol className="run-steps">
            {path.order.map((id) => {
              const s = path.steps[id]
              return (
                <li key={id}>
                  <button type="button" className="run-step" aria-pressed={selectedStep === id} onClick={() => onSelectStep(id)}>
                    {s && (
                      <span className={`fc-badge fc-badge-${s}`}>
                        <span aria-hidden="true">{stepStateLabels[s].icon}</span> {stepStateLabels[s].text}
                      </span>
                    )}{' '}
                    {definition.activities.find((a) => a.id === id)?.displayName || id}
                  </button>
                </li>
              )
            })}
          </ol>
          {selectedStep && <StepDetails activityId={selectedStep} state={path.steps[selectedStep]} entries={entriesFor(selectedStep)} />}
          <div className="button-row">
            {!isEnded(instance.status) && (
              <button type="button" className="button danger" onClick={() => void cancel()}>
                Cancel run
              </button>
            )}
            <button type="button" className="button secondary" onClick={run.clear}>
              {isEnded(instance.status) ? 'New test run' : 'Stop watching'}
            </button>
          </div>
        </>
      )}
    </div>
  )
}
