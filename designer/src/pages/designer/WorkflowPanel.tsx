// Workflow-level settings: name, description, and the inputs, outputs and variables.

import type { ProblemError } from '../../api/client'
import type { WorkflowDefinition } from '../../api/types'
import { fieldDomId } from './fieldIds'
import ParameterList, { type ParameterKind } from './ParameterList'

interface Props {
  definition: WorkflowDefinition
  problems: ProblemError[]
  onChange: (change: Partial<WorkflowDefinition>, coalesce: string) => void
}

export default function WorkflowPanel({ definition, problems, onChange }: Props) {
  const errors = new Map(problems.filter((p) => !p.activityId && p.field).map((p) => [p.field!, p.message]))
  const nameId = fieldDomId('workflow', 'name')
  const descriptionId = fieldDomId('workflow', 'description')
  const nameError = errors.get('name')
  const sections: [ParameterKind, string, string][] = [
    ['inputs', 'Inputs', 'What a caller gives when starting the workflow; expressions read them as input.<name>.'],
    ['outputs', 'Outputs', 'What the workflow returns; each is read from the variable of the same name when it finishes.'],
    ['variables', 'Variables', 'Values kept while it runs; expressions read them as variables.<name>.'],
  ]
  return (
    <div className="workflow-panel">
      <h2>Workflow settings</h2>
      <div className="field">
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          type="text"
          value={definition.name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${nameId}-error` : undefined}
          onChange={(e) => onChange({ name: e.target.value }, 'name')}
        />
        {nameError && (
          <p className="field-error" id={`${nameId}-error`}>
            {nameError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={descriptionId}>Description</label>
        <textarea id={descriptionId} rows={3} value={definition.description ?? ''} onChange={(e) => onChange({ description: e.target.value || null }, 'description')} />
      </div>
      {sections.map(([kind, title, help]) => (
        <section key={kind} aria-labelledby={`wf-${kind}`}>
          <h3 id={`wf-${kind}`}>{title}</h3>
          <p className="hint">{help}</p>
          <ParameterList kind={kind} items={definition[kind] as never} errors={errors} onChange={(items) => onChange({ [kind]: items }, kind)} />
        </section>
      ))}
    </div>
  )
}
