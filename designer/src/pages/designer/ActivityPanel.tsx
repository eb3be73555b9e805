// The property panel of one selected step, generated from its activity's descriptor.

import type { ActivityDescriptor, ActivityNode, InputValue, WorkflowDefinition } from '../../api/types'
import type { ProblemError } from '../../api/client'
import type { ScopeName } from '../../expressions/scope'
import { outcomesOf } from '../../flowchart/outcomes'
import ActivityIdField from './ActivityIdField'
import { fieldDomId } from './fieldIds'
import InputField from './InputField'
import NextSteps from './NextSteps'

interface Props {
  activity: ActivityNode
  descriptor: ActivityDescriptor | undefined
  definition: WorkflowDefinition
  descriptors: Map<string, ActivityDescriptor>
  problems: ProblemError[]
  names: ScopeName[]
  onRename: (next: string) => void
  onDisplayName: (name: string) => void
  onInput: (name: string, value: InputValue | undefined) => void
  onSetNext: (outcome: string, to: string | null) => void
  onDelete: () => void
}

export default function ActivityPanel({ activity, descriptor, definition, descriptors, problems, names, onRename, onDisplayName, onInput, onSetNext, onDelete }: Props) {
  const nameId = fieldDomId(activity.id, 'displayName')
  const otherProblems = problems.filter((p) => !p.field?.startsWith('inputs.'))
  return (
    <div className="activity-panel">
      <h2>
        {activity.displayName || activity.id} <span className="muted">({descriptor?.displayName ?? activity.type})</span>
      </h2>
      {descriptor ? <p className="hint">{descriptor.description}</p> : <p className="alert error">The server has no activity type called {activity.type}.</p>}
      {otherProblems.length > 0 && (
        <ul className="alert error step-problems" aria-label="Problems with this step">
          {otherProblems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <ActivityIdField id={activity.id} domId={fieldDomId(activity.id, 'id')} taken={definition.activities.map((a) => a.id)} onRename={onRename} />
      <div className="field">
        <label htmlFor={nameId}>Name on the canvas</label>
        <input id={nameId} type="text" value={activity.displayName ?? ''} placeholder={activity.id} onChange={(e) => onDisplayName(e.target.value)} />
      </div>
      {descriptor && descriptor.inputs.length > 0 && (
        <section aria-labelledby={`${nameId}-settings`}>
          <h3 id={`${nameId}-settings`}>Settings</h3>
          {descriptor.isTrigger && (
            <p className="hint">
              This trigger starts the workflow. Its settings are read when the workflow is published, so they are plain values, not
              expressions or templates.
            </p>
          )}
          {descriptor.inputs.map((input) => (
            <InputField
              key={`${activity.id}:${input.name}`}
              id={fieldDomId(activity.id, `inputs.${input.name}`)}
              input={input}
              value={activity.inputs[input.name] as InputValue | undefined}
              onChange={(v) => onInput(input.name, v)}
              error={problems.find((p) => p.field === `inputs.${input.name}`)?.message}
              names={names}
              valuesOnly={descriptor.isTrigger === true}
            />
          ))}
        </section>
      )}
      <section aria-labelledby={`${nameId}-next`}>
        <h3 id={`${nameId}-next`}>Next steps</h3>
        <NextSteps
          activity={activity}
          outcomes={outcomesOf(activity, descriptor, definition.connections)}
          activities={definition.activities}
          connections={definition.connections}
          descriptors={descriptors}
          onSetNext={onSetNext}
        />
      </section>
      <button type="button" className="button danger" onClick={onDelete}>
        Delete this step
      </button>
    </div>
  )
}
