// Every problem the validator found; choosing one selects its step and focuses the field it names.

import type { ProblemError } from '../../api/client'
import type { WorkflowDefinition } from '../../api/types'

interface Props {
  problems: ProblemError[]
  definition: WorkflowDefinition
  onOpen: (problem: ProblemError) => void
}

export default function ProblemsList({ problems, definition, onOpen }: Props) {
  if (problems.length === 0)
    return (
      <p className="no-problems">
        <span aria-hidden="true">✓ </span>No problems found: the workflow can be published.
      </p>
    )
  const nameOf = (id: string) => {
    const a = definition.activities.find((x) => x.id === id)
    return a?.displayName || id
  }
  return (
    <ul className="problems-list">
      {problems.map((p, i) => (
        <li key={i}>
          <button type="button" className="problem" onClick={() => onOpen(p)}>
            <span aria-hidden="true">⚠ </span>
            <strong>{p.activityId ? nameOf(p.activityId) : 'Workflow'}</strong>
            {p.field ? ` · ${p.field}` : ''}: {p.message}
          </button>
        </li>
      ))}
    </ul>
  )
}
